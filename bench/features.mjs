// `node bench/features.mjs`: completion, hover and semantic tokens (the pure functions in
// server/src/features/) on a 16-session plan and the stress plan (generate.mjs), one analysis each, as
// the server calls them. Warm-up, then the median and p95 of 200 calls per case. Target: ≤ 10 ms each.
// `npm run bench` includes it (not with --quick): the round trips in lsp.mjs add the protocol to these.
import { planText, stressPlan } from './generate.mjs';
import { bundleCore, isMain, root } from './lib.mjs';

function measure(run, times = 200) {
  for (let i = 0; i < 20; i++) run();
  const samples = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(times / 2)], p95: samples[Math.floor(times * 0.95)] };
}

/** The plan with a half-typed `task` line in its last session; the cursor at its end. */
function halfTyped(plain) {
  const text = plain.replace(/\n$/, '\n    task sick\n');
  return { text, offset: text.length - 1 };
}

export async function benchFeatures() {
  const { analyse, completionsAt, hoverAt, semanticTokensData, defaultConfig } = await bundleCore(root, 'features', [
    `export { analyse } from './server/src/analyse.ts';`,
    `export { completionsAt } from './server/src/features/completion.ts';`,
    `export { hoverAt } from './server/src/features/hover.ts';`,
    `export { semanticTokensData } from './server/src/features/semantic-tokens.ts';`,
    `export { defaultConfig } from './server/src/rules/config.ts';`,
  ]);
  const rows = [];
  for (const n of [16, 'stress']) {
    const plain = n === 16 ? planText(16) : stressPlan().text;
    const typed = halfTyped(plain);
    const analysis = analyse(plain);
    const typedAnalysis = analyse(typed.text);
    const at = (needle, delta = 0) => plain.lastIndexOf(needle) + delta;
    const dateOffset = plain.indexOf('    date ', plain.indexOf(`  session ${Math.min(n - 1, 999)} `)) + 9;
    const cases = {
      'completion: `    task sick|` (last session)': () => completionsAt(typedAnalysis, typed.offset, defaultConfig),
      'completion: line start in a session': () => completionsAt(analysis, at('    note ') , defaultConfig),
      'completion: `targets |`': () => completionsAt(analysis, at('    targets ', 12), defaultConfig),
      // Course dates are computed up to session 1,000 (render/course-dates.ts): take the date of a session below it.
      'completion: `date |` (session ≤ 999)': () => completionsAt(analysis, dateOffset, defaultConfig),
      'hover: last score': () => hoverAt(analysis, at('    score PHQ-9 ', 16), defaultConfig),
      'hover: goal id in the last targets': () => hoverAt(analysis, at('    targets ', 13), defaultConfig),
      'hover: termination phase line': () => hoverAt(analysis, at('phase termination'), defaultConfig),
      'hover: measure line': () => hoverAt(analysis, at('measure PHQ-9'), defaultConfig),
      'hover: last session number': () => hoverAt(analysis, at('  session ', 10), defaultConfig),
      'semantic tokens: full': () => semanticTokensData(analysis),
      'semantic tokens: range (last 60 lines)': () => semanticTokensData(analysis, { start: plain.length - 3000, end: plain.length }),
    };
    for (const [name, run] of Object.entries(cases)) {
      // Every case must answer something, or the timing would measure an early return.
      const answer = run();
      if (!answer || answer.length === 0) throw new Error(`${name} on ${n} sessions gave no result`);
      const { p50, p95 } = measure(run);
      rows.push({ sessions: n, case: name, 'p50 ms': +p50.toFixed(3), 'p95 ms': +p95.toFixed(3) });
    }
  }
  return { keys: {}, details: { cases: rows } };
}

if (isMain(import.meta.url)) console.table((await benchFeatures()).details.cases);
