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

/** Keywords by first letter (a dense table over ASCII): a keyword is an identifier whose whole text is its spelling. */
const keywordsByFirst: { spelling: string; length: number; index: number }[][] = Array.from({ length: 128 }, () => []);
keywordSpellings.forEach((spelling, index) => keywordsByFirst[spelling.charCodeAt(0)].push({ spelling, length: spelling.length, index }));

/** The index in keywordSpellings of the word [start, end) of `text`, or -1. */
export function keywordIndex(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  if (first >= 128) return -1;
  const candidates = keywordsByFirst[first];
  const length = end - start;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i];
    if (candidate.length === length && text.startsWith(candidate.spelling, start)) return candidate.index;
  }
  return -1;
}

export function keywordOfKind(kind: number): KeywordSpelling | undefined {
  return kind >= Tok.Keyword ? keywordSpellings[kind - Tok.Keyword] : undefined;
}

// Character classes over ASCII, one table lookup each.
const LETTER = 1;
const DIGIT = 2;
const SPACE = 4;
const charClass = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) charClass[c] = LETTER;
  else if (c >= 48 && c <= 57) charClass[c] = DIGIT;
}
// Whitespace as the lexer skips it: [ \t\f\v\u00a0\ufeff]
for (const c of [32, 9, 12, 11, 0xa0, 0xfeff]) charClass[c] = SPACE;

/** The class of the character at `i` (0 past the end: charCodeAt gives NaN, and NaN indexes nothing). */
const classAt = (text: string, i: number): number => charClass[text.charCodeAt(i)] ?? 0;
const isDigit = (text: string, i: number) => classAt(text, i) === DIGIT;
const isAlnum = (text: string, i: number) => (classAt(text, i) & (LETTER | DIGIT)) !== 0;

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

// The next line feed, carriage return and backslash at or after the last place asked, found with
// indexOf (native) and kept until passed; text.length when there is none. beginText resets them.
let nextLf = -1;
let nextCr = -1;
let nextBackslash = -1;

/** Call before scanning the lines of a new text. */
export function beginText(): void {
  nextLf = -1;
  nextCr = -1;
  nextBackslash = -1;
}

function lineEndFrom(text: string, from: number): number {
  if (nextLf < from) nextLf = indexOrLength(text, '\n', from);
  if (nextCr < from) nextCr = indexOrLength(text, '\r', from);
  return nextLf < nextCr ? nextLf : nextCr;
}

function backslashFrom(text: string, from: number): number {
  if (nextBackslash < from) nextBackslash = indexOrLength(text, '\\', from);
  return nextBackslash;
}

function indexOrLength(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

/**
 * Scans the line that starts at `from` into `scanned` (its `end` is set in any case). False when the
 * line holds anything the fast path leaves to the Chevrotain lexer. Lines must be scanned in order
 * after beginText().
 */
export function scanLine(text: string, from: number): boolean {
  line.count = 0;
  line.comment = -1;
  const end = lineEndFrom(text, from);
  line.end = end;
  let at = from;
  while (at < end) {
    const c = text.charCodeAt(at);
    const kind = charClass[c];
    if (kind === SPACE) {
      at++;
    } else if (kind === LETTER) {
      let wordEnd = at + 1;
      while (isAlnum(text, wordEnd)) wordEnd++;
      // Parts joined by `-` or `.`, each starting with a letter or digit.
      for (let sep = text.charCodeAt(wordEnd); (sep === 45 || sep === 46) && isAlnum(text, wordEnd + 1); sep = text.charCodeAt(wordEnd)) {
        wordEnd += 2;
        while (isAlnum(text, wordEnd)) wordEnd++;
      }
      const keyword = keywordIndex(text, at, wordEnd);
      push(keyword < 0 ? Tok.Identifier : Tok.Keyword + keyword, at, wordEnd);
      at = wordEnd;
    } else if (kind === DIGIT) {
      at = scanNumber(text, at);
    } else if (c === 34 /* " */) {
      const stringEnd = scanString(text, at, end);
      if (stringEnd < 0) return false;
      push(Tok.String, at, stringEnd);
      at = stringEnd;
    } else if (c === 44 /* , */) {
      push(Tok.Comma, at, at + 1);
      at++;
    } else if (c === 35 /* # */) {
      line.comment = at;
      return true;
    } else {
      return false;
    }
  }
  return true;
}

/** The line last scanned. */
export const scanned: Readonly<ScannedLine> = line;

/** A date, duration, range, decimal or integer, in the lexer's order of preference. */
function scanNumber(text: string, at: number): number {
  let digits = at + 1;
  while (isDigit(text, digits)) digits++;
  if (
    digits - at === 4 &&
    text.charCodeAt(at + 4) === 45 &&
    isDigit(text, at + 5) &&
    isDigit(text, at + 6) &&
    text.charCodeAt(at + 7) === 45 &&
    isDigit(text, at + 8) &&
    isDigit(text, at + 9)
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
    while (isDigit(text, end)) end++;
    push(Tok.Range, at, end);
    return end;
  }
  if (next === 46 /* . */ && isDigit(text, digits + 1)) {
    let end = digits + 2;
    while (isDigit(text, end)) end++;
    push(Tok.Decimal, at, end);
    return end;
  }
  push(Tok.Integer, at, digits);
  return digits;
}

/** The end of a closed string starting at `at` on a line ending at `lineEnd`, or -1 (unclosed, or an escape the lexer reads otherwise). */
function scanString(text: string, at: number, lineEnd: number): number {
  const close = text.indexOf('"', at + 1);
  if (close < 0 || close >= lineEnd) return -1;
  if (backslashFrom(text, at + 1) > close) return close + 1;
  // Escapes: `\\.` takes any character but a line terminator, so `\"` does not close the string.
  for (let i = at + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92 /* \ */) {
      if (i + 1 >= lineEnd) return -1;
      const escaped = text.charCodeAt(i + 1);
      if (escaped === 0x2028 || escaped === 0x2029) return -1;
      i++;
    }
  }
  return -1;
}
