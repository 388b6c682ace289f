/**
 * Files in a workspace that are not plans, or cannot be (issue 17), through the built CLI in a
 * child process (a read that blocks would hang the test runner itself): a link to /dev/zero (`ipt
 * lint .` read 7.5 GB in 30 s), a FIFO named x.ipt (blocked for ever), a 300 MB file (read whole
 * before the size limit refused it), and a FIFO or a link to a device as `.iptrc.json` or
 * `.gitignore`. Each is reported by name with the reason, and nothing waits or fills memory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './cli-harness.js';

const cliJs = path.join(repoRoot, 'dist', 'cli.js');
const PLAN = readFileSync(path.join(repoRoot, 'samples', 'acute-grief-dated.ipt'), 'utf8');
let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A folder with a clean-enough plan and the hostile files asked for. */
function workspace(hostile: { fifo?: string; zero?: string; big?: string; plans?: Record<string, string> } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ipt-hostile-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, '.iptrc.json'), '{ "root": true }\n');
  writeFileSync(path.join(dir, 'plan.ipt'), PLAN);
  for (const [name, text] of Object.entries(hostile.plans ?? {})) writeFileSync(path.join(dir, name), text);
  if (hostile.fifo) spawnSync('mkfifo', [path.join(dir, hostile.fifo)]);
  if (hostile.zero) symlinkSync('/dev/zero', path.join(dir, hostile.zero));
  if (hostile.big) {
    writeFileSync(path.join(dir, hostile.big), '');
    truncateSync(path.join(dir, hostile.big), 300 * 1024 * 1024);
  }
  return dir;
}

type JsonReport = { file: string; diagnostics: { rule: string; message: string; line: number }[] }[];

/** The CLI in a child process, killed after 30 s; its memory is capped so a runaway read fails fast. */
function ipt(args: string[], cwd: string, input?: string) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=256', cliJs, ...args], { cwd, encoding: 'utf8', timeout: 30_000, input });
  return { code: result.status ?? `killed (${result.signal})`, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!existsSync(cliJs) || process.platform !== 'linux')('files that are not plans (the built CLI, a child process)', () => {
  it('ipt lint .: a FIFO and a link to /dev/zero are reported by name and skipped (exit 2); a 300 MB file is refused unread with the size error', () => {
    const dir = workspace({ fifo: 'x.ipt', zero: 'zero.ipt', big: 'big.ipt' });
    const result = ipt(['lint', '.', '--format', 'json'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'ipt lint: x.ipt is a named pipe (FIFO), not a plan file: it was skipped.',
      'ipt lint: zero.ipt is a link to /dev/zero, a device, not a plan file: it was skipped.',
    ]);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.map((file) => file.file)).toEqual(['big.ipt', 'plan.ipt']);
    expect(report[0].diagnostics).toEqual([expect.objectContaining({ rule: 'syntax', line: 1, message: expect.stringMatching(/^This file is 300\.0 MB; IPT Plan reads plans up to 1\.0 MB/) })]);
  });

  it('ipt lint names a FIFO or a link to a device explicitly: the same message, no wait', () => {
    const dir = workspace({ fifo: 'x.ipt', zero: 'zero.ipt' });
    expect(ipt(['lint', 'x.ipt'], dir)).toMatchObject({ code: 2, stderr: 'ipt lint: x.ipt is a named pipe (FIFO), not a plan file: it was skipped.\n' });
    expect(ipt(['lint', 'zero.ipt'], dir)).toMatchObject({ code: 2, stderr: 'ipt lint: zero.ipt is a link to /dev/zero, a device, not a plan file: it was skipped.\n' });
  });

  it('ipt fmt and ipt fmt --check: the same reasons, and the too-large file is not formatted', () => {
    const dir = workspace({ fifo: 'x.ipt', zero: 'zero.ipt', big: 'big.ipt' });
    for (const args of [['fmt'], ['fmt', '--check']]) {
      const result = ipt(args, dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('ipt fmt: x.ipt is a named pipe (FIFO), not a plan file: it was skipped.');
      expect(result.stderr).toContain('ipt fmt: zero.ipt is a link to /dev/zero, a device, not a plan file: it was skipped.');
      expect(result.stderr).toMatch(/ipt fmt: big\.ipt: This file is 300\.0 MB; IPT Plan reads plans up to 1\.0 MB/);
    }
  });

  it('ipt render: each is refused with its reason (exit 2), nothing written', () => {
    const dir = workspace({ fifo: 'x.ipt', zero: 'zero.ipt', big: 'big.ipt' });
    expect(ipt(['render', 'x.ipt', '--to', 'html'], dir)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('x.ipt is a named pipe (FIFO), not a plan file: it was skipped.') });
    expect(ipt(['render', 'zero.ipt', '--to', 'fhir'], dir)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('zero.ipt is a link to /dev/zero, a device, not a plan file') });
    expect(ipt(['render', 'big.ipt', '--to', 'markdown'], dir)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('big.ipt was not rendered: This file is 300.0 MB') });
  });

  it('a committed link out of the workspace to a plan is followed; to a file too large, refused by size', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'ipt-outside-'));
    dirs.push(outside);
    writeFileSync(path.join(outside, 'shared.ipt'), 'plan "C-0142 shared"\n  client "Maria Lopez"\n');
    writeFileSync(path.join(outside, 'huge.ipt'), '');
    truncateSync(path.join(outside, 'huge.ipt'), 10 * 1024 * 1024);
    const dir = workspace();
    symlinkSync(path.join(outside, 'shared.ipt'), path.join(dir, 'shared.ipt'));
    symlinkSync(path.join(outside, 'huge.ipt'), path.join(dir, 'huge.ipt'));
    const report = JSON.parse(ipt(['lint', '.', '--format', 'json'], dir).stdout) as JsonReport;
    const byName = Object.fromEntries(report.map((file) => [file.file, file.diagnostics]));
    expect(byName['shared.ipt'].map((d) => d.rule)).toContain('phi');
    expect(byName['huge.ipt']).toEqual([expect.objectContaining({ rule: 'syntax', message: expect.stringMatching(/^This file is 10\.0 MB/) })]);
  });

  it('a FIFO or a link to a device as .iptrc.json is a located config error (it was read as no config, or blocked)', () => {
    for (const kind of ['fifo', 'zero'] as const) {
      const dir = workspace();
      rmSync(path.join(dir, '.iptrc.json'));
      if (kind === 'fifo') spawnSync('mkfifo', [path.join(dir, '.iptrc.json')]);
      else symlinkSync('/dev/zero', path.join(dir, '.iptrc.json'));
      const result = ipt(['lint', 'plan.ipt'], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`.iptrc.json:1:1 This config file is ${kind === 'fifo' ? 'a named pipe (FIFO)' : 'a link to /dev/zero, a device'}, not a file; it was not read.`);
    }
  });

  it('a FIFO or a link to a device as .gitignore ignores nothing, and blocks nothing', () => {
    for (const kind of ['fifo', 'zero'] as const) {
      const dir = workspace();
      if (kind === 'fifo') spawnSync('mkfifo', [path.join(dir, '.gitignore')]);
      else symlinkSync('/dev/zero', path.join(dir, '.gitignore'));
      expect(ipt(['lint', '.'], dir).code).toBe(0);
    }
  });

  it('--stdin stops reading once more arrives than any plan can be', () => {
    const dir = workspace();
    const result = spawnSync('sh', ['-c', `head -c 200000000 /dev/zero | "${process.execPath}" --max-old-space-size=256 "${cliJs}" lint --stdin --format json`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport)[0].diagnostics).toEqual([expect.objectContaining({ rule: 'syntax', message: expect.stringMatching(/^This file is more than 3\.0 MB; IPT Plan reads plans up to 1\.0 MB/) })]);
  });
});
