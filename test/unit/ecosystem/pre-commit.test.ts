/**
 * The pre-commit hooks (.pre-commit-hooks.yaml) with the real `pre-commit` (Debian's package; .ci/run
 * installs it): a temporary git repository whose .pre-commit-config.yaml points at this repository,
 * a commit with a bad plan rejected with the diagnostic, a clean plan committed. pre-commit's `node`
 * language uses the system Node (no download) and installs the hook with `npm install` + `npm pack`,
 * here with npm offline (`npm ci` filled its cache). About a minute, mostly that `npm install`.
 * Skipped, saying why, where pre-commit or git is missing; under CI (CI=true, .ci/run installs
 * pre-commit) a missing pre-commit fails instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, hasCommand, isGitCheckout, repoRoot, run, snapshotRepository, tempDir } from './tools.js';

const available = hasCommand('pre-commit') && hasCommand('git') && isGitCheckout();
const why = 'needs `pre-commit` (apt-get install pre-commit) and a git checkout of the project';
if (!available && process.env.CI === 'true') {
  describe('pre-commit hooks (real pre-commit)', () => {
    it('has pre-commit under CI', () => expect.fail(`pre-commit test ${why}; .ci/run installs it`));
  });
} else if (!available) console.warn(`pre-commit test skipped: ${why}.`);

const badPlan = readFileSync(path.join(repoRoot, 'samples', 'rules', 'session-count.ipt'), 'utf8');
const cleanPlan = readFileSync(path.join(repoRoot, 'samples', 'acute-grief-dated.ipt'), 'utf8');

describe.skipIf(!available)('pre-commit hooks (real pre-commit)', () => {
  const work = tempDir('pre-commit');
  const hooksRepo = path.join(work, 'ipt-plan');
  const plans = path.join(work, 'plans');
  // npm offline: the hook installs from npm's cache, as on a machine without the registry.
  const env = { npm_config_offline: 'true', PRE_COMMIT_HOME: path.join(work, 'cache'), GIT_AUTHOR_NAME: 'ipt-test', GIT_AUTHOR_EMAIL: 'ipt-test@example.invalid', GIT_COMMITTER_NAME: 'ipt-test', GIT_COMMITTER_EMAIL: 'ipt-test@example.invalid' };
  const git = (...args: string[]) => run('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: plans, env, timeout: 400_000 });

  it('installs the hook offline and rejects a commit with a bad plan, printing the diagnostic', () => {
    const { rev } = snapshotRepository(hooksRepo);
    mkdirSync(plans, { recursive: true });
    expect(git('init', '-q').code).toBe(0);
    writeFileSync(
      path.join(plans, '.pre-commit-config.yaml'),
      ['repos:', `  - repo: ${hooksRepo}`, `    rev: ${rev}`, '    hooks:', '      - id: ipt-lint', '      - id: ipt-fmt', ''].join('\n'),
    );
    const installed = run('pre-commit', ['install'], { cwd: plans, env });
    expect(installed.code, describeRun(installed)).toBe(0);
    writeFileSync(path.join(plans, 'C-0142.ipt'), badPlan);
    git('add', '.');
    const commit = git('commit', '-m', 'bad plan');
    const output = commit.stdout + commit.stderr;
    expect(commit.code, describeRun(commit)).not.toBe(0);
    expect(output).toMatch(/ipt lint\.+Failed/);
    expect(output).toContain('C-0142.ipt');
    expect(output).toMatch(/7:12\s+error\s+Brief IPT \(IPT-B\) plans have 8–9 sessions; this plan has 12\..*session-count/);
    expect(git('rev-parse', '--verify', '-q', 'HEAD').code).not.toBe(0); // nothing was committed
  }, 420_000);

  it('lets a clean plan through (the installed hook environment is reused)', () => {
    writeFileSync(path.join(plans, 'C-0142.ipt'), cleanPlan);
    git('add', '.');
    const commit = git('commit', '-m', 'clean plan');
    expect(commit.code, describeRun(commit)).toBe(0);
    expect(commit.stdout + commit.stderr).toMatch(/ipt lint\.+Passed/);
    expect(commit.stdout + commit.stderr).toMatch(/ipt fmt --check\.+Passed/);
  }, 120_000);
});
