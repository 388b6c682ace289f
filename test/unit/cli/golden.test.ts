/**
 * Golden files for every output format over the project's samples and the shared design examples.
 * Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/unit/cli/golden.test.ts`, then review the diff:
 * a golden file is a statement of what users see, not a snapshot to accept blindly.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, samplesDir, sharedExamples } from './cli-harness.js';
import { gitlabErrors, junitErrors } from './ci-report-checks.js';
import { sarifUploadErrors } from './sarif-upload-check.js';

const goldenDir = path.join(repoRoot, 'test', 'fixtures', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const formats = [
  { name: 'stylish', file: 'lint.stylish.txt' },
  { name: 'json', file: 'lint.json' },
  { name: 'sarif', file: 'lint.sarif' },
  { name: 'github', file: 'lint.github.txt' },
  { name: 'gitlab', file: 'lint.gitlab.json' },
  { name: 'junit', file: 'lint.junit.xml' },
] as const;


type SarifRule = { id: string; fullDescription: { text: string; markdown?: string }; help: { text: string; markdown?: string } };

/**
 * The SARIF golden files leave out the text taken from docs/rules/<id>.md (checked against the pages
 * in formatters.test.ts), so that editing a rule's page does not change them.
 */
function withoutDocsText(stdout: string): string {
  const log = JSON.parse(stdout) as { runs: { tool: { driver: { rules: SarifRule[] } } }[] };
  for (const rule of log.runs[0].tool.driver.rules) {
    if (rule.fullDescription.markdown !== undefined) rule.fullDescription = { text: `(docs/rules/${rule.id}.md, "What it checks")`, markdown: '(the same, as Markdown)' };
    if (rule.help.markdown !== undefined) rule.help.markdown = `(docs/rules/${rule.id}.md)`;
  }
  return `${JSON.stringify(log, null, 2)}\n`;
}

function goldenSuite(set: string, dir: string) {
  for (const format of formats) {
    it(`--format ${format.name} matches ${set}/${format.file}`, async () => {
      const result = await runCli(['lint', '--format', format.name], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1); // both sets hold plans with errors
      const stdout = format.name === 'sarif' ? withoutDocsText(result.stdout) : result.stdout;
      const golden = path.join(goldenDir, set, format.file);
      if (update) {
        mkdirSync(path.dirname(golden), { recursive: true });
        writeFileSync(golden, stdout);
      }
      expect(stdout, `${set}/${format.file} is out of date: if the change is intended, run \`UPDATE_GOLDEN=1 npx vitest run test/unit/cli/golden.test.ts\` and review the diff`).toBe(
        readFileSync(golden, 'utf8'),
      );
    });
  }

  it('SARIF output validates as upload-sarif validates it', async () => {
    const result = await runCli(['lint', '--format', 'sarif'], dir);
    expect(sarifUploadErrors(JSON.parse(result.stdout))).toEqual([]);
  });

  it('GitLab Code Quality output is taken whole by GitLab: its parser schema and its documented fields', async () => {
    const result = await runCli(['lint', '--format', 'gitlab'], dir);
    expect(gitlabErrors(result.stdout)).toEqual([]);
  });

  it('JUnit output validates against the JUnit schema (xmllint)', async () => {
    const result = await runCli(['lint', '--format', 'junit'], dir);
    expect(await junitErrors(result.stdout)).toEqual([]);
  });

  it('every format reports the same problems', async () => {
    const json = JSON.parse((await runCli(['lint', '--format', 'json'], dir)).stdout) as { diagnostics: unknown[] }[];
    const count = json.reduce((n, f) => n + f.diagnostics.length, 0);
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif'], dir)).stdout) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0].results).toHaveLength(count);
    const github = (await runCli(['lint', '--format', 'github'], dir)).stdout.trimEnd().split('\n');
    expect(github.filter((line) => / file=/.test(line))).toHaveLength(count); // besides the notice about GitHub's limit
    const stylish = (await runCli(['lint', '--format', 'stylish'], dir)).stdout;
    expect(stylish).toContain(`✖ ${count} problem${count === 1 ? '' : 's'} (`);
    expect(JSON.parse((await runCli(['lint', '--format', 'gitlab'], dir)).stdout)).toHaveLength(count);
    const junit = (await runCli(['lint', '--format', 'junit'], dir)).stdout;
    const clean = json.filter((f) => f.diagnostics.length === 0).length;
    expect(junit.match(/<testcase /g)).toHaveLength(count + clean); // one per problem, one per clean plan
  });
}

describe('golden output over the project samples (samples/)', () => {
  goldenSuite('samples', samplesDir);
});

describe.skipIf(!existsSync(sharedExamples))('golden output over the shared design examples (reads ../shared/design/examples)', () => {
  goldenSuite('shared-examples', sharedExamples);

  it('each example reports exactly the rules its `# expect:` line lists', async () => {
    const json = JSON.parse((await runCli(['lint', '--format', 'json'], sharedExamples)).stdout) as { file: string; diagnostics: { rule: string }[] }[];
    for (const entry of json) {
      const firstLine = readFileSync(path.join(sharedExamples, entry.file), 'utf8').split('\n')[0];
      const expected = firstLine.replace(/^# expect:\s*/, '').trim();
      const rules = [...new Set(entry.diagnostics.map((d) => d.rule))].sort();
      expect(rules, entry.file).toEqual(expected === 'none' ? [] : expected.split(/\s+/).sort());
    }
  });
});
