/**
 * Config safety: `.iptrc.json` is data, and any file gives located errors, never a crash or a hang:
 * nesting 50,000 deep, an oversized file, keys set twice; `phi.patterns` run on RE2 (fast or a located
 * error); a long `extends` chain is bounded. A large vocabulary loads in time that grows linearly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { resolveConfig, resolveConfigWithIssues } from '../../../server/src/rules/config.js';
import type { ConfigFile } from '../../../server/src/rules/config-schema.js';
import { MAX_CONFIG_CHARS } from '../../../server/src/rules/config-shape.js';
import { mergeCascade, mergeConfigs } from '../../../server/src/rules/config-text.js';
import { clearConfigCache, loadConfig, parseConfigText, resolveConfigTexts } from '../../../server/src/rules/load-config.js';
import { linearGrowth } from '../rules/linear-time.js';

describe('config files that would break a parser', () => {
  it('nesting 50,000 deep is one located error (no stack overflow)', () => {
    const text = `{\n  "rules": ${'['.repeat(50_000)}${']'.repeat(50_000)}\n}`;
    const { errors, config } = parseConfigText(text, '.iptrc.json');
    expect(config).toBeUndefined();
    expect(errors).toEqual([
      { file: '.iptrc.json', line: 2, column: 43, endLine: 2, endColumn: 44, message: 'The settings nest more than 32 levels deep here; no IPT Plan setting is deeper than 4. Check the brackets and braces.' },
    ]);
  });

  it('a deep config on disk reaches the plan as a config error, not as a failure on the plan', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ipt-config-'));
    try {
      writeFileSync(path.join(dir, '.iptrc.json'), `{"root": true, "rules": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`);
      clearConfigCache();
      const loaded = loadConfig(path.join(dir, 'plan.ipt'));
      expect(loaded.errors.map((e) => [e.line, e.message.slice(0, 40)])).toEqual([[1, 'The settings nest more than 32 levels de']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      clearConfigCache();
    }
  });

  it('an oversized file is refused with its size, without parsing it', () => {
    const text = `{"phi": {"allow": ["${'x'.repeat(MAX_CONFIG_CHARS)}"]}}`;
    const { errors } = parseConfigText(text, '.iptrc.json');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^This config file is 16\.0 MB; IPT Plan reads config files up to 16\.0 MB\./);
  });

  it('a key set twice is reported where the second one stands (JSON would keep only the last)', () => {
    const text = '{\n  "rules": { "phi": "off", "task": "off", "phi": "error" },\n  "root": true,\n  "root": false\n}';
    const { errors, config } = parseConfigText(text, '.iptrc.json');
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 43, '`phi` is set twice in the same object, and only the last one would count. Keep one of them.'],
      [4, 3, '`root` is set twice in the same object, and only the last one would count. Keep one of them.'],
    ]);
    expect(config?.rules?.phi).toBe('error');
  });

  it('the same key in different objects is fine', () => {
    const text = '{"variants": {"a": {"extends": "acute", "initialMax": 3}, "b": {"extends": "acute", "initialMax": 2}}}';
    expect(parseConfigText(text, '.iptrc.json').errors).toEqual([]);
  });
});

describe('phi patterns run on RE2: fast or refused, never a hang (issue 17)', () => {
  const errorsOf = (pattern: string, flags?: string) =>
    parseConfigText(JSON.stringify({ phi: { patterns: [{ name: 'x', pattern, ...(flags === undefined ? {} : { flags }) }] } }), '.iptrc.json').errors.map((e) => e.message);
  const configWith = (pattern: string) => {
    const { config, errors } = resolveConfigTexts([{ file: '.iptrc.json', text: JSON.stringify({ phi: { patterns: [{ name: 'x', pattern }] } }) }]);
    expect(errors).toEqual([]);
    return config;
  };
  const note = (text: string) => `plan "C-0142 x"\nphase initial sessions 1-3\n  session 1\n    note "${text}"\n`;

  // The reproducers: each ran past 20 s (or 9.4 s on 30 characters) on JavaScript's engine.
  it.each([
    ['(a+){25}$', 100],
    ['a*a*a*a*a*a*$', 5000],
    ['[]|(a+)+$]', 30],
    ['(a+)+$', 100_000],
    ['(\\w+\\s?)*$', 100_000],
    ['(a|ab)*c', 100_000],
  ])('%s is accepted and runs in time linear in the text (%i characters of `a`, then `!`)', (pattern, length) => {
    const config = configWith(pattern);
    const text = (size: number) => note(`${'a'.repeat(size)}!`);
    analyse(text(length), { config });
    expect(linearGrowth(text, (t) => analyse(t, { config }))).toBeLessThan(30);
  }, 120_000);

  it('RE2 matches what the pattern says: findings at their exact characters', () => {
    const config = configWith('MRN[- ]?\\d{6}');
    const text = note('chart MRN-123456 and MRN 654321, not MRN-12345');
    expect(analyse(text, { config }).diagnostics.filter((d) => d.rule === 'phi').map((d) => text.slice(d.span.start, d.span.end))).toEqual(['MRN-123456', 'MRN 654321']);
  });

  it.each([
    ['(?=x)a', /^RE2 has no lookahead \(`\(\?=…\)`, `\(\?!…\)`\): it cannot be run in linear time\. Make the text after it part of the pattern/],
    ['\\d{6}(?!\\d)', /^RE2 has no lookahead .*`\\d\{6\}\(\?!\\d\)` → `\\d\{6\}\\b`/],
    ['(?<=MRN )\\d{6}', /^RE2 has no lookbehind .*`\(\?<=MRN \)\\d\{6\}` → `MRN \\d\{6\}`/],
    ['(?<!x)a', /^RE2 has no lookbehind/],
    ['(\\d{3})-\\1', /^RE2 has no backreferences \(`\\1`, `\\k<name>`\)/],
    ['(?<n>a)\\k<n>', /^RE2 has no backreferences/],
    ['caf\\u00e9', /^RE2 writes a character by its code as `\\x\{00E9\}`, not `\\u00E9`/],
    ['\\cA', /^RE2 has no `\\cX` control escapes/],
    ['a{1001}', /^RE2 repeats a part at most 1000 times/],
    ['a++', /^RE2 does not repeat a repetition/],
    ['(', /^This pattern is not valid RE2 syntax \(missing closing \): `\(`\)\. Fix it, or remove this pattern\./],
    ['[xy].{199}[xy]', /^This pattern compiles to 203 RE2 instructions; IPT Plan runs up to 200 for all `phi.patterns` together/],
    ['x'.repeat(1001), /^This pattern is 1001 characters long; IPT Plan runs patterns of up to 1000/],
  ])('%s is a located config error that says why and how to rewrite it', (pattern, message) => {
    const errors = errorsOf(pattern);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(errors[0]).toMatch(/IPT Plan runs `phi.patterns` with RE2 syntax|IPT Plan runs up to 200|IPT Plan runs patterns of up to 1000/);
  });

  it('flags: i, m and s change matching; g and u are accepted; others are refused', () => {
    expect(errorsOf('mrn\\d+', 'gimsu')).toEqual([]);
    for (const flags of ['y', 'd', 'v', 'ii', 'x']) expect(errorsOf('a', flags), flags).toEqual([expect.stringMatching(/^Flags are letters among `i` \(ignore case\)/)]);
    const { config } = resolveConfigTexts([{ file: '.iptrc.json', text: JSON.stringify({ phi: { patterns: [{ name: 'x', pattern: 'mrn\\d{3}', flags: 'i' }] } }) }]);
    expect(analyse(note('MRN123'), { config }).diagnostics.some((d) => d.rule === 'phi')).toBe(true);
  });

  it('all patterns together stay within 200 instructions: the one past it, and those after, are left out with one error at it', () => {
    const patterns = Array.from({ length: 30 }, (_, i) => ({ name: `p${i}`, pattern: `[a-z]{8}${i}` }));
    const text = JSON.stringify({ phi: { patterns } }, null, 1);
    const { config, errors } = resolveConfigTexts([{ file: '.iptrc.json', text }]);
    expect(config.phi.patterns.length).toBeGreaterThan(15);
    expect(config.phi.patterns.length).toBeLessThan(30);
    expect(errors).toHaveLength(1);
    const index = config.phi.patterns.length;
    expect(errors[0].message).toMatch(new RegExp(`^With this pattern, \`phi.patterns\` compile to \\d+ RE2 instructions; .* This pattern and the ${29 - index} after it were left out\\.`));
    expect(errors[0].line).toBe(text.split('\n').findIndex((line) => line.includes(`"[a-z]{8}${index}"`)) + 1);
  });

  it('a refused pattern never reaches the rule, even from a config that skipped validation', () => {
    const { config, issues } = resolveConfigWithIssues({ phi: { patterns: [{ name: 'x', pattern: '(a)\\1' }, { name: 'y', pattern: 'MRN\\d+', flags: 'yy' }] } });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['phi.patterns.0.pattern', 'phi.patterns.1.flags']);
    expect(config.phi.patterns).toEqual([]);
  });
});

describe('a large vocabulary', () => {
  const vocabulary = (n: number) => `{"vocabulary": {"techniques": [${Array.from({ length: n }, (_, i) => `"w${i}"`).join(',')}], "tasks": [{"id": "t1", "phases": ["middle"]}]}}`;
  const load = (text: string) => {
    const { config, errors } = parseConfigText(text, '.iptrc.json');
    if (errors.length > 0 || !config) throw new Error(`the vocabulary did not load: ${JSON.stringify(errors)}`);
    return resolveConfig(config);
  };

  it('loads every word', () => {
    expect(load(vocabulary(50_000)).catalogue.techniques.length).toBeGreaterThanOrEqual(50_000);
  });

  it('loads in time that grows linearly: ten times the words take about ten times as long', () => {
    // Linear growth gives about 10; quadratic (the old merge) about 100. Interleaved and repeated
    // (linear-time.ts), so a busy machine slows both sizes alike.
    expect(linearGrowth(vocabulary, load)).toBeLessThan(30);
  }, 120_000);
});

describe('a long chain of `extends` (issue 17)', () => {
  const chain = (length: number, order: 'forward' | 'backward' = 'forward') => {
    const names = Array.from({ length }, (_, i) => i);
    if (order === 'backward') names.reverse();
    const entries = names.map((i) => `    "v${i}": { "extends": "${i === 0 ? 'acute' : `v${i - 1}`}" }`);
    return `{\n  "variants": {\n${entries.join(',\n')}\n  }\n}\n`;
  };
  const resolve = (text: string) => resolveConfigTexts([{ file: '.iptrc.json', text }]);

  it.each(['forward', 'backward'] as const)('5,000 variants each extending the last (%s): one located error at the variant past the bound', (order) => {
    const { config, errors } = resolve(chain(5000, order));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^Variant `v\d+` is more than 32 `extends` away from a variant that extends nothing/);
    const variants = new Set(config.catalogue.variants.map((v) => v.id));
    expect(variants.has('v31')).toBe(true);
    expect(variants.has('v4999')).toBe(false);
  });

  it('the forward chain: the error stands at the 33rd variant, its `extends`', () => {
    const text = chain(40);
    const { errors } = resolve(text);
    const line = text.split('\n').findIndex((l) => l.includes('"v32"')) + 1;
    expect(errors.map((e) => [e.line, e.message.split('.')[0]])).toEqual([[line, 'Variant `v32` is more than 32 `extends` away from a variant that extends nothing (a built-in one, or one that sets every value)']]);
  });

  it('a chain of 32 is fine', () => {
    expect(resolve(chain(32)).errors).toEqual([]);
  });

  it('time grows linearly with the number of variants (a 5,000-long chain took 4.5 s)', () => {
    const text = (size: number) => chain(Math.round(size / 30));
    expect(linearGrowth(text, resolve)).toBeLessThan(30);
  }, 120_000);
});

describe('a problem with a pattern of a cascade is located in the file that wrote it', () => {
  it('the budget error stands at the pattern in the deeper file', () => {
    const base = JSON.stringify({ root: true, phi: { patterns: [{ name: 'a', pattern: '[a-z]{80}' }, { name: 'b', pattern: '[a-z]{80}' }] } }, null, 1);
    const deeper = JSON.stringify({ phi: { patterns: [{ name: 'c', pattern: 'MRN\\d+' }, { name: 'd', pattern: '[a-z]{80}' }] } }, null, 1);
    const { errors } = resolveConfigTexts([{ file: 'base/.iptrc.json', text: base }, { file: 'base/team/.iptrc.json', text: deeper }]);
    expect(errors.map((e) => [e.file, e.line])).toEqual([['base/team/.iptrc.json', deeper.split('\n').findIndex((l) => l.includes('"[a-z]{80}"')) + 1]]);
  });
});

describe('merging a cascade in one pass (issue 17: folding pairwise merges copied everything gathered at every file)', () => {
  it('gives what merging two by two gives (property)', () => {
    const word = fc.constantFrom('a', 'b', 'c');
    const file = fc.record(
      {
        root: fc.boolean(),
        variant: word,
        rules: fc.dictionary(fc.constantFrom('phi', 'task', 'technique'), fc.constantFrom('off' as const, 'error' as const, 'warning' as const)),
        variants: fc.dictionary(word, fc.record({ extends: fc.constantFrom('acute', 'brief'), initialMax: fc.nat(5), title: word }, { requiredKeys: ['extends'] })),
        vocabulary: fc.record({ techniques: fc.array(word.map((w) => `t-${w}`)), problemAreas: fc.array(word.map((w) => `p-${w}`)) }, { requiredKeys: [] }),
        phi: fc.record({ allow: fc.array(word), patterns: fc.array(fc.record({ name: word, pattern: word })) }, { requiredKeys: [] }),
        fhir: fc.record({ diagnosisCodeSystem: fc.constantFrom('icd-10' as const, 'icd-10-cm' as const) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(file as fc.Arbitrary<ConfigFile>, { minLength: 1, maxLength: 5 }), (files) => {
        const resolved = (config: ConfigFile) => JSON.stringify(resolveConfig(config));
        expect(resolved(mergeCascade(files))).toBe(resolved(files.reduce(mergeConfigs)));
      }),
      { numRuns: 200 },
    );
  });
});
