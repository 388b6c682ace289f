/** A one-line summary of a plan for the status bar: variant, planned sessions, cadence, problem counts. */
import type { Analysis } from '../analyse.js';
import type { SessionsHeader } from '../language/ast.js';

export interface PlanSummary {
  variant?: string;
  sessions?: number;
  cadence?: string;
  errors: number;
  warnings: number;
  infos: number;
}

export function planSummary(analysis: Analysis): PlanSummary {
  const sessions = analysis.ast.plan?.headers.find((h): h is SessionsHeader => h.kind === 'sessions');
  const count = (severity: string) => analysis.diagnostics.filter((d) => d.severity === severity).length;
  const summary: PlanSummary = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  if (analysis.variant) summary.variant = analysis.variant.id;
  if (sessions?.count) summary.sessions = sessions.count.value;
  if (sessions?.cadence) summary.cadence = sessions.cadence.value;
  return summary;
}
