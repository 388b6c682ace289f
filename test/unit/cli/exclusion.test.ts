/**
 * `!` patterns exclude: what they match is never linted, formatted or written, whatever the order of
 * the arguments, alone or with paths, on folders and files, with .gitignore and --ignore-pattern.
 * (The data-harm bug of issue 19: `ipt fmt '**\/*.ipt' '!archive/**'` rewrote the archive.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePlan } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

/** The clean plan out of the canonical layout (only whitespace differs): `ipt fmt` would rewrite it. */
const messy = basePlan.replace('  client "C-0142"', 'client "C-0142"   ');

const project = tempProjects();

async function linted(argv: string[], dir: string): Promise<string[]> {
  const result = await runCli(['lint', '--format', 'json', ...argv], dir);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { file: string }[]).map((f) => f.file);
}

/** Everything about a file that a rewrite would change: its bytes, inode (a rename) and modification time. */
function fingerprint(dir: string, name: string) {
  const file = path.join(dir, name);
  const stats = statSync(file);
  return { text: readFileSync(file, 'utf8'), ino: stats.ino, mtimeMs: stats.mtimeMs };
}

/** Every file under `dir` (temporary files of an atomic write would show here). */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

const layout = {
  'a.ipt': messy,
  'plans/b.ipt': messy,
  'plans/draft-c.ipt': messy,
  'archive/old.ipt': messy,
  'archive/2024/older.ipt': messy,
};

describe('ipt fmt never touches an excluded plan', () => {
  it.each([
    ['after the positive pattern', ['**/*.ipt', '!archive/**']],
    ['before the positive pattern', ['!archive/**', '**/*.ipt']],
    ['alone', ['!archive/**']],
    ['on the folder, without a glob', ['!archive']],
    ['on the folder, with a trailing slash', ['!archive/']],
    ['with a leading ./', ['!./archive']],
  ])('`!` %s', async (_, patterns) => {
    const dir = project(layout);
    const before = { old: fingerprint(dir, 'archive/old.ipt'), older: fingerprint(dir, 'archive/2024/older.ipt') };
    const result = await runCli(['fmt', ...patterns], dir);
    expect(result).toEqual({ code: 0, stdout: 'formatted a.ipt\nformatted plans/b.ipt\nformatted plans/draft-c.ipt\n', stderr: '' });
    expect(fingerprint(dir, 'archive/old.ipt')).toEqual(before.old);
    expect(fingerprint(dir, 'archive/2024/older.ipt')).toEqual(before.older);
    expect(allFiles(dir)).toEqual(Object.keys(layout).sort());
  });

  it('leaves out a plan named explicitly when a `!` covers it, with a warning, wherever the `!` stands', async () => {
    for (const argv of [
      ['archive/old.ipt', 'a.ipt', '!archive/**'],
      ['!archive/**', 'archive/old.ipt', 'a.ipt'],
    ]) {
      const dir = project(layout);
      const before = fingerprint(dir, 'archive/old.ipt');
      const result = await runCli(['fmt', ...argv], dir);
      expect(result).toEqual({ code: 0, stdout: 'formatted a.ipt\n', stderr: 'ipt fmt: archive/old.ipt: File excluded (by `!archive/**`).\n' });
      expect(fingerprint(dir, 'archive/old.ipt')).toEqual(before);
    }
  });

  it('--check lists no excluded plan, and exits 0 when only excluded plans are unformatted', async () => {
    const dir = project({ 'a.ipt': basePlan, 'archive/old.ipt': messy });
    expect(await runCli(['fmt', '--check', '!archive'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await runCli(['fmt', '--check'], dir)).stdout).toBe('archive/old.ipt\n');
  });

  it('lint --fix never rewrites an excluded plan', async () => {
    const dir = project(layout);
    const before = fingerprint(dir, 'archive/old.ipt');
    const result = await runCli(['lint', '--fix', '!archive/**'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('ipt lint: --fix rewrote 3 plans (0 fixes applied, then formatted).\n');
    expect(fingerprint(dir, 'archive/old.ipt')).toEqual(before);
  });
});

describe('which plans a `!` leaves out', () => {
  const everything = ['a.ipt', 'archive/2024/older.ipt', 'archive/old.ipt', 'plans/b.ipt', 'plans/draft-c.ipt'];

  it('alone: every plan under the folder but the excluded ones (not only the excluded ones)', async () => {
    const dir = project(layout);
    expect(await linted(['!archive/**'], dir)).toEqual(['a.ipt', 'plans/b.ipt', 'plans/draft-c.ipt']);
    expect(await linted(['!archive/**', '!plans/**'], dir)).toEqual(['a.ipt']);
  });

  it('the same before, between and after positive patterns', async () => {
    const dir = project(layout);
    const expected = ['a.ipt', 'plans/b.ipt'];
    expect(await linted(['!**/draft-*.ipt', 'a.ipt', 'plans', '!archive'], dir)).toEqual(expected);
    expect(await linted(['a.ipt', '!**/draft-*.ipt', 'plans', '!archive'], dir)).toEqual(expected);
    expect(await linted(['a.ipt', 'plans', '!archive', '!**/draft-*.ipt'], dir)).toEqual(expected);
  });

  it('on a folder: the folder and everything in it, at any depth', async () => {
    const dir = project(layout);
    for (const pattern of ['!archive', '!archive/', '!archive/**', '!archive/**/*.ipt']) {
      expect(await linted([pattern], dir), pattern).toEqual(['a.ipt', 'plans/b.ipt', 'plans/draft-c.ipt']);
    }
    expect(await linted(['!archive/2024'], dir)).toEqual(['a.ipt', 'archive/old.ipt', 'plans/b.ipt', 'plans/draft-c.ipt']);
  });

  it('on files: a path, or a glob relative to the working folder (`*` stays in one folder, `**` crosses them)', async () => {
    const dir = project(layout);
    expect(await linted(['!plans/b.ipt'], dir)).toEqual(everything.filter((f) => f !== 'plans/b.ipt'));
    expect(await linted(['!*.ipt'], dir)).toEqual(everything.filter((f) => f !== 'a.ipt'));
    expect(await linted(['!**/*old*.ipt'], dir)).toEqual(['a.ipt', 'plans/b.ipt', 'plans/draft-c.ipt']);
    expect(await linted(['!**/draft-*.ipt'], dir)).toEqual(everything.filter((f) => f !== 'plans/draft-c.ipt'));
  });

  it('an absolute `!` pattern works like a relative one', async () => {
    const dir = project(layout);
    expect(await linted([`!${path.join(dir, 'archive')}`], dir)).toEqual(['a.ipt', 'plans/b.ipt', 'plans/draft-c.ipt']);
    expect(await linted([`!${path.join(dir, 'plans')}/*.ipt`], dir)).toEqual(['a.ipt', 'archive/2024/older.ipt', 'archive/old.ipt']);
  });

  it('`!(…)` is an extglob, not an exclusion; `./!name` names a file that starts with `!`', async () => {
    const dir = project({ 'a.ipt': basePlan, 'b.ipt': basePlan, '!odd.ipt': basePlan });
    expect(await linted(['!(a).ipt'], dir)).toEqual(['!odd.ipt', 'b.ipt']);
    expect(await linted(['./!odd.ipt'], dir)).toEqual(['!odd.ipt']);
  });

  it('works with .gitignore: both leave plans out, and a `!` never takes back an ignored plan', async () => {
    const dir = project({ ...layout, '.gitignore': 'plans/draft-*.ipt\n' });
    expect(await linted(['!archive'], dir)).toEqual(['a.ipt', 'plans/b.ipt']);
    expect(await linted(['!plans/b.ipt'], dir)).toEqual(['a.ipt', 'archive/2024/older.ipt', 'archive/old.ipt']);
    expect(await linted(['--no-ignore', '!archive'], dir)).toEqual(['a.ipt', 'plans/b.ipt', 'plans/draft-c.ipt']);
  });

  it('works with --ignore-pattern and --ignore-path; --no-ignore does not lift a `!`', async () => {
    const dir = project({ ...layout, 'ci/ignore': 'a.ipt\n' });
    expect(await linted(['--ignore-pattern', 'plans/', '!archive/2024'], dir)).toEqual(['a.ipt', 'archive/old.ipt']);
    expect(await linted(['--ignore-path', 'ci/ignore', '!archive', '!plans/draft-c.ipt'], dir)).toEqual(['plans/b.ipt']);
    expect(await linted(['--no-ignore', '--ignore-path', 'ci/ignore', '!archive'], dir)).toEqual(['a.ipt', 'plans/b.ipt', 'plans/draft-c.ipt']);
  });

  it('fails (exit 2) when a named folder or glob leaves nothing, and says which `!` took what', async () => {
    const dir = project({ ...layout, '.gitignore': 'plans/draft-*.ipt\n' });
    const folder = await runCli(['lint', 'archive', '!archive/2024', '!archive/old.ipt'], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('ipt lint: All the plans in the folder archive are excluded by `!archive/2024` (1 plan) or excluded by `!archive/old.ipt` (1 plan).\n');
    const glob = await runCli(['lint', 'plans/*.ipt', '!plans/b.ipt'], dir);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toBe('ipt lint: All the plans matching the pattern `plans/*.ipt` are ignored (1 plan) or excluded by `!plans/b.ipt` (1 plan). Use --no-ignore to take the ignored ones.\n');
    const root = await runCli(['fmt', 'archive/2024', '!archive'], dir);
    expect(root.code).toBe(2);
    expect(root.stderr).toBe('ipt fmt: All the plans in the folder archive/2024 are excluded by `!archive` (1 plan).\n');
  });

  it('with only `!` patterns that leave nothing, says so and exits 0, as with no plans at all', async () => {
    const dir = project({ 'archive/old.ipt': basePlan });
    const result = await runCli(['lint', '!archive'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`ipt lint: All the plans under ${dir} are excluded by \`!archive\` (1 plan).\n`);
  });

  it('refuses a `!` with nothing after it', async () => {
    const dir = project(layout);
    for (const bare of ['!', '!./', '!/']) {
      const result = await runCli(['fmt', bare], dir);
      expect(result.code, bare).toBe(2);
      expect(result.stderr).toContain('excludes nothing');
    }
  });
});

describe('`!` and standard input', () => {
  it('lint -: a --stdin-filename that a `!` or an ignore rule covers is not linted, and stderr says why', async () => {
    const dir = project({ '.gitignore': 'drafts/\n' });
    const excluded = await runCli(['lint', '-', '--stdin-filename', 'archive/x.ipt', '!archive', '--format', 'json'], dir, { stdin: messy });
    expect(excluded).toEqual({ code: 0, stdout: '[]\n', stderr: 'ipt lint: archive/x.ipt: File excluded (by `!archive`).\n' });
    const ignored = await runCli(['lint', '-', '--stdin-filename', 'drafts/x.ipt', '--format', 'json'], dir, { stdin: messy });
    expect(ignored).toEqual({ code: 0, stdout: '[]\n', stderr: 'ipt lint: drafts/x.ipt: File ignored (by .gitignore). Use --no-ignore to lint it anyway.\n' });
  });

  it('fmt -: an excluded --stdin-filename comes back unchanged, so an editor filter never loses the text', async () => {
    const dir = project({});
    const result = await runCli(['fmt', '-', '--stdin-filename', 'archive/x.ipt', '!archive/**'], dir, { stdin: messy });
    expect(result).toEqual({ code: 0, stdout: messy, stderr: 'ipt fmt: archive/x.ipt: File excluded (by `!archive/**`). It was not formatted.\n' });
    const ignored = await runCli(['fmt', '-', '--stdin-filename', 'drafts/x.ipt'], project({ '.gitignore': 'drafts/\n' }), { stdin: messy });
    expect(ignored).toEqual({ code: 0, stdout: messy, stderr: 'ipt fmt: drafts/x.ipt: File ignored (by .gitignore). Use --no-ignore to format it anyway. It was not formatted.\n' });
    expect((await runCli(['fmt', '-', '--check', '--stdin-filename', 'archive/x.ipt', '!archive'], project({}), { stdin: messy })).code).toBe(0);
  });

  it('render takes one plan: a `!` is refused with the reason', async () => {
    const dir = project({ 'a.ipt': basePlan });
    const result = await runCli(['render', 'a.ipt', '!b.ipt', '--to', 'html'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`!b.ipt` leaves plans out, but `ipt render` takes one plan: name it.');
  });
});
