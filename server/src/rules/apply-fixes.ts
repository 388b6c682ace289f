/**
 * `ipt lint --fix` (and the editor's "fix all"): applies every diagnostic's safe fixes, repeated until nothing changes (at most
 * 10 passes, since one fix can reveal another), then formats the result. Pure: text in, text out.
 * A plan with syntax errors is returned untouched: its structure is uncertain, so no edit is safe.
 */
import type { Analysis } from '../analyse.js';
import { maxOf, minOf, pushAll } from '../language/arrays.js';
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
  const taken = new TakenPlaces(maxOf(candidates.flatMap((fix) => fix.edits.map((edit) => edit.span.end)), 0));
  let count = 0;
  for (const fix of candidates) {
    if (fix.edits.some((edit) => taken.conflicts(edit)) || overlapsItself(fix.edits)) continue;
    for (const edit of fix.edits) taken.take(edit);
    pushAll(chosen, fix.edits);
    count++;
  }
  return { edits: chosen, count };
}

/** Applies non-overlapping edits (any order) to a text, in one pass (one slice per edit, joined once). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)) {
    parts.push(text.slice(at, edit.span.start), edit.newText);
    at = edit.span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Two edits conflict when their spans overlap; an insertion also conflicts with an edit that touches its place. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  const insertion = a.span.start === a.span.end || b.span.start === b.span.end;
  return insertion ? a.span.start <= b.span.end && b.span.start <= a.span.end : a.span.start < b.span.end && b.span.start < a.span.end;
}

/** True when two edits of one fix overlap: sorted, an edit that overlaps a later one overlaps the next. */
function overlapsItself(edits: readonly TextEdit[]): boolean {
  if (edits.length < 2) return false;
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return sorted.some((edit, i) => i > 0 && overlaps(sorted[i - 1], edit));
}

/**
 * The places the chosen edits cover, asked "does this edit conflict with any of them?" in
 * logarithmic time (a scan of every chosen edit made fixing 35,000 unused directives quadratic).
 * On a doubled line, position p is point 2p and the gap after it 2p + 1: an edit that replaces text
 * covers the points strictly inside its span (2s + 1 … 2e − 1), an insertion covers 2p; an edit
 * that replaces text conflicts with anything covering 2s … 2e, an insertion with 2p − 1 … 2p + 1
 * (so it also conflicts with an edit that only touches its place, as `overlaps` says). The chosen
 * edits never overlap, so each point is covered at most once: marking costs the text's length at
 * most, and each question is a sum over a Fenwick tree.
 */
class TakenPlaces {
  private readonly covered: Uint8Array;
  private readonly tree: Int32Array;

  constructor(lastPosition: number) {
    this.covered = new Uint8Array(2 * lastPosition + 3);
    this.tree = new Int32Array(2 * lastPosition + 4);
  }

  conflicts(edit: TextEdit): boolean {
    const { start, end } = edit.span;
    return start === end ? this.any(2 * start - 1, 2 * start + 1) : this.any(2 * start, 2 * end);
  }

  take(edit: TextEdit): void {
    const { start, end } = edit.span;
    if (start === end) this.cover(2 * start);
    else for (let point = 2 * start + 1; point <= 2 * end - 1; point++) this.cover(point);
  }

  private cover(point: number): void {
    if (this.covered[point]) return;
    this.covered[point] = 1;
    for (let i = point + 1; i < this.tree.length; i += i & -i) this.tree[i]++;
  }

  /** Whether any point in [from, to] is covered. */
  private any(from: number, to: number): boolean {
    return this.coveredUpTo(Math.min(to, this.covered.length - 1)) - this.coveredUpTo(from - 1) > 0;
  }

  /** How many points in [0, point] are covered. */
  private coveredUpTo(point: number): number {
    let sum = 0;
    for (let i = point + 1; i > 0; i -= i & -i) sum += this.tree[i];
    return sum;
  }
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
