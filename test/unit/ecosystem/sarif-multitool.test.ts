/**
 * `ipt lint --format sarif` checked by Microsoft's SARIF validator, Sarif.Multitool (the npm package
 * @microsoft/sarif-multitool ships it as a self-contained .NET binary per platform; it runs offline).
 * Its JSON-schema check and its SARIF1xxx rules must find no error and no warning; its SARIF2xxx
 * rules are advice (level note), and only the ones IPT Plan follows on purpose may remain:
 *   SARIF2002 message ids and arguments instead of text: the messages are written for the reader of
 *     the log, and stay text (as ESLint's SARIF does);
 *   SARIF2003 versionControlProvenance: the linter does not read git; code scanning knows the commit;
 *   SARIF2009 ids like "IPT1001": the rule ids are the stable, documented names users configure;
 *   SARIF2010/2011 code snippets and context regions: a finding's text can be identifying data (the
 *     `phi` rule's findings are exactly that), and copies of it should not travel in uploads;
 *   SARIF2016 a relative URI: a plan outside the working directory has no place under %SRCROOT%, so
 *     it gets an absolute file URI (as the test's second folder does).
 * SARIF2006 (every URI reachable with an HTTP GET) needs the network, so it is turned off here.
 * The same logs are also checked against the schema code scanning uses (test/unit/cli/sarif-upload-check.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeRun, repoRoot, run, tempDir } from './tools.js';

const multitool = require('@microsoft/sarif-multitool') as string; // the platform binary's path
const acceptedNotes = ['SARIF2002', 'SARIF2003', 'SARIF2009', 'SARIF2010', 'SARIF2011', 'SARIF2016'];
const offline = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
`;

describe('SARIF as Sarif.Multitool validates it', { timeout: 120_000 }, () => {
  const work = tempDir('sarif-multitool');

  /** Sarif.Multitool's findings on a log: "level ruleId: message" per finding. */
  function validate(name: string, log: string): string[] {
    const input = path.join(work, name);
    writeFileSync(input, log);
    const output = `${input}.validation.sarif`;
    const ran = run(multitool, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--config', path.join(work, 'offline.xml'), '--level', 'Error;Warning;Note'], { cwd: work });
    expect(ran.code, describeRun(ran)).toBe(0);
    const validation = JSON.parse(readFileSync(output, 'utf8')) as Log;
    expect(validation.runs[0].invocations?.[0]?.executionSuccessful, 'Sarif.Multitool did not run to the end').toBe(true);
    // A result without a level is a warning (SARIF §3.27.10).
    return (validation.runs[0].results ?? []).map((r) => `${r.level ?? 'warning'} ${r.ruleId}: ${r.message.text ?? r.message.arguments?.join(' · ')}`);
  }

  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, 'dist', 'cli.js'))) throw new Error('Build first (npm run build): dist/cli.js is missing');
    writeFileSync(path.join(work, 'offline.xml'), offline);
  });

  it('finds the problem it is here for: a rule name equal to its id ignoring case (SARIF1001)', () => {
    const log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'phi', name: 'Phi' }] } }, results: [] }] };
    expect(validate('self-check.sarif', JSON.stringify(log)).filter((f) => f.startsWith('warning SARIF1001'))).toHaveLength(1);
  });

  it('finds no error or warning, and only the advice we decline, in `ipt lint --format sarif` over every sample', () => {
    const outside = path.join(work, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'C-0142 été.ipt'), readFileSync(path.join(repoRoot, 'samples', 'rules', 'phi.ipt'), 'utf8'));
    const lint = run(process.execPath, [path.join(repoRoot, 'bin', 'ipt.js'), 'lint', '--format', 'sarif', 'samples', outside], { cwd: repoRoot });
    expect(lint.code, describeRun(lint)).toBe(1); // the rule samples have findings
    expect((JSON.parse(lint.stdout) as Log).runs[0].results?.length).toBeGreaterThan(20);
    const findings = validate('samples.sarif', lint.stdout);
    expect(findings.filter((f) => !f.startsWith('note '))).toEqual([]);
    expect([...new Set(findings.map((f) => f.split(' ')[1].replace(/:$/, '')))].filter((rule) => !acceptedNotes.includes(rule))).toEqual([]);
  });

  it('finds no error or warning in the rules-only log of a clean run', () => {
    const lint = run(process.execPath, [path.join(repoRoot, 'bin', 'ipt.js'), 'lint', '--format', 'sarif', 'samples/acute-grief-dated.ipt'], { cwd: repoRoot });
    expect(lint.code, describeRun(lint)).toBe(0);
    expect(validate('clean.sarif', lint.stdout).filter((f) => !f.startsWith('note '))).toEqual([]);
  });
});
