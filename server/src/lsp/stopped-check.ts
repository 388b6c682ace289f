/**
 * What the editor shows for a plan whose check was stopped (analysis-pool.ts: past the time budget,
 * past the worker's memory limit, or the worker died): the last complete result's diagnostics, kept,
 * and one notice on the first line that says so and what to do.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { TOOL_HOME } from '../version.js';
import { AnalysisStopped } from './analysis-pool.js';

/** The code of the notice (not a rule: it cannot be configured or disabled). */
export const CHECK_STOPPED = 'check-stopped';

/** `open`: the plan is open in the editor (its next edit checks it again), else it was validated from disk. */
export function stoppedNotice(error: AnalysisStopped, firstLineLength: number, kept: boolean, open = true): LspDiagnostic {
  const what = error.reason === 'crash' ? `The check of this plan ${error.message}` : `This plan ${error.message} to check, so the check was stopped`;
  const shown = kept ? 'the problems shown are from the last complete check' : 'no problems can be shown until a check completes';
  const again = open ? 'Checking resumes with your next edit.' : 'Open it, or validate the workspace again, to check it again.';
  const todo = error.reason === 'time' ? `${again} If a plan this size should be fine, raise the \`ipt.server.timeBudget\` setting.` : `${again} A plan this large may be better split into several.`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineLength } },
    severity: DiagnosticSeverity.Warning,
    code: CHECK_STOPPED,
    codeDescription: { href: `${TOOL_HOME}/blob/main/docs/language-server.md#when-a-check-takes-too-long` },
    source: 'ipt',
    message: `${what}; ${shown}. ${todo}`,
  };
}

export function isStopped(error: unknown): error is AnalysisStopped {
  return error instanceof AnalysisStopped;
}
