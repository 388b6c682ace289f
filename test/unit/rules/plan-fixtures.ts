/**
 * Test plans for rule tests: one clean acute IPT plan (no diagnostics at all) and small helpers to
 * change it, so each test states only the mistake it is about.
 */
import { analyse, type AnalyseOptions } from '../../../server/src/analyse.js';
import type { Diagnostic } from '../../../server/src/language/diagnostic.js';
import type { Range } from '../../../server/src/language/span.js';

/** A clean, complete acute IPT plan (role dispute, 16 weekly sessions). Lines are 0-based below. */
export const basePlan = `plan "C-0142 acute IPT"
  client "C-0142"
  clinician "J. Rivera, LCSW"
  supervisor "M. Okafor, PhD"
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
  safety-plan "Warning signs, coping steps and contacts agreed in session 1; crisis line 988"

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
  session 8-13 "Rehearse new ways to negotiate"
    technique role-play, decision-analysis
    targets G2
    homework "One ten-minute check-in with partner each week"

phase termination sessions 14-16
  session 14 "Review progress"
    task review-progress
  session 15 "Relapse warning signs"
    task relapse-prevention
  session 16 "Ending and next steps"
    task discuss-ending, maintenance-plan
`;

/**
 * Replaces the one occurrence of `from` in `text` with `to`. Throws when `from` is absent or occurs
 * more than once, so a test can never silently run on an unchanged plan.
 */
export function replace(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0) throw new Error(`replace: ${JSON.stringify(from)} is not in the plan`);
  if (text.indexOf(from, first + 1) >= 0) throw new Error(`replace: ${JSON.stringify(from)} occurs more than once`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** Removes the one occurrence of `snippet` (use whole lines with their `\n`). */
export function remove(text: string, snippet: string): string {
  return replace(text, snippet, '');
}

/** The 0-based range of the `occurrence`-th (0-based) appearance of `snippet` in `text`. */
export function rangeOfText(text: string, snippet: string, occurrence = 0): Range {
  let index = -1;
  for (let n = 0; n <= occurrence; n++) {
    index = text.indexOf(snippet, index + 1);
    if (index < 0) throw new Error(`rangeOfText: occurrence ${occurrence} of ${JSON.stringify(snippet)} is not in the plan`);
  }
  return { start: positionAt(text, index), end: positionAt(text, index + snippet.length) };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** All diagnostics of one rule for a plan text. */
export function diagnosticsOf(ruleId: string, text: string, options?: AnalyseOptions): Diagnostic[] {
  return analyse(text, options).diagnostics.filter((d) => d.rule === ruleId);
}

/** Applies a fix's edits (non-overlapping) to the text, last edit first. */
export function applyEdits(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

/** A range on one line, 0-based, for exact range assertions. */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Every diagnostic of the plan, as `rule` ids, to check that one mistake gives one diagnostic. */
export function ruleIds(text: string, options?: AnalyseOptions): string[] {
  return analyse(text, options).diagnostics.map((d) => d.rule);
}
