/**
 * The canonical formatter. Works line by line on the lexer's tokens, so every string, name and
 * number is copied byte for byte and every comment is kept; only whitespace, indentation, blank
 * lines and line ends change. Refuses files with syntax errors (their structure is uncertain).
 * The rules it applies are documented in docs/formatting.md.
 */
import type { IToken } from 'chevrotain';
import type { Comment } from '../language/ast.js';
import type { Report } from '../language/diagnostic.js';
import { keywordOf, lexPlan, type LexResult } from '../language/lexer.js';
import { parsePlan } from '../language/parser.js';
import { pushAll } from '../language/arrays.js';
import { planSizeProblem } from '../language/limits.js';
import { LineIndex } from '../language/span.js';
import { INDENT, levelOf, opensSection } from './layout.js';

export type FormatResult = { text: string; changed: boolean } | { error: string };

const BOM = '\ufeff';

interface SourceLine {
  /** The line's text without its line break. */
  raw: string;
  tokens: IToken[];
  comment?: Comment;
}

export function format(text: string): FormatResult {
  const source = typeof text === 'string' ? text : String(text ?? '');
  const bom = source.startsWith(BOM) ? BOM : '';
  const body = bom ? source.slice(1) : source;

  const tooLarge = planSizeProblem(source.length);
  if (tooLarge) return { error: `Not formatted: ${tooLarge}` };
  const lexed = lexPlan(body);
  const refusal = syntaxRefusal(body, lexed);
  if (refusal) return { error: refusal };

  const eol = lineBreakFor(body);
  const lines = splitLines(body, lexed);
  const output = layout(lines);
  const formatted = output.length === 0 ? '' : bom + output.join(eol) + eol;
  return { text: formatted, changed: formatted !== source };
}

/** The line break the output uses: CRLF when every line break of the input is CRLF, else LF. */
export function lineBreakFor(text: string): '\r\n' | '\n' {
  const breaks = text.match(/\r\n|\r|\n/g);
  return breaks && breaks.length > 0 && breaks.every((b) => b === '\r\n') ? '\r\n' : '\n';
}

function syntaxRefusal(text: string, lexed: LexResult): string | undefined {
  const errors: Report[] = lexed.errors.length > 0 ? lexed.errors : parsePlan(text).errors;
  if (errors.length === 0) return undefined;
  const first = errors[0];
  const line = new LineIndex(text).positionAt(first.span.start).line + 1;
  const count = errors.length === 1 ? 'a syntax error' : `${errors.length} syntax errors`;
  return `Not formatted: the plan has ${count}. Fix ${errors.length === 1 ? 'it' : 'them'} first, then format again. Line ${line}: ${first.message}`;
}

/** Tokens and comments grouped by source line (a statement never spans lines). */
function splitLines(text: string, lexed: LexResult): SourceLine[] {
  const index = new LineIndex(text);
  const lines: SourceLine[] = index.lineStarts.map((start, line) => ({
    raw: text.slice(start, index.lineEnd(line)),
    tokens: [],
  }));
  const { tokens, comments } = lexed;
  for (const token of tokens) {
    if (token.tokenType.name === 'Newline') continue;
    lines[index.positionAt(token.startOffset).line].tokens.push(token);
  }
  for (const comment of comments) lines[index.positionAt(comment.span.start).line].comment = comment;
  return lines;
}

/**
 * Lays the lines out. A comment line takes the indentation of the statement after it, unless a
 * blank line follows the comment: then it belongs to the statement above (and the blank line stays).
 */
function layout(lines: SourceLine[]): string[] {
  const out: string[] = [];
  const firstStatement = lines.findIndex((line) => line.tokens.length > 0);
  const bodyStart = firstStatement === -1 ? lines.length : firstStatement;
  pushAll(out, leadingBlock(lines.slice(0, bodyStart)));

  let blankWanted = false;
  let previousLevel = 0;
  let previousKeyword: string | undefined;
  let pending: string[] = [];

  const emit = (line: string) => {
    if (blankWanted && out.length > 0 && out[out.length - 1] !== '') out.push('');
    blankWanted = false;
    out.push(line);
  };
  const flushComments = (level: number) => {
    for (const comment of pending) emit(INDENT.repeat(level) + comment);
    pending = [];
  };

  for (const line of lines.slice(bodyStart)) {
    if (line.tokens.length === 0) {
      if (line.comment) pending.push(commentText(line.comment));
      else if (pending.length > 0) {
        flushComments(previousLevel);
        blankWanted = true;
      }
      continue;
    }
    const keyword = keywordOf(line.tokens[0]);
    const level = levelOf(keyword) ?? previousLevel;
    const groupsWithPrevious = keyword === 'measure' && previousKeyword === 'measure';
    if (opensSection(keyword) && !groupsWithPrevious) blankWanted = true;
    flushComments(level);
    const comment = line.comment ? ` ${commentText(line.comment)}` : '';
    emit(INDENT.repeat(level) + joinTokens(line.tokens) + comment);
    previousLevel = level;
    previousKeyword = keyword;
  }
  flushComments(previousLevel);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/**
 * The comments (and blank lines) above the first statement are kept as written, only without
 * trailing whitespace, without blank lines at the top, and with runs of blank lines made one.
 */
function leadingBlock(lines: SourceLine[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const text = trimTrailingBlanks(line.raw);
    const blank = text.trim() === '';
    if (blank && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(blank ? '' : text);
  }
  return out;
}

const blanks = new Set([' ', '\t', '\f', '\v', '\u00a0', '\ufeff']);

/**
 * The text without trailing blanks (the lexer's whitespace). A loop, not `/[ \t…]+$/`: that regex
 * retries at every blank of a long run that does not reach the end, so it takes quadratic time.
 */
export function trimTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && blanks.has(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `#` and the comment's text, without trailing whitespace. */
function commentText(comment: Comment): string {
  return trimTrailingBlanks(`#${comment.text}`);
}

/** Single spaces between tokens; `, ` after a comma and no space before it. */
function joinTokens(tokens: IToken[]): string {
  let text = tokens[0].image;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    text += token.tokenType.name === 'Comma' ? token.image : ` ${token.image}`;
  }
  return text;
}
