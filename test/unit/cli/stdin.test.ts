/** `-` (or `--stdin`) for lint, fmt and render: plans piped through `ipt` by editors and scripts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

const withWarning = replace(basePlan, 'technique role-play, decision-analysis', 'technique role-play, mindfulness');
const messy = basePlan.replace('  client "C-0142"', 'client "C-0142"');

const project = tempProjects();

describe('ipt lint --stdin', () => {
  it('lints the piped plan and reports it as <stdin>', async () => {
    const dir = project({});
    const result = await runCli(['lint', '--stdin', '--format', 'json'], dir, { stdin: withWarning });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ file: '<stdin>', diagnostics: [expect.objectContaining({ rule: 'technique', severity: 'warning' })] }]);
  });

  it('uses --stdin-filename for the report and for finding .iptrc.json', async () => {
    const dir = project({ 'strict/.iptrc.json': '{ "rules": { "technique": "error" } }' });
    const result = await runCli(['lint', '--stdin', '--stdin-filename', 'strict/new.ipt', '--format', 'json'], dir, { stdin: withWarning });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([{ file: 'strict/new.ipt', diagnostics: [expect.objectContaining({ rule: 'technique', severity: 'error' })] }]);
  });

  it('refuses --fix, paths, and --stdin-filename without --stdin', async () => {
    const dir = project({ 'a.ipt': basePlan });
    expect((await runCli(['lint', '--stdin', '--fix'], dir, { stdin: basePlan })).code).toBe(2);
    expect((await runCli(['lint', '--stdin', 'a.ipt'], dir, { stdin: basePlan })).stderr).toContain('Read a plan from standard input (`-`) or name paths, not both.');
    expect((await runCli(['lint', '-', 'a.ipt'], dir, { stdin: basePlan })).stderr).toContain('Read a plan from standard input (`-`) or name paths, not both.');
    expect((await runCli(['lint', '--stdin-filename', 'x.ipt'], dir)).stderr).toContain('`--stdin-filename` goes with `-` (standard input)');
  });
});

describe('ipt fmt --stdin', () => {
  it('writes the formatted plan to stdout', async () => {
    const dir = project({});
    expect(await runCli(['fmt', '--stdin'], dir, { stdin: messy })).toEqual({ code: 0, stdout: basePlan, stderr: '' });
  });

  it('with --check, exits 1 when the piped plan would change and 0 when it would not', async () => {
    const dir = project({});
    expect(await runCli(['fmt', '--stdin', '--check'], dir, { stdin: messy })).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(await runCli(['fmt', '--stdin', '--check'], dir, { stdin: basePlan })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses a piped plan with syntax errors and prints nothing on stdout', async () => {
    const dir = project({});
    const result = await runCli(['fmt', '--stdin'], dir, { stdin: replace(basePlan, '  goal G2 "State needs', '  goal G2 State "needs') });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^ipt fmt: <stdin>: Not formatted: /);
  });
});

describe('`-` is standard input', () => {
  it('lint -: the same as --stdin, with --stdin-filename for the name and the config', async () => {
    const dir = project({ 'strict/.iptrc.json': '{ "rules": { "technique": "error" } }' });
    const dash = await runCli(['lint', '-', '--stdin-filename', 'strict/new.ipt', '--format', 'json'], dir, { stdin: withWarning });
    expect(dash).toEqual(await runCli(['lint', '--stdin', '--stdin-filename', 'strict/new.ipt', '--format', 'json'], dir, { stdin: withWarning }));
    expect(dash.code).toBe(1);
    expect(JSON.parse(dash.stdout)).toEqual([{ file: 'strict/new.ipt', diagnostics: [expect.objectContaining({ rule: 'technique', severity: 'error' })] }]);
    const over = await runCli(['lint', '-', '--stdin-filename', 'strict/new.ipt', '-o', 'strict/new.ipt'], dir, { stdin: withWarning });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("-o strict/new.ipt is the plan's --stdin-filename; the report would overwrite it.");
  });

  it('fmt -: the formatted plan on stdout, or in a file with -o; errors name --stdin-filename', async () => {
    const dir = project({});
    expect(await runCli(['fmt', '-'], dir, { stdin: messy })).toEqual({ code: 0, stdout: basePlan, stderr: '' });
    expect(await runCli(['fmt', '-', '-o', 'out/plan.ipt'], dir, { stdin: messy })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(path.join(dir, 'out', 'plan.ipt'), 'utf8')).toBe(basePlan);
    const broken = await runCli(['fmt', '-', '--stdin-filename', 'plans/x.ipt'], dir, { stdin: replace(basePlan, '  goal G2 "State needs', '  goal G2 State "needs') });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^ipt fmt: plans\/x\.ipt: Not formatted: /);
  });

  it('fmt refuses -o for plans it rewrites in place, and -o with --check', async () => {
    const dir = project({ 'a.ipt': messy });
    const named = await runCli(['fmt', 'a.ipt', '-o', 'b.ipt'], dir);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('`-o` goes with `-` (a plan from standard input)');
    expect(readFileSync(path.join(dir, 'a.ipt'), 'utf8')).toBe(messy);
    expect((await runCli(['fmt', '-', '--check', '-o', 'b.ipt'], dir, { stdin: messy })).stderr).toContain('`--check` writes nothing; leave out `-o`.');
  });

  it('render - --to fhir renders the piped plan; --stdin-filename picks its .iptrc.json', async () => {
    const system = 'https://clinic.example.org/fhir/sid/client-code';
    const dir = project({ 'clinic/.iptrc.json': JSON.stringify({ fhir: { clientIdentifierSystem: system } }) });
    const plain = await runCli(['render', '-', '--to', 'fhir'], dir, { stdin: basePlan });
    expect(plain.code, plain.stderr).toBe(0);
    expect((JSON.parse(plain.stdout) as { resourceType: string }).resourceType).toBe('CarePlan');
    expect(plain.stdout).not.toContain(system);
    const configured = await runCli(['render', '-', '--to', 'fhir', '--stdin-filename', 'clinic/C-0142.ipt'], dir, { stdin: basePlan });
    expect(configured.code, configured.stderr).toBe(0);
    expect(configured.stdout).toContain(system);
    expect(await runCli(['render', '--stdin', '--to', 'fhir', '--stdin-filename', 'clinic/C-0142.ipt'], dir, { stdin: basePlan })).toEqual(configured);
  });

  it('render -: errors are named after --stdin-filename, and -o must not overwrite that plan', async () => {
    const dir = project({});
    const withError = replace(basePlan, 'sessions 16 weekly', 'sessions 20 weekly');
    const result = await runCli(['render', '-', '--to', 'markdown'], dir, { stdin: withError });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('ipt render: <stdin> has 1 error, so the rendering may be incomplete or wrong. Run `ipt lint -` on the same input to see it.\n');
    const over = await runCli(['render', '-', '--stdin-filename', 'plan.ipt', '--to', 'html', '-o', 'plan.ipt'], dir, { stdin: basePlan });
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('-o plan.ipt is the plan itself');
  });

  it('render refuses both `-` and a file, and --stdin-filename without `-`', async () => {
    const dir = project({ 'a.ipt': basePlan });
    expect((await runCli(['render', '-', 'a.ipt', '--to', 'html'], dir, { stdin: basePlan })).stderr).toContain('Read a plan from standard input (`-`) or name paths, not both.');
    expect((await runCli(['render', 'a.ipt', '--stdin-filename', 'x.ipt', '--to', 'html'], dir)).stderr).toContain('`--stdin-filename` goes with `-`');
  });
});
