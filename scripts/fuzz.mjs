// `npm run fuzz [-- RUNS [SEED]]`: the full fuzzer run (default 100,000 cases, a fresh seed that it
// prints). Runs the test/fuzz suite with FUZZ_RUNS/FUZZ_SEED set; a failure prints the seed and a
// minimal reproducer. Repeat a run with `npm run fuzz -- 100000 SEED`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [runs = '100000', seed = String(Date.now() % 2 ** 31)] = process.argv.slice(2);
console.log(`ipt fuzz: ${runs} cases, seed ${seed} (repeat with: npm run fuzz -- ${runs} ${seed})`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed, FUZZ_REPORT: '1' },
});
process.exit(result.status ?? 1);
