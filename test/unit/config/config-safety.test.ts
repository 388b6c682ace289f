/**
 * Config safety: `.iptrc.json` is data, and any file gives located errors, never a crash or a hang:
 * nesting 50,000 deep, an oversized file, keys set twice, and patterns that would backtrack
 * catastrophically. A large vocabulary loads in time that grows linearly with its size.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { resolveConfig, resolveConfigWithIssues } from '../../../server/src/rules/config.js';
import { catastrophicBacktracking } from '../../../server/src/rules/config-regex-safety.js';
import { MAX_CONFIG_CHARS } from '../../../server/src/rules/config-shape.js';
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

describe('phi patterns that could hang the linter', () => {
  it.each(['(a+)+$', '(a*)*b', '(\\w+\\s?)*$', '(a|ab)*c', '(?:x+y?)+', '([a-z]+)*', '(a{1,})+', '(.*)\\1'])('refuses %s', (pattern) => {
    expect(catastrophicBacktracking(pattern)).toBeDefined();
    const { errors } = parseConfigText(JSON.stringify({ phi: { patterns: [{ name: 'x', pattern }] } }), '.iptrc.json');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/^This regular expression could hang the linter: /);
  });

  it.each(['MRN[- ]?\\d{6,8}', '\\b[A-Z]{2}\\d+\\b', '(\\d{3}-){2}\\d{4}', '(MRN|Patient ID):?\\s*\\d+', '[(]?\\d+[)]?', 'a\\+b', '[+*]+', '\\u{1F600}+'])('accepts %s', (pattern) => {
    expect(catastrophicBacktracking(pattern)).toBeUndefined();
  });

  it('a refused pattern never reaches the rule, even from a config that skipped validation', () => {
    const { config, issues } = resolveConfigWithIssues({ phi: { patterns: [{ name: 'x', pattern: '(a+)+$' }] } });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['phi.patterns.0.pattern']);
    const started = performance.now();
    analyse(`plan "${'a'.repeat(40)}!"\n`, { config });
    expect(performance.now() - started).toBeLessThan(5000);
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
