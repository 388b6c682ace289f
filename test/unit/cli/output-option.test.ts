/** `-o, --output FILE`: one name in every command that writes a result (lint's `--output-file` stays as an alias). */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../../server/src/cli/help.js';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

const withError = replace(basePlan, 'sessions 16 weekly 50min', 'sessions 20 weekly 50min');
const project = tempProjects();
const read = (dir: string, name: string) => readFileSync(path.join(dir, name), 'utf8');

describe('-o, --output', () => {
  it('lint: -o, --output and --output-file write the same report', async () => {
    const dir = project({ 'a.ipt': withError });
    for (const [flag, file] of [['-o', 'short.json'], ['--output', 'long.json'], ['--output-file', 'alias.json']]) {
      expect(await runCli(['lint', '--format', 'json', flag, file], dir)).toEqual({ code: 1, stdout: '', stderr: '' });
    }
    expect(read(dir, 'long.json')).toBe(read(dir, 'short.json'));
    expect(read(dir, 'alias.json')).toBe(read(dir, 'short.json'));
    expect(await runCli(['lint', '--output', 'same.json', '--output-file', 'same.json'], dir)).toMatchObject({ code: 1, stderr: '' });
  });

  it('lint: refuses two different files, and an empty name', async () => {
    const dir = project({ 'a.ipt': basePlan });
    const two = await runCli(['lint', '-o', 'a.json', '--output-file', 'b.json'], dir);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('ipt lint: `-o` (`--output`) and `--output-file` are one option; give it once. Run `ipt lint --help` for usage.\n');
    expect((await runCli(['lint', '--output='], dir)).stderr).toContain('`-o` (`--output`) needs a file name.');
  });

  it('replaces an existing report whole (a new file renamed over it) and leaves no temporary file', async () => {
    const dir = project({ 'a.ipt': withError, 'reports/lint.txt': 'an old, longer report '.repeat(100) });
    const before = statSync(path.join(dir, 'reports/lint.txt')).ino;
    await runCli(['lint', '-o', 'reports/lint.txt'], dir);
    expect(statSync(path.join(dir, 'reports/lint.txt')).ino).not.toBe(before);
    expect(read(dir, 'reports/lint.txt')).toMatch(/^\na\.ipt\n/);
    expect(readdirSync(path.join(dir, 'reports'))).toEqual(['lint.txt']);
  });

  it('writes to a device as it is: -o /dev/null keeps the exit code', async () => {
    const dir = project({ 'a.ipt': withError });
    expect(await runCli(['lint', '-o', '/dev/null'], dir)).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(existsSync('/dev/null')).toBe(true);
  });

  it('render, rules and fmt - take --output too', async () => {
    const dir = project({ 'plan.ipt': basePlan });
    expect(await runCli(['render', 'plan.ipt', '--to', 'markdown', '--output', 'plan.md'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(read(dir, 'plan.md')).toContain('C-0142');
    expect(await runCli(['rules', '--format', 'json', '--output', 'rules.json'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((JSON.parse(read(dir, 'rules.json')) as unknown[]).length).toBeGreaterThan(20);
    expect(await runCli(['fmt', '-', '--output', 'formatted.ipt'], dir, { stdin: basePlan })).toEqual({ code: 0, stdout: '', stderr: '' });
    writeFileSync(path.join(dir, 'kept.ipt'), 'x');
    expect((await runCli(['new', '--variant', 'brief', '--focus', 'grief', '--output', 'kept.ipt'], dir)).code).toBe(2);
    expect(read(dir, 'kept.ipt')).toBe('x');
  });

  it('every command that writes a result says `-o, --output FILE` in its help', () => {
    for (const command of ['lint', 'fmt', 'render', 'new', 'rules']) expect(commandHelp[command], command).toMatch(/-o, --output FILE/);
    expect(commandHelp.lint).toContain('--output-file');
  });
});
