/**
 * Colour: `--color` / `--no-color` (the last one wins) beat the environment; FORCE_COLOR colours a
 * pipe (a CI log) and beats NO_COLOR; NO_COLOR turns colour off; otherwise a terminal is coloured.
 * A report written with -o is plain unless --color asks. Only stylish output is ever coloured.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

const withError = replace(basePlan, 'sessions 16 weekly 50min', 'sessions 20 weekly 50min');
const ESC = '\u001b[';
const project = tempProjects();

async function coloured(argv: string[], options: { tty: boolean; env: Record<string, string> }): Promise<boolean> {
  const dir = project({ 'a.ipt': withError });
  const result = await runCli(['lint', ...argv], dir, options);
  expect(result.code, result.stderr).toBe(1);
  return result.stdout.includes(ESC);
}

describe('colour', () => {
  it.each([
    ['a terminal', [], true, {}, true],
    ['a pipe', [], false, {}, false],
    ['NO_COLOR on a terminal', [], true, { NO_COLOR: '1' }, false],
    ['NO_COLOR set but empty', [], true, { NO_COLOR: '' }, true],
    ['FORCE_COLOR on a pipe (a CI log)', [], false, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=true on a pipe', [], false, { FORCE_COLOR: 'true' }, true],
    ['FORCE_COLOR set but empty', [], false, { FORCE_COLOR: '' }, false],
    ['FORCE_COLOR=0 on a terminal', [], true, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', [], true, { FORCE_COLOR: 'false' }, false],
    ['FORCE_COLOR and NO_COLOR both set', [], false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['--color on a pipe', ['--color'], false, {}, true],
    ['--color with NO_COLOR', ['--color'], false, { NO_COLOR: '1' }, true],
    ['--no-color on a terminal', ['--no-color'], true, {}, false],
    ['--no-color with FORCE_COLOR', ['--no-color'], true, { FORCE_COLOR: '1' }, false],
    ['--color then --no-color', ['--color', '--no-color'], false, {}, false],
    ['--no-color then --color', ['--no-color', '--color'], false, {}, true],
  ] as const)('%s', async (_, argv, tty, env, expected) => {
    expect(await coloured([...argv], { tty, env: { ...env } })).toBe(expected);
  });

  it('a report written with -o is plain, even with FORCE_COLOR, unless --color asks', async () => {
    const dir = project({ 'a.ipt': withError });
    await runCli(['lint', '-o', 'plain.txt'], dir, { tty: true, env: { FORCE_COLOR: '1' } });
    expect(readFileSync(path.join(dir, 'plain.txt'), 'utf8')).not.toContain(ESC);
    await runCli(['lint', '-o', 'coloured.txt', '--color'], dir, { env: {} });
    expect(readFileSync(path.join(dir, 'coloured.txt'), 'utf8')).toContain(`${ESC}31m`);
  });

  it('never colours a machine format', async () => {
    const dir = project({ 'a.ipt': withError });
    for (const format of ['json', 'sarif', 'github', 'gitlab', 'junit']) {
      const result = await runCli(['lint', '--format', format, '--color'], dir, { tty: true, env: { FORCE_COLOR: '1' } });
      expect(result.stdout, format).not.toContain(ESC);
    }
  });
});
