/** The status bar's words for a plan summary (pure, so the wording is tested without VS Code). */
import type { SummaryResult } from './protocol.js';

export interface StatusText {
  text: string;
  tooltip: string;
}

export function statusText(summary: SummaryResult): StatusText {
  const plan = [summary.variant ?? 'no variant'];
  if (summary.sessions !== undefined) plan.push(`${summary.sessions} ${summary.sessions === 1 ? 'session' : 'sessions'}`);
  const problems = `$(error) ${summary.errors} $(warning) ${summary.warnings}`;
  const infos = summary.infos > 0 ? ` $(info) ${summary.infos}` : '';
  const cadence = summary.cadence ? `, ${summary.cadence}` : '';
  const counts = [count(summary.errors, 'error'), count(summary.warnings, 'warning'), count(summary.infos, 'note')].join(', ');
  return {
    text: `$(notebook) ${plan.join(' · ')}  ${problems}${infos}`,
    tooltip: `IPT plan: ${plan.join(', ')}${cadence}. ${counts}. Click to open the Problems panel.`,
  };
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
