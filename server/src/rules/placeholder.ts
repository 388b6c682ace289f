/**
 * `placeholder`: Plan text that is still a placeholder — `TODO`, `TBD`, `TBC`, `FIXME`, `XXX`, or an
 * ellipsis standing for missing words (`"…"`, `"Conflict with … about …"`) — so an unfinished plan
 * (an `ipt new` skeleton, a copied template) cannot pass CI silently. Strings only: a TODO in a
 * comment is a note to the team, not plan text. One diagnostic per string, on its first placeholder.
 *
 * Precision: the words count only in capitals and whole (`to-do list`, `XXXL` are text), and an
 * ellipsis only when it is the whole string or stands alone between words; one that ends a sentence
 * ("did not know…", "contacts …") is prose.
 */
import type { Statement } from '../language/ast.js';
import { decodeString, stringWords } from './plan-queries.js';
import { docsUrl, type Rule } from './rule.js';

const WORD = /(?<![A-Za-z0-9])(?:TODO|TBD|TBC|FIXME|XXX)(?![A-Za-z0-9])/;
const WHOLE_ELLIPSIS = /^[ \t]*(…|\.{3,})[ \t]*$/;
const GAP_ELLIPSIS = /(?<=[ \t])(?:…|\.{3})(?=[ \t])/;
/** Every placeholder holds one of these: a quick test on the raw text before the string is decoded. */
const MAY_HOLD = /TODO|TBD|TBC|FIXME|XXX|…|\.\.\./;

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
    for (const { word, statement } of stringWords(ctx.file)) {
      if (!MAY_HOLD.test(ctx.text.slice(word.span.start, word.span.end))) continue;
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

/** The first placeholder in a string's text, if any. */
function firstPlaceholder(value: string): { start: number; end: number } | undefined {
  const whole = WHOLE_ELLIPSIS.exec(value);
  if (whole) {
    const start = whole.index + whole[0].indexOf(whole[1]);
    return { start, end: start + whole[1].length };
  }
  const matches = [WORD.exec(value), GAP_ELLIPSIS.exec(value)].filter((m): m is RegExpExecArray => m !== null);
  if (matches.length === 0) return undefined;
  const first = matches.reduce((a, b) => (b.index < a.index ? b : a));
  return { start: first.index, end: first.index + first[0].length };
}
