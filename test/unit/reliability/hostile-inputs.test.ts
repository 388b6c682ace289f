/**
 * Big and hostile inputs, each in a fresh process with a 512 MB heap (past it the process dies and
 * the test fails): analyse, format and all three renderers finish, within a wide time bound (a
 * hang detector; docs/reliability.md has the measured figures), and a file past the size limit
 * gets its one clear diagnostic.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../contract/helpers.js';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'measure-hostile-input.mjs');
const built = existsSync(path.join(repoRoot, 'dist', 'index.js'));

function measure(name: string) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=512', script, name], { encoding: 'utf8', timeout: 120_000 });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as { chars: number; analyseMs: number; peakRssMB: number; syntax: string[]; formatted: boolean };
}

describe.skipIf(!built)('big and hostile inputs', () => {
  it('a 10 MB plan: one diagnostic names the size limit; nothing is parsed or formatted', () => {
    const m = measure('10 MB plan');
    expect(m.syntax).toEqual([expect.stringMatching(/^This file is 9\.\d MB; IPT Plan reads plans up to 1\.0 MB/)]);
    expect(m.formatted).toBe(false);
  }, 130_000);

  it.each(['100,000 lines', '1 MB line', 'a BOM'])('%s: read, checked, formatted and rendered', (name) => {
    const m = measure(name);
    expect(m.syntax).toEqual([]);
    expect(m.formatted).toBe(true);
  }, 130_000);

  it.each(['NUL bytes', 'invalid UTF-8 (decoded as U+FFFD)', 'lone surrogates'])('%s: syntax errors, one per line at most, never a crash', (name) => {
    const m = measure(name);
    expect(m.syntax.length).toBeGreaterThan(0);
    expect(m.syntax.length).toBeLessThanOrEqual(70);
    expect(m.formatted).toBe(false);
  }, 130_000);
});
