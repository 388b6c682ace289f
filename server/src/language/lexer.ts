/**
 * The lexer (Chevrotain). Keywords are found by the identifier pattern plus `longer_alt`, so
 * `sessionsX` is one identifier. Every keyword is also an `AnyName` so that a keyword can be a value
 * (`task diagnosis`). Line breaks are tokens: the language is one statement per line.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import type { Comment } from './ast.js';
import type { Report } from './diagnostic.js';
import type { Span } from './span.js';

/** Any word usable as a name or value: identifiers and every keyword. */
export const AnyName = createToken({ name: 'AnyName', pattern: Lexer.NA });
/** A quoted string, closed or not (an unclosed one is reported once by the parser). */
export const AnyString = createToken({ name: 'AnyString', pattern: Lexer.NA });

export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/,
  categories: [AnyName],
});

/** The keywords of LANGUAGE.md's grammar, by their spelling. */
export const keywordSpellings = [
  'plan', 'client', 'clinician', 'supervisor', 'variant', 'diagnosis', 'code', 'sessions', 'start',
  'focus', 'stage', 'goal', 'measure', 'at', 'every', 'risk', 'safety-plan', 'phase', 'session',
  'task', 'technique', 'targets', 'homework', 'note', 'score', 'date', 'status',
] as const;
export type KeywordSpelling = (typeof keywordSpellings)[number];

export const Keyword = {} as Record<KeywordSpelling, TokenType>;
for (const spelling of keywordSpellings) {
  Keyword[spelling] = createToken({
    name: `kw:${spelling}`,
    pattern: new RegExp(spelling.replace('-', '\\-')),
    longer_alt: Identifier,
    categories: [AnyName],
    start_chars_hint: [spelling.charCodeAt(0)],
  });
}

export const DateLiteral = createToken({ name: 'Date', pattern: /[0-9]{4}-[0-9]{2}-[0-9]{2}/ });
export const Duration = createToken({ name: 'Duration', pattern: /[0-9]+min/ });
/** `4-13`; `4-` (no end) is lexed too so the parser can say exactly what is missing. */
export const Range = createToken({ name: 'Range', pattern: /[0-9]+-[0-9]*/ });
export const Decimal = createToken({ name: 'Decimal', pattern: /[0-9]+\.[0-9]+/ });
export const Integer = createToken({ name: 'Integer', pattern: /[0-9]+/ });
export const StringLiteral = createToken({
  name: 'String',
  pattern: /"(?:[^"\\\r\n]|\\.)*"/,
  categories: [AnyString],
});
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\.)*\\?/,
  categories: [AnyString],
});
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });
export const CommentToken = createToken({ name: 'Comment', pattern: /#[^\r\n]*/, group: 'comments' });
export const Whitespace = createToken({
  name: 'Whitespace',
  pattern: /[ \t\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});

// Order matters: longer and more specific patterns first.
export const allTokens: TokenType[] = [
  Whitespace,
  Newline,
  CommentToken,
  StringLiteral,
  UnterminatedString,
  DateLiteral,
  Duration,
  Range,
  Decimal,
  Integer,
  Comma,
  // `sessions` before `session`, `safety-plan` before anything starting with `s`.
  ...[...keywordSpellings].sort((a, b) => b.length - a.length).map((s) => Keyword[s]),
  Identifier,
  AnyName,
  AnyString,
];

let lexer: Lexer | undefined;

function planLexer(): Lexer {
  lexer ??= new Lexer(allTokens, {
    ensureOptimizations: true,
    positionTracking: 'onlyOffset',
    skipValidations: process.env.IPT_SKIP_GRAMMAR_VALIDATION === '1',
  });
  return lexer;
}

export interface LexResult {
  /** Tokens, including `Newline`s, without comments and whitespace. */
  tokens: IToken[];
  comments: Comment[];
  /** `syntax` reports: one per line, at its first character the lexer cannot read. */
  errors: Report[];
  /** Every run of characters the lexer cannot read (the reports above name only each line's first). */
  unreadable: Span[];
}

export function lexPlan(text: string): LexResult {
  const result = planLexer().tokenize(text);
  const comments: Comment[] = (result.groups.comments ?? []).map((token) => ({
    text: token.image.slice(1),
    span: { start: token.startOffset, end: token.startOffset + token.image.length },
  }));
  return { tokens: result.tokens, comments, ...lexingErrors(text, result.errors) };
}

/**
 * One report per line, at its first unexpected character (the rest of the line is a consequence,
 * and a line of 500,000 stray characters must not give 500,000 diagnostics). Each line's bounds are
 * found once, so the whole pass is linear in the text.
 */
function lexingErrors(text: string, raw: readonly { offset: number; length: number }[]): { errors: Report[]; unreadable: Span[] } {
  const reports: Report[] = [];
  const unreadable: Span[] = [];
  let first: { offset: number; length: number; lineStart: number; lineEnd: number } | undefined;
  let more = 0;
  const flush = () => {
    if (!first) return;
    const report = lexingError(text, first.offset, first.length, first.lineStart, first.lineEnd);
    if (more > 0 && !report.fixes) report.message += ` (${more === 1 ? 'One more unexpected character follows' : `${more.toLocaleString('en-US')} more unexpected characters follow`} on this line.)`;
    reports.push(report);
  };
  for (const error of raw) {
    if (first && error.offset < first.lineEnd) {
      more++;
    } else {
      flush();
      more = 0;
      first = { offset: error.offset, length: error.length, lineStart: lineStartBefore(text, error.offset), lineEnd: lineEndAfter(text, error.offset) };
    }
    // As a report would mark it: a slash date as a whole, anything else as the lexer found it.
    unreadable.push(slashDateAround(text, error.offset, first.lineStart, first.lineEnd)?.span ?? { start: error.offset, end: error.offset + error.length });
  }
  flush();
  return { errors: reports, unreadable };
}

function lineStartBefore(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

function lineEndAfter(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

function describeCharacters(bad: string): string {
  const shown = bad.length > 20 ? `${bad.slice(0, 20)}…` : bad;
  return bad.length === 1 ? `character \`${shown}\`` : `characters \`${shown}\``;
}

const curlyQuotes = /[\u201c\u201d\u201e\u201f\u2033]/g;

/** A date written with slashes (09/03/2026) around a `/` the lexer could not read: the whole date. */
function slashDateAround(text: string, offset: number, lineStart: number, lineEnd: number): { span: Span; text: string } | undefined {
  if (text[offset] !== '/') return undefined;
  // A date is at most 10 characters: look only that far either side, so a line of slashes stays linear.
  const from = Math.max(lineStart, offset - 5);
  const around = /[0-9]{1,4}\/[0-9]{1,2}\/[0-9]{1,4}/.exec(text.slice(from, Math.min(lineEnd, offset + 12)));
  return around ? { span: { start: from + around.index, end: from + around.index + around[0].length }, text: around[0] } : undefined;
}

/** A lexing error in plain words; common slips (pasted curly quotes, 09/03/2026, -2) get their own. */
function lexingError(text: string, offset: number, length: number, lineStart: number, lineEnd: number): Report {
  const bad = text.slice(offset, offset + length);
  if (/^[\u201c\u201d\u201e\u201f\u2033]/.test(bad)) {
    const edits = [];
    for (const match of text.slice(lineStart, lineEnd).matchAll(curlyQuotes)) {
      const at = lineStart + (match.index ?? 0);
      edits.push({ span: { start: at, end: at + 1 }, newText: '"' });
    }
    return {
      span: { start: offset, end: offset + 1 },
      message: 'Typographic quotes (“ ”) are not string quotes, often pasted from a word processor. Use straight double quotes: "…".',
      fixes: [{ title: 'Use straight double quotes on this line', edits, safe: true }],
    };
  }
  const date = slashDateAround(text, offset, lineStart, lineEnd);
  if (date) return { span: date.span, message: `Write dates as YYYY-MM-DD (year, month, day), e.g. 2026-03-09; \`${date.text}\` could be read two ways.` };
  if (bad.startsWith('-') && /[0-9]/.test(text.charAt(offset + 1))) {
    return { span: { start: offset, end: offset + 1 }, message: 'Numbers here are never negative (scores and session numbers start at 0 or 1). Remove the `-`, or check the value.' };
  }
  return {
    span: { start: offset, end: offset + length },
    message: `Unexpected ${describeCharacters(bad)}. A line holds a keyword followed by names, numbers, dates and "quoted text"; remove it or put it inside quotes.`,
  };
}

/** The keyword a token spells, if it is a keyword token. */
export function keywordOf(token: IToken): KeywordSpelling | undefined {
  const name = token.tokenType.name;
  return name.startsWith('kw:') ? (name.slice(3) as KeywordSpelling) : undefined;
}

/** Decodes a string token's image: drops the quotes, resolves `\"` and `\\`. */
export function stringValue(token: IToken): string {
  const closed = token.tokenType === StringLiteral;
  const inner = token.image.slice(1, closed ? -1 : undefined);
  return inner.includes('\\') ? inner.replace(/\\(["\\])/g, '$1') : inner;
}
