/** The output formats on hand-made diagnostics: escaping, alignment, URIs, exact JSON shape. */
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../../server/src/cli/formatters/github.js';
import { formatJson } from '../../../server/src/cli/formatters/json.js';
import { fileUri, formatSarif } from '../../../server/src/cli/formatters/sarif.js';
import { formatStylish, wrap } from '../../../server/src/cli/formatters/stylish.js';
import type { FileReport } from '../../../server/src/cli/formatters/types.js';
import type { Diagnostic, Severity } from '../../../server/src/language/diagnostic.js';
import { allRules } from '../../../server/src/rules/registry.js';
import { sarifUploadErrors } from './sarif-upload-check.js';

function diagnostic(rule: string, severity: Severity, message: string, line: number, character: number, endCharacter: number, safe?: boolean): Diagnostic {
  return {
    rule,
    severity,
    message,
    span: { start: 0, end: 1 },
    range: { start: { line, character }, end: { line, character: endCharacter } },
    ...(safe === undefined ? {} : { fixes: [{ title: 'fix', edits: [], safe }] }),
  };
}

const reports: FileReport[] = [
  {
    file: 'plans/a b.ipt',
    diagnostics: [
      diagnostic('session-count', 'error', 'Acute IPT plans have 12–16 sessions; this plan has 20.', 6, 11, 13),
      diagnostic('phi', 'warning', 'Looks like a phone number: 100% sure? No,\nplease check.', 120, 2, 9, true),
      diagnostic('score-range', 'info', 'Note, with: punctuation', 9, 0, 4),
    ],
  },
  { file: 'clean.ipt', diagnostics: [] },
];
const options = { color: false, rules: allRules };

describe('json format', () => {
  it('has exactly the fixed shape, 1-based, one entry per file including clean ones', () => {
    expect(JSON.parse(formatJson(reports, options))).toEqual([
      {
        file: 'plans/a b.ipt',
        diagnostics: [
          { rule: 'session-count', severity: 'error', message: 'Acute IPT plans have 12–16 sessions; this plan has 20.', line: 7, column: 12, endLine: 7, endColumn: 14 },
          { rule: 'phi', severity: 'warning', message: 'Looks like a phone number: 100% sure? No,\nplease check.', line: 121, column: 3, endLine: 121, endColumn: 10 },
          { rule: 'score-range', severity: 'info', message: 'Note, with: punctuation', line: 10, column: 1, endLine: 10, endColumn: 5 },
        ],
      },
      { file: 'clean.ipt', diagnostics: [] },
    ]);
  });
});

describe('github format', () => {
  it('escapes %, CR and LF in messages, and also , and : in properties', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
  });

  it('writes one workflow command per diagnostic; info becomes a notice', () => {
    expect(formatGithub(reports, options)).toBe(
      [
        '::error file=plans/a b.ipt,line=7,col=12,endLine=7,endColumn=14,title=session-count::Acute IPT plans have 12–16 sessions; this plan has 20.',
        '::warning file=plans/a b.ipt,line=121,col=3,endLine=121,endColumn=10,title=phi::Looks like a phone number: 100%25 sure? No,%0Aplease check.',
        '::notice file=plans/a b.ipt,line=10,col=1,endLine=10,endColumn=5,title=score-range::Note, with: punctuation',
        '',
      ].join('\n'),
    );
  });

  it('starts with a notice when one kind has more annotations than GitHub shows per step (10)', () => {
    const many = (severity: Severity, n: number) => Array.from({ length: n }, (_, i) => diagnostic('phi', severity, 'm', i, 0, 1));
    expect(formatGithub([{ file: 'a.ipt', diagnostics: [...many('error', 10), ...many('warning', 10)] }], options)).not.toContain('title=ipt lint');
    const out = formatGithub([{ file: 'a.ipt', diagnostics: many('error', 11) }, { file: 'b.ipt', diagnostics: [...many('warning', 12), ...many('info', 3)] }], options).split('\n');
    expect(out[0]).toBe(
      "::notice title=ipt lint::11 errors and 12 warnings: GitHub shows 10 annotations of each kind per step. This step's log lists every problem; `npx ipt lint` shows them with their rules, and code scanning (SARIF) keeps them all.",
    );
    expect(out.filter((line) => line.startsWith('::'))).toHaveLength(1 + 11 + 12 + 3);
  });

  it('escapes a file name with a comma or colon', () => {
    const out = formatGithub([{ file: 'a,b:c.ipt', diagnostics: [reports[0].diagnostics[0]] }], options);
    expect(out.startsWith('::error file=a%2Cb%3Ac.ipt,line=7,')).toBe(true);
  });
});

describe('stylish format', () => {
  it('aligns the rule column when every row fits the width, flattens line breaks and summarises with fixable counts', () => {
    expect(formatStylish(reports, { ...options, width: 100 })).toBe(
      [
        '',
        'plans/a b.ipt',
        '   7:12  error    Acute IPT plans have 12–16 sessions; this plan has 20.   session-count',
        '  121:3  warning  Looks like a phone number: 100% sure? No, please check.  phi',
        '   10:1  info     Note, with: punctuation                                  score-range',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info)',
        '  0 errors and 1 warning potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('does not pad messages to the longest one when the rows do not fit (80 columns when the width is unknown)', () => {
    const lines = formatStylish(reports, options).split('\n');
    expect(lines.slice(2, 5)).toEqual([
      '   7:12  error    Acute IPT plans have 12–16 sessions; this plan has 20.  session-count',
      '  121:3  warning  Looks like a phone number: 100% sure? No, please check.  phi',
      '   10:1  info     Note, with: punctuation  score-range',
    ]);
  });

  it('wraps long messages at word boundaries to the terminal width, under the message column', () => {
    const long = diagnostic('dispute-stage', 'warning', 'Name the stage of this role dispute: `renegotiation`, `impasse` or `dissolution`. The stage decides the strategy. Add a `stage` line under the focus.', 10, 6, 18);
    const lines = formatStylish([{ file: 'a.ipt', diagnostics: [long] }], { ...options, width: 60 }).split('\n');
    expect(lines.slice(2, 8)).toEqual([
      '  11:7  warning  Name the stage of this role dispute:',
      '                 `renegotiation`, `impasse` or',
      '                 `dissolution`. The stage decides the',
      '                 strategy. Add a `stage` line under the',
      '                 focus.  dispute-stage',
      '',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    // The rule id goes on a line of its own when it does not fit after the last words.
    const tight = formatStylish([{ file: 'a.ipt', diagnostics: [{ ...long, message: 'Name the stage of this role dispute: renegotiation, impasse, dissolution now' }] }], { ...options, width: 60 }).split('\n');
    expect(tight.slice(2, 5)).toEqual(['  11:7  warning  Name the stage of this role dispute:', '                 renegotiation, impasse, dissolution now', '                 dispute-stage']);
  });

  it('wraps words into lines and keeps a word longer than the line whole', () => {
    expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('a verylongword b', 4)).toEqual(['a', 'verylongword', 'b']);
    expect(wrap('', 10)).toEqual(['']);
  });

  it('does not count fixes in a plan with syntax errors, which --fix leaves untouched', () => {
    const syntax = { ...reports[0].diagnostics[0], rule: 'syntax', message: 'Did you mean `session`?', fixes: [{ title: 'Change to `session`', edits: [], safe: true }] };
    const out = formatStylish([{ file: 'broken.ipt', diagnostics: [syntax, ...reports[0].diagnostics] }], options);
    expect(out).toContain('✖ 4 problems (2 errors, 1 warning, 1 info)');
    expect(out).not.toContain('potentially fixable');
  });

  it('says how many plans were checked when there is nothing to report', () => {
    expect(formatStylish([{ file: 'a.ipt', diagnostics: [] }, { file: 'b.ipt', diagnostics: [] }], options)).toBe('✔ 2 plans checked: no problems.\n');
  });

  it('colours only when asked', () => {
    const coloured = formatStylish(reports, { ...options, color: true });
    expect(coloured).toContain('\u001b[31merror  \u001b[0m');
    expect(coloured).toContain('\u001b[4mplans/a b.ipt\u001b[0m');
    expect(formatStylish(reports, options)).not.toContain('\u001b');
  });
});

describe('sarif format', () => {
  it('is valid SARIF 2.1.0 with every rule described and stable rule indexes', () => {
    const log = JSON.parse(formatSarif(reports, options)) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: object } }[] }[] }[];
    };
    expect(sarifUploadErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('ipt');
    expect(driver.rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    expect(driver.rules.find((r) => r.id === 'phi')?.defaultConfiguration.level).toBe('warning');
    const results = log.runs[0].results;
    expect(results.map((r) => [r.ruleId, driver.rules[r.ruleIndex].id, r.level])).toEqual([
      ['session-count', 'session-count', 'error'],
      ['phi', 'phi', 'warning'],
      ['score-range', 'score-range', 'note'],
    ]);
    expect(results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'plans/a%20b.ipt', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 12, endLine: 7, endColumn: 14 },
    });
  });

  it('encodes relative paths per segment and gives files outside the folder an absolute file URI', () => {
    expect(fileUri('plans/C-0142 #1.ipt')).toBe('plans/C-0142%20%231.ipt');
    expect(fileUri('/srv/plans/a.ipt')).toBe('file:///srv/plans/a.ipt');
    const log = JSON.parse(formatSarif([{ file: '/srv/plans/a.ipt', diagnostics: [reports[0].diagnostics[0]] }], options)) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: object } }[] }[] }[];
    };
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///srv/plans/a.ipt' });
    expect(sarifUploadErrors(log)).toEqual([]);
  });
});
