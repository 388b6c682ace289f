/**
 * The formatter's result as minimal text edits, for the editor: only the lines that change are
 * replaced, so the cursor, folding and undo history of untouched lines are left alone.
 */
import type { TextEdit } from '../language/diagnostic.js';
import { format } from './format.js';

const MAX_TABLE_CELLS = 4_000_000;

export type FormatEditsResult = { edits: TextEdit[] } | { error: string };

export function formatEdits(text: string): FormatEditsResult {
  const result = format(text);
  if ('error' in result) return result;
  if (!result.changed) return { edits: [] };
  return { edits: alignedEdits(text, result.text) ?? lineEdits(text, result.text) };
}

/**
 * The formatter keeps every non-blank line, in order, and only adds or removes blank lines, so the
 * two texts align in one pass: non-blank lines pair up in order, and an unpaired blank line is an
 * insertion or a deletion. Returns undefined if the texts do not align that way.
 */
export function alignedEdits(before: string, after: string): TextEdit[] | undefined {
  const a = linesOf(before);
  const b = linesOf(after);
  const blank = (line: Line) => line.text.trim() === '';
  if (a.filter((l) => !blank(l)).length !== b.filter((l) => !blank(l)).length) return undefined;

  const edits: TextEdit[] = [];
  const change = (start: number, end: number, newText: string) => {
    const last = edits[edits.length - 1];
    if (last && last.span.end === start) {
      last.span.end = end;
      last.newText += newText;
    } else edits.push({ span: { start, end }, newText });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const start = x ? x.start : before.length;
    if (x && (!y || (blank(x) && !blank(y)))) {
      change(start, start + x.text.length, ''); // a blank line the formatter removed
      i++;
    } else if (y && (!x || (!blank(x) && blank(y)))) {
      change(start, start, y.text); // a blank line the formatter added
      j++;
    } else {
      if (x.text !== y.text) change(start, start + x.text.length, y.text);
      i++;
      j++;
    }
  }
  return edits;
}

/** A line with its line break, and where it starts in its text. */
interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '') break;
    lines.push({ text: match[0], start: match.index });
  }
  return lines;
}

/**
 * Edits that turn `before` into `after`, one per run of changed lines (line breaks included, so a
 * changed line end is a changed line). Uses the longest common subsequence of lines between the
 * common head and tail; plans are small, so the quadratic table is cheap.
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  const a = linesOf(before);
  const b = linesOf(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head].text === b[head].text) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].text === b[b.length - 1 - tail].text) tail++;

  const x = a.slice(head, a.length - tail).map((l) => l.text);
  const y = b.slice(head, b.length - tail).map((l) => l.text);
  // The table is |x|·|y| cells; past a few million (a huge file changed throughout), one edit for the
  // changed middle is as useful and keeps memory small.
  const matches = x.length * y.length <= MAX_TABLE_CELLS ? commonLines(x, y) : [];

  const edits: TextEdit[] = [];
  const offsetOf = (i: number) => (i < a.length ? a[i].start : before.length);
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matches, [x.length, y.length] as const]) {
    if (mi > i || mj > j) {
      edits.push({
        span: { start: offsetOf(head + i), end: offsetOf(head + mi) },
        newText: y.slice(j, mj).join(''),
      });
    }
    i = mi + 1;
    j = mj + 1;
  }
  return edits;
}

/** Index pairs of a longest common subsequence of two line lists, in order. */
function commonLines(x: string[], y: string[]): [number, number][] {
  const n = x.length;
  const m = y.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i][j] = x[i] === y[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}
