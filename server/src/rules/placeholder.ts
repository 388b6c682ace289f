/**
 * `placeholder`: Plan text that is still a placeholder — `TODO`, `TBD`, `TBC`, `FIXME`, `XXX`, or an
 * ellipsis standing for missing words (`"…"`, `"Conflict with … about …"`) — so an unfinished plan
 * (an `ipt new` skeleton, a copied template) cannot pass CI silently. Strings only: a TODO in a
 * comment is a note to the team, not plan text. One diagnostic per string, on its first placeholder.
 * What counts as a placeholder (and what does not: prose ellipses, quoted sentence frames) is in
 * placeholder-text.ts.
 *
 * One mistake, one diagnostic: a placeholder in the safety plan of a moderate or high risk is no
 * safety plan, an error `risk-assessment` reports; this rule says nothing about that string.
 */
import type { Statement } from '../language/ast.js';
import { decodeString, stringWords } from './plan-queries.js';
import { firstPlaceholder, MAY_HOLD_PLACEHOLDER } from './placeholder-text.js';
import { docsUrl, type Rule } from './rule.js';
import { safetyPlansNeeded } from './safety-plans-needed.js';

/** What the string is, for the message ("This goal is still a placeholder"). */
const WHAT: Partial<Record<Statement['kind'], string>> = {
  plan: 'plan title',
  client: 'client code',
  clinician: 'clinician',
  supervisor: 'supervisor',
  diagnosis: 'diagnosis',
  focus: 'focus description',
  goal: 'goal',
  risk: 'risk assessment',
  'safety-plan': 'safety plan',
  session: 'session title',
  homework: 'homework',
  note: 'note',
};

export default {
  id: 'placeholder',
  defaultSeverity: 'warning',
  description: 'No plan text is still a placeholder (`TODO`, `TBD`, `TBC`, `FIXME`, `XXX`, an ellipsis for missing words).',
  docsUrl: docsUrl('placeholder'),
  scope: 'statement',
  check(ctx) {
    const ownedByRisk = safetyPlansNeeded(ctx.file);
    for (const { word, statement } of stringWords(ctx.file)) {
      if (!MAY_HOLD_PLACEHOLDER.test(ctx.text.slice(word.span.start, word.span.end))) continue;
      if (statement.kind === 'safety-plan' && ownedByRisk.has(statement)) continue;
      const { value, offsets } = decodeString(ctx.text, word.span);
      const found = firstPlaceholder(value);
      if (!found) continue;
      const what = WHAT[statement.kind] ?? 'text';
      ctx.report({
        span: { start: offsets[found.start], end: offsets[found.end] },
        message: `This ${what} is still a placeholder (\`${value.slice(found.start, found.end)}\`). Write the real ${what} before the plan is used: an unfinished plan should not be signed off or merged.`,
      });
    }
  },
} satisfies Rule;
