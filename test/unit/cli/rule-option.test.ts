/**
 * `--rule id:setting`: a one-off setting laid over every plan's .iptrc.json files (and --config);
 * inline `ipt-disable` comments still suppress what it reports, unless --no-inline-config.
 */
import { describe, expect, it } from 'vitest';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

/** One `technique` warning (a non-IPT technique). */
const withWarning = replace(basePlan, 'technique role-play, decision-analysis', 'technique role-play, mindfulness');
/** One `session-count` error. */
const withError = replace(basePlan, 'sessions 16 weekly 50min', 'sessions 20 weekly 50min');
/** The warning, suppressed inline. */
const suppressed = replace(withWarning, '    technique role-play, mindfulness', '    # ipt-disable-next-line technique -- mindfulness is part of this clinic\'s protocol\n    technique role-play, mindfulness');

const project = tempProjects();

async function findings(argv: string[], dir: string, stdin?: string): Promise<{ code: number; found: string[] }> {
  const result = await runCli(['lint', '--format', 'json', ...argv], dir, stdin === undefined ? {} : { stdin });
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout) as { file: string; diagnostics: { rule: string; severity: string }[] }[];
  return { code: result.code, found: report.flatMap((f) => f.diagnostics.map((d) => `${f.file} ${d.rule} ${d.severity}`)) };
}

describe('--rule', () => {
  it('sets a rule for this run: severity up, down, or off', async () => {
    const dir = project({ 'w.ipt': withWarning, 'e.ipt': withError });
    expect(await findings([], dir)).toEqual({ code: 1, found: ['e.ipt session-count error', 'w.ipt technique warning'] });
    expect(await findings(['--rule', 'technique:error', '--rule', 'session-count:off'], dir)).toEqual({ code: 1, found: ['w.ipt technique error'] });
    expect(await findings(['--rule', 'session-count:warning'], dir)).toEqual({ code: 0, found: ['e.ipt session-count warning', 'w.ipt technique warning'] });
    expect(await findings(['--rule', 'session-count:info', '--max-warnings', '0', '--rule', 'technique:off'], dir)).toEqual({ code: 0, found: ['e.ipt session-count info'] });
  });

  it('wins over every .iptrc.json of the run and over --config', async () => {
    const dir = project({
      'base.json': '{ "rules": { "technique": "error" } }',
      'quiet/.iptrc.json': '{ "rules": { "technique": "off" } }',
      'quiet/a.ipt': withWarning,
      'loud/.iptrc.json': '{ "rules": { "technique": "error" } }',
      'loud/b.ipt': withWarning,
    });
    expect(await findings(['--config', 'base.json'], dir)).toEqual({ code: 1, found: ['loud/b.ipt technique error'] });
    expect(await findings(['--config', 'base.json', '--rule', 'technique:warning'], dir)).toEqual({ code: 0, found: ['loud/b.ipt technique warning', 'quiet/a.ipt technique warning'] });
  });

  it('leaves inline ipt-disable comments in force, unless --no-inline-config', async () => {
    const dir = project({ 'a.ipt': suppressed });
    expect(await findings(['--rule', 'technique:error'], dir)).toEqual({ code: 0, found: [] });
    expect(await findings(['--rule', 'technique:error', '--no-inline-config'], dir)).toEqual({ code: 1, found: ['a.ipt technique error'] });
    // Turned off, the rule suppresses nothing: the comment is not reported as unused.
    expect(await findings(['--rule', 'technique:off'], dir)).toEqual({ code: 0, found: [] });
  });

  it('takes a list, spaces around the colon, and the last setting of a rule given twice', async () => {
    const dir = project({ 'w.ipt': withWarning, 'e.ipt': withError });
    expect(await findings(['--rule', 'technique: error, session-count : off'], dir)).toEqual({ code: 1, found: ['w.ipt technique error'] });
    expect(await findings(['--rule', 'technique:error', '--rule', 'technique:off', '--rule', 'session-count:off'], dir)).toEqual({ code: 0, found: [] });
  });

  it('applies to a plan read from standard input', async () => {
    const dir = project({});
    expect(await findings(['-', '--rule', 'technique:error'], dir, withWarning)).toEqual({ code: 1, found: ['<stdin> technique error'] });
  });

  it('refuses an unknown rule, a rule that cannot be set, an unknown setting and a missing one, before linting', async () => {
    const dir = project({ 'a.ipt': basePlan });
    const said = async (value: string) => {
      const result = await runCli(['lint', '--rule', value], dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      return result.stderr;
    };
    expect(await said('tecnique:off')).toBe('ipt lint: `--rule tecnique:off`: Unknown rule id `tecnique`. Did you mean `technique`? Run `ipt rules` to list the rule ids. Run `ipt lint --help` for usage.\n');
    expect(await said('syntax:off')).toContain('`--rule syntax:off`: `syntax` cannot be configured: a plan that cannot be read is always an error.');
    expect(await said('phi:warn')).toContain('`--rule phi:warn`: `warn` is not a setting; use off, info, warning or error. Did you mean `phi:warning`?');
    expect(await said('phi')).toContain('`--rule phi` needs the form `id:setting`, e.g. `--rule phi:error`; the setting is off, info, warning or error.');
  });
});
