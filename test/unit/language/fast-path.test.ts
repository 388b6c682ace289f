/**
 * The differential test: the parser's fast path changes nothing but speed. On every sample, every
 * shared example (reads ../shared/design/examples; skipped when absent), the golden fixtures and
 * 10,000 seeded mutations of them, parsing with the fast path and parsing every line the Chevrotain
 * way give the same tree, the same syntax errors, the same comments — and so the same diagnostics.
 * And lexing line by line (what the Chevrotain path does) gives what lexing the whole text gave.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyseParsed } from '../../../server/src/analyse.js';
import { lexLine, lexPlan, Newline } from '../../../server/src/language/lexer.js';
import { parsePlan } from '../../../server/src/language/parser.js';
import { LineIndex } from '../../../server/src/language/span.js';
import { hasSharedExamples, repoRoot, sharedExamplesDir } from '../contract/helpers.js';
import { mutate, mutation } from './mutations.js';

function plansIn(dir: string): { name: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ipt'))
    .sort()
    .map((name) => ({ name: path.join(path.basename(dir), name), text: readFileSync(path.join(dir, name), 'utf8') }));
}

const samples = plansIn(path.join(repoRoot, 'samples'));
const shared = hasSharedExamples ? plansIn(sharedExamplesDir) : [];
const fixtures = plansIn(path.join(repoRoot, 'test', 'fixtures'));
const bases = [...samples, ...shared, ...fixtures];

/**
 * Structural equality of plain data, strict about shape: the same keys in the same order (an absent
 * part must be `undefined` on both sides), the same array lengths, Object.is for values. Faster than
 * util.isDeepStrictEqual on these trees, and stricter (key order is the node's shape).
 */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i]) return false;
    if (!same((a as Record<string, unknown>)[keysA[i]], (b as Record<string, unknown>)[keysB[i]])) return false;
  }
  return true;
}

/** Both paths agree on `text`; a plain throw (no expect in the hot loop) names the first difference. */
function agree(text: string): void {
  const fast = parsePlan(text);
  const reference = parsePlan(text, { fastPath: false });
  const fail = (what: string, a: unknown, b: unknown) => {
    throw new Error(`${what} differ on ${JSON.stringify(text)}\nfast path: ${JSON.stringify(a)}\nChevrotain: ${JSON.stringify(b)}`);
  };
  if (!same(fast.errors, reference.errors)) fail('syntax errors', fast.errors, reference.errors);
  if (!same(fast.comments, reference.comments)) fail('comments', fast.comments, reference.comments);
  if (!same(fast.file, reference.file)) fail('trees', fast.file, reference.file);
  const lineStarts = new LineIndex(text).lineStarts;
  if (!same(fast.lineStarts, lineStarts) || !same(reference.lineStarts, lineStarts)) fail('line starts', fast.lineStarts, lineStarts);
  const a = analyseParsed(text, fast).diagnostics;
  const b = analyseParsed(text, reference).diagnostics;
  if (!same(a, b)) fail('diagnostics', a, b);
}

/** Lexing each line on its own gives the tokens, comments and errors of lexing the whole text. */
function lexesAlike(text: string): void {
  const whole = lexPlan(text);
  const lines = new LineIndex(text);
  const tokens = [];
  const comments = [];
  const errors = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const lexed = lexLine(text, lines.lineStarts[line], lines.lineEnd(line));
    tokens.push(...lexed.tokens);
    comments.push(...lexed.comments);
    errors.push(...lexed.errors);
  }
  const shape = (t: { tokenType: { name: string }; image: string; startOffset: number }) => [t.tokenType.name, t.image, t.startOffset];
  const wholeTokens = whole.tokens.filter((t) => t.tokenType !== Newline).map(shape);
  if (!same(tokens.map(shape), wholeTokens)) throw new Error(`tokens differ on ${JSON.stringify(text)}`);
  if (!same(comments, whole.comments)) throw new Error(`comments differ on ${JSON.stringify(text)}`);
  if (!same(errors, whole.errors)) throw new Error(`lexing errors differ on ${JSON.stringify(text)}`);
}

describe('the fast path gives what the Chevrotain path gives', () => {
  test('the inputs are there', () => {
    expect(samples.length).toBeGreaterThanOrEqual(20);
  });

  test.each(samples)('sample $name', ({ text }) => {
    agree(text);
    lexesAlike(text);
  });

  test.skipIf(!hasSharedExamples).each(shared)('shared example $name (reads ../shared/design/examples)', ({ text }) => {
    agree(text);
    lexesAlike(text);
  });

  test('well-formed plans never reach Chevrotain (the fast path is the path that runs)', () => {
    for (const { name, text } of samples) {
      const parsed = parsePlan(text);
      if (parsed.errors.length === 0) expect(parsed.chevrotainLines, name).toBe(0);
      else expect(parsed.chevrotainLines, name).toBeGreaterThan(0);
      expect(parsePlan(text, { fastPath: false }).chevrotainLines, name).toBeGreaterThan(20);
    }
  });

  test('10,000 seeded mutations of the samples, shared examples and fixtures', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 6 }), ({ text }, steps) => {
        agree(mutate(text, steps));
      }),
      { numRuns: 10_000, seed: 1207 },
    );
  }, 300_000);

  test('2,000 seeded mutations lex alike line by line and whole', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 6 }), ({ text }, steps) => {
        lexesAlike(mutate(text, steps));
      }),
      { numRuns: 2_000, seed: 1208 },
    );
  }, 300_000);

  test('every statement form, complete and one part off', () => {
    const forms = [
      'plan', 'plan "C-0142"', 'client "C-0142"', 'clinician "x"', 'supervisor "x"', 'variant acute', 'variant plan',
      'diagnosis "x"', 'diagnosis "x" code F33.1', 'sessions 16', 'sessions 16 weekly', 'sessions 16 50min', 'sessions 16 weekly 50min',
      'start 2026-02-02', 'start 2024-02-29', 'focus grief "x"', 'stage impasse', 'goal G1 "x"', 'measure PHQ-9 every 4',
      'measure PHQ-9 at 1', 'measure PHQ-9 at 1, 4-13, 16', 'risk low "x"', 'risk high "x" safety-plan "y"', 'safety-plan "y"',
      'phase initial sessions 1-3', 'phase middle sessions 4', 'session 1', 'session 2-3 "t"', 'task a', 'task a, b, task',
      'technique role-play', 'targets G1, G2', 'homework "h"', 'note "n \\" \\\\"', 'score PHQ-9 18', 'score HAM-D 12.5',
      'date 2026-02-09', 'status held',
    ];
    const offs = [
      'plan "a" "b"', 'plan x', 'client', 'client x', 'variant', 'variant "x"', 'diagnosis "x" code', 'diagnosis "x" F33', 'diagnosis code F1',
      'sessions', 'sessions x', 'sessions 16 50min weekly', 'sessions 16 weekly weekly', 'sessions 1.5', 'start 2026-02-30', 'start 2025-02-29',
      'start 2026-13-01', 'start 16', 'focus grief', 'focus "x"', 'stage', 'goal G1', 'measure PHQ-9', 'measure PHQ-9 every', 'measure PHQ-9 every 4-5',
      'measure PHQ-9 at', 'measure PHQ-9 at 1,', 'measure PHQ-9 at 1 2', 'measure PHQ-9 at 3-1', 'measure PHQ-9 at 4-', 'measure at 1',
      'risk low', 'risk low "x" safety-plan', 'risk low "x" "y"', 'phase initial 1-3', 'phase initial sessions', 'phase initial sessions 3-1',
      'phase initial sessions 4-', 'session', 'session x', 'session 1 "t" "u"', 'session 5-2', 'task', 'task a,', 'task a b', 'task , a',
      'homework', 'score PHQ-9', 'score 18', 'score PHQ-9 1-2', 'date', 'date 2026-02-31', 'status', 'status held held', 'code F33.1',
      'at 1', 'every 4', 'Session 1', 'sesion 1', 'note "open', '@', 'task a @', 'note "x" # c', '-2', 'session 00001 "t"',
      'sessions 99999999999999999999 weekly 99999999999999999999min', 'score PHQ-9 99999999999999999999.5',
    ];
    for (const line of [...forms, ...offs]) {
      for (const text of [line, `plan "p"\n  ${line}\n`, `phase middle sessions 1-2\n  session 1\n    ${line} # note`]) {
        agree(text);
        lexesAlike(text);
      }
    }
    expect(parsePlan(forms.join('\n')).chevrotainLines).toBe(0);
  });

  test('line breaks of every kind, blank and comment-only lines, no final line break', () => {
    for (const text of [
      '',
      '\n',
      '# only a comment',
      'plan "C-0142"\r\n  client "C-0142"\r  sessions 16\n\n# c\n  start 2026-02-02',
      'plan "x" # trailing comment\n  sessions 16 weekly 50min # c',
      '\ufeffplan "x"\n\u00a0 variant acute\n',
      'plan\nsession 1\nsession 2-3 "t"',
    ]) {
      agree(text);
      lexesAlike(text);
    }
  });
});
