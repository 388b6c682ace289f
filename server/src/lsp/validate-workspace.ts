/**
 * `ipt/validateWorkspace`: every plan in the workspace checked, for the Problems panel. Closed
 * plans go to the analysis worker in batches at the lowest priority, one batch at a time, so a
 * request or an edit on an open plan never waits behind the workspace; each plan's diagnostics are
 * published as soon as it is checked. Open plans count with their current analysis (already
 * published). Progress goes to the client as work-done progress when it sent a token, and a
 * cancelled request stops between two batches.
 */
import { WorkDoneProgress, type CancellationToken, type Diagnostic as LspDiagnostic, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver';
import type { Analysis } from '../analyse.js';
import { Priority, type AnalysisPool } from './analysis-pool.js';
import type { ValidatedPlan } from './analysis-protocol.js';
import { toLspDiagnostic } from './convert.js';
import type { PlanFileText } from './host.js';
import { isStopped, stoppedNotice } from './stopped-check.js';

/** A batch: at most this many plans, or this many characters (a batch is what an edit may wait behind). */
const BATCH_PLANS = 50;
const BATCH_CHARS = 256 * 1024;

export { WorkDoneProgress };
export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export interface ValidateOptions {
  pool: AnalysisPool;
  token: CancellationToken;
  /** The current analysis of an open plan (undefined for a closed one); none when its check was stopped. */
  openAnalysis(uri: string): Promise<Analysis | undefined> | undefined;
  publish(uri: string, diagnostics: LspDiagnostic[]): void;
  progress?(value: ProgressValue): void;
}

export interface ValidateResult {
  files: number;
  problems: number;
  /** Set when the request was cancelled: the counts are of the plans checked before. */
  cancelled?: true;
}

export async function validatePlans(plans: readonly PlanFileText[], options: ValidateOptions): Promise<ValidateResult> {
  const { pool, token } = options;
  let problems = 0;
  let done = 0;
  let reported = 0;
  const report = () => {
    // At most one progress message per percent.
    const percentage = plans.length === 0 ? 100 : Math.floor((done / plans.length) * 100);
    if (percentage === reported) return;
    reported = percentage;
    options.progress?.({ kind: 'report', message: `${done} of ${plans.length} plans`, percentage });
  };
  options.progress?.({ kind: 'begin', title: 'Validating IPT plans', cancellable: true, message: `0 of ${plans.length} plans`, percentage: 0 });

  const closed: PlanFileText[] = [];
  for (const plan of plans) {
    const open = options.openAnalysis(plan.uri);
    if (!open) {
      closed.push(plan);
      continue;
    }
    problems += (await open.catch(() => undefined))?.diagnostics.length ?? 0;
    done++;
  }

  let next = 0;
  while (next < closed.length && !token.isCancellationRequested) {
    const batch = takeBatch(closed, next);
    let checked = 0;
    const received = ({ index, diagnostics }: ValidatedPlan) => {
      const { uri } = batch[index];
      options.publish(uri, diagnostics.map((d) => toLspDiagnostic(d, uri)));
      problems += diagnostics.length;
      checked = index + 1;
      done++;
      report();
    };
    try {
      await pool.run<null, ValidatedPlan>({ kind: 'validate', plans: batch }, Priority.workspace, received).result;
    } catch (error) {
      if (!isStopped(error)) throw error;
      // The plan being checked when the worker was stopped gets the notice; the batch resumes after it.
      const plan = batch[checked];
      const firstLine = /^[^\r\n]*/.exec(plan.text)![0].length;
      options.publish(plan.uri, [stoppedNotice(error, firstLine, false, false)]);
      problems++;
      done++;
      next += checked + 1;
      continue;
    }
    next += batch.length;
  }
  options.progress?.({ kind: 'end', message: `${done} of ${plans.length} plans checked` });
  return token.isCancellationRequested ? { files: done, problems, cancelled: true } : { files: plans.length, problems };
}

function takeBatch(plans: readonly PlanFileText[], from: number): PlanFileText[] {
  const batch: PlanFileText[] = [];
  let chars = 0;
  for (let i = from; i < plans.length && batch.length < BATCH_PLANS; i++) {
    if (batch.length > 0 && chars + plans[i].text.length > BATCH_CHARS) break;
    batch.push(plans[i]);
    chars += plans[i].text.length;
  }
  return batch;
}
