/** `ipt` itself: help, version, unknown commands. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../../server/src/cli/help.js';
import { repoRoot, runCli } from './cli-harness.js';

const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('ipt', () => {
  it('--version prints the package version', async () => {
    expect(await runCli(['--version'], repoRoot)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await runCli(['-v'], repoRoot)).stdout).toBe(`${version}\n`);
  });

  it('--help lists every command', async () => {
    const result = await runCli(['--help'], repoRoot);
    expect(result.code).toBe(0);
    for (const command of ['lint', 'fmt', 'render', 'new', 'rules']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('prints help for each command with --help, -h or `ipt help <command>`', async () => {
    for (const command of Object.keys(commandHelp)) {
      const result = await runCli([command, '--help'], repoRoot);
      expect(result).toEqual({ code: 0, stdout: commandHelp[command], stderr: '' });
      expect(result.stdout.startsWith(`Usage: ipt ${command}`)).toBe(true);
      expect((await runCli([command, '-h'], repoRoot)).stdout).toBe(commandHelp[command]);
      expect((await runCli(['help', command], repoRoot)).stdout).toBe(commandHelp[command]);
    }
  });

  it('with no command, shows help on stderr and exits 2', async () => {
    const result = await runCli([], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: ipt <command>');
  });

  it('points a plan given as a command to `ipt lint`', async () => {
    const result = await runCli(['plan.ipt'], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('To check a plan, run `ipt lint plan.ipt`.');
  });
});
