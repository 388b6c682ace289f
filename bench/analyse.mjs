// `npm run bench:analyse`: analyse() side by side with what a team would use instead — YAML parsed
// with `yaml` and validated by a compiled ajv schema — and with JSON.parse (the practical limit), on
// the same plan at 16, 200, 2,000 and 20,000 sessions. Warm-up, then medians. Run with --expose-gc
// (the npm script does) so the GC share of the per-session cost can be separated.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import YAML from 'yaml';
import Ajv from 'ajv';
import { planJsonSchema, planObject, planText } from './generate.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);

// Bundle the core like production (no grammar validations, minified) plus its stages for a breakdown.
mkdirSync(path.join(root, '.cache'), { recursive: true });
const bundle = path.join(root, '.cache', 'bench-core.cjs');
await build({
  absWorkingDir: root,
  stdin: {
    contents: [
      `export { analyse } from './server/src/analyse.ts';`,
      `export { parsePlan, planGrammar } from './server/src/language/parser.ts';`,
      `export { lexPlan, keywordOf, Newline } from './server/src/language/lexer.ts';`,
      `export { ruleForKeyword } from './server/src/language/grammar.ts';`,
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  // jsonc-parser's UMD entry requires files at run time; its ES module entry bundles cleanly.
  mainFields: ['module', 'main'],
  format: 'cjs',
  target: 'node20',
  minify: true,
  outfile: bundle,
  logLevel: 'error',
  define: { 'process.env.IPT_SKIP_GRAMMAR_VALIDATION': '"1"' },
});
const core = require(bundle);

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(planJsonSchema);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The samples of `fn` after warm-up, as [start, end] times. */
function sample(fn, runs) {
  for (let i = 0; i < Math.max(3, Math.floor(runs / 5)); i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push([t, performance.now()]);
  }
  return samples;
}

/** Median ms of `fn`. */
function time(fn, { runs }) {
  return median(sample(fn, runs).map(([start, end]) => end - start));
}

// Garbage-collection pauses, from perf_hooks 'gc' entries (delivered asynchronously).
const gcEntries = [];
new PerformanceObserver((list) => gcEntries.push(...list.getEntries())).observe({ entryTypes: ['gc'] });

/** Median ms of `fn` minus the GC pauses that fall inside each sample. */
async function timeWithoutGc(fn, { runs }) {
  const samples = sample(fn, runs);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const pause = (start, end) => gcEntries.reduce((sum, e) => (e.startTime >= start && e.startTime < end ? sum + e.duration : sum), 0);
  return median(samples.map(([start, end]) => end - start - pause(start, end)));
}

const sizes = [16, 200, 2000, 20000];
const rows = [];
for (const n of sizes) {
  const text = planText(n);
  const yamlText = YAML.stringify(planObject(n));
  const jsonText = JSON.stringify(planObject(n));
  const runs = n <= 16 ? 400 : n <= 200 ? 100 : n <= 2000 ? 20 : 7;
  const check = core.analyse(text);
  if (!check.ast.phases.length) throw new Error('benchmark plan did not parse');
  const yamlCheck = validate(YAML.parse(yamlText));
  if (!yamlCheck) throw new Error(`benchmark YAML did not validate: ${ajv.errorsText(validate.errors)}`);
  rows.push({
    n,
    bytes: text.length,
    lex: time(() => core.lexPlan(text), { runs }),
    parse: time(() => core.parsePlan(text), { runs }),
    analyse: time(() => core.analyse(text), { runs }),
    analyseNoGc: await timeWithoutGc(() => core.analyse(text), { runs }),
    yamlAjv: time(() => validate(YAML.parse(yamlText)), { runs }),
    json: time(() => JSON.parse(jsonText), { runs }),
    diagnostics: check.diagnostics.length,
  });
}

// ---- Parser design: CST + one CST→AST pass (what parsePlan does) against what embedded actions could
// at best achieve. Embedded actions skip building the CST but must still build the same AST objects, so
// "recognition only" (the same grammar walk with CST building switched off) bounds their saving.
function lineParser(parser) {
  return (lex) => {
    const tokens = lex.tokens;
    let start = 0;
    for (let i = 0; i <= tokens.length; i++) {
      if (i < tokens.length && tokens[i].tokenType !== core.Newline) continue;
      if (i > start) {
        const line = tokens.slice(start, i);
        const keyword = core.keywordOf(line[0]);
        const rule = keyword && core.ruleForKeyword[keyword];
        if (rule) {
          parser.input = line;
          parser[rule]();
        }
      }
      start = i + 1;
    }
  };
}
const cstParser = core.planGrammar();
const withCst = lineParser(cstParser);
// The same instance with the CST hooks switched off while measuring: the grammar walk alone.
const cstHooks = ['cstInvocationStateUpdate', 'cstFinallyStateUpdate', 'cstPostTerminal', 'cstPostNonTerminal', 'cstPostRule'];
function recognitionOnly(lexed) {
  const saved = cstHooks.map((hook) => cstParser[hook]);
  for (const hook of cstHooks) cstParser[hook] = () => {};
  try {
    withCst(lexed);
  } finally {
    cstHooks.forEach((hook, i) => (cstParser[hook] = saved[i]));
  }
}
const design = [];
for (const n of [200, 2000]) {
  const text = planText(n);
  const lexed = core.lexPlan(text);
  const runs = n <= 200 ? 100 : 20;
  design.push({
    n,
    full: time(() => core.parsePlan(text), { runs }) - time(() => core.lexPlan(text), { runs }),
    cst: time(() => withCst(lexed), { runs }),
    recognition: time(() => recognitionOnly(lexed), { runs }),
  });
}

const f = (ms) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(2)).padStart(9);
console.log(`node ${process.version}; medians in ms (an.no-GC: analyse minus the GC pauses inside each sample)`);
console.log('sessions   bytes       lex     parse   analyse  an.no-GC  yaml+ajv      JSON  yaml/analyse  analyse/JSON  µs/session');
for (const r of rows) {
  console.log(
    `${String(r.n).padStart(8)} ${String(r.bytes).padStart(7)} ${f(r.lex)} ${f(r.parse)} ${f(r.analyse)} ${f(r.analyseNoGc)} ${f(r.yamlAjv)} ${f(r.json)} ${(r.yamlAjv / r.analyse).toFixed(1).padStart(12)}× ${(r.analyse / r.json).toFixed(1).padStart(12)}× ${((r.analyse / r.n) * 1000).toFixed(2).padStart(10)}`,
  );
}
const at = (n) => rows.find((r) => r.n === n);
const growth = at(20000).analyse / 20000 / (at(2000).analyse / 2000);
const growthNoGc = at(20000).analyseNoGc / 20000 / (at(2000).analyseNoGc / 2000);
const r200 = at(200);
console.log('');
console.log(`targets (200 sessions): analyse ≥10× faster than yaml+ajv: ${(r200.yamlAjv / r200.analyse).toFixed(1)}× ${r200.yamlAjv / r200.analyse >= 10 ? 'MET' : 'NOT MET'}`);
console.log(`                        analyse within 5× of JSON.parse:     ${(r200.analyse / r200.json).toFixed(1)}× ${r200.analyse / r200.json <= 5 ? 'MET' : 'NOT MET'}`);
console.log('');
console.log('parser design (ms, lexing excluded): CST+AST = parsePlan; CST only = the grammar building its CST; recognition = no CST (bound for embedded actions)');
for (const d of design) {
  console.log(`${String(d.n).padStart(6)} sessions: CST+AST ${f(d.full)}  CST only ${f(d.cst)}  recognition ${f(d.recognition)}  → embedded actions could save at most ${(((d.cst - d.recognition) / d.full) * 100).toFixed(0)}% of parsing`);
}
console.log(`per-session cost growth 2,000 → 20,000 sessions: ${growth.toFixed(2)}× (GC excluded: ${growthNoGc.toFixed(2)}×) ${growth <= 2 ? 'MET' : 'NOT MET'} (target ≤ 2×)`);
