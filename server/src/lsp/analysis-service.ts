/**
 * The analysis worker's work, written once for every runner: a job (analyse, render, validate) as
 * steps. A worker thread runs each job's steps straight through (analysis-worker.ts); the in-thread
 * runner of a browser without nested workers runs them in slices (analysis-in-thread.ts).
 *
 * The worker keeps its last few analyses, so a preview or an export right after an edit renders
 * the analysis made for that edit's diagnostics instead of making it again.
 */
import { analyseSteps, type Analysis } from '../analyse.js';
import { planPreview, renderPlan } from '../features/preview.js';
import type { ResolvedConfig } from '../rules/config.js';
import { transferable, type Job, type Partial, type SlowAnalysis } from './analysis-protocol.js';

interface Recent {
  version: number;
  text: string;
  analysis: Analysis;
}

/** How many analyses the worker keeps for renders (the plans most recently analysed). */
const RECENT = 8;

export class AnalysisService {
  private readonly recent = new Map<string, Recent>();
  slow: SlowAnalysis | undefined;

  constructor(private readonly configFor: (uri: string) => ResolvedConfig) {}

  /** Config changed: analyses made under the old one must not be rendered. */
  forget(): void {
    this.recent.clear();
  }

  *run(job: Job, partial: (value: Partial) => void): Generator<void, unknown> {
    switch (job.kind) {
      case 'analyse': {
        const analysis = yield* this.analysed(job.uri, job.version, job.text);
        partial({ diagnostics: analysis.diagnostics });
        return transferable(analysis);
      }
      case 'render': {
        const analysis = yield* this.analysed(job.uri, job.version, job.text);
        yield;
        const config = this.configFor(job.uri);
        if (job.to === 'preview') return { uri: job.uri, version: job.version, ...planPreview(analysis, config) };
        return { text: renderPlan(analysis, config, job.to) };
      }
      case 'validate': {
        for (const [index, plan] of job.plans.entries()) {
          const analysis = yield* this.analyse(plan.uri, plan.text);
          partial({ index, diagnostics: analysis.diagnostics.map(({ rule, severity, message, span, range, related }) => ({ rule, severity, message, span, range, related })) });
          yield;
        }
        return null;
      }
    }
  }

  /** The analysis of this version of the plan: the one kept, or a new one (then kept). */
  private *analysed(uri: string, version: number, text: string): Generator<void, Analysis> {
    const kept = this.recent.get(uri);
    if (kept && kept.version === version && kept.text === text) return kept.analysis;
    const analysis = yield* this.analyse(uri, text);
    this.recent.delete(uri);
    this.recent.set(uri, { version, text, analysis });
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
    return analysis;
  }

  private *analyse(uri: string, text: string): Generator<void, Analysis> {
    if (this.slow && text.includes(this.slow.marker)) {
      if (this.slow.greedy) hoard();
      if (this.slow.ms) yield* spin(this.slow.ms);
    }
    return yield* analyseSteps(text, { config: this.configFor(uri) });
  }
}

/** The test hook's slowness: `ms` of busy CPU in 1 ms steps (a worker cannot be interrupted in any of them). */
function* spin(ms: number): Generator<void, void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const step = performance.now() + 1;
    while (performance.now() < step) {
      // Busy on purpose: an analysis that is slow uses the CPU, it does not wait.
    }
    yield;
  }
}

/** The greedy test hook: allocates until the worker's memory limit stops it (never returns there). */
function hoard(): void {
  const kept: number[][] = [];
  for (;;) kept.push(new Array<number>(100_000).fill(kept.length));
}
