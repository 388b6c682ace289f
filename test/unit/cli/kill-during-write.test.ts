/**
 * A run of `ipt fmt` killed (SIGKILL) at any moment leaves the old plan or the new one, whole —
 * never half of each, never an empty file — and the next run cleans up its temporary file.
 * Drives the BUILT CLI (dist/cli.js) on a 0.9 MB plan (under the 1 MB limit); the kills land around the time the write
 * happens (measured from an unkilled run), where a torn write would show.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, samplesDir } from './cli-harness.js';

const cliJs = path.join(repoRoot, 'dist', 'cli.js');
const KILLS = 16;

/** A 0.9 MB plan that `ipt fmt` rewrites (every third line loses its indentation). */
function bigMessyPlan(): string {
  const plan = readFileSync(path.join(samplesDir, 'acute-grief-dated.ipt'), 'utf8').split('\n').map((line, i) => (i % 3 === 0 ? line.trim() : line)).join('\n');
  const filler = `# ${'a long comment line that makes the file large '.repeat(30)}\n`;
  return plan + filler.repeat(Math.ceil((900_000 - plan.length) / filler.length));
}

describe.skipIf(!existsSync(cliJs))('ipt fmt killed during its write', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ipt-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'big.ipt');
  const original = bigMessyPlan();

  it(`leaves the old or the new file whole, ${KILLS} kills out of ${KILLS}`, async () => {
    writeFileSync(file, original);
    const started = performance.now();
    expect(spawnSync(process.execPath, [cliJs, 'fmt', file], { encoding: 'utf8' }).status).toBe(0);
    const duration = performance.now() - started;
    const formatted = readFileSync(file, 'utf8');
    expect(formatted).not.toBe(original);

    const outcomes = { old: 0, new: 0 };
    for (let k = 0; k < KILLS; k++) {
      writeFileSync(file, original);
      const child = spawn(process.execPath, [cliJs, 'fmt', file], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Spread the kills from half the run's time to a little past its end.
      const delay = duration * (0.5 + (0.6 * k) / KILLS);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const now = readFileSync(file, 'utf8');
      if (now === original) outcomes.old++;
      else if (now === formatted) outcomes.new++;
      else throw new Error(`after kill ${k + 1} (at ${Math.round(delay)} ms) the file is neither the old nor the new plan (${now.length} characters)`);
    }
    expect(outcomes.old + outcomes.new).toBe(KILLS);

    // A temporary file a kill left behind is removed by the next write to the same plan.
    writeFileSync(file, original);
    expect(spawnSync(process.execPath, [cliJs, 'fmt', file]).status).toBe(0);
    expect(readdirSync(dir).filter((name) => name !== 'big.ipt')).toEqual([]);
  }, 180_000);
});
