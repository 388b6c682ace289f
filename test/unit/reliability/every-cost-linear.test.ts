/**
 * Every cost linear in the input (issue 17): each rule, the parser, the formatter, every renderer,
 * every editor feature (a file of server/src/features) and the config loader, on its worst-case
 * shape at 10k and 100k characters: ten times the input must cost about ten times as much
 * (linearGrowth: linear gives about 10, quadratic about 100; the bound, 30, leaves room for a busy
 * machine). The shapes are plans made of the statements each part reads, written again and again
 * (bench/repeated-shapes.mjs): the hunt over every pair of them (bench/growth-hunt.mjs) found the
 * quadratic work fixed in this issue (FHIR ids, fix selection, repeated phases, goals × phases).
 * The suppressions have their own tests at 30k and 300k (suppressions.test.ts), long lines and
 * adversarial characters theirs (linear-growth.test.ts, rules/regex-linear.test.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repeatedShape } from '../../../bench/repeated-shapes.mjs';
import { analyse, type Analysis } from '../../../server/src/analyse.js';
import { codeActionsFor, fixAllEdits } from '../../../server/src/features/code-actions.js';
import { phaseLenses } from '../../../server/src/features/code-lens.js';
import { completionsAt } from '../../../server/src/features/completion.js';
import { foldingRanges } from '../../../server/src/features/folding.js';
import { goalReferences, renameGoal } from '../../../server/src/features/goal-references.js';
import { hoverAt } from '../../../server/src/features/hover.js';
import { sessionDateHints } from '../../../server/src/features/inlay-hints.js';
import { catalogueLists } from '../../../server/src/features/new-plan.js';
import { planPreview, renderPlan } from '../../../server/src/features/preview.js';
import { onTypeFormatEdits, rangeFormatEdits } from '../../../server/src/features/range-formatting.js';
import { renumberSessionEdits } from '../../../server/src/features/renumber-sessions.js';
import { selectionRangesAt } from '../../../server/src/features/selection-ranges.js';
import { semanticTokensData } from '../../../server/src/features/semantic-tokens.js';
import { planSummary } from '../../../server/src/features/summary.js';
import { planSymbols } from '../../../server/src/features/symbols.js';
import { formatEdits } from '../../../server/src/format/edits.js';
import { format } from '../../../server/src/format/format.js';
import { parsePlan } from '../../../server/src/language/parser.js';
import { LineIndex } from '../../../server/src/language/span.js';
import { suggestionBudget, withSuggestionBudget } from '../../../server/src/language/suggest.js';
import { render } from '../../../server/src/render/index.js';
import { defaultConfig, resolveConfig } from '../../../server/src/rules/config.js';
import { resolveConfigTexts } from '../../../server/src/rules/config-text.js';
import { allRules, semanticRules } from '../../../server/src/rules/registry.js';
import type { RuleContext } from '../../../server/src/rules/rule.js';
import { repoRoot } from '../contract/helpers.js';
import { linearGrowth } from '../rules/linear-time.js';

const BOUND = 30;

/** The worst-case shape of each rule: the statements it reads, all repeated. */
const RULE_SHAPES: Record<string, string[] | string> = {
  syntax: 'the parser: see below',
  'internal-error': 'reported by the engine when a rule throws; it does no work of its own',
  'unused-disable': ['nextLine', 'blocks', 'unknownRules', 'notes'],
  'plan-header': ['headers', 'variants', 'clients'],
  variant: ['variants', 'headers'],
  'session-count': ['headers', 'variants'],
  'phase-order': ['phases', 'phasesAll'],
  'phase-coverage': ['sessions', 'sessionsSpread', 'sessionRanges', 'phasesAll'],
  'phase-length': ['phasesAll', 'phases'],
  'single-focus': ['focuses', 'goals'],
  'focus-area': ['focuses'],
  'dispute-stage': ['stages', 'focuses'],
  'initial-tasks': ['tasks', 'phasesAll', 'sessions'],
  'termination-tasks': ['tasks', 'phasesAll', 'sessions'],
  'goal-reference': ['goals', 'goalsUnique', 'targets', 'targetsCase', 'targetsUndefined', 'targetsUnique'],
  technique: ['techniques', 'nonIptTechniques', 'unknownTasks'],
  task: ['tasks', 'unknownTasks', 'phases'],
  'measure-schedule': ['measures', 'measuresAt', 'unknownMeasures', 'scores', 'sessionsSpread'],
  'score-range': ['scores', 'scoresOutOfRange'],
  'risk-assessment': ['risks', 'unknownRisks', 'safetyPlans'],
  phi: ['notes', 'clients', 'comments'],
  'session-dates': ['dates', 'sessionsSpread', 'sessionRanges'],
  'session-status': ['status', 'scores', 'sessions'],
  placeholder: ['placeholders', 'notes'],
  'unknown-value': ['unknownRisks', 'status', 'measures'],
};

/** Every rule's check on an already parsed plan, so only the rule's own work is timed. */
function ruleContexts(text: string): RuleContext[] {
  const { file } = parsePlan(text);
  const lines = new LineIndex(text);
  return semanticRules.map(() => ({ file, text, lines, catalogue: defaultConfig.catalogue, config: defaultConfig, variant: defaultConfig.catalogue.variants[0], plannedTotal: 16, report: () => undefined }));
}

describe('each rule: time grows linearly with its worst-case shape (10k vs 100k characters)', () => {
  it('every rule has a shape here (or says why it needs none)', () => {
    expect(Object.keys(RULE_SHAPES).sort()).toEqual(allRules.map((rule) => rule.id).sort());
  });

  for (const [index, rule] of semanticRules.entries()) {
    const kinds = RULE_SHAPES[rule.id];
    if (typeof kinds === 'string') continue;
    it(`${rule.id}: ${kinds.join(', ')}`, () => {
      const make = (size: number) => ruleContexts(repeatedShape(...kinds)(size))[index];
      // As analyse runs every rule: with did-you-mean's budget (suggest.ts).
      expect(linearGrowth(make, (context) => withSuggestionBudget(suggestionBudget(), () => rule.check(context)))).toBeLessThan(BOUND);
    });
  }

  it('unused-disable (the suppression pass, through analyse): directives of every kind', () => {
    const shape = repeatedShape(...(RULE_SHAPES['unused-disable'] as string[]));
    expect(linearGrowth(shape, (text) => analyse(text))).toBeLessThan(BOUND);
  });

  it('syntax (the parser): sessions, items and comments of every kind', () => {
    const shape = repeatedShape('sessionsSpread', 'tasks', 'notes', 'comments', 'scores', 'goals');
    expect(linearGrowth(shape, (text) => parsePlan(text))).toBeLessThan(BOUND);
  });
});

describe('the formatter: time grows linearly', () => {
  const shape = repeatedShape('sessionsSpread', 'notes', 'comments', 'nextLine', 'goals', 'measures');
  // Every line changed by the formatter: blanks at their ends, so the edits cover the whole plan.
  const untidy = (size: number) => shape(size).replace(/\n/g, '   \n');
  it('format', () => expect(linearGrowth(untidy, (text) => format(text))).toBeLessThan(BOUND));
  it('formatEdits', () => expect(linearGrowth(untidy, (text) => formatEdits(text))).toBeLessThan(BOUND));
});

/** The renderers' and features' input: an analysed plan of a shape. */
const analysed = (...kinds: string[]) => (size: number) => analyse(repeatedShape(...kinds)(size));
const RENDER_SHAPE = ['goals', 'goalsUnique', 'targets', 'phases', 'scores', 'sessionsSpread', 'measures', 'measuresAt', 'risks', 'safetyPlans'];

describe('every renderer: time grows linearly (goals, targets, phases, scores, measures and risks repeated)', () => {
  for (const to of ['html', 'markdown', 'fhir'] as const) {
    it(to, () => expect(linearGrowth(analysed(...RENDER_SHAPE), (analysis) => render(analysis, { to }))).toBeLessThan(BOUND));
  }
});

/** Where in a plan a position feature is asked: the middle, and the first `targets G1` (a goal id). */
const middle = (analysis: Analysis) => Math.floor(analysis.text.length / 2);
const atGoal = (analysis: Analysis) => analysis.text.indexOf('targets G1') + 'targets '.length;

/** Each feature file, with what is timed and on which shape. */
const FEATURES: Record<string, { kinds: string[]; run: (analysis: Analysis) => unknown; sizes?: { small: number; large: number } }[]> = {
  'code-actions': [
    // A diagnostic on every line (a header written again and again): its quadratic part (a search of
    // the whole text per diagnostic) only shows past 100k characters.
    { kinds: ['clients', 'headers'], run: (a) => codeActionsFor(a, { span: { start: 0, end: a.text.length }, config: defaultConfig, only: ['quickfix'] }), sizes: { small: 30_000, large: 300_000 } },
    { kinds: ['nextLine', 'blocks', 'unknownRules', 'targetsCase', 'nonIptTechniques'], run: (a) => codeActionsFor(a, { span: { start: 0, end: a.text.length }, config: defaultConfig }) },
    { kinds: ['nextLine', 'blocks', 'targetsCase'], run: (a) => fixAllEdits(a, defaultConfig) },
  ],
  'code-lens': [{ kinds: ['phasesAll', 'sessionsSpread', 'goalsUnique', 'targetsUnique'], run: (a) => phaseLenses(a) }],
  completion: [
    { kinds: ['goalsUnique', 'sessionsSpread', 'targetsUnique'], run: (a) => completionsAt(a, a.text.length, defaultConfig) },
    { kinds: ['goalsUnique', 'sessionsSpread', 'tasks'], run: (a) => completionsAt(a, middle(a), defaultConfig) },
  ],
  'completion-context': [{ kinds: ['phasesAll', 'sessions', 'tasks'], run: (a) => completionsAt(a, middle(a), defaultConfig) }],
  'completion-snippets': [{ kinds: ['phasesAll', 'sessionsSpread'], run: (a) => completionsAt(a, a.text.length, defaultConfig) }],
  folding: [{ kinds: ['phasesAll', 'sessions', 'comments'], run: (a) => foldingRanges(a) }],
  'goal-references': [
    { kinds: ['goals', 'targets', 'sessions'], run: (a) => goalReferences(a, atGoal(a), true) },
    { kinds: ['goals', 'targets', 'sessions'], run: (a) => renameGoal(a, atGoal(a), 'G9') },
  ],
  hover: [
    { kinds: ['goals', 'targets', 'sessions'], run: (a) => hoverAt(a, atGoal(a), defaultConfig) },
    { kinds: ['phasesAll', 'sessionsSpread', 'scores', 'measuresAt'], run: (a) => hoverAt(a, middle(a), defaultConfig) },
  ],
  'hover-entries': [{ kinds: ['variants', 'headers'], run: (a) => hoverAt(a, a.text.indexOf('variant acute') + 9, defaultConfig) }],
  'hover-facts': [{ kinds: ['scores', 'sessionsSpread', 'dates', 'measuresAt'], run: (a) => hoverAt(a, a.text.indexOf('score PHQ-9 10') + 7, defaultConfig) }],
  'hover-safety-plan': [{ kinds: ['risks', 'safetyPlans'], run: (a) => hoverAt(a, a.text.lastIndexOf('safety-plan') + 2, defaultConfig) }],
  'hover-sources': [{ kinds: ['tasks', 'techniques'], run: (a) => hoverAt(a, a.text.indexOf('sick-role') + 2, defaultConfig) }],
  'inlay-hints': [{ kinds: ['dates', 'sessionsSpread', 'sessionRanges'], run: (a) => sessionDateHints(a) }],
  preview: [
    { kinds: RENDER_SHAPE, run: (a) => planPreview(a, defaultConfig) },
    { kinds: RENDER_SHAPE, run: (a) => renderPlan(a, defaultConfig, 'fhir') },
  ],
  'range-formatting': [
    { kinds: ['sessionsSpread', 'notes', 'comments'], run: (a) => rangeFormatEdits(a.text.replace(/\n/g, '  \n'), { start: 0, end: a.text.length }) },
    { kinds: ['sessionsSpread', 'notes'], run: (a) => onTypeFormatEdits(a.text, middle(a), '\n') },
  ],
  'renumber-sessions': [{ kinds: ['sessionsSpread', 'sessionRanges', 'phasesAll'], run: (a) => renumberSessionEdits(a) }],
  'selection-ranges': [{ kinds: ['sessions', 'notes', 'phases'], run: (a) => selectionRangesAt(a, middle(a)) }],
  'semantic-tokens': [{ kinds: ['notes', 'comments', 'nextLine', 'blocks', 'unknownRules', 'tasks'], run: (a) => semanticTokensData(a, undefined, defaultConfig) }],
  summary: [{ kinds: ['nextLine', 'unknownTasks', 'scoresOutOfRange'], run: (a) => planSummary(a) }],
  symbols: [{ kinds: ['phasesAll', 'sessions', 'goalsUnique', 'measures', 'risks'], run: (a) => planSymbols(a) }],
};

describe('every editor feature: time grows linearly with its worst-case shape', () => {
  it('every file of server/src/features has a case here (new-plan: see the config loader)', () => {
    const files = readdirSync(path.join(repoRoot, 'server', 'src', 'features')).map((file) => file.replace(/\.ts$/, ''));
    expect([...Object.keys(FEATURES), 'new-plan'].sort()).toEqual(files.sort());
  });

  for (const [feature, cases] of Object.entries(FEATURES)) {
    for (const [i, { kinds, run, sizes }] of cases.entries()) {
      it(`${feature}${cases.length > 1 ? ` (${i + 1})` : ''}: ${kinds.join(', ')}`, () => {
        expect(linearGrowth(analysed(...kinds), run, BOUND, sizes)).toBeLessThan(BOUND);
      });
    }
  }
});

describe('the config loader: time grows linearly with the config', () => {
  const json = (object: unknown) => JSON.stringify(object);
  const load = (text: string) => resolveConfigTexts([{ file: '.iptrc.json', text }]);

  it('many variants, each extending a built-in one, with required tasks', () => {
    const text = (size: number) =>
      json({ variants: Object.fromEntries(Array.from({ length: Math.round(size / 90) }, (_, i) => [`v${i}`, { extends: 'acute', requiredTasks: { initial: { 'sick-role': 'off', formulation: 'warning' } } }])) });
    expect(linearGrowth(text, load)).toBeLessThan(BOUND);
  });

  it('many variants each extending a variant that does not exist (did-you-mean and the list of choices in each error)', () => {
    const text = (size: number) => json({ variants: Object.fromEntries(Array.from({ length: Math.round(size / 30) }, (_, i) => [`v${i}`, { extends: `missing${i}` }])) });
    expect(linearGrowth(text, load)).toBeLessThan(BOUND);
  });

  it('a plan of unknown techniques checked against a vocabulary as large (did-you-mean within its budget)', () => {
    const input = (size: number) => ({
      config: resolveConfig({ vocabulary: { techniques: Array.from({ length: Math.round(size / 12) }, (_, i) => `tech-${i}`) } }),
      text: repeatedShape('nonIptTechniques')(size).replace(/technique exposure/g, () => `technique tekh-${Math.floor(Math.random() * 1e6)}`),
    });
    expect(linearGrowth(input, ({ config, text }) => analyse(text, { config }))).toBeLessThan(BOUND);
  });

  it('a cascade of many files, each setting rules, variants and lists', () => {
    const files = (size: number) =>
      Array.from({ length: Math.round(size / 150) }, (_, i) => ({
        file: `${'d/'.repeat(i)}.iptrc.json`,
        text: json({ rules: { phi: i % 2 ? 'error' : 'warning' }, variants: { [`v${i}`]: { extends: 'acute' } }, vocabulary: { techniques: [`t${i}`] }, phi: { allow: [`a${i}`] } }),
      }));
    expect(linearGrowth(files, (chain) => resolveConfigTexts(chain))).toBeLessThan(BOUND);
  });

  it('a vocabulary of many tasks and instruments, then the lists New Plan shows', () => {
    const config = (size: number) =>
      resolveConfig({
        vocabulary: {
          tasks: Array.from({ length: Math.round(size / 60) }, (_, i) => ({ id: `t${i}`, phases: ['initial' as const] })),
          instruments: Array.from({ length: Math.round(size / 60) }, (_, i) => ({ id: `I${i}`, min: 0, max: 10 })),
          problemAreas: Array.from({ length: Math.round(size / 60) }, (_, i) => `area${i}`),
        },
      });
    expect(linearGrowth(config, (resolved) => catalogueLists(resolved))).toBeLessThan(BOUND);
  });
});
