/**
 * The walk prunes what `!` patterns and ignore rules leave out: it never lists an excluded or ignored
 * folder (a big archive costs nothing), and never walks again on a successful run. Counted by
 * watching node:fs's readdirSync, which the walker lists folders with.
 */
import * as fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { basePlan } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, readdirSync: vi.fn(actual.readdirSync) };
});

const project = tempProjects();
const listed = () => vi.mocked(fs.readdirSync).mock.calls.map(([dir]) => String(dir));

// A block body: a function returned from beforeEach would be run as its teardown.
beforeEach(() => {
  vi.mocked(fs.readdirSync).mockClear();
});

describe('pruning', () => {
  const files = {
    'a.ipt': basePlan,
    'archive/2023/x.ipt': basePlan,
    'archive/2024/deep/y.ipt': basePlan,
    'plans/b.ipt': basePlan,
    'plans/scratch/c.ipt': basePlan,
    '.gitignore': 'plans/scratch/\n',
  };

  it.each([['!archive'], ['!archive/**'], ['!archive/'], ['!**/archive']])('`%s`: the excluded folder is never listed', async (pattern) => {
    const dir = project(files);
    const result = await runCli(['lint', '--format', 'json', pattern], dir);
    expect(JSON.parse(result.stdout).map((f: { file: string }) => f.file)).toEqual(['a.ipt', 'plans/b.ipt']);
    const folders = listed().map((folder) => path.relative(dir, folder).split(path.sep).join('/'));
    expect(folders.filter((f) => f.startsWith('archive'))).toEqual([]);
    // Ignored folders are pruned too, as before.
    expect(folders).not.toContain('plans/scratch');
    expect(folders.sort()).toEqual(['', 'plans']);
  });

  it('a glob walks from its base and prunes an excluded folder below it', async () => {
    const dir = project(files);
    const result = await runCli(['fmt', '--check', 'archive/**/*.ipt', '!archive/2024'], dir);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const folders = listed().map((folder) => path.relative(dir, folder).split(path.sep).join('/'));
    expect(folders.sort()).toEqual(['archive', 'archive/2023']);
  });
});
