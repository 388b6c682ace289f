/**
 * Formatting part of a plan, and indenting as one types. Both follow the canonical layout of
 * server/src/format/ (the same formatter as `ipt fmt`); neither touches lines outside their reach.
 */
import type { TextEdit } from '../language/diagnostic.js';
import { keywordSpellings, type KeywordSpelling } from '../language/lexer.js';
import type { Span } from '../language/span.js';
import { LineIndex } from '../language/span.js';
import { formatEdits } from '../format/edits.js';
import { format } from '../format/format.js';
import { INDENT, levelOf } from '../format/layout.js';

const keywords: ReadonlySet<string> = new Set(keywordSpellings);

interface Line {
  start: number;
  /** Without the line break. */
  text: string;
}

function linesOf(text: string): Line[] {
  const index = new LineIndex(text);
  return index.lineStarts.map((start, line) => ({ start, text: text.slice(start, index.lineEnd(line)) }));
}

/**
 * Edits that give each non-blank line touching `span` its canonical indentation and spacing. Blank
 * lines are left as they are (adding or removing them is whole-document formatting's job).
 * Refused (an error) while the plan has syntax errors, like whole-document formatting.
 */
export function rangeFormatEdits(text: string, span: Span): { edits: TextEdit[] } | { error: string } {
  const formatted = format(text);
  if ('error' in formatted) return formatted;
  const before = linesOf(text).filter((line) => line.text.trim() !== '');
  const after = linesOf(formatted.text.replace(/^\uFEFF/, '')).filter((line) => line.text.trim() !== '');
  if (before.length !== after.length) {
    // Not expected (the formatter keeps every non-blank line), but then fall back to the whole-file edits in the range.
    const all = formatEdits(text);
    return 'error' in all ? all : { edits: all.edits.filter((edit) => edit.span.end >= span.start && edit.span.start <= span.end) };
  }
  const edits: TextEdit[] = [];
  before.forEach((line, i) => {
    const end = line.start + line.text.length;
    if (end < span.start || line.start > span.end) return;
    if (line.text !== after[i].text) edits.push({ span: { start: line.start, end }, newText: after[i].text });
  });
  return { edits };
}

/** The level of the statements inside a block that this keyword opens, or its own level. */
function levelAfter(keyword: KeywordSpelling): number | undefined {
  switch (keyword) {
    case 'plan':
    case 'focus':
    case 'risk':
    case 'phase':
      return 1;
    case 'session':
      return 2;
    default:
      return levelOf(keyword);
  }
}

function leadingKeyword(text: string): KeywordSpelling | undefined {
  const word = /^\s*([a-z][a-z-]*)/.exec(text)?.[1];
  return word !== undefined && keywords.has(word) ? (word as KeywordSpelling) : undefined;
}

/**
 * After a line break is typed at `offset`: indents the new line for what the line above opens
 * (`phase …` → 2 spaces, `session …` → 4), or, when the line already starts with a keyword, for
 * that keyword. A line above that is a comment or not a statement keeps its indentation.
 */
export function onTypeFormatEdits(text: string, offset: number, typed: string): TextEdit[] {
  if (typed !== '\n') return [];
  const index = new LineIndex(text);
  const line = index.positionAt(offset).line;
  const start = index.lineStarts[line];
  const current = text.slice(start, index.lineEnd(line));
  const indent = /^[ \t]*/.exec(current)![0];
  let level: number | undefined;
  const own = leadingKeyword(current);
  if (own) level = levelOf(own);
  else {
    for (let above = line - 1; above >= 0 && level === undefined; above--) {
      const aboveText = text.slice(index.lineStarts[above], index.lineEnd(above));
      if (aboveText.trim() === '') continue;
      const keyword = leadingKeyword(aboveText);
      if (keyword) level = levelAfter(keyword);
      else return indentEdit(start, indent, /^[ \t]*/.exec(aboveText)![0]);
    }
  }
  return level === undefined ? [] : indentEdit(start, indent, INDENT.repeat(level));
}

function indentEdit(lineStart: number, indent: string, wanted: string): TextEdit[] {
  return indent === wanted ? [] : [{ span: { start: lineStart, end: lineStart + indent.length }, newText: wanted }];
}
