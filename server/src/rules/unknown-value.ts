/** `unknown-value`: A value from a fixed list that isn't in it: cadence, risk level, session status. */
import type { Word } from '../language/ast.js';
import type { CatalogueEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { listOf, replacementSuggestion } from './structure-queries.js';
import { namesOf } from '../language/suggest.js';

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

/**
 * Words clinicians use for a listed value, each with the plan's word for it. Applied only when that
 * word is in the list being checked, so `done` becomes `held` for a status and nothing else.
 */
const SYNONYMS: Record<string, string> = {
  fortnightly: 'biweekly',
  'every-two-weeks': 'biweekly',
  medium: 'moderate',
  attended: 'held',
  done: 'held',
  completed: 'held',
  canceled: 'cancelled',
  'no-show': 'missed',
  dna: 'missed', // "did not attend"
  scheduled: 'planned',
};

function checkValue(ctx: RuleContext, word: Word, entries: readonly CatalogueEntry[], what: string, example: string): void {
  if (findEntry(entries, word.value)) return;
  const allowed = listOf(entries.map((e) => e.id), 'or');
  const synonym = SYNONYMS[word.value.toLowerCase()];
  if (synonym !== undefined && findEntry(entries, synonym)) {
    ctx.report({
      span: word.span,
      message: `\`${word.value}\` is not ${what}; the plan's word for it is \`${synonym}\` (one of ${allowed}). Write \`${synonym}\`.`,
      fixes: [{ title: `Replace with \`${synonym}\``, edits: [{ span: word.span, newText: synonym }], safe: true }],
    });
    return;
  }
  const hint = replacementSuggestion(word, namesOf(entries));
  ctx.report({
    span: word.span,
    message: `\`${word.value}\` is not ${what}; use one of ${allowed}, e.g. ${example}.${hint.text}`,
    fixes: hint.fixes,
  });
}
