/** `focus-area`: The focus names a known IPT problem area. */
import { findEntry } from '../language/catalogue.js';
import { docsUrl, type Rule } from './rule.js';
import { changeTo, choicesText, namesOf, suggestUnique } from '../language/suggest.js';

export default {
  id: 'focus-area',
  defaultSeverity: 'error',
  description: 'The focus names a known IPT problem area.',
  docsUrl: docsUrl('focus-area'),
  scope: 'statement',
  check(ctx) {
    const areas = ctx.catalogue.problemAreas;
    for (const focus of ctx.file.focuses) {
      const area = focus.area;
      if (!area || findEntry(areas, area.value)) continue;
      const suggestion = suggestUnique(area.value, namesOf(areas));
      const known = choicesText(areas);
      ctx.report({
        span: area.span,
        message: suggestion
          ? `\`${area.value}\` is not an IPT problem area. Did you mean \`${suggestion}\`?`
          : `\`${area.value}\` is not an IPT problem area. Use one of ${known}, or add it to \`vocabulary.problemAreas\` in .iptrc.json if your IPT adaptation defines it.`,
        fixes: suggestion
          ? [changeTo(area, suggestion)]
          : undefined,
      });
    }
  },
} satisfies Rule;

