/**
 * `--format junit`: JUnit XML, the test report Jenkins, GitLab (`artifacts: reports: junit:`), Azure
 * Pipelines and CircleCI show per pipeline. As ESLint's JUnit formatter: one `<testsuite>` per plan
 * (its path as the name), one `<testcase>` per problem, `classname` the plan's path:
 *
 *   <testcase name="7:12 session-count" classname="plans/a.ipt" time="0">
 *     <failure type="error" message="Brief IPT …">plans/a.ipt:7:12: error: Brief IPT … (session-count) …</failure>
 *
 * Errors and warnings are failures (`type` says which); `internal-error` is a JUnit `<error>` (the
 * check broke, not the plan); an info diagnostic is a passing test case whose note is in
 * `<system-out>`, since info never fails a run. A plan with no problems is one passing test case, so
 * every plan checked shows in the report. Times are 0: lint does not time plans one by one. Text that
 * XML 1.0 cannot hold (control characters) becomes U+FFFD.
 */
import type { Diagnostic } from '../../language/diagnostic.js';
import { docsUrl } from '../../rules/rule.js';
import type { FileReport, Formatter } from './types.js';
import { oneBased } from './types.js';

export const formatJunit: Formatter = (reports) => {
  const suites = reports.map(testsuite);
  const count = (kind: 'tests' | 'failures' | 'errors') => suites.reduce((sum, suite) => sum + suite[kind], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ipt lint" tests="${count('tests')}" failures="${count('failures')}" errors="${count('errors')}" time="0">`,
    ...suites.flatMap((suite) => suite.lines),
    '</testsuites>',
    '',
  ].join('\n');
};

function testsuite(report: FileReport): { tests: number; failures: number; errors: number; lines: string[] } {
  const file = attribute(report.file);
  const cases = report.diagnostics.length === 0 ? [`    <testcase name="no problems" classname="${file}" time="0"/>`] : report.diagnostics.map((d) => testcase(report.file, d));
  const failures = report.diagnostics.filter((d) => d.severity !== 'info' && d.rule !== 'internal-error').length;
  const errors = report.diagnostics.filter((d) => d.rule === 'internal-error').length;
  const tests = cases.length;
  return {
    tests,
    failures,
    errors,
    lines: [`  <testsuite name="${file}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0" time="0" file="${file}">`, ...cases, '  </testsuite>'],
  };
}

function testcase(file: string, diagnostic: Diagnostic): string {
  const at = oneBased(diagnostic);
  const open = `    <testcase name="${attribute(`${at.line}:${at.column} ${diagnostic.rule}`)}" classname="${attribute(file)}" time="0">`;
  const detail = text(`${file}:${at.line}:${at.column}: ${diagnostic.severity}: ${diagnostic.message} (${diagnostic.rule})\n${docsUrl(diagnostic.rule)}`);
  if (diagnostic.severity === 'info') return `${open}<system-out>${detail}</system-out></testcase>`;
  const element = diagnostic.rule === 'internal-error' ? 'error' : 'failure';
  return `${open}<${element} type="${diagnostic.severity}" message="${attribute(diagnostic.message)}">${detail}</${element}></testcase>`;
}

/** Characters XML 1.0 does not allow at all (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element text: markup characters escaped, and what XML cannot hold replaced. */
function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes: also quotes, and line ends and tabs kept as character references. */
function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
