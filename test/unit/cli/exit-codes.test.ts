/** Every exit-code path of `ipt lint`: 0 clean, 1 errors or too many warnings, 2 usage, config and I/O. */
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

/** The clean plan with one error (20 sessions for acute IPT). */
const withError = replace(basePlan, 'sessions 16 weekly 50min', 'sessions 20 weekly 50min');
/** The clean plan with one warning (a non-IPT technique). */
const withWarning = replace(basePlan, 'technique role-play, decision-analysis', 'technique role-play, mindfulness');

const project = tempProjects();

describe('ipt lint exit codes', () => {
  it('exits 0 for a clean plan', async () => {
    const dir = project({ 'a.ipt': basePlan });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('1 plan checked: no problems');
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = project({ 'a.ipt': withWarning });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✖ 1 problem (0 errors, 1 warning)');
  });

  it('exits 1 when a plan has an error', async () => {
    const dir = project({ 'a.ipt': withError, 'b.ipt': basePlan });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('session-count');
    expect(result.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('exits 1 when warnings exceed --max-warnings, and 0 when they do not', async () => {
    const dir = project({ 'a.ipt': withWarning, 'b.ipt': withWarning });
    const over = await runCli(['lint', '--max-warnings', '1'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('Too many warnings (2); at most 1 allowed by --max-warnings.');
    const within = await runCli(['lint', '--max-warnings', '2'], dir);
    expect(within.code).toBe(0);
    expect(within.stderr).toBe('');
  });

  it('exits 2 with a pointer to help for an unknown option, a bad format or a bad --max-warnings', async () => {
    const dir = project({ 'a.ipt': basePlan });
    const unknown = await runCli(['lint', '--quite'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('ipt lint: Unknown option `--quite`. Did you mean `--quiet`? Run `ipt lint --help` for usage.\n');
    const format = await runCli(['lint', '--format', 'sarf'], dir);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Did you mean `sarif`?');
    const count = await runCli(['lint', '--max-warnings', 'lots'], dir);
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('`--max-warnings` takes a whole number');
    expect(unknown.stdout + format.stdout + count.stdout).toBe('');
  });

  it('names a value-less option as it was typed (--format or -f), also before another option or as --format=', async () => {
    const dir = project({ 'a.ipt': basePlan });
    const said = async (...args: string[]) => {
      const result = await runCli(args, dir);
      expect(result.code).toBe(2);
      return result.stderr;
    };
    expect(await said('lint', '--format')).toBe('ipt lint: The option `--format` needs a value. Run `ipt lint --help` for usage.\n');
    expect(await said('lint', '-f')).toBe('ipt lint: The option `-f` needs a value. Run `ipt lint --help` for usage.\n');
    expect(await said('lint', '--format', '--quiet')).toContain('The option `--format` needs a value.');
    expect(await said('lint', '-f', 'json', '--format')).toContain('The option `--format` needs a value.');
    expect(await said('lint', '--format=')).toContain('The option `--format` needs a value: one of `stylish`, `json`, `sarif`, `github`, `gitlab`, `junit`.');
    expect(await said('render', 'a.ipt', '-t')).toContain('The option `-t` needs a value.');
  });

  it('exits 2 for an unknown command, with did-you-mean', async () => {
    const dir = project({});
    const result = await runCli(['lnit'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command `lnit`. Did you mean `ipt lint`?');
  });

  it('exits 2 and prints file:line:col for a configuration error, before linting anything', async () => {
    const dir = project({ 'a.ipt': withError, '.iptrc.json': '{\n  "rules": { "phi": "loud" }\n}\n' });
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^\.iptrc\.json:2:\d+ .+/m);
    expect(result.stderr).toContain('The configuration has a problem');
  });

  it('exits 2 when --config names a missing file', async () => {
    const dir = project({ 'a.ipt': basePlan });
    const result = await runCli(['lint', '--config', 'missing.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing\.json:1:1 /);
  });

  it('exits 2 for a file that cannot be read (a broken link), and still reports the others', async () => {
    const dir = project({ 'good.ipt': withError });
    symlinkSync(path.join(dir, 'nowhere.ipt'), path.join(dir, 'broken.ipt'));
    const result = await runCli(['lint', 'broken.ipt', 'good.ipt'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ipt lint: Cannot read broken.ipt (ENOENT: no such file or directory).');
    expect(result.stdout).toContain('good.ipt');
  });

  it('exits 2 for a broken link found while walking a folder', async () => {
    const dir = project({ 'plans/good.ipt': basePlan });
    symlinkSync(path.join(dir, 'plans', 'gone.ipt'), path.join(dir, 'plans', 'broken.ipt'));
    const result = await runCli(['lint'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot read plans/broken.ipt');
  });

  it('treats a folder named like a plan as a folder: skipped in a walk, exit 2 when named', async () => {
    const dir = project({ 'x.ipt/readme.txt': 'not a plan', 'good.ipt': basePlan });
    const walked = await runCli(['lint', '--format', 'json'], dir);
    expect(walked.code).toBe(0);
    expect(JSON.parse(walked.stdout)).toEqual([{ file: 'good.ipt', diagnostics: [] }]);
    const named = await runCli(['lint', 'x.ipt'], dir);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe('ipt lint: No .ipt plans in the folder x.ipt.\n');
  });

  it('exits 2 for a missing file and for a glob that matches nothing', async () => {
    const dir = project({ 'a.ipt': basePlan });
    const missing = await runCli(['lint', 'nope.ipt'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('ipt lint: No such file or folder: nope.ipt\n');
    const glob = await runCli(['lint', 'plans/**/*.ipt'], dir);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('No files match the pattern `plans/**/*.ipt`.');
  });

  it('exits 2 when the report cannot be written (the path is a folder)', async () => {
    const dir = project({ 'a.ipt': basePlan, 'reports/keep.txt': '' });
    const result = await runCli(['lint', '--output-file', 'reports'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ipt lint: Cannot write the report to reports (EISDIR: it is a folder).\n');
  });

  it('errors win over --max-warnings: exit 1 whatever the warning count', async () => {
    const dir = project({ 'a.ipt': withError });
    const result = await runCli(['lint', '--max-warnings', '100'], dir);
    expect(result.code).toBe(1);
  });
});
