/** Test fixtures with an inline cursor marker `<|>`: the text without it, and the marker's offset. */
import { analyse, type Analysis } from '../../../server/src/analyse.js';
import type { Span } from '../../../server/src/language/span.js';

export const CURSOR = '<|>';

export function atCursor(source: string): { text: string; offset: number; analysis: Analysis } {
  const offset = source.indexOf(CURSOR);
  if (offset < 0 || source.indexOf(CURSOR, offset + 1) >= 0) throw new Error('A fixture needs exactly one <|> marker.');
  const text = source.slice(0, offset) + source.slice(offset + CURSOR.length);
  return { text, offset, analysis: analyse(text) };
}

/** The text a span covers, for readable assertions on replace ranges. */
export function spanText(text: string, span: Span | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}

/** A complete acute plan (the canonical example of docs/language.md, shortened), dated from 2026-02-02. */
export const PLAN = `plan "C-0142 acute IPT"
  client "C-0142"
  variant acute
  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1
  sessions 16 weekly 50min
  start 2026-02-02

focus role-dispute "Escalating conflict with partner about caring for their newborn"
  stage renegotiation
  goal G1 "Name each partner's expectations about caregiving roles"
  goal G2 "State needs calmly during disagreements"

measure PHQ-9 every 4
measure HAM-D at 1, 16

risk low "Passive thoughts of death at intake; no plan or intent"

phase initial sessions 1-3
  session 1 "Assessment, diagnosis and the sick role"
    task symptom-review, sick-role, medication-review
    score PHQ-9 18
  session 2 "Interpersonal inventory"
    task interpersonal-inventory
  session 3 "Formulation and treatment contract"
    task formulation, treatment-contract

phase middle sessions 4-13
  session 4-7 "Clarify the dispute and each side's expectations"
    technique communication-analysis, clarification, encouragement-of-affect
    targets G1
    score PHQ-9 12
  session 8-13 "Rehearse new ways to negotiate"
    technique role-play, decision-analysis
    targets G2
    score PHQ-9 8

phase termination sessions 14-16
  session 14 "Review progress"
    task review-progress
  session 15 "Relapse warning signs"
    task relapse-prevention
  session 16 "Ending and next steps"
    task discuss-ending, maintenance-plan
    score PHQ-9 4
`;

/** PLAN with `marker` placed in place of the first occurrence of `find` (the marker text included). */
export function planWith(find: string, replacement: string): string {
  if (!PLAN.includes(find)) throw new Error(`PLAN has no ${JSON.stringify(find)}`);
  return PLAN.replace(find, replacement);
}
