/**
 * `technique`: Techniques are IPT techniques. A known non-IPT technique (CBT, behavioural,
 * psychodynamic…) gets the catalogue's explanation; a task written as a technique is pointed to
 * `task`. IPT techniques are not tied to a phase: the manual treats them as shared tools, and what
 * is specific to IPT is the problem-area strategy [S3] [S35] (ipt-domain.md §3), so no phase check.
 */
import type { ListItem, Word } from '../language/ast.js';
import { findEntry } from '../language/catalogue.js';
import type { Fix } from '../language/diagnostic.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { changeTo, namesOf, suggestUnique } from '../language/suggest.js';

export default {
  id: 'technique',
  defaultSeverity: 'warning',
  description: 'Techniques are known IPT techniques; known non-IPT techniques are explained.',
  docsUrl: docsUrl('technique'),
  scope: 'statement',
  check(ctx) {
    for (const phase of ctx.file.phases) {
      for (const session of phase.sessions) {
        for (const item of session.items) {
          if (item.kind !== 'technique') continue;
          for (const word of item.values) checkTechnique(ctx, item, word);
        }
      }
    }
  },
} satisfies Rule;

function checkTechnique(ctx: RuleContext, item: ListItem, word: Word): void {
  const { catalogue } = ctx;
  if (findEntry(catalogue.techniques, word.value)) return;

  const nonIpt = findEntry(catalogue.nonIptTechniques, word.value);
  if (nonIpt) {
    ctx.report({
      span: word.span,
      message: `\`${word.value}\` is not an IPT technique. ${sentence(nonIpt.reason)}`,
    });
    return;
  }

  const task = findEntry(catalogue.tasks, word.value);
  if (task) {
    ctx.report({
      span: word.span,
      message: `\`${word.value}\` is an IPT task, not a technique. List it on a \`task\` line instead.`,
      fixes: item.values.length === 1 ? [{ title: `Make this a \`task\` line`, edits: [{ span: item.keyword, newText: 'task' }] }] : undefined,
    });
    return;
  }

  const suggestion = suggestUnique(word.value, namesOf(catalogue.techniques));
  const fixes: Fix[] | undefined = suggestion
    ? [changeTo(word, suggestion)]
    : undefined;
  ctx.report({
    span: word.span,
    message: suggestion
      ? `\`${word.value}\` is not a known IPT technique. Did you mean \`${suggestion}\`?`
      : `\`${word.value}\` is not a known IPT technique. Use an IPT technique (e.g. \`exploratory-questioning\`, \`communication-analysis\`, \`role-play\`), or add it to \`vocabulary.techniques\` in .iptrc.json if your service uses it.`,
    fixes,
  });
}

/** The catalogue's reason as a sentence: capitalised, ending with a full stop. */
function sentence(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) return 'It belongs to another therapy; remove it, or name the IPT technique you mean.';
  const text = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
