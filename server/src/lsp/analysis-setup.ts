/**
 * The server's analysis pool as the client configures it. The time budget is an initialization
 * option (`timeBudget`, seconds; VS Code: the `ipt.server.timeBudget` setting), not an `.iptrc.json`
 * setting: the budget protects the editor from what a workspace contains, so the workspace must
 * not be able to raise it, and the CLI has no budget to set (it runs one plan after another and
 * stops with the process).
 */
import { AnalysisPool } from './analysis-pool.js';
import type { SlowAnalysis } from './analysis-protocol.js';
import { inThreadPort } from './analysis-in-thread.js';
import type { ServerHost } from './host.js';

export const DEFAULT_BUDGET_SECONDS = 5;
export const MIN_BUDGET_SECONDS = 1;
export const MAX_BUDGET_SECONDS = 120;

export interface AnalysisInitOptions {
  /** Seconds one plan may take to check or render before its worker is stopped. */
  timeBudget?: number;
  /** Tests only: see SlowAnalysis. */
  slowAnalysisForTests?: SlowAnalysis;
}

/** The budget in milliseconds: the option within its bounds, else the default. */
export function budgetFrom(options: AnalysisInitOptions | undefined): number {
  const seconds = options?.timeBudget;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return DEFAULT_BUDGET_SECONDS * 1000;
  return Math.round(Math.min(MAX_BUDGET_SECONDS, Math.max(MIN_BUDGET_SECONDS, seconds)) * 1000);
}

export function analysisPool(host: ServerHost, options: AnalysisInitOptions | undefined, log: (message: string) => void): AnalysisPool {
  const pool = new AnalysisPool({
    start() {
      const port = host.startAnalysisWorker?.();
      if (!port) throw new Error('this host cannot start workers');
      return port;
    },
    startInThread: () => inThreadPort((uri) => host.configFor(uri)),
    budgetMs: budgetFrom(options),
    memoryLimitMb: host.analysisMemoryLimitMb,
    log,
  });
  const slow = options?.slowAnalysisForTests ?? host.slowAnalysis;
  if (slow) pool.configure({ kind: 'setup', slow });
  pool.warm();
  return pool;
}
