/**
 * The pipeline: text → tokens → AST → rules → suppressions → diagnostics. Never throws on input.
 */
import type { PlanFile, SessionsHeader } from './language/ast.js';
import type { VariantEntry } from './language/catalogue-types.js';
import { findEntry } from './language/catalogue.js';
import type { Diagnostic, Report, Severity } from './language/diagnostic.js';
import { planSizeProblem } from './language/limits.js';
import { suggestionBudget, withSuggestionBudget } from './language/suggest.js';
import { parsePlan, type ParseResult } from './language/parser.js';
import { LineIndex } from './language/span.js';
import { defaultConfig, type ResolvedConfig } from './rules/config.js';
import { allRules, semanticRules } from './rules/registry.js';
import type { RuleContext } from './rules/rule.js';
import { applySuppressions } from './rules/suppressions.js';
import { headerOf, headerRepeated } from './rules/plan-queries.js';

export interface AnalyseOptions {
  /** Resolved configuration (see loadConfig); default: built-in defaults. */
  config?: ResolvedConfig;
  /** Honour `# ipt-disable…` comments (default true; `--no-inline-config` turns it off). */
  inlineConfig?: boolean;
}

export interface Analysis {
  text: string;
  ast: PlanFile;
  diagnostics: Diagnostic[];
  lines: LineIndex;
  /** The variant the rules used (undefined when the plan names an unknown one). */
  variant: VariantEntry | undefined;
}

const knownRuleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.id));

export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  return finish(analyseSteps(text, options));
}

/**
 * The same pipeline as steps: it pauses after parsing and after each rule. The language server in a
 * browser without nested workers runs these in slices between other requests (lsp/analysis-in-thread.ts);
 * `analyse` runs them all at once.
 */
export function* analyseSteps(text: string, options: AnalyseOptions = {}): Generator<void, Analysis> {
  const source = typeof text === 'string' ? text : String(text ?? '');
  // Checked before parsing: a file past the bound is not read at all.
  const tooLarge = planSizeProblem(source.length);
  if (tooLarge) return unreadTooLarge(source, new LineIndex(source), tooLarge);
  // Did-you-mean gets a bounded share of the work (suggest.ts), however many unknown words the plan has.
  const budget = suggestionBudget();
  const parsed = withSuggestionBudget(budget, () => parsePlan(source));
  yield;
  return yield* checkSteps(source, parsed, options, budget);
}

/** The pipeline after parsing (the differential test feeds it both parser paths' results). */
export function analyseParsed(source: string, parsed: ParseResult, options: AnalyseOptions = {}): Analysis {
  return finish(checkSteps(source, parsed, options));
}

/** Runs steps to the end. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function* checkSteps(source: string, parsed: ParseResult, options: AnalyseOptions, budget = suggestionBudget()): Generator<void, Analysis> {
  const config = options.config ?? defaultConfig;
  const lines = new LineIndex(source, parsed.lineStarts);
  const { file, errors } = parsed;

  const found: { rule: string; report: Report }[] = errors.map((report) => ({ rule: 'syntax', report }));
  const variant = resolveVariant(file, config);
  const plannedTotal = sessionsHeader(file)?.count?.value;
  const hasSyntaxErrors = errors.length > 0;

  for (const rule of semanticRules) {
    const setting = config.rules[rule.id];
    if (setting === 'off') continue;
    if (rule.scope === 'plan' && hasSyntaxErrors) continue;
    const context: RuleContext = {
      file,
      text: source,
      lines,
      catalogue: config.catalogue,
      config,
      variant,
      plannedTotal,
      report: (report) => found.push({ rule: rule.id, report }),
    };
    try {
      withSuggestionBudget(budget, () => rule.check(context));
    } catch (error) {
      found.push({
        rule: 'internal-error',
        report: {
          span: { start: 0, end: Math.min(source.length, lines.lineEnd(0)) },
          message: `The rule \`${rule.id}\` failed on this plan (${describe(error)}). The other rules still ran; please report this.`,
        },
      });
    }
    yield;
  }

  const severityOf = (rule: string, report: Report): Severity => {
    const setting = config.rules[rule];
    if (rule === 'syntax' || rule === 'internal-error' || setting === undefined || setting === 'off') {
      return report.severity ?? allRules.find((r) => r.id === rule)?.defaultSeverity ?? 'error';
    }
    return setting;
  };

  let kept = found;
  let unused: Report[] = [];
  if (options.inlineConfig !== false) {
    const rulesNotRun = new Set(Object.keys(config.rules).filter((id) => config.rules[id] === 'off'));
    yield;
    const result = withSuggestionBudget(budget, () => applySuppressions({ comments: file.comments, lines, diagnostics: found, knownRuleIds, rulesNotRun }));
    kept = result.kept;
    unused = config.rules['unused-disable'] === 'off' ? [] : result.unused;
  }

  const diagnostics: Diagnostic[] = [];
  const push = (rule: string, report: Report, severity: Severity) => {
    const diagnostic: Diagnostic = {
      rule,
      severity,
      message: report.message,
      span: clampSpan(report.span, source.length),
      range: lines.rangeOf(clampSpan(report.span, source.length)),
    };
    if (report.fixes?.length) diagnostic.fixes = report.fixes;
    if (report.related?.length) {
      diagnostic.related = report.related.map((r) => ({ ...r, range: lines.rangeOf(clampSpan(r.span, source.length)) }));
    }
    diagnostics.push(diagnostic);
  };
  for (const { rule, report } of kept) push(rule, report, severityOf(rule, report));
  for (const report of unused) push('unused-disable', report, severityOf('unused-disable', report));

  diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  return { text: source, ast: file, diagnostics, lines, variant };
}

/** A plan file refused unread for its size (workspace/read-plan.ts): the same one `syntax` diagnostic, at its start. */
export function unreadPlanAnalysis(message: string): Analysis {
  return unreadTooLarge('', new LineIndex(''), message);
}

/** A file past the size limit: not parsed, one `syntax` diagnostic on its first line. */
function unreadTooLarge(source: string, lines: LineIndex, message: string): Analysis {
  const span = { start: 0, end: Math.min(source.length, lines.lineEnd(0)) };
  const file: PlanFile = { kind: 'file', sections: [], focuses: [], measures: [], risks: [], phases: [], comments: [], span: { start: 0, end: source.length } };
  return { text: source, ast: file, diagnostics: [{ rule: 'syntax', severity: 'error', message, span, range: lines.rangeOf(span) }], lines, variant: undefined };
}

function sessionsHeader(file: PlanFile): SessionsHeader | undefined {
  return headerOf(file, 'sessions');
}

function resolveVariant(file: PlanFile, config: ResolvedConfig): VariantEntry | undefined {
  // A `variant` written twice is unknown (plan-header reports it), not the default.
  if (headerRepeated(file, 'variant')) return undefined;
  const header = headerOf(file, 'variant');
  const name = header ? header.name?.value : config.defaultVariant;
  if (name === undefined) return findEntry(config.catalogue.variants, config.defaultVariant);
  return findEntry(config.catalogue.variants, name);
}

function clampSpan(span: { start: number; end: number }, length: number) {
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return { start, end };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
