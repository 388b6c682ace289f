/**
 * The "organise" edit: number the sessions consecutively from 1 in the order they are written,
 * each entry keeping its length (`session 4-13` stays ten sessions), and make each phase's range
 * the span of its sessions (a phase with no sessions keeps its length). For a plan where sessions
 * were inserted, moved or deleted. Measures' `at` lists and the `sessions` total are left as
 * written: those are clinical choices, and the rules report any mismatch.
 */
import type { Analysis } from '../analyse.js';
import type { SessionSpan } from '../language/ast.js';
import type { TextEdit } from '../language/diagnostic.js';

const numbers = (first: number, last: number) => (first === last ? `${first}` : `${first}-${last}`);

/** The edits, or undefined when the numbering is already consecutive or cannot be worked out safely. */
export function renumberSessionEdits(analysis: Analysis): TextEdit[] | undefined {
  if (analysis.diagnostics.some((d) => d.rule === 'syntax')) return undefined;
  const edits: TextEdit[] = [];
  const change = (span: SessionSpan, first: number, last: number) => {
    const text = numbers(first, last);
    if (analysis.text.slice(span.span.start, span.span.end) !== text) edits.push({ span: span.span, newText: text });
  };
  let next = 1;
  for (const phase of analysis.ast.phases) {
    const phaseFirst = next;
    if (phase.sessions.length === 0) {
      if (!phase.range) continue;
      if (phase.range.first > phase.range.last) return undefined;
      next += phase.range.last - phase.range.first + 1;
      change(phase.range, phaseFirst, next - 1);
      continue;
    }
    for (const session of phase.sessions) {
      const number = session.number;
      if (!number || number.first < 1 || number.first > number.last) return undefined;
      const length = number.last - number.first + 1;
      change(number, next, next + length - 1);
      next += length;
    }
    if (phase.range) change(phase.range, phaseFirst, next - 1);
  }
  return edits.length > 0 ? edits.sort((a, b) => a.span.start - b.span.start) : undefined;
}
