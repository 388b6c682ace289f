/**
 * `ipt lint --fix` (and the editor's "fix all"): applies every diagnostic's safe fixes, repeated until nothing changes (at most
 * 10 passes, since one fix can reveal another), then formats the result. Pure: text in, text out.
 * A plan with syntax errors is returned untouched: its structure is uncertain, so no edit is safe.
 */
import type { Analysis } from '../analyse.js';
import { minOf, pushAll } from '../language/arrays.js';
import type { Diagnostic, TextEdit } from '../language/diagnostic.js';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** How many fixes were applied over all passes. */
  applied: number;
  /** Why the plan was left as it was, when it was (syntax errors). */
  refused?: string;
}

export interface FixServices {
  analyse(text: string): Analysis;
  format(text: string): { text: string; changed: boolean } | { error: string };
}

export function applySafeFixes(original: string, services: FixServices): FixOutcome {
  let text = original;
  let applied = 0;
  const firstSyntax = syntaxErrors(services.analyse(text));
  if (firstSyntax.length > 0) return { text: original, applied: 0, refused: describeSyntax(firstSyntax) };

  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = chooseEdits(services.analyse(text).diagnostics);
    if (edits.count === 0) break;
    const next = applyEdits(text, edits.edits);
    // A fix must never break the plan: stop at the last text that still parses.
    if (syntaxErrors(services.analyse(next)).length > 0) break;
    if (next === text) break;
    text = next;
    applied += edits.count;
  }

  const formatted = services.format(text);
  if ('text' in formatted) text = formatted.text;
  return { text, applied };
}

/** The safe fixes of one pass: in text order, skipping any fix whose edits overlap one already chosen. */
export function chooseEdits(diagnostics: readonly Diagnostic[]): { edits: TextEdit[]; count: number } {
  const candidates = diagnostics
    .flatMap((d) => (d.fixes ?? []).filter((fix) => fix.safe === true).slice(0, 1))
    .filter((fix) => fix.edits.length > 0)
    .sort((a, b) => firstStart(a.edits) - firstStart(b.edits));
  const chosen: TextEdit[] = [];
  let count = 0;
  for (const fix of candidates) {
    if (fix.edits.some((edit) => chosen.some((taken) => overlaps(edit, taken)))) continue;
    if (fix.edits.some((edit, i) => fix.edits.some((other, j) => i !== j && overlaps(edit, other)))) continue;
    pushAll(chosen, fix.edits);
    count++;
  }
  return { edits: chosen, count };
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)) {
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  }
  return result;
}

/** Two edits conflict when their spans overlap; an insertion also conflicts with an edit that touches its place. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  const insertion = a.span.start === a.span.end || b.span.start === b.span.end;
  return insertion ? a.span.start <= b.span.end && b.span.start <= a.span.end : a.span.start < b.span.end && b.span.start < a.span.end;
}

function firstStart(edits: readonly TextEdit[]): number {
  return minOf(edits.map((edit) => edit.span.start));
}

function syntaxErrors(analysis: Analysis): Diagnostic[] {
  return analysis.diagnostics.filter((d) => d.rule === 'syntax');
}

export function describeSyntax(errors: readonly Diagnostic[]): string {
  const first = errors[0];
  const where = `${first.range.start.line + 1}:${first.range.start.character + 1}`;
  const count = errors.length === 1 ? 'a syntax error' : `${errors.length} syntax errors`;
  return `it has ${count} (first at ${where}: ${first.message})`;
}
