/**
 * The canonical nesting level of each statement keyword (2 spaces per level). Indentation is not
 * significant in the language, so the level follows from the keyword alone: this keeps the
 * formatter predictable even for unusual (but valid) plans.
 */
import type { KeywordSpelling } from '../language/lexer.js';

export const INDENT = '  ';

const levels: Partial<Record<KeywordSpelling, number>> = {
  plan: 0,
  client: 1,
  clinician: 1,
  supervisor: 1,
  variant: 1,
  diagnosis: 1,
  sessions: 1,
  start: 1,
  focus: 0,
  measure: 0,
  risk: 0,
  phase: 0,
  stage: 1,
  goal: 1,
  'safety-plan': 1,
  session: 1,
  task: 2,
  technique: 2,
  targets: 2,
  homework: 2,
  note: 2,
  score: 2,
  date: 2,
  status: 2,
};

/** The nesting level of a statement that starts with this keyword; undefined for a non-statement word. */
export function levelOf(keyword: KeywordSpelling | undefined): number | undefined {
  return keyword === undefined ? undefined : levels[keyword];
}

/** Keywords that open a top-level section: one blank line goes before each (measures group together). */
export function opensSection(keyword: KeywordSpelling | undefined): boolean {
  return keyword === 'focus' || keyword === 'measure' || keyword === 'risk' || keyword === 'phase';
}
