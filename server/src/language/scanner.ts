/**
 * The fast path's scanner: one line of text into tokens, by hand, with no allocation per token.
 *
 * It follows the Chevrotain lexer's rules (lexer.ts) token for token, but only for lines it fully
 * understands: a character the lexer would reject, or a string with no closing quote, makes it give
 * up (`scanLine` returns false) and the line goes to the Chevrotain path, which reports it. So for
 * every line it accepts, it yields exactly the tokens the lexer would. The differential test
 * (test/unit/language/fast-path.test.ts) checks that on every sample and 10,000+ mutated plans.
 *
 * Tokens live in reused typed arrays: `kinds`, `starts`, `ends` (offsets into the whole text).
 */
import { keywordSpellings, type KeywordSpelling } from './lexer.js';

/** Token kinds; a keyword is `KEYWORD + its index in keywordSpellings`. */
export const enum Tok {
  Identifier = 0,
  String = 1,
  Date = 2,
  Duration = 3,
  Range = 4,
  Decimal = 5,
  Integer = 6,
  Comma = 7,
  Keyword = 8,
}

/** The scanned line. Valid until the next `scanLine`. */
export interface ScannedLine {
  count: number;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Where the line's text ends (before its line break). */
  end: number;
  /** Offset of a `#` comment on the line, or -1. */
  comment: number;
}

const line: ScannedLine = { count: 0, kinds: new Uint8Array(64), starts: new Int32Array(64), ends: new Int32Array(64), end: 0, comment: -1 };

/** Candidates by first letter: a keyword is an identifier whose whole text is its spelling. */
const keywordsByFirst: (readonly [string, number])[][] = [];
keywordSpellings.forEach((spelling, index) => {
  (keywordsByFirst[spelling.charCodeAt(0)] ??= []).push([spelling, index]);
});

export function keywordIndex(text: string, start: number, end: number): number {
  const candidates = keywordsByFirst[text.charCodeAt(start)];
  if (candidates === undefined) return -1;
  const length = end - start;
  for (let i = 0; i < candidates.length; i++) {
    const [spelling, index] = candidates[i];
    if (spelling.length === length && text.startsWith(spelling, start)) return index;
  }
  return -1;
}

export function keywordOfKind(kind: number): KeywordSpelling | undefined {
  return kind >= Tok.Keyword ? keywordSpellings[kind - Tok.Keyword] : undefined;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isAlnum = (c: number) => isDigit(c) || isLetter(c);

function push(kind: number, start: number, end: number): void {
  const i = line.count;
  if (i === line.kinds.length) grow();
  line.kinds[i] = kind;
  line.starts[i] = start;
  line.ends[i] = end;
  line.count = i + 1;
}

function grow(): void {
  const size = line.kinds.length * 2;
  const kinds = new Uint8Array(size);
  const starts = new Int32Array(size);
  const ends = new Int32Array(size);
  kinds.set(line.kinds);
  starts.set(line.starts);
  ends.set(line.ends);
  line.kinds = kinds;
  line.starts = starts;
  line.ends = ends;
}

/**
 * Scans the line that starts at `from` into `scanned` (its `end` is set in any case). False when the
 * line holds anything the fast path leaves to the Chevrotain lexer.
 */
export function scanLine(text: string, from: number): boolean {
  line.count = 0;
  line.comment = -1;
  const length = text.length;
  let at = from;
  let understood = true;
  while (at < length) {
    const c = text.charCodeAt(at);
    if (c === 10 || c === 13) break;
    // Whitespace: [ \t\f\v\u00a0\ufeff]
    if (c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff) {
      at++;
    } else if (isLetter(c)) {
      let end = at + 1;
      while (end < length && isAlnum(text.charCodeAt(end))) end++;
      for (;;) {
        const sep = text.charCodeAt(end);
        if ((sep === 45 /* - */ || sep === 46) /* . */ && end + 1 < length && isAlnum(text.charCodeAt(end + 1))) {
          end += 2;
          while (end < length && isAlnum(text.charCodeAt(end))) end++;
        } else break;
      }
      const keyword = keywordIndex(text, at, end);
      push(keyword < 0 ? Tok.Identifier : Tok.Keyword + keyword, at, end);
      at = end;
    } else if (isDigit(c)) {
      at = scanNumber(text, at);
    } else if (c === 34 /* " */) {
      const end = scanString(text, at);
      if (end < 0) {
        understood = false;
        break;
      }
      push(Tok.String, at, end);
      at = end;
    } else if (c === 44 /* , */) {
      push(Tok.Comma, at, at + 1);
      at++;
    } else if (c === 35 /* # */) {
      line.comment = at;
      while (at < length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
      break;
    } else {
      understood = false;
      break;
    }
  }
  if (!understood) while (at < length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
  line.end = at;
  return understood;
}

/** The line last scanned. */
export const scanned: Readonly<ScannedLine> = line;

/** A date, duration, range, decimal or integer, in the lexer's order of preference. */
function scanNumber(text: string, at: number): number {
  let digits = at + 1;
  while (isDigit(text.charCodeAt(digits))) digits++;
  if (
    digits - at === 4 &&
    text.charCodeAt(at + 4) === 45 &&
    isDigit(text.charCodeAt(at + 5)) &&
    isDigit(text.charCodeAt(at + 6)) &&
    text.charCodeAt(at + 7) === 45 &&
    isDigit(text.charCodeAt(at + 8)) &&
    isDigit(text.charCodeAt(at + 9))
  ) {
    push(Tok.Date, at, at + 10);
    return at + 10;
  }
  const next = text.charCodeAt(digits);
  if (next === 109 /* m */ && text.startsWith('min', digits)) {
    push(Tok.Duration, at, digits + 3);
    return digits + 3;
  }
  if (next === 45 /* - */) {
    let end = digits + 1;
    while (isDigit(text.charCodeAt(end))) end++;
    push(Tok.Range, at, end);
    return end;
  }
  if (next === 46 /* . */ && isDigit(text.charCodeAt(digits + 1))) {
    let end = digits + 2;
    while (isDigit(text.charCodeAt(end))) end++;
    push(Tok.Decimal, at, end);
    return end;
  }
  push(Tok.Integer, at, digits);
  return digits;
}

/** The end of a closed string starting at `at`, or -1 (unclosed, or an escape the lexer reads otherwise). */
function scanString(text: string, at: number): number {
  const length = text.length;
  let i = at + 1;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 10 || c === 13) return -1;
    if (c === 92 /* \ */) {
      const escaped = text.charCodeAt(i + 1);
      // `\\.`: any character but a line terminator.
      if (i + 1 >= length || escaped === 10 || escaped === 13 || escaped === 0x2028 || escaped === 0x2029) return -1;
      i += 2;
    } else i++;
  }
  return -1;
}
