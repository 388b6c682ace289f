/** The CI integrations shipped with the project: the pre-commit hooks and the GitHub Actions example. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot, runCli } from './cli-harness.js';

type Hook = { id: string; entry: string; language: string; files: string };
type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Workflow = { on: unknown; jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }> };

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('defines ipt-lint and ipt-fmt on .ipt files', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language])).toEqual([
      ['ipt-lint', 'ipt lint', 'node'],
      ['ipt-fmt', 'ipt fmt --check', 'node'],
    ]);
    for (const hook of hooks) {
      const files = new RegExp(hook.files);
      expect(files.test('plans/C-0142.ipt')).toBe(true);
      expect(files.test('plans/C-0142.ipt.bak')).toBe(false);
      expect(files.test('README.md')).toBe(false);
    }
  });

  it('each entry is a real command line of ipt', async () => {
    for (const hook of hooks) {
      const [command, ...args] = hook.entry.split(' ').slice(1);
      const result = await runCli([command, ...args, '--help'], repoRoot);
      expect(result.code).toBe(0);
    }
  });
});

describe('docs/ci/github-actions.yml', () => {
  const workflow = parse(readFileSync(path.join(repoRoot, 'docs', 'ci', 'github-actions.yml'), 'utf8')) as Workflow;

  it('lints with the github format and uploads SARIF to code scanning', () => {
    const lintRuns = workflow.jobs.lint.steps.map((s) => s.run ?? '');
    expect(lintRuns).toContain('npx ipt lint --format github --max-warnings 0');
    const scanning = workflow.jobs['code-scanning'];
    expect(scanning.permissions?.['security-events']).toBe('write');
    const upload = scanning.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.sarif_file).toBe('ipt.sarif');
    expect(scanning.steps.map((s) => s.run ?? '')).toContain('npx ipt lint --format sarif --output ipt.sarif || test $? -eq 1');
  });
});
