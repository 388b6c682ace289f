/** `--stdin` for lint and fmt: plans piped through `ipt` by editors and scripts. */
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
