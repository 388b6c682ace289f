/** `ipt lint` options: --quiet, --output-file, --no-inline-config, --config and nested .iptrc.json files. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

const withError = replace(basePlan, 'sessions 16 weekly 50min', 'sessions 20 weekly 50min');
const withWarning = replace(basePlan, 'technique role-play, decision-analysis', 'technique role-play, mindfulness');
/** A warning (a non-IPT technique) silenced by an inline directive. */
const suppressed = replace(
  basePlan,
  '    technique role-play, decision-analysis\n',
  '    # ipt-disable-next-line technique -- agreed with the supervisor\n    technique role-play, mindfulness\n',
);

const project = tempProjects();
type JsonReport = { file: string; diagnostics: { rule: string; severity: string }[] }[];

describe('ipt lint options', () => {
  it('--quiet reports errors only', async () => {
    const dir = project({ 'a.ipt': withError, 'b.ipt': withWarning });
    const loud = JSON.parse((await runCli(['lint', '--format', 'json'], dir)).stdout) as JsonReport;
    expect(loud.flatMap((f) => f.diagnostics.map((d) => d.severity)).sort()).toEqual(['error', 'warning']);
    const quiet = await runCli(['lint', '--format', 'json', '--quiet'], dir);
    const report = JSON.parse(quiet.stdout) as JsonReport;
    expect(report.flatMap((f) => f.diagnostics.map((d) => d.severity))).toEqual(['error']);
    expect(quiet.code).toBe(1);
  });

  it('--quiet with only warnings exits 0 even with --max-warnings 0 (warnings are not reported, so not counted)', async () => {
    const dir = project({ 'b.ipt': withWarning });
    const result = await runCli(['lint', '--quiet', '--max-warnings', '0'], dir);
    expect(result.code).toBe(0);
  });

  it('--output-file writes the report there (making its folder) and nothing to stdout', async () => {
    const dir = project({ 'a.ipt': withError });
    const result = await runCli(['lint', '--format', 'json', '--output-file', 'out/ipt/report.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'ipt', 'report.json'), 'utf8')) as JsonReport;
    expect(report).toEqual([{ file: 'a.ipt', diagnostics: [expect.objectContaining({ rule: 'session-count', severity: 'error' })] }]);
  });

  it('--output-file with stylish writes no colour codes even when stdout is a terminal', async () => {
    const dir = project({ 'a.ipt': withError });
    await runCli(['lint', '-o', 'report.txt'], dir, { tty: true });
    const text = readFileSync(path.join(dir, 'report.txt'), 'utf8');
    expect(text).toContain('session-count');
    expect(text).not.toContain('\u001b[');
  });

  it('refuses an --output-file that is one of the plans', async () => {
    const dir = project({ 'a.ipt': withError });
    const result = await runCli(['lint', '-o', 'a.ipt'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('-o a.ipt is one of the plans being linted');
    expect(readFileSync(path.join(dir, 'a.ipt'), 'utf8')).toBe(withError);
  });

  it('colours stylish output on a terminal, but not when NO_COLOR is set', async () => {
    const dir = project({ 'a.ipt': withError });
    const coloured = await runCli(['lint'], dir, { tty: true, env: {} });
    expect(coloured.stdout).toContain('\u001b[31m');
    const plain = await runCli(['lint'], dir, { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('honours inline directives by default and ignores them with --no-inline-config', async () => {
    const dir = project({ 'a.ipt': suppressed });
    const honoured = await runCli(['lint', '--format', 'json'], dir);
    expect((JSON.parse(honoured.stdout) as JsonReport)[0].diagnostics).toEqual([]);
    const ignored = await runCli(['lint', '--format', 'json', '--no-inline-config'], dir);
    const rules = (JSON.parse(ignored.stdout) as JsonReport)[0].diagnostics.map((d) => d.rule);
    expect(rules).toEqual(['technique']);
  });

  it('--config sets a base config below the discovered ones', async () => {
    const dir = project({ 'a.ipt': withWarning, 'configs/strict.json': '{ "rules": { "technique": "error" } }' });
    const result = await runCli(['lint', '--format', 'json', '--config', 'configs/strict.json'], dir);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport)[0].diagnostics).toEqual([expect.objectContaining({ rule: 'technique', severity: 'error' })]);
  });

  it('applies the nearest .iptrc.json to each plan (nested config overrides the root one)', async () => {
    const dir = project({
      '.iptrc.json': '{ "rules": { "technique": "error" } }',
      'clinic/a.ipt': withWarning,
      'research/.iptrc.json': '{ "rules": { "technique": "off" } }',
      'research/b.ipt': withWarning,
    });
    const result = await runCli(['lint', '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report).toEqual([
      { file: 'clinic/a.ipt', diagnostics: [expect.objectContaining({ rule: 'technique', severity: 'error' })] },
      { file: 'research/b.ipt', diagnostics: [] },
    ]);
    expect(result.code).toBe(1);
  });

  it('never writes a file when only linting', async () => {
    const dir = project({ 'a.ipt': replace(basePlan, 'focus role-dispute', 'focus role-dispte') });
    await runCli(['lint'], dir);
    expect(readFileSync(path.join(dir, 'a.ipt'), 'utf8')).toContain('role-dispte');
    expect(existsSync(path.join(dir, 'report.json'))).toBe(false);
  });
});
