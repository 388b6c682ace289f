/**
 * Helpers for the tests that check IPT Plan with outside tools (npm, pre-commit, actionlint, FHIR
 * validators): run a command, make temporary folders, pack the package, snapshot the repository.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** npm kept quiet and away from the network when it can. */
const quietNpm = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1', FORCE_COLOR: undefined };

/** Runs a command to completion (no shell), with npm kept quiet and away from the network when it can. */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; timeout?: number; input?: string }): Ran {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeout ?? 240_000,
    input: options.input,
    env: { ...process.env, ...quietNpm, ...options.env },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `run`, without blocking this process: for a command that talks to a server this process serves
 * (registry-stand-ins.ts), which spawnSync would starve.
 */
export function runAsync(command: string, args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; timeout?: number }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      timeout: options.timeout ?? 240_000,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...quietNpm, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const describeRun = (ran: Ran) => `exit ${ran.code}\n--- stdout\n${ran.stdout}\n--- stderr\n${ran.stderr}`;

/**
 * A temporary folder for a suite: made before its tests and removed after them (it may hold a whole
 * node_modules: allow two minutes). A skipped suite runs no hooks, so it leaves nothing behind.
 */
export function tempDir(prefix: string): string {
  const dir = path.join(tmpdir(), `ipt-${prefix}-${randomBytes(6).toString('hex')}`);
  beforeAll(() => mkdirSync(dir));
  afterAll(() => rmSync(dir, { recursive: true, force: true }), 120_000);
  return dir;
}

/** True when a command can be found on PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

export const builtFiles = ['dist/index.js', 'dist/index.mjs', 'dist/index.d.ts', 'dist/index.d.mts', 'dist/cli.js', 'dist/server.js'];

/** Files `npm run build` makes that the package needs (the tests pack what is built, they do not build). */
export function missingBuild(): string[] {
  return builtFiles.filter((file) => !existsSync(path.join(repoRoot, file)));
}

/**
 * A copy of the project as `npm pack` and `npm publish` see it: the working tree's files (tracked and
 * new) and the built dist/, without node_modules (`link: true` links the project's, for scripts that
 * build). The tests pack and publish the copy, so npm's rewrite of package.json while packing
 * (scripts/npm-manifest.mjs) never touches the working tree.
 */
export function copyProject(dest: string, options: { link?: boolean } = {}): string {
  copyWorkingTree(dest);
  cpSync(path.join(repoRoot, 'dist'), path.join(dest, 'dist'), { recursive: true });
  if (options.link) symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  return dest;
}

/** `npm pack` of a copy of the project (copyProject) into `dest`, scripts on, as a user packs it: the tarball path and its file list. */
export function packTarball(dest: string): { tarball: string; files: string[] } {
  const project = copyProject(path.join(dest, 'project'));
  const ran = run('npm', ['pack', '--json', '--pack-destination', dest], { cwd: project });
  if (ran.code !== 0) throw new Error(`npm pack failed\n${describeRun(ran)}`);
  const [packed] = JSON.parse(ran.stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(dest, packed.filename), files: packed.files.map((f) => f.path) };
}

/** Whether the project folder is a git work tree (a clone; not an unpacked tarball). */
export function isGitCheckout(): boolean {
  return run('git', ['rev-parse', '--is-inside-work-tree'], { cwd: repoRoot }).stdout.trim() === 'true';
}

/** Copies the project's files as they are in the working tree (tracked and new, not ignored) to `dest`. */
export function copyWorkingTree(dest: string): void {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot });
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(repoRoot, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    copyFileSync(from, path.join(dest, file));
  }
}

/**
 * A one-commit git repository holding the project's files as they are in the working tree (tracked
 * and new, not ignored): what a clone at HEAD holds once everything is committed, as CI has it.
 */
export function snapshotRepository(dest: string): { dir: string; rev: string } {
  copyWorkingTree(dest);
  const git = (...args: string[]) => {
    const ran = run('git', ['-c', 'user.name=ipt-test', '-c', 'user.email=ipt-test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dest });
    if (ran.code !== 0) throw new Error(`git ${args.join(' ')} failed\n${describeRun(ran)}`);
    return ran.stdout.trim();
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'snapshot');
  return { dir: dest, rev: git('rev-parse', 'HEAD') };
}
