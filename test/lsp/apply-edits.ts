/** Applies LSP text edits to a text, as an editor does (edits do not overlap; applied last first). */
import type { TextEdit } from 'vscode-languageserver-protocol';
import type { Position } from './markers.js';

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const located = edits.map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }));
  located.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of located) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
