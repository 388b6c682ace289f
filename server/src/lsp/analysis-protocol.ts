/**
 * What crosses between the language server and its analysis worker (analysis-worker.ts): jobs one
 * way, results the other. An analysis crosses whole — syntax tree, diagnostics, line starts — and the
 * server answers every feature request from it on its own thread; the text does not travel back (the
 * server sent it). docs/language-server.md gives the measurements behind crossing with the analysis
 * rather than with each feature request.
 */
import type { Analysis } from '../analyse.js';
import { LineIndex } from '../language/span.js';
import type { PlanPreview } from '../features/preview.js';
import type { RenderFormat } from '../render/index.js';
import type { PlanFileText } from './host.js';

/** A nested web worker's name, by which the bundle knows to serve analyses (main.ts). */
export const ANALYSIS_WORKER_NAME = 'ipt-analysis';

/**
 * Test hooks: an analysis of a plan whose text contains `marker` spends `ms` more milliseconds on
 * the CPU, in 1 ms steps (IPT_LSP_SLOW=ms:marker in Node, or the `slowAnalysisForTests`
 * initialization option), or with `greedy` allocates memory until the worker's limit stops it
 * (IPT_LSP_GREEDY=marker). They stand for a plan that is slow, or too big, to check; a marker in
 * the text (a comment) lets a test make one version of a plan slow and not the one before.
 */
export interface SlowAnalysis {
  marker: string;
  ms?: number;
  greedy?: boolean;
}

/** The hooks from the environment: IPT_LSP_SLOW=30000:ipt-test-slow, IPT_LSP_GREEDY=ipt-test-greedy. */
export function slowAnalysisFrom(env: Record<string, string | undefined>): SlowAnalysis | undefined {
  const slow = /^(\d+):(.+)$/.exec(env.IPT_LSP_SLOW ?? '');
  if (slow) return { ms: Number(slow[1]), marker: slow[2] };
  if (env.IPT_LSP_GREEDY) return { greedy: true, marker: env.IPT_LSP_GREEDY };
  return undefined;
}

export type Job =
  /** The diagnostics come back first, as a `partial` result (published at once), then the analysis. */
  | { kind: 'analyse'; uri: string; version: number; text: string }
  /** `preview` is the preview's fragment (planPreview); a format is the full export (renderPlan). */
  | { kind: 'render'; uri: string; version: number; text: string; to: RenderFormat | 'preview' }
  /** Plans that are not open: each plan's diagnostics come back as a `partial` result as soon as it is checked. */
  | { kind: 'validate'; plans: PlanFileText[] };

export type ToWorker =
  | { kind: 'setup'; slow?: SlowAnalysis }
  /** Config changed: forget cached configs and analyses. `files`: the complete set (browser, which has no disk). */
  | { kind: 'config'; files?: PlanFileText[] }
  | { kind: 'job'; id: number; job: Job };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'partial'; id: number; value: Partial }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; message: string };

/**
 * An analysis as it crosses: the text stays behind, the line index travels as its line starts, and
 * the diagnostics went ahead (EarlyDiagnostics), so they are published without waiting for the tree.
 */
export interface TransferredAnalysis {
  ast: Analysis['ast'];
  lineStarts: number[];
  variant: Analysis['variant'];
}

export interface EarlyDiagnostics {
  diagnostics: Analysis['diagnostics'];
}

/** What a job sends before its result: an analysis's diagnostics, or one plan of a validation. */
export type Partial = EarlyDiagnostics | ValidatedPlan;

/** One plan of a validation: its diagnostics without their fixes (nobody applies them from the Problems panel). */
export interface ValidatedPlan {
  index: number;
  diagnostics: Omit<Analysis['diagnostics'][number], 'fixes'>[];
}

export type RenderResult = { text: string } | (PlanPreview & { uri: string; version: number });

export function transferable(analysis: Analysis): TransferredAnalysis {
  return { ast: analysis.ast, lineStarts: analysis.lines.lineStarts, variant: analysis.variant };
}

/** The analysis again, around the text the server sent for it and the diagnostics that went ahead. */
export function rehydrate(text: string, transferred: TransferredAnalysis, diagnostics: Analysis['diagnostics']): Analysis {
  return { text, ast: transferred.ast, diagnostics, lines: new LineIndex(text, transferred.lineStarts), variant: transferred.variant };
}

export interface RunnerExit {
  message: string;
  /** It reached its memory limit (Node's resourceLimits). */
  outOfMemory: boolean;
}

/** A port to whatever runs the jobs: a worker thread, a nested web worker, or this thread in slices (analysis-in-thread.ts). */
export interface AnalysisPort {
  post(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** The runner stopped by itself (out of memory, a crash, or it could not start), with why. */
  onExit(listener: (why: RunnerExit) => void): void;
  terminate(): void;
  /** How the jobs run, for the log ("a worker thread", …). */
  readonly description: string;
}
