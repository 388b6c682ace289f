/** `single-focus`: Exactly one `focus`. */
import { docsUrl, type Rule } from './rule.js';
import { article, lineNumberOf, planAnchor } from './structure-queries.js';

export default {
  id: 'single-focus',
  defaultSeverity: 'error',
  description: 'Exactly one `focus`.',
  docsUrl: docsUrl('single-focus'),
  scope: 'plan',
  check(ctx) {
    const [first, ...others] = ctx.file.focuses;
    if (!first) {
      // The formulation links the episode to one problem area [S3]; the focus records it.
      ctx.report({
        span: planAnchor(ctx.file, ctx.text, ctx.lines),
        message:
          'The plan has no `focus`. IPT works on one problem area agreed in the formulation: add e.g. `focus role-dispute "…"` with its goals (areas: grief, role-dispute, role-transition, interpersonal-deficits).',
      });
      return;
    }
    const firstName = first.area ? `${article(first.area.value)} \`${first.area.value}\`` : 'a';
    const firstLine = lineNumberOf(ctx.lines, first.span.start);
    for (const focus of others) {
      // IPT keeps one focus, whichever matters most to the client [S4] [S24].
      ctx.report({
        span: focus.area?.span ?? focus.keyword,
        message: `The plan already has ${firstName} focus (line ${firstLine}); IPT works on one problem area at a time. Keep the area that matters most to the client and remove this one, or note it in the first focus's description.`,
        related: [{ span: first.span, message: 'The first focus of the plan.' }],
      });
    }
  },
} satisfies Rule;
