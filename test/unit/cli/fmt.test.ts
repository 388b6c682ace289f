/** `ipt fmt`: canonical layout in place, --check, refusal of plans with syntax errors, idempotence. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

/** The clean plan with wrong indentation and trailing spaces: only whitespace differs. */
const messy = basePlan.replace('  client "C-0142"', 'client "C-0142"   ').replace('    targets G1', '\t targets G1');
const broken = replace(basePlan, '  goal G2 "State needs', '  goal G2 State "needs');

const project = tempProjects();
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('ipt fmt', () => {
  it('rewrites plans in the canonical layout and lists them', async () => {
    const dir = project({ 'a.ipt': messy, 'plans/b.ipt': basePlan });
    const result = await runCli(['fmt'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('formatted a.ipt\n');
    expect(read(dir, 'a.ipt')).toBe(basePlan);
    expect(read(dir, 'plans/b.ipt')).toBe(basePlan);
  });

  it('is idempotent: a second run changes nothing and writes nothing', async () => {
    const dir = project({ 'a.ipt': messy });
    await runCli(['fmt'], dir);
    const modified = statSync(path.join(dir, 'a.ipt')).mtimeMs;
    const again = await runCli(['fmt'], dir);
    expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statSync(path.join(dir, 'a.ipt')).mtimeMs).toBe(modified);
  });

  it('--check lists the plans that would change, exits 1 and writes nothing', async () => {
    const dir = project({ 'a.ipt': messy, 'b.ipt': basePlan });
    const result = await runCli(['fmt', '--check'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('a.ipt\n');
    expect(result.stderr).toBe('ipt fmt: 1 plan is not in the canonical layout; run `ipt fmt` to format it.\n');
    expect(read(dir, 'a.ipt')).toBe(messy);
  });

  it('--check exits 0 when every plan is formatted', async () => {
    const dir = project({ 'b.ipt': basePlan });
    expect(await runCli(['fmt', '--check'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses a plan with syntax errors (exit 2, says which and why) and still formats the others', async () => {
    const dir = project({ 'bad.ipt': broken, 'good.ipt': messy });
    const result = await runCli(['fmt'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ipt fmt: bad\.ipt: Not formatted: the plan has (a|\d+) syntax errors?\..*Line \d+: .+/);
    expect(read(dir, 'bad.ipt')).toBe(broken);
    expect(read(dir, 'good.ipt')).toBe(basePlan);
  });

  it('takes paths and globs like lint, and fails on a missing one', async () => {
    const dir = project({ 'a.ipt': messy, 'other/b.ipt': messy });
    const result = await runCli(['fmt', 'other/*.ipt'], dir);
    expect(result.stdout).toBe('formatted other/b.ipt\n');
    expect(read(dir, 'a.ipt')).toBe(messy);
    const missing = await runCli(['fmt', 'nope.ipt'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('ipt fmt: No such file or folder: nope.ipt\n');
  });

  it('keeps CRLF line ends', async () => {
    const dir = project({ 'a.ipt': messy.replace(/\n/g, '\r\n') });
    await runCli(['fmt'], dir);
    expect(read(dir, 'a.ipt')).toBe(basePlan.replace(/\n/g, '\r\n'));
  });
});
