/**
 * What the fuzzer feeds the product: random text, random token soup, grammar-aware random plans
 * (every statement kind, with boundary numbers, hostile strings, odd indentation, comments and
 * line ends) and mutations of the shipped samples. All fast-check arbitraries, so a run is seeded
 * and a failure shrinks to a small reproducer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { keywordSpellings } from '../../server/src/language/lexer.js';
import { repoRoot } from '../unit/contract/helpers.js';

/** Strings that would run as script, break out of an attribute or a style block, or inject Markdown. */
export const injectionPayloads = [
  '<script>__fuzzPwned()</script>',
  '<img src=x onerror=__fuzzPwned()>',
  '</style><script>__fuzzPwned()</script>',
  'javascript:__fuzzPwned()',
  '"><svg onload=__fuzzPwned()>',
  "'><iframe srcdoc=\"<script>parent.__fuzzPwned()</script>\">",
  '</title></desc><script>__fuzzPwned()</script>',
  '[click](javascript:__fuzzPwned()) | cell | `code` *em* # head',
  '{{constructor.constructor("__fuzzPwned()")()}}',
];

const numbers = ['0', '1', '2', '3', '4', '12', '16', '27', '63', '499', '500', '501', '1000', '1001', '1440', '1441', '9007199254740991', '9007199254740992', '99999999999999999999999', '0000000000001', '007'];
const decimals = ['0.5', '12.5', '1000.0', '1000.1', '3.14159'];
const ranges = ['1-3', '4-13', '14-16', '3-1', '1-500', '1-501', '500-500', '0-0', '4-', '9007199254740991-9007199254740993'];
const dates = ['2026-02-02', '2026-02-29', '2024-02-29', '2026-13-01', '0000-01-01', '9999-12-31', '2026-04-31'];
const plainStrings = ['C-0142', 'Assessment', 'é ñ 中文 😀', 'with \\"escaped\\" quotes', 'back\\\\slash', '', ' ', 'call 555-0143 today', 'jane@example.org', 'SSN 123-45-6789', 'no-suicide contract', 'a'.repeat(300)];
const names = ['role-dispute', 'grief', 'role-transition', 'interpersonal-deficits', 'renegotiation', 'impasse', 'G1', 'G2', 'G3', 'PHQ-9', 'HAM-D', 'BDI-II', 'XYZ', 'acute', 'brief', 'maintenance', 'weekly', 'monthly', 'initial', 'middle', 'termination', 'middel', 'symptom-review', 'interpersonal-inventory', 'formulation', 'review-progress', 'role-play', 'exposure', 'held', 'missed', 'none', 'low', 'high', 'F33.1', 'sesions', 'x'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const stringArb = fc.oneof(pick(plainStrings), pick(injectionPayloads), fc.string({ maxLength: 20 }).map((s) => s.replace(/["\\\r\n]/g, '')));
const quoted = fc.oneof({ weight: 9, arbitrary: stringArb.map((s) => `"${s}"`) }, { weight: 1, arbitrary: stringArb.map((s) => `"${s}`) });
const nameArb = fc.oneof({ weight: 4, arbitrary: pick(names) }, { weight: 1, arbitrary: pick(keywordSpellings) });
const numberArb = fc.oneof({ weight: 5, arbitrary: pick(numbers) }, { weight: 1, arbitrary: fc.nat(600).map(String) });
const sessionArb = fc.oneof(numberArb, pick(ranges), fc.tuple(fc.nat(40), fc.nat(40)).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
const list = (arb: fc.Arbitrary<string>) => fc.array(arb, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(', '));

/** One statement line (without indentation), any kind, mostly well formed. */
const statementArb: fc.Arbitrary<string> = fc.oneof(
  quoted.map((s) => `plan ${s}`),
  fc.tuple(pick(['client', 'clinician', 'supervisor']), quoted).map(([k, s]) => `${k} ${s}`),
  nameArb.map((n) => `variant ${n}`),
  fc.tuple(quoted, fc.option(nameArb)).map(([s, c]) => `diagnosis ${s}${c ? ` code ${c}` : ''}`),
  fc.tuple(numberArb, fc.option(nameArb), fc.option(fc.oneof(numberArb, pick(['50', '90'])))).map(([n, c, d]) => `sessions ${n}${c ? ` ${c}` : ''}${d ? ` ${d}min` : ''}`),
  pick(dates).map((d) => `start ${d}`),
  fc.tuple(nameArb, quoted).map(([a, s]) => `focus ${a} ${s}`),
  nameArb.map((n) => `stage ${n}`),
  fc.tuple(nameArb, quoted).map(([g, s]) => `goal ${g} ${s}`),
  fc.tuple(nameArb, fc.oneof(list(sessionArb).map((l) => `at ${l}`), numberArb.map((n) => `every ${n}`))).map(([i, s]) => `measure ${i} ${s}`),
  fc.tuple(nameArb, quoted, fc.option(quoted)).map(([l, s, p]) => `risk ${l} ${s}${p ? ` safety-plan ${p}` : ''}`),
  quoted.map((s) => `safety-plan ${s}`),
  fc.tuple(nameArb, sessionArb).map(([n, r]) => `phase ${n} sessions ${r}`),
  fc.tuple(sessionArb, fc.option(quoted)).map(([n, s]) => `session ${n}${s ? ` ${s}` : ''}`),
  fc.tuple(pick(['task', 'technique', 'targets']), list(nameArb)).map(([k, l]) => `${k} ${l}`),
  fc.tuple(pick(['homework', 'note']), quoted).map(([k, s]) => `${k} ${s}`),
  fc.tuple(nameArb, fc.oneof(numberArb, pick(decimals))).map(([i, v]) => `score ${i} ${v}`),
  pick(dates).map((d) => `date ${d}`),
  nameArb.map((n) => `status ${n}`),
);

const indentArb = pick(['', '', '  ', '    ', '      ', ' ', '\t', ' \t ']);
const commentArb = pick(['# note', '# ipt-disable-next-line phi -- a clinic line', '# ipt-disable phi', '# ipt-enable phi', '# ipt-disable-next-line nonsense', '#', `# ${injectionPayloads[0]}`, '# trailing   ']);
const eolArb = pick(['\n', '\n', '\n', '\r\n', '\r']);

const lineArb = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(indentArb, statementArb, fc.option(commentArb, { freq: 6 }), pick(['', '', ' ', '\t  '])).map(([i, s, c, t]) => `${i}${s}${c ? ` ${c}` : ''}${t}`) },
  { weight: 2, arbitrary: fc.tuple(indentArb, commentArb).map(([i, c]) => `${i}${c}`) },
  { weight: 2, arbitrary: pick(['', '   ', '\t']) },
);

/** A grammar-aware random plan: a plausible header, then random lines; one line-end style, or mixed. */
export const planArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(lineArb, { maxLength: 40 }), fc.oneof(eolArb, fc.constant('mixed')), fc.array(eolArb, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean())
  .map(([lines, eol, mixed, header, bom]) => {
    const all = header ? ['plan "C-0142 fuzz"', '  sessions 16 weekly 50min', '  start 2026-02-02', ...lines] : lines;
    const text = eol === 'mixed' ? all.map((l, i) => l + mixed[i % mixed.length]).join('') : all.join(eol) + eol;
    return (bom ? '\ufeff' : '') + text;
  });

/** Token soup: keywords, numbers, strings, punctuation, odd characters and line breaks in any order. */
const fragments = [...keywordSpellings, ...names, ...numbers, ...ranges, ...dates, '50min', '12.5', '"text"', '"open', '"esc \\" \\\\"', ',', ' ', '  ', '\t', '\n', '\r\n', '\r', '#', '# ipt-disable phi', '@', 'é', '\u00a0', '\ufeff', '😀', '\ud83d', '\u0000', '“', '”', '09/03/2026', '-2', '/'];
export const soupArb: fc.Arbitrary<string> = fc.array(pick(fragments), { maxLength: 120 }).map((parts) => parts.join(''));

/** Any characters at all, including lone surrogates and control characters. */
export const randomTextArb: fc.Arbitrary<string> = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'grapheme-ascii', maxLength: 400 }));

/** The samples shipped in samples/ (and samples/rules/). */
export function samplePlans(): string[] {
  const dirs = [path.join(repoRoot, 'samples'), path.join(repoRoot, 'samples', 'rules')];
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ipt')).map((f) => readFileSync(path.join(dir, f), 'utf8')));
}

const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(pick(fragments), statementArb.map((s) => `\n${s}\n`)) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }), text: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), a: fc.nat(), times: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('indent' as const), a: fc.nat(), indent: indentArb }),
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

export function mutate(text: string, steps: Mutation[]): string {
  let out = text;
  for (const step of steps) {
    if (step.kind === 'swap' || step.kind === 'duplicate' || step.kind === 'indent') {
      const lines = out.split('\n');
      const a = step.a % lines.length;
      if (step.kind === 'swap') {
        const b = step.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
      } else if (step.kind === 'duplicate') lines.splice(a, 0, ...Array.from({ length: step.times }, () => lines[a]));
      else lines[a] = step.indent + lines[a].trimStart();
      out = lines.join('\n');
      continue;
    }
    out = characterEdit(out, step);
  }
  return out;
}

/** A character edit at a position taken modulo the text's length (shared with the parser's mutation tests). */
export type CharacterEdit =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; length: number; text: string };

export function characterEdit(text: string, step: CharacterEdit): string {
  const at = text.length === 0 ? 0 : step.at % (text.length + 1);
  if (step.kind === 'delete') return text.slice(0, at) + text.slice(at + step.length);
  if (step.kind === 'insert') return text.slice(0, at) + step.text + text.slice(at);
  return text.slice(0, at) + step.text + text.slice(at + step.length);
}

/** A shipped sample with one to eight mutations. */
export function mutatedSampleArb(samples: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(samples.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 8 })).map(([i, steps]) => mutate(samples[i], steps));
}

/**
 * Many copies of a short block (issue 17): one to three random lines repeated up to 1,500 times,
 * the shape of stacked directives, goals sharing an id, targets, sessions and scores written again
 * and again, where quadratic work hid (the growth tests measure it; here every property must hold).
 */
export const repeatedArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: lineArb }, { weight: 1, arbitrary: fc.tuple(indentArb, commentArb).map(([i, c]) => `${i}${c}`) }), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 20, max: 1500 }),
    fc.array(lineArb, { maxLength: 6 }),
  )
  .map(([block, times, tail]) => `plan "C-0142 fuzz"\n  sessions 16 weekly 50min\nfocus grief "g"\n  goal G1 "x"\nphase middle sessions 4-13\n  session 4\n${`${block.join('\n')}\n`.repeat(times)}${tail.join('\n')}\n`);

/** Marks where a fuzz case's config ends and its plan starts (configs.fuzz.test.ts). */
export const CONFIG_PLAN_SEPARATOR = '\n\u2063---plan---\u2063\n';

/** Regular expressions a workspace might hold: the issue's reproducers, what RE2 refuses, ordinary ones, and random ones. */
const patternPool = ['(a+){25}$', 'a*a*a*a*a*a*$', '[]|(a+)+$]', '(a|ab)*c', '(\\w+\\s?)*$', '(?=x)a', '(?<!x)a', '(a)\\1', 'caf\\u00e9', '\\cA', 'a{1001}', 'a++', '[xy].{190}[xy]', '.{150}', 'MRN-?\\d{6}', '(?i)call', '\\d{3}-\\d{4}', '^', '$', '\\b', '(', '[', 'x'.repeat(1001), '\\p{Lu}\\p{Ll}+'];
const regexChars = ['a', 'b', '(', ')', '[', ']', '*', '+', '?', '{2}', '{1,}', '|', '.', '^', '$', '\\d', '\\w', '\\s', '\\b', '\\1', '(?:', '(?=', '(?<n>', '\\'];
const patternArb = fc.oneof({ weight: 3, arbitrary: pick(patternPool) }, { weight: 2, arbitrary: fc.array(pick(regexChars), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')) });
const allowArb = fc.oneof(pick(['555-0143', '(617) 555-0143', 'a', 'aa', 'call', 'C-0142', 'jane@example.org', '']), fc.string({ maxLength: 8 }), fc.nat(400).map((n) => 'a'.repeat(n)));

/** A random `.iptrc.json`: phi patterns and allow lists, chains and cycles of `extends`, rules; sometimes not valid JSON. */
const configArb: fc.Arbitrary<string> = fc
  .record({
    patterns: fc.array(fc.record({ name: fc.constantFrom('p', 'record number'), pattern: patternArb, flags: fc.constantFrom(undefined, '', 'i', 'gimsu', 'y', 'ii') }), { maxLength: 4 }),
    allow: fc.array(allowArb, { maxLength: 30 }),
    chain: fc.nat(40),
    cycle: fc.boolean(),
    rules: fc.dictionary(pick(['phi', 'task', 'syntax', 'sesion-count', 'unused-disable']), pick(['off', 'error', 'warning', 'nonsense', 3 as unknown as string]), { maxKeys: 3 }),
    broken: fc.nat(20),
  })
  .map(({ patterns, allow, chain, cycle, rules, broken }) => {
    const variants: Record<string, { extends: string }> = {};
    for (let i = 0; i < chain; i++) variants[`v${i}`] = { extends: i === 0 ? (cycle ? `v${chain - 1}` : 'acute') : `v${i - 1}` };
    const text = JSON.stringify({ root: true, rules, variants, phi: { patterns: patterns.map((p) => (p.flags === undefined ? { name: p.name, pattern: p.pattern } : p)), allow } }, null, 1);
    return broken === 0 ? text.slice(0, text.length / 2) : text;
  });

/** A config and a plan, in one string (so the minimiser shrinks both): CONFIG_PLAN_SEPARATOR between them. */
export const configAndPlanArb: fc.Arbitrary<string> = fc.tuple(configArb, planArb).map(([config, plan]) => `${config}${CONFIG_PLAN_SEPARATOR}${plan}`);
