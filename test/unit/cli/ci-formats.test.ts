/**
 * `--format junit` and `--format gitlab` on hand-made diagnostics: their shape, escaping, severities
 * and fingerprints, each output validated as its consumer reads it (see ci-report-checks.ts), and the
 * checks themselves shown to reject what the consumers reject.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatGitlab, type CodeQualityIssue } from '../../../server/src/cli/formatters/gitlab.js';
import { formatJunit } from '../../../server/src/cli/formatters/junit.js';
import type { FileReport } from '../../../server/src/cli/formatters/types.js';
import type { Diagnostic, Severity } from '../../../server/src/language/diagnostic.js';
import { allRules } from '../../../server/src/rules/registry.js';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { gitlabErrors, junitErrors } from './ci-report-checks.js';
import { runCli, tempProjects } from './cli-harness.js';

function diagnostic(rule: string, severity: Severity, message: string, line: number, character = 0, endLine = line): Diagnostic {
  return { rule, severity, message, span: { start: 0, end: 1 }, range: { start: { line, character }, end: { line: endLine, character: character + 3 } } };
}

const reports: FileReport[] = [
  {
    file: 'plans/a & b.ipt',
    diagnostics: [
      diagnostic('session-count', 'error', 'Acute IPT plans have 12–16 sessions; this plan has 20.', 6, 11),
      diagnostic('phi', 'warning', 'Looks like a name: "<Ann>" & co\u0007, check\nit.', 120, 2, 121),
      diagnostic('score-range', 'info', 'A note.', 9),
      diagnostic('internal-error', 'error', 'The rule `x` failed on this plan.', 0),
    ],
  },
  { file: 'clean.ipt', diagnostics: [] },
];
const options = { color: false, rules: allRules };

describe('junit format', () => {
  const xml = formatJunit(reports, options);

  it('is valid against the JUnit schema, escaping markup and replacing what XML cannot hold', async () => {
    expect(await junitErrors(xml)).toEqual([]);
    expect(xml).toContain('message="Looks like a name: &quot;&lt;Ann&gt;&quot; &amp; co\uFFFD, check&#10;it."');
    expect(xml).not.toContain('\u0007');
  });

  it('has one suite per plan and one test case per problem; a clean plan is one passing case', () => {
    expect(xml).toContain('<testsuites name="ipt lint" tests="5" failures="2" errors="1" time="0">');
    expect(xml).toContain('<testsuite name="plans/a &amp; b.ipt" tests="4" failures="2" errors="1" skipped="0" time="0" file="plans/a &amp; b.ipt">');
    expect(xml).toContain(
      '<testcase name="7:12 session-count" classname="plans/a &amp; b.ipt" time="0"><failure type="error" message="Acute IPT plans have 12–16 sessions; this plan has 20.">plans/a &amp; b.ipt:7:12: error: Acute IPT plans have 12–16 sessions; this plan has 20. (session-count)\nhttps://',
    );
    expect(xml).toContain('<testcase name="121:3 phi" classname="plans/a &amp; b.ipt" time="0"><failure type="warning" ');
    expect(xml).toMatch(/<testcase name="10:1 score-range" classname="plans\/a &amp; b.ipt" time="0"><system-out>[^<]*A note\.[^<]*<\/system-out><\/testcase>/);
    expect(xml).toContain('<testcase name="1:1 internal-error" classname="plans/a &amp; b.ipt" time="0"><error type="error" ');
    expect(xml).toContain('<testsuite name="clean.ipt" tests="1" failures="0" errors="0" skipped="0" time="0" file="clean.ipt">\n    <testcase name="no problems" classname="clean.ipt" time="0"/>');
  });

  it('the check rejects what the schema rejects (a suite without its counts)', async () => {
    expect(await junitErrors(xml.replace(' tests="1" failures="0" errors="0"', ''))).not.toEqual([]);
  });
});

describe('gitlab format', () => {
  const issues = JSON.parse(formatGitlab(reports, options)) as CodeQualityIssue[];

  it('is taken whole by GitLab, with the documented fields and severities', () => {
    expect(gitlabErrors(formatGitlab(reports, options))).toEqual([]);
    expect(issues.map((i) => [i.check_name, i.severity, i.location])).toEqual([
      ['session-count', 'major', { path: 'plans/a & b.ipt', lines: { begin: 7, end: 7 } }],
      ['phi', 'minor', { path: 'plans/a & b.ipt', lines: { begin: 121, end: 122 } }],
      ['score-range', 'info', { path: 'plans/a & b.ipt', lines: { begin: 10, end: 10 } }],
      ['internal-error', 'major', { path: 'plans/a & b.ipt', lines: { begin: 1, end: 1 } }],
    ]);
    expect(issues[1].description).toBe('Looks like a name: "<Ann>" & co\u0007, check\nit.');
    expect(formatGitlab([{ file: 'clean.ipt', diagnostics: [] }], options)).toBe('[]\n');
  });

  it('gives each finding its own fingerprint, the same when the problem only moves', () => {
    const twice = formatGitlab([{ file: 'a.ipt', diagnostics: [diagnostic('task', 'warning', 'Same.', 3), diagnostic('task', 'warning', 'Same.', 8)] }], options);
    expect(gitlabErrors(twice)).toEqual([]);
    const moved = JSON.parse(formatGitlab([{ file: 'a.ipt', diagnostics: [diagnostic('task', 'warning', 'Same.', 30), diagnostic('task', 'warning', 'Same.', 80)] }], options)) as CodeQualityIssue[];
    expect(moved.map((i) => i.fingerprint)).toEqual((JSON.parse(twice) as CodeQualityIssue[]).map((i) => i.fingerprint));
    const elsewhere = JSON.parse(formatGitlab([{ file: 'b.ipt', diagnostics: [diagnostic('task', 'warning', 'Same.', 3)] }], options)) as CodeQualityIssue[];
    expect(elsewhere[0].fingerprint).not.toBe(moved[0].fingerprint);
  });

  it('the check rejects what GitLab drops or refuses', () => {
    const one = issues[0];
    expect(gitlabErrors(JSON.stringify([one, one]))).toEqual(['two findings share a fingerprint; GitLab would keep only one of them']);
    expect(gitlabErrors(JSON.stringify([{ ...one, severity: 'error' }]))).not.toEqual([]);
    expect(gitlabErrors(JSON.stringify([{ ...one, fingerprint: undefined }])).some((e) => e.startsWith("GitLab's parser drops finding 0"))).toBe(true);
    expect(gitlabErrors(`\uFEFF${JSON.stringify([one])}`)).not.toEqual([]);
  });
});

describe('ipt lint --format junit|gitlab', () => {
  const project = tempProjects();

  it('writes the reports a CI job uploads, with the exit code of every format', async () => {
    const dir = project({ 'a.ipt': replace(basePlan, 'sessions 16 weekly 50min', 'sessions 20 weekly 50min'), 'b.ipt': basePlan });
    const junit = await runCli(['lint', '--format', 'junit', '-o', 'reports/junit.xml'], dir);
    expect(junit).toEqual({ code: 1, stdout: '', stderr: '' });
    const written = readFileSync(path.join(dir, 'reports', 'junit.xml'), 'utf8');
    expect(await junitErrors(written)).toEqual([]);
    expect(written).toContain('<testsuite name="a.ipt" tests="1" failures="1" errors="0"');
    const gitlab = await runCli(['lint', '--format', 'gitlab'], dir);
    expect(gitlab.code).toBe(1);
    expect(gitlabErrors(gitlab.stdout)).toEqual([]);
    expect((JSON.parse(gitlab.stdout) as CodeQualityIssue[]).map((i) => [i.location.path, i.check_name])).toEqual([['a.ipt', 'session-count']]);
  });
});
