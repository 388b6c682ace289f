// Measures one hostile input in a fresh process (run by hostile-inputs.test.ts with a heap limit):
// `node measure-hostile-input.mjs NAME` prints one JSON line with times (ms), peak RSS (MB) and what
// the core said. Uses the built library (dist/index.js).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { analyse, format, render } = require('../../../dist/index.js');
const sample = readFileSync(new URL('../../../samples/acute-grief-dated.ipt', import.meta.url), 'utf8');
const note = `    note "${'x'.repeat(80)}"\n`;

export const inputs = {
  '10 MB plan': () => sample + note.repeat(Math.ceil(10_000_000 / note.length)),
  '100,000 lines': () => sample + '# c\n'.repeat(50_000) + '    note "n"\n'.repeat(50_000),
  '1 MB line': () => `${sample}    note "${'y'.repeat(1_000_000)}"\n`,
  'NUL bytes': () => sample.replace(/e/g, 'e\u0000'),
  'invalid UTF-8 (decoded as U+FFFD)': () => sample.replace(/a/g, '\ufffd'),
  'lone surrogates': () => sample.replace(/o/g, '\ud800'),
  'a BOM': () => `\ufeff${sample}`,
};

const name = process.argv[2];
if (name) {
  const text = inputs[name]();
  analyse(sample); // warm up: the first call builds the parser
  const t0 = performance.now();
  const analysis = analyse(text);
  const t1 = performance.now();
  const formatted = format(text);
  const t2 = performance.now();
  for (const to of ['html', 'markdown', 'fhir']) render(analysis, { to });
  const t3 = performance.now();
  console.log(JSON.stringify({
    name,
    chars: text.length,
    analyseMs: Math.round(t1 - t0),
    formatMs: Math.round(t2 - t1),
    renderMs: Math.round(t3 - t2),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    syntax: analysis.diagnostics.filter((d) => d.rule === 'syntax').map((d) => d.message.slice(0, 60)),
    formatted: !('error' in formatted),
  }));
}
