// What running `phi.patterns` on RE2 (re2js) costs, against the JavaScript-regex path it replaced,
// in one process, interleaved after warm-up (lib.mjs `interleave`; medians and per-round ratios):
//   - the `phi` rule alone, and the whole `analyse()`, on the 200-session plan and the stress plan,
//     with three typical team patterns (a record number, an NHS number, an insurance id), run on
//     RE2 and on JavaScript's engine (the same patterns, compiled as `new RegExp(…, 'g')`), and with
//     no patterns at all;
//   - the worst case the limits allow: patterns that fill the 200-instruction budget with the most
//     work per character (`[xy].{190}[xy]`, `(a+){25}$`) on a 1 MiB plan of text they match, as
//     notes of 2,000 characters and as one note of 1 MiB.
//   node bench/phi-patterns.mjs [--quick]   → prints the figures and writes bench/results-phi-patterns.json
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { planText, stressPlan } from './generate.mjs';
import { bundleCore, interleave, machine, median, ratios, root, round, spread } from './lib.mjs';

const quick = process.argv.includes('--quick');
const core = await bundleCore(root, 'phi-patterns', [
  `export { analyse } from './server/src/analyse.ts';`,
  `export { parsePlan } from './server/src/language/parser.ts';`,
  `export { LineIndex } from './server/src/language/span.ts';`,
  `export { semanticRules } from './server/src/rules/registry.ts';`,
  `export { defaultConfig, resolveConfig } from './server/src/rules/config.ts';`,
]);

const TEAM_PATTERNS = [
  { name: 'medical record number', pattern: 'MRN[- ]?\\d{6,8}', flags: 'i' },
  { name: 'NHS number', pattern: '\\b\\d{3} ?\\d{3} ?\\d{4}\\b' },
  { name: 'insurance id', pattern: '\\b[A-Z]{3}\\d{9}\\b' },
];

const re2Config = core.resolveConfig({ phi: { patterns: TEAM_PATTERNS } });
/** The path this replaced: each pattern as a global JavaScript RegExp, matched with String#matchAll. */
const jsConfig = {
  ...re2Config,
  phi: {
    ...re2Config.phi,
    patterns: TEAM_PATTERNS.map(({ name, pattern, flags = '' }) => {
      const regex = new RegExp(pattern, `${flags}g`);
      return { name, pattern: { source: pattern, flags, instructions: 0, matchAll: (text) => text.matchAll(regex) } };
    }),
  },
};
const phiRule = core.semanticRules.find((rule) => rule.id === 'phi');

function phiOnly(text, config) {
  const { file } = core.parsePlan(text);
  const ctx = { file, text, lines: new core.LineIndex(text), catalogue: config.catalogue, config, variant: config.catalogue.variants[0], plannedTotal: undefined, report: () => undefined };
  return () => phiRule.check(ctx);
}

const results = { date: new Date().toISOString(), machine: machine(), quick, plans: {}, worstCase: {} };
const rounds = quick ? 15 : 60;
// A plan whose notes hold what the patterns find, so the matching part runs too.
const withFindings = (text) => text.replace(/note "Check in on the week/g, (m, offset) => (offset % 3 === 0 ? 'note "MRN-0012345; NHS 943 476 5919 — check in on the week' : m));
for (const [name, text] of [['200 sessions', withFindings(planText(200))], ['stress plan', withFindings(stressPlan().text)]]) {
  const found = (config) => core.analyse(text, { config }).diagnostics.filter((d) => d.rule === 'phi').length;
  if (found(re2Config) !== found(jsConfig)) throw new Error(`${name}: RE2 and JavaScript find different things (${found(re2Config)} vs ${found(jsConfig)})`);
  const rule = interleave({ re2: phiOnly(text, re2Config), js: phiOnly(text, jsConfig), none: phiOnly(text, core.defaultConfig) }, { rounds, batch: 5 });
  const whole = interleave({ re2: () => core.analyse(text, { config: re2Config }), js: () => core.analyse(text, { config: jsConfig }) }, { rounds: Math.ceil(rounds / 2) });
  results.plans[name] = {
    characters: text.length,
    findings: found(re2Config),
    phiRuleMs: { re2: spread(rule.re2, 3), javascript: spread(rule.js, 3), noPatterns: spread(rule.none, 3) },
    phiRuleRe2VsJavascript: spread(ratios(rule.re2, rule.js)),
    analyseMs: { re2: spread(whole.re2, 3), javascript: spread(whole.js, 3) },
    analyseRe2VsJavascript: spread(ratios(whole.re2, whole.js)),
  };
  console.log(
    `${name} (${text.length} chars): phi rule ${round(median(rule.re2), 2)} ms on RE2, ${round(median(rule.js), 2)} ms on JavaScript (× ${round(median(ratios(rule.re2, rule.js)), 2)}), ${round(median(rule.none), 2)} ms without patterns; analyse ${round(median(whole.re2), 1)} vs ${round(median(whole.js), 1)} ms (× ${round(median(ratios(whole.re2, whole.js)), 2)})`,
  );
}

// The worst the limits allow: 1 MiB of notes that the patterns match throughout.
const MiB = 1024 * 1024;
for (const [name, patterns, unit] of [
  ['[xy].{190}[xy] (194 instructions) on x', [{ name: 'w', pattern: '[xy].{190}[xy]' }], 'x'],
  ['(a+){25}$ (103 instructions) on a', [{ name: 'w', pattern: '(a+){25}$' }], 'a'],
  ['ten `N\\d{2}-?\\d{4}` patterns on digits', Array.from({ length: 10 }, (_, i) => ({ name: `p${i}`, pattern: `${i}\\d{2}-?\\d{4}` })), '1'],
]) {
  const config = core.resolveConfig({ phi: { patterns } });
  if (config.phi.patterns.length !== patterns.length) throw new Error(`${name}: not every pattern is within the limits`);
  for (const [shape, noteLength] of [['notes of 2,000 characters', 2000], ['one note of 1 MiB', MiB - 80]]) {
    const line = `    note "${unit.repeat(noteLength)}"\n`;
    const text = `plan "C-0142 x"\nphase initial sessions 1-3\n  session 1\n${line.repeat(Math.max(1, Math.floor((MiB - 60) / line.length)))}`;
    const times = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const started = performance.now();
      core.analyse(text, { config });
      times.push(performance.now() - started);
    }
    results.worstCase[`${name}, ${shape}`] = { characters: text.length, analyseMs: spread(times, 0) };
    console.log(`worst case ${name}, ${shape}: analyse of ${text.length} chars ${round(median(times), 0)} ms`);
  }
}

results.machine.loadavgAfter = machine().loadavg;
writeFileSync(path.join(root, 'bench', 'results-phi-patterns.json'), `${JSON.stringify(results, null, 2)}\n`);
