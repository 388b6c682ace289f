/**
 * Where the cursor is, for completion: the block it belongs to (from the analysis' syntax tree:
 * the nearest block opener above the cursor's line, as the parser hangs statements) and its place
 * in the statement being written (from the tokens of the cursor's line and the grammar's
 * content assist: which token types may come next).
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Analysis } from '../analyse.js';
import type { Comment, Focus, Measure, Phase, PlanBlock, PlanFile, Risk, Session } from '../language/ast.js';
import { ruleForKeyword, type StatementRuleName } from '../language/grammar.js';
import { keywordOf, lexPlan, StringLiteral, UnterminatedString, Comma } from '../language/lexer.js';
import { planGrammar } from '../language/parser.js';
import type { Span } from '../language/span.js';

/** The block a new line at the cursor would belong to. */
export type Block =
  | { kind: 'top' }
  | { kind: 'plan'; plan: PlanBlock }
  | { kind: 'focus'; focus: Focus }
  | { kind: 'risk'; risk: Risk }
  | { kind: 'measure'; measure: Measure }
  | { kind: 'phase'; phase: Phase }
  | { kind: 'session'; phase: Phase; session: Session };

export type CursorPlace =
  /** At the start of a statement: a keyword (or snippet) goes here. */
  | { kind: 'statement-start' }
  /** Inside a statement after its first tokens: `expected` are the token types that may come next. */
  | { kind: 'in-statement'; rule: StatementRuleName; keyword: string; before: IToken[]; expected: TokenType[] }
  /** Inside a comment: the comment from `#` up to the cursor. */
  | { kind: 'comment'; comment: Comment }
  /** Nowhere a completion makes sense (inside a string, after a broken prefix). */
  | { kind: 'none' };

export interface CompletionContext {
  offset: number;
  lineStart: number;
  /** The end of the cursor's line (before its line break). */
  lineEnd: number;
  block: Block;
  place: CursorPlace;
  /** The word (or number, or date) being typed, which an item replaces; empty at the cursor otherwise. */
  replace: Span;
  /** Its text up to the cursor. */
  typed: string;
}

/** The last element of a list sorted by `span.start` that starts before `offset`. */
function lastBefore<T extends { span: Span }>(list: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = list.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid].span.start < offset) {
      found = list[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The nearest block opener above the line that starts at `lineStart`. */
export function blockAt(file: PlanFile, lineStart: number): Block {
  const section = lastBefore(file.sections, lineStart);
  if (!section) return file.plan && file.plan.blockSpan.start < lineStart ? { kind: 'plan', plan: file.plan } : { kind: 'top' };
  switch (section.kind) {
    case 'focus':
      return { kind: 'focus', focus: section };
    case 'risk':
      return { kind: 'risk', risk: section };
    case 'measure':
      return { kind: 'measure', measure: section };
    case 'phase': {
      const session = lastBefore(section.sessions, lineStart);
      return session ? { kind: 'session', phase: section, session } : { kind: 'phase', phase: section };
    }
  }
}

/** Token types that can be the word being typed (names, numbers, dates; not strings or commas). */
function isWordLike(token: IToken): boolean {
  const type = token.tokenType;
  return type !== StringLiteral && type !== UnterminatedString && type !== Comma;
}

export function completionContext(analysis: Analysis, offset: number): CompletionContext {
  const lines = analysis.lines;
  const at = Math.max(0, Math.min(offset, analysis.text.length));
  const line = lines.positionAt(at).line;
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineEnd(line);
  const lineText = analysis.text.slice(lineStart, lineEnd);
  const column = at - lineStart;
  const block = blockAt(analysis.ast, lineStart);
  const empty = { start: at, end: at };
  const lexed = lexPlan(lineText);

  const comment = lexed.comments[0];
  if (comment && column > comment.span.start) {
    const text = lineText.slice(comment.span.start + 1, column);
    return { offset: at, lineStart, lineEnd, block, place: { kind: 'comment', comment: { text, span: { start: lineStart + comment.span.start, end: at } } }, replace: empty, typed: '' };
  }

  const before: IToken[] = [];
  let partial: IToken | undefined;
  for (const token of lexed.tokens) {
    const end = token.startOffset + token.image.length;
    if (end < column || (end === column && !isWordLike(token))) {
      before.push(token);
      continue;
    }
    if (token.startOffset < column) {
      // The cursor is inside this token (or at its end).
      if (!isWordLike(token)) return { offset: at, lineStart, lineEnd, block, place: { kind: 'none' }, replace: empty, typed: '' };
      partial = token;
    }
    break;
  }
  const replace = partial ? { start: lineStart + partial.startOffset, end: lineStart + partial.startOffset + partial.image.length } : empty;
  const typed = partial ? partial.image.slice(0, column - partial.startOffset) : '';
  const context = { offset: at, lineStart, lineEnd, block, replace, typed };
  if (before.length === 0) return { ...context, place: { kind: 'statement-start' } };

  const keyword = keywordOf(before[0]);
  const rule = keyword ? ruleForKeyword[keyword] : undefined;
  if (!keyword || !rule) return { ...context, place: { kind: 'none' } };
  const expected: TokenType[] = [];
  for (const path of planGrammar().computeContentAssist(rule, before)) {
    if (!expected.includes(path.nextTokenType)) expected.push(path.nextTokenType);
  }
  return { ...context, place: { kind: 'in-statement', rule, keyword, before, expected } };
}
