// The core against what a team would use instead, in one process, interleaved after warm-up:
//   analyse() vs YAML parsed with `yaml` + validated by a compiled ajv schema (the same plan as YAML),
//   analyse() vs JSON.parse (the practical floor), on generated plans of 16 and 200 sessions and the
//   stress plan (the size of the former 2,000-session plan: 500 sessions, the most a plan numbers);
//   scaling: cost per character of a 1 MB plan against a ten times smaller one of the same shape;
//   the parser's fast path against its Chevrotain path (every line through Chevrotain);
//   where the time goes at 200 sessions (parse, each rule, garbage collection).
//   node bench/analyse.mjs [--quick] [--against DIR]   (DIR: another checkout, e.g. the baseline, timed interleaved against this one)
import { PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import YAML from 'yaml';
import Ajv from 'ajv';
import { planJsonSchema, planObject, planText, scalingPlans, stressPlan } from './generate.mjs';
import { bundleCore, interleave, isMain, median, ratios, root, round, spread } from './lib.mjs';

const coreExports = [
  `export { analyse } from './server/src/analyse.ts';`,
  `export { parsePlan } from './server/src/language/parser.ts';`,
  `export { semanticRules } from './server/src/rules/registry.ts';`,
  `export { defaultConfig } from './server/src/rules/config.ts';`,
];

function timeOnce(fn) {
  fn();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Rounds so that one side's sample lasts about `ms` in all, within [min, max]. */
function roundsFor(sampleMs, budgetMs, min, max) {
  return Math.max(min, Math.min(max, Math.round(budgetMs / Math.max(sampleMs, 0.001))));
}

export async function benchAnalyse({ quick = false, against } = {}) {
  const core = await bundleCore(root, 'core', coreExports);
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(planJsonSchema);
  const budget = quick ? 2500 : 8000;

  const stress = stressPlan();
  const plans = {
    16: { text: planText(16), object: planObject(16) },
    200: { text: planText(200), object: planObject(200) },
    stress,
  };
  const sizes = {};
  for (const [n, { text, object }] of Object.entries(plans)) {
    const yamlText = YAML.stringify(object);
    const jsonText = JSON.stringify(object);
    const check = core.analyse(text);
    if (check.ast.phases.length !== 3 || check.diagnostics.some((d) => d.rule === 'syntax')) throw new Error(`the ${n} plan did not parse cleanly`);
    if (!validate(YAML.parse(yamlText))) throw new Error(`the ${n}-session YAML did not validate: ${ajv.errorsText(validate.errors)}`);
    const sides = {
      analyse: () => core.analyse(text),
      yamlAjv: () => validate(YAML.parse(yamlText)),
      json: () => JSON.parse(jsonText),
    };
    const once = timeOnce(sides.analyse);
    // Small plans: batches of calls, so each sample lasts ≥ ~2 ms.
    const batch = Math.max(1, Math.ceil(2 / once));
    const roundMs = batch * (once + timeOnce(sides.yamlAjv) + timeOnce(sides.json));
    const rounds = roundsFor(roundMs, budget, quick ? 5 : 9, 400);
    // Warm-up: about a second of rounds (the JIT settles long before), at least two.
    const s = interleave(sides, { rounds, batch, warmup: Math.max(2, Math.min(10, Math.round(1000 / roundMs))) });
    sizes[n] = {
      bytes: text.length,
      diagnostics: check.diagnostics.length,
      rounds,
      batch,
      analyseMs: spread(s.analyse, 4),
      yamlAjvMs: spread(s.yamlAjv, 4),
      jsonParseMs: spread(s.json, 4),
      analyseVsYamlAjv: spread(ratios(s.analyse, s.yamlAjv)),
      analyseVsJsonParse: spread(ratios(s.analyse, s.json)),
      usPerKb: round((median(s.analyse) / (text.length / 1024)) * 1000, 1),
    };
  }

  // Scaling: a plan and one ten times its size, interleaved; cost per character, large ÷ small, per round.
  const scalingPlan = scalingPlans();
  for (const text of [scalingPlan.small, scalingPlan.large]) if (core.analyse(text).diagnostics.some((d) => d.rule === 'syntax')) throw new Error('a scaling plan did not parse cleanly');
  const scale = interleave({ small: () => core.analyse(scalingPlan.small), large: () => core.analyse(scalingPlan.large) }, { rounds: quick ? 5 : 11, warmup: 1 });
  const perChar = (ms, text) => ms / text.length;
  const scaling = spread(scale.large.map((large, i) => perChar(large, scalingPlan.large) / perChar(scale.small[i], scalingPlan.small)));

  // The fast path against the Chevrotain path, and where the time goes, at 200 sessions.
  const t200 = planText(200);
  const paths = interleave({ fast: () => core.parsePlan(t200), chevrotain: () => core.parsePlan(t200, { fastPath: false }) }, { rounds: quick ? 40 : 200, batch: 2 });
  const breakdown = await profile200(core, t200, quick);

  let versus;
  if (against) {
    const other = await bundleCore(path.resolve(against), 'against', [`export { analyse } from './server/src/analyse.ts';`]);
    versus = { against: path.resolve(against) };
    for (const [n, { text }] of Object.entries(plans)) {
      const once = timeOnce(() => other.analyse(text));
      const batch = Math.max(1, Math.ceil(2 / once));
      const s = interleave({ before: () => other.analyse(text), after: () => core.analyse(text) }, { rounds: roundsFor(once * batch * 2, budget, 9, 300), batch });
      versus[n] = { beforeMs: spread(s.before, 4), afterMs: spread(s.after, 4), afterVsBefore: spread(ratios(s.after, s.before)) };
    }
  }

  return {
    keys: {
      analyse_vs_yaml_ajv: sizes[200].analyseVsYamlAjv.median,
      analyse_vs_json_parse: sizes[200].analyseVsJsonParse.median,
      scaling_ratio: scaling.median,
    },
    details: {
      headline: 'analyse_vs_* at 200 sessions (per-round ratios of interleaved samples, median); scaling_ratio = cost per character of a 1 MB plan ÷ of a 100 KB plan of the same shape (50 and 500 sessions)',
      stressPlan: { sessions: stress.sessions, notesPerSession: stress.notes, chars: stress.text.length },
      scalingPlans: { sessions: [50, 500], notesPerSession: scalingPlan.notes, chars: [scalingPlan.small.length, scalingPlan.large.length] },
      sizes,
      scaling,
      parsePaths200: { fastMs: spread(paths.fast, 4), chevrotainMs: spread(paths.chevrotain, 4), fastVsChevrotain: spread(ratios(paths.fast, paths.chevrotain)) },
      breakdown200: breakdown,
      ...(versus ? { versus } : {}),
    },
  };
}

/** Where analyse() spends its time at 200 sessions: parsing, each rule, and garbage collection. */
function profile200(core, text, quick) {
  const runs = quick ? 60 : 300;
  const analysis = core.analyse(text);
  const file = core.parsePlan(text).file;
  const plannedTotal = file.plan?.headers.find((h) => h.kind === 'sessions')?.count?.value;
  const context = { file, text, lines: analysis.lines, catalogue: core.defaultConfig.catalogue, config: core.defaultConfig, variant: analysis.variant, plannedTotal, report: () => undefined };
  const sides = { analyse: () => core.analyse(text), parse: () => core.parsePlan(text) };
  for (const rule of core.semanticRules) sides[`rule:${rule.id}`] = () => rule.check(context);
  const s = interleave(sides, { rounds: runs, warmup: 20 });
  const analyseMs = median(s.analyse);
  const rules = core.semanticRules
    .map((rule) => ({ rule: rule.id, ms: median(s[`rule:${rule.id}`]) }))
    .sort((a, b) => b.ms - a.ms);
  const rulesMs = rules.reduce((sum, r) => sum + r.ms, 0);

  // Garbage collection: the share of a run of analyses spent in GC pauses (perf_hooks 'gc' entries).
  const pauses = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const start = performance.now();
  for (let i = 0; i < runs; i++) core.analyse(text);
  const total = performance.now() - start;
  return new Promise((resolve) =>
    setTimeout(() => {
      observer.disconnect();
      const gc = pauses.filter((e) => e.startTime >= start).reduce((sum, e) => sum + e.duration, 0);
      resolve({
        analyseMs: round(analyseMs, 4),
        parseMs: round(median(s.parse), 4),
        parseShare: round(median(s.parse) / analyseMs),
        rulesMs: round(rulesMs, 4),
        rulesShare: round(rulesMs / analyseMs),
        gcShare: round(gc / total),
        topRules: rules.slice(0, 6).map((r) => ({ rule: r.rule, ms: round(r.ms, 4), share: round(r.ms / analyseMs) })),
      });
    }, 0),
  );
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const againstAt = argv.indexOf('--against');
  const result = await benchAnalyse({ quick: argv.includes('--quick'), against: againstAt >= 0 ? argv[againstAt + 1] : undefined });
  console.log(JSON.stringify(result, null, 2));
}
