/** `unknown-value`: A value from a fixed list that isn't in it: cadence, risk level, session status. */
import type { Word } from '../language/ast.js';
import type { CatalogueEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { entryNames, listOf, replacementSuggestion } from './structure-queries.js';

export default {
  id: 'unknown-value',
  defaultSeverity: 'error',
  description: "A value from a fixed list that isn't in it: cadence, risk level, session status.",
  docsUrl: docsUrl('unknown-value'),
  scope: 'statement',
  check(ctx) {
    const { cadences, riskLevels, statuses } = ctx.catalogue;
    for (const header of ctx.file.plan?.headers ?? []) {
      if (header.kind === 'sessions' && header.cadence) checkValue(ctx, header.cadence, cadences, 'a session cadence', '`sessions 16 weekly 50min`');
    }
    for (const risk of ctx.file.risks) {
      if (risk.level) checkValue(ctx, risk.level, riskLevels, 'a risk level', '`risk low "…"`');
    }
    for (const phase of ctx.file.phases) {
      for (const session of phase.sessions) {
        for (const item of session.items) {
          if (item.kind === 'status' && item.value) checkValue(ctx, item.value, statuses, 'a session status', '`status held`');
        }
      }
    }
  },
} satisfies Rule;

function checkValue(ctx: RuleContext, word: Word, entries: readonly CatalogueEntry[], what: string, example: string): void {
  if (findEntry(entries, word.value)) return;
  const hint = replacementSuggestion(word, entryNames(entries));
  ctx.report({
    span: word.span,
    message: `\`${word.value}\` is not ${what}; use one of ${listOf(entries.map((e) => e.id), 'or')}, e.g. ${example}.${hint.text}`,
    fixes: hint.fixes,
  });
}
