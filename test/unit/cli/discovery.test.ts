/** Which plans `ipt lint` finds: globs, folders, .gitignore (root and nested), ignore options, 1,000 plans. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

const project = tempProjects();
async function linted(argv: string[], dir: string): Promise<string[]> {
  const result = await runCli(['lint', '--format', 'json', ...argv], dir);
  return (JSON.parse(result.stdout) as { file: string }[]).map((f) => f.file);
}

describe('ipt lint file discovery', () => {
  it('with no paths, lints every .ipt under the folder, skipping node_modules, .git and hidden folders', async () => {
    const dir = project({
      'a.ipt': basePlan,
      'plans/b.ipt': basePlan,
      'plans/deep/c.ipt': basePlan,
      'plans/notes.txt': 'not a plan',
      'node_modules/pkg/d.ipt': basePlan,
      '.git/e.ipt': basePlan,
      '.cache/f.ipt': basePlan,
    });
    expect(await linted([], dir)).toEqual(['a.ipt', 'plans/b.ipt', 'plans/deep/c.ipt']);
  });

  it('expands globs and folders, and lints each plan once', async () => {
    const dir = project({ 'plans/a.ipt': basePlan, 'plans/b.ipt': basePlan, 'other/c.ipt': basePlan });
    expect(await linted(['plans/*.ipt'], dir)).toEqual(['plans/a.ipt', 'plans/b.ipt']);
    expect(await linted(['other', 'plans/a.ipt', 'plans/**/*.ipt'], dir)).toEqual(['other/c.ipt', 'plans/a.ipt', 'plans/b.ipt']);
  });

  it('lints each plan once under its own name: links to folders inside are skipped, links outside followed', async () => {
    const dir = project({ 'plans/a.ipt': basePlan, 'elsewhere/b.ipt': basePlan });
    symlinkSync(path.join(dir, 'plans'), path.join(dir, 'plans', 'loop'));
    symlinkSync(path.join(dir, 'plans'), path.join(dir, 'alias'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'plans', 'shared'));
    expect(await linted(['plans'], dir)).toEqual(['plans/a.ipt', 'plans/shared/b.ipt']);
    expect(await linted([], dir)).toEqual(['elsewhere/b.ipt', 'plans/a.ipt']);
  });

  it('honours the root .gitignore, including folder patterns', async () => {
    const dir = project({ '.gitignore': 'drafts/\nscratch-*.ipt\n', 'a.ipt': basePlan, 'scratch-1.ipt': basePlan, 'drafts/b.ipt': basePlan });
    expect(await linted([], dir)).toEqual(['a.ipt']);
  });

  it('honours nested .gitignore files, relative to their folder, with the deepest one winning', async () => {
    const dir = project({
      '.gitignore': '*.old.ipt\n',
      'a.old.ipt': basePlan,
      'team/.gitignore': 'private/\n!keep.old.ipt\n',
      'team/keep.old.ipt': basePlan,
      'team/b.ipt': basePlan,
      'team/private/c.ipt': basePlan,
      'other/private/d.ipt': basePlan,
    });
    expect(await linted([], dir)).toEqual(['other/private/d.ipt', 'team/b.ipt', 'team/keep.old.ipt']);
  });

  it('skips an explicitly named ignored file with a warning, and --no-ignore lints it', async () => {
    const dir = project({ '.gitignore': 'drafts/\n', 'drafts/x.ipt': basePlan });
    const skipped = await runCli(['lint', 'drafts/x.ipt'], dir);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toBe('ipt lint: drafts/x.ipt: File ignored (by .gitignore). Use --no-ignore to lint it anyway.\n');
    expect(await linted(['--no-ignore', 'drafts/x.ipt'], dir)).toEqual(['drafts/x.ipt']);
  });

  it('fails (exit 2) on a named folder with no plans, or whose plans are all ignored, and says which', async () => {
    const dir = project({ '.gitignore': 'drafts/\n', 'drafts/x.ipt': basePlan, 'empty/notes.txt': 'no plans here', 'a.ipt': basePlan });
    const empty = await runCli(['lint', 'empty'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('ipt lint: No .ipt plans in the folder empty.\n');
    const ignored = await runCli(['lint', 'drafts'], dir);
    expect(ignored.code).toBe(2);
    expect(ignored.stderr).toBe('ipt lint: All the plans in the folder drafts are ignored (1 plan). Use --no-ignore to lint them.\n');
    const glob = await runCli(['lint', 'drafts/*.ipt'], dir);
    expect(glob.stderr).toBe('ipt lint: All the plans matching the pattern `drafts/*.ipt` are ignored (1 plan). Use --no-ignore to lint them.\n');
    expect(await linted(['--no-ignore', 'drafts'], dir)).toEqual(['drafts/x.ipt']);
  });

  it('reads an extra ignore file with --ignore-path (patterns relative to the working folder), and --ignore-pattern', async () => {
    const dir = project({ 'ci/lint-ignore': 'examples/\n', 'a.ipt': basePlan, 'examples/b.ipt': basePlan, 'rules/c.ipt': basePlan });
    expect(await linted(['--ignore-path', 'ci/lint-ignore'], dir)).toEqual(['a.ipt', 'rules/c.ipt']);
    expect(await linted(['--ignore-pattern', 'rules/', '--ignore-pattern', 'examples/*.ipt'], dir)).toEqual(['a.ipt']);
  });

  it('explains that --ignore-path takes a file, not a folder', async () => {
    const dir = project({ 'a.ipt': basePlan, 'samples/rules/x.ipt': basePlan });
    const result = await runCli(['lint', '--ignore-path', 'samples/rules'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('To skip a folder, use `--ignore-pattern samples/rules/`');
  });

  it('reports an unreadable --ignore-path file', async () => {
    const dir = project({ 'a.ipt': basePlan });
    const result = await runCli(['lint', '--ignore-path', 'missing-ignore'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot read the ignore file missing-ignore');
  });

  it('lints a folder of 1,000 plans and counts every problem', async () => {
    const dir = project({});
    const wrong = replace(basePlan, 'sessions 16 weekly 50min', 'sessions 20 weekly 50min');
    for (let i = 0; i < 1000; i++) {
      const folder = path.join(dir, `clinic-${i % 10}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, `plan-${String(i).padStart(4, '0')}.ipt`), i % 100 === 0 ? wrong : basePlan);
    }
    const result = await runCli(['lint', '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as { file: string; diagnostics: { rule: string }[] }[];
    expect(report).toHaveLength(1000);
    expect(new Set(report.map((r) => r.file)).size).toBe(1000);
    expect(report.flatMap((r) => r.diagnostics.map((d) => d.rule))).toEqual(new Array(10).fill('session-count'));
    expect(result.code).toBe(1);
    const stylish = await runCli(['lint'], dir);
    expect(stylish.stdout).toContain('✖ 10 problems (10 errors, 0 warnings)');
  }, 60_000);
});
