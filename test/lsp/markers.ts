/**
 * Fixtures with inline cursor markers `<|>`: the text without them, and each marker's offset and
 * LSP position (0-based line, UTF-16 character), in the order they appear.
 */
export const MARKER = '<|>';

export interface Position {
  line: number;
  character: number;
}

export interface Marked {
  text: string;
  offsets: number[];
  positions: Position[];
}

export function markers(source: string): Marked {
  const offsets: number[] = [];
  let text = '';
  let from = 0;
  for (let at = source.indexOf(MARKER); at >= 0; at = source.indexOf(MARKER, from)) {
    text += source.slice(from, at);
    offsets.push(text.length);
    from = at + MARKER.length;
  }
  text += source.slice(from);
  if (offsets.length === 0) throw new Error('The fixture has no <|> marker.');
  return { text, offsets, positions: offsets.map((offset) => positionAt(text, offset)) };
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: offset - lineStart };
}

/** The text an LSP range covers. */
export function textOf(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

/** A range between the first two markers. */
export function rangeOf(marked: Marked, first = 0): { start: Position; end: Position } {
  return { start: marked.positions[first], end: marked.positions[first + 1] };
}
