// The hunt for super-linear work (issue 17): every part of the product — analyse, the formatter,
// every renderer, every editor feature — on plans made of every pair of repeated statement kinds
// (bench/repeated-shapes.mjs), at `--small` characters and ten times that. A part whose one large
// run costs clearly more than ten small ones (the ratio: about 1 when linear, about 10 when
// quadratic) is flagged with its ratio and its time at the large size. A probe, not a test: what it
// finds becomes a fix and a growth test (test/unit/reliability/every-cost-linear.test.ts).
//   node bench/growth-hunt.mjs [--small 10000] [--only goals+phases,scores] [--each]
// --each measures each part on its own (slower); by default all parts run as one, and a flagged
// shape is then measured part by part. Takes tens of minutes over all 700-odd shapes.
import { STATEMENT_KINDS, repeatedShape } from './repeated-shapes.mjs';
import { bundleCore, machine, root } from './lib.mjs';

const argv = process.argv.slice(2);
const value = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const small = Number(value('--small') ?? 10_000);
const only = value('--only')?.split(',');
const each = argv.includes('--each');

const core = await bundleCore(root, 'growth-hunt', [
  `export { analyse } from './server/src/analyse.ts';`,
  `export { codeActionsFor, fixAllEdits } from './server/src/features/code-actions.ts';`,
  `export { phaseLenses } from './server/src/features/code-lens.ts';`,
  `export { completionsAt } from './server/src/features/completion.ts';`,
  `export { foldingRanges } from './server/src/features/folding.ts';`,
  `export { goalReferences, prepareGoalRename, renameGoal } from './server/src/features/goal-references.ts';`,
  `export { hoverAt } from './server/src/features/hover.ts';`,
  `export { sessionDateHints } from './server/src/features/inlay-hints.ts';`,
  `export { planPreview } from './server/src/features/preview.ts';`,
  `export { onTypeFormatEdits, rangeFormatEdits } from './server/src/features/range-formatting.ts';`,
  `export { renumberSessionEdits } from './server/src/features/renumber-sessions.ts';`,
  `export { selectionRangesAt } from './server/src/features/selection-ranges.ts';`,
  `export { semanticTokensData } from './server/src/features/semantic-tokens.ts';`,
  `export { planSummary } from './server/src/features/summary.ts';`,
  `export { planSymbols } from './server/src/features/symbols.ts';`,
  `export { formatEdits } from './server/src/format/edits.ts';`,
  `export { format } from './server/src/format/format.ts';`,
  `export { render } from './server/src/render/index.ts';`,
  `export { defaultConfig } from './server/src/rules/config.ts';`,
]);
const config = core.defaultConfig;
const middle = (text) => Math.floor(text.length / 2);
const atGoal = (text) => Math.max(0, text.indexOf('targets G1') + 8);

/** Each part, on an input { text, analysis }. */
const parts = {
  analyse: ({ text }) => core.analyse(text),
  format: ({ text }) => core.format(text),
  formatEdits: ({ text }) => core.formatEdits(text.replace(/\n/g, '  \n')),
  html: ({ analysis }) => core.render(analysis, { to: 'html' }),
  markdown: ({ analysis }) => core.render(analysis, { to: 'markdown' }),
  fhir: ({ analysis }) => core.render(analysis, { to: 'fhir' }),
  preview: ({ analysis }) => core.planPreview(analysis, config),
  symbols: ({ analysis }) => core.planSymbols(analysis),
  folding: ({ analysis }) => core.foldingRanges(analysis),
  semanticTokens: ({ analysis }) => core.semanticTokensData(analysis, undefined, config),
  codeActions: ({ analysis, text }) => core.codeActionsFor(analysis, { span: { start: 0, end: text.length }, config }),
  fixAll: ({ analysis }) => core.fixAllEdits(analysis, config),
  codeLens: ({ analysis }) => core.phaseLenses(analysis),
  inlayHints: ({ analysis }) => core.sessionDateHints(analysis),
  renumber: ({ analysis }) => core.renumberSessionEdits(analysis),
  summary: ({ analysis }) => core.planSummary(analysis),
  rangeFormat: ({ text }) => core.rangeFormatEdits(text, { start: Math.floor(text.length / 3), end: Math.floor((2 * text.length) / 3) }),
  completionAtEnd: ({ analysis, text }) => core.completionsAt(analysis, text.length, config),
  completionInMiddle: ({ analysis, text }) => core.completionsAt(analysis, middle(text), config),
  hover: ({ analysis, text }) => [core.hoverAt(analysis, middle(text), config), core.hoverAt(analysis, atGoal(text), config)],
  selection: ({ analysis, text }) => core.selectionRangesAt(analysis, middle(text)),
  goalReferences: ({ analysis, text }) => core.goalReferences(analysis, atGoal(text), true),
  rename: ({ analysis, text }) => ('error' in core.prepareGoalRename(analysis, atGoal(text)) ? undefined : core.renameGoal(analysis, atGoal(text), 'G99')),
  onTypeFormat: ({ text }) => core.onTypeFormatEdits(text, middle(text), '\n'),
};

function fastest(run, times) {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** One large run ÷ ten small runs, and the large run's time. */
function growth(shape, run) {
  const make = (size) => {
    const text = shape(size);
    return { text, analysis: core.analyse(text) };
  };
  const smallInput = make(small);
  const largeInput = make(small * 10);
  run(smallInput);
  const smallTen = fastest(() => {
    for (let i = 0; i < 10; i++) run(smallInput);
  }, 3);
  const large = fastest(() => run(largeInput), smallTen > 2000 ? 1 : 3);
  return { ratio: large / Math.max(smallTen, 0.05), largeMs: large };
}

const flaggedAt = ({ ratio, largeMs }) => ratio > 2.5 && largeMs > 20;
const kinds = Object.keys(STATEMENT_KINDS);
console.log(`growth hunt: ${small} vs ${small * 10} characters, ${kinds.length} statement kinds, load ${machine().loadavg.join(' ')}`);
let flagged = 0;
for (let a = 0; a < kinds.length; a++) {
  for (let b = a; b < kinds.length; b++) {
    const name = a === b ? kinds[a] : `${kinds[a]}+${kinds[b]}`;
    if (only && !only.includes(name)) continue;
    const shape = a === b ? repeatedShape(kinds[a]) : repeatedShape(kinds[a], kinds[b]);
    const suspects = each ? Object.entries(parts) : flaggedAt(growth(shape, (input) => Object.values(parts).forEach((part) => part(input)))) ? Object.entries(parts) : [];
    const found = suspects.map(([part, run]) => [part, growth(shape, run)]).filter(([, result]) => flaggedAt(result));
    if (found.length === 0) continue;
    flagged++;
    console.log(`${name}: ${found.map(([part, { ratio, largeMs }]) => `${part} × ${ratio.toFixed(1)} (${largeMs.toFixed(0)} ms at ${small * 10})`).join('; ')}`);
  }
}
console.log(`${flagged} shape${flagged === 1 ? '' : 's'} flagged; load ${machine().loadavg.join(' ')}`);
