import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { findEntry } from '../../../server/src/language/catalogue.js';
import { loadConfig } from '../../../server/src/rules/load-config.js';
import { planText } from './plan-text.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ipt-config-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes a file under the temp root (creating folders) and returns its absolute path. */
function write(relative: string, content: string | object): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Loads the config for a plan at `relative` (the plan file itself need not exist). */
function load(relative: string, options?: Parameters<typeof loadConfig>[1]) {
  return loadConfig(path.join(root, relative), options);
}

function rulesOf(text: string, relative: string) {
  const { config, errors } = load(relative);
  expect(errors).toEqual([]);
  return analyse(text, { config }).diagnostics.map((d) => `${d.rule}:${d.severity}`);
}

describe('loadConfig: discovery and merging', () => {
  it('without any .iptrc.json the defaults are used', () => {
    const { config, files, errors } = load('plans/a.ipt', { discover: false });
    expect(files).toEqual([]);
    expect(errors).toEqual([]);
    expect(config.rules).toEqual({});
  });

  it('finds the file in the plan folder', () => {
    const file = write('plans/.iptrc.json', { root: true, rules: { phi: 'error' } });
    const { config, files } = load('plans/a.ipt');
    expect(files).toEqual([file]);
    expect(config.rules.phi).toBe('error');
  });

  it('walks up, and a deeper file overrides its parents rule by rule', () => {
    const top = write('.iptrc.json', { root: true, rules: { phi: 'error', technique: 'error' }, variant: 'brief' });
    const deep = write('clinic/team/.iptrc.json', { rules: { technique: 'off' } });
    const { config, files, errors } = load('clinic/team/plans/a.ipt');
    expect(errors).toEqual([]);
    expect(files).toEqual([top, deep]);
    expect(config.rules).toEqual({ phi: 'error', technique: 'off' });
    expect(config.defaultVariant).toBe('brief');
  });

  it('merges variants by name field by field and concatenates vocabulary and phi', () => {
    write('.iptrc.json', {
      root: true,
      variants: { ptsd: { extends: 'acute', sessions: { min: 14, max: 14 } } },
      vocabulary: { techniques: ['affect-tracking'] },
      phi: { allow: ['(617) 555-0100'] },
    });
    write('team/.iptrc.json', {
      variants: { ptsd: { initialMax: 4 } },
      vocabulary: { techniques: ['sleep-diary'] },
      phi: { allow: ['(617) 555-0199'] },
    });
    const { config, errors } = load('team/a.ipt');
    expect(errors).toEqual([]);
    expect(findEntry(config.catalogue.variants, 'ptsd')).toMatchObject({ sessions: { min: 14, max: 14 }, initialMax: 4 });
    expect(findEntry(config.catalogue.techniques, 'affect-tracking')).toBeDefined();
    expect(findEntry(config.catalogue.techniques, 'sleep-diary')).toBeDefined();
    expect(config.phi.allow).toEqual(['(617) 555-0100', '(617) 555-0199']);
  });

  it('"root": true stops the walk at that file', () => {
    write('.iptrc.json', { rules: { phi: 'off' } });
    const project = write('project/.iptrc.json', { root: true, rules: { technique: 'error' } });
    const { config, files } = load('project/plans/a.ipt');
    expect(files).toEqual([project]);
    expect(config.rules).toEqual({ technique: 'error' });
  });

  it('--config is the base below every discovered file', () => {
    const base = write('shared/team.json', { rules: { phi: 'error', technique: 'error' } });
    const local = write('project/.iptrc.json', { root: true, rules: { technique: 'info' } });
    const { config, files } = load('project/a.ipt', { configFile: base });
    expect(files).toEqual([base, local]);
    expect(config.rules).toEqual({ phi: 'error', technique: 'info' });
  });

  it('discover: false uses only --config', () => {
    write('project/.iptrc.json', { root: true, rules: { technique: 'info' } });
    const base = write('shared/team.json', { rules: { phi: 'error' } });
    const { config, files } = load('project/a.ipt', { configFile: base, discover: false });
    expect(files).toEqual([base]);
    expect(config.rules).toEqual({ phi: 'error' });
  });

  it('a missing --config file is an error, not a crash', () => {
    const { config, errors } = load('a.ipt', { configFile: path.join(root, 'nope.json'), discover: false });
    expect(config.rules).toEqual({});
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: path.join(root, 'nope.json'), line: 1, column: 1 });
    expect(errors[0].message).toContain('cannot be read');
  });

  it('a folder named .iptrc.json is not a config file', () => {
    mkdirSync(path.join(root, 'p', '.iptrc.json'), { recursive: true });
    write('.iptrc.json', { root: true });
    const { files, errors } = load('p/a.ipt');
    expect(errors).toEqual([]);
    expect(files).toEqual([path.join(root, '.iptrc.json')]);
  });

  it('reads a changed file again (cache by mtime and size), and reuses an unchanged one', () => {
    const file = write('.iptrc.json', { root: true, rules: { phi: 'error' } });
    const first = load('a.ipt');
    expect(load('b.ipt').config).toBe(first.config);
    writeFileSync(file, JSON.stringify({ root: true, rules: { phi: 'off', technique: 'info' } }));
    expect(load('a.ipt').config.rules).toEqual({ phi: 'off', technique: 'info' });
  });

  it('loads one folder of 1,000 plans quickly', () => {
    write('.iptrc.json', { root: true, variants: { ptsd: { extends: 'acute', sessions: { min: 14, max: 14 } } } });
    const started = performance.now();
    for (let i = 0; i < 1000; i++) load(`plans/plan-${i}.ipt`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('loadConfig: errors with file, line and column', () => {
  it('a bad file is reported and its valid parts still apply', () => {
    const file = write('.iptrc.json', '{\n  "root": true,\n  "rules": { "phi": "error", "phy": "off" }\n}\n');
    const { config, errors } = load('a.ipt');
    expect(config.rules).toEqual({ phi: 'error' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file, line: 3, column: 30, endLine: 3, endColumn: 35 });
  });

  it('a problem of the merged cascade is reported in the file that wrote it', () => {
    write('.iptrc.json', { root: true, rules: { phi: 'error' } });
    const deep = write('team/.iptrc.json', '{\n  "variants": {\n    "ptsd": { "sessions": { "min": 14, "max": 14 } }\n  }\n}\n');
    const { config, errors } = load('team/a.ipt');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: deep, line: 3, column: 5, endLine: 3, endColumn: 11 });
    expect(errors[0].message).toContain('does not set `cadences`, `initialMax` and `termination`');
    expect(findEntry(config.catalogue.variants, 'ptsd')).toBeUndefined();
    expect(config.rules.phi).toBe('error');
  });

  it('an unknown extends points at its value', () => {
    const file = write('.iptrc.json', '{ "root": true, "variants": { "ptsd": { "extends": "acutte" } } }');
    const { errors } = load('a.ipt');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file, line: 1, column: 52, endLine: 1, endColumn: 60 });
    expect(errors[0].message).toBe(
      'Variant `ptsd` extends `acutte`, which is not built in or defined in `variants`. Did you mean `acute`? Use one of: acute, adolescent, brief, group, maintenance.',
    );
  });

  it('does not offer the variant being defined as what it may extend, nor as a did-you-mean', () => {
    write('.iptrc.json', '{ "root": true, "variants": { "ptsd": { "extends": "ptsdd" }, "grief-plus": { "extends": "acute" } } }');
    const { errors } = load('a.ipt');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe(
      'Variant `ptsd` extends `ptsdd`, which is not built in or defined in `variants`. Use one of: acute, adolescent, brief, group, maintenance, grief-plus.',
    );
  });

  it('an unknown default variant points at it', () => {
    const file = write('.iptrc.json', '{\n  "root": true,\n  "variant": "ptsd"\n}');
    const { errors, config } = load('a.ipt');
    expect(errors).toEqual([expect.objectContaining({ file, line: 3, column: 14, endLine: 3, endColumn: 20 })]);
    expect(config.defaultVariant).toBe('acute');
  });

  it('bad JSON in one file of the cascade does not hide the others', () => {
    write('.iptrc.json', { root: true, rules: { phi: 'error' } });
    const broken = write('team/.iptrc.json', '{ "rules": { "technique": "off" ');
    const { config, errors } = load('team/a.ipt');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.file === broken)).toBe(true);
    expect(config.rules.phi).toBe('error');
  });

  it('a byte-order mark is accepted', () => {
    write('.iptrc.json', '\uFEFF{ "root": true, "rules": { "phi": "error" } }');
    const { config, errors } = load('a.ipt');
    expect(errors).toEqual([]);
    expect(config.rules.phi).toBe('error');
  });
});

describe('loadConfig + analyse: the configuration changes the diagnostics', () => {
  it('a rule switched off', () => {
    const plan = planText({ total: 20 });
    write('on/.iptrc.json', { root: true });
    write('off/.iptrc.json', { root: true, rules: { 'session-count': 'off' } });
    expect(rulesOf(plan, 'on/a.ipt')).toEqual(['session-count:error']);
    expect(rulesOf(plan, 'off/a.ipt')).toEqual([]);
  });

  it('a severity raised or lowered', () => {
    const plan = planText({ total: 20 });
    write('info/.iptrc.json', { root: true, rules: { 'session-count': 'info' } });
    expect(rulesOf(plan, 'info/a.ipt')).toEqual(['session-count:info']);
  });

  it('a custom variant: `ptsd` extends acute with exactly 14 sessions', () => {
    write('.iptrc.json', {
      root: true,
      variants: { ptsd: { extends: 'acute', sessions: { min: 14, max: 14 }, description: 'IPT for PTSD, 14 weekly sessions' } },
    });
    expect(rulesOf(planText({ total: 14, variant: 'ptsd' }), 'a.ipt')).toEqual([]);
    const { config } = load('a.ipt');
    const long = analyse(planText({ total: 16, variant: 'ptsd' }), { config });
    expect(long.diagnostics.map((d) => d.rule)).toEqual(['session-count']);
    expect(long.diagnostics[0].message).toContain('16');
    expect(long.variant?.id).toBe('ptsd');
  });

  it('the configured default variant applies to plans without `variant`', () => {
    write('.iptrc.json', { root: true, variant: 'ptsd', variants: { ptsd: { extends: 'acute', sessions: { min: 14, max: 14 } } } });
    const { config } = load('a.ipt');
    expect(analyse(planText({ total: 14 }), { config }).variant?.id).toBe('ptsd');
    expect(analyse(planText({ total: 16 }), { config }).diagnostics.map((d) => d.rule)).toEqual(['session-count']);
  });

  it('a custom instrument with its range', () => {
    write('.iptrc.json', { root: true, vocabulary: { instruments: [{ id: 'PCL-5', min: 0, max: 80, description: 'PTSD checklist for DSM-5' }] } });
    const { config, errors } = load('a.ipt');
    expect(errors).toEqual([]);
    expect(findEntry(config.catalogue.instruments, 'PCL-5')).toMatchObject({ min: 0, max: 80 });
    expect(analyse(planText({ measure: 'PCL-5', session1: ['score PCL-5 51'] }), { config }).diagnostics).toEqual([]);
    const outOfRange = analyse(planText({ measure: 'PCL-5', session1: ['score PCL-5 95'] }), { config }).diagnostics;
    expect(outOfRange.map((d) => d.rule)).toEqual(['score-range']);
  });
});
