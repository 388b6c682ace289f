// Helpers shared by the benchmarks: statistics, interleaved timing, bundling a source tree's core,
// child-process timing and a description of the machine.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

/** True when the module at `url` is the script node was started with. */
export function isMain(url) {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(url);
}

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

export const median = (values) => quantile(values, 0.5);

/** p25, median and p75, rounded: the spread reported next to every figure. */
export function spread(values, digits = 3) {
  const round = (v) => +v.toFixed(digits);
  return { p25: round(quantile(values, 0.25)), median: round(median(values)), p75: round(quantile(values, 0.75)), n: values.length };
}

/**
 * Times several functions against each other in one process, interleaved: after a warm-up of every
 * side, each round runs every side once, in an order that rotates from round to round (so no side
 * always runs right after another's garbage). A side runs `batch` calls per sample, so a sample is
 * long enough for the timer and pays for most of its own garbage collection.
 * Returns each side's per-call ms samples (one per round), in round order.
 */
export function interleave(sides, { rounds, warmup = Math.max(3, Math.ceil(rounds / 5)), batch = 1 }) {
  const names = Object.keys(sides);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < warmup; i++) for (const name of names) for (let b = 0; b < batch; b++) sides[name]();
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const fn = sides[name];
      const start = performance.now();
      for (let b = 0; b < batch; b++) fn();
      samples[name].push((performance.now() - start) / batch);
    }
  }
  return samples;
}

/** Per-round ratios a/b of two interleaved sides (robust to load that drifts during the run). */
export function ratios(a, b) {
  return a.map((value, i) => value / b[i]);
}

/**
 * Bundles the core of a source tree (this one, or a baseline checkout given with --against) as
 * production does: minified, grammar validations off. `exports` are lines of `export … from './server/src/…'`.
 */
export async function bundleCore(sourceRoot, name, exports) {
  mkdirSync(path.join(root, '.cache'), { recursive: true });
  const outfile = path.join(root, '.cache', `bench-${name}.cjs`);
  await build({
    absWorkingDir: sourceRoot,
    stdin: { contents: exports.join('\n'), resolveDir: sourceRoot, loader: 'ts' },
    bundle: true,
    platform: 'node',
    // jsonc-parser's UMD entry requires files at run time; its ES module entry bundles cleanly.
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'node20',
    minify: true,
    outfile,
    logLevel: 'error',
    nodePaths: [path.join(root, 'node_modules')],
    define: { 'process.env.IPT_SKIP_GRAMMAR_VALIDATION': '"1"' },
  });
  delete require.cache[outfile];
  return require(outfile);
}

/** Wall time (ms) of `node args…` run to completion, checked by `check(result)`. */
export function timeChild(args, { check, cwd = root, env } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, env: env ? { ...process.env, ...env } : process.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  check?.(result);
  return { ms, result };
}

/** The machine the figures come from. */
export function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // Not Linux: os.cpus() named it.
  }
  return { cpu: model.trim(), cores: availableParallelism(), memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}`, loadavg: loadavg().map((l) => +l.toFixed(2)) };
}

/** Shuts a language server down as a client does (shutdown, exit), killing it if it lingers. */
export async function stopServer(connection, child) {
  await connection.sendRequest('shutdown');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendNotification('exit');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  connection.dispose();
  child.kill();
}

export const round = (value, digits = 3) => (value === undefined || value === null || Number.isNaN(value) ? null : +value.toFixed(digits));
