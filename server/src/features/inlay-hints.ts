/**
 * Inlay hints: each session's computed calendar date after its number, when the plan has a `start`
 * date and a known cadence and the session has no `date` of its own (a written date needs no hint).
 */
import type { Analysis } from '../analyse.js';
import type { Span } from '../language/span.js';
import { courseOf, expectedDate } from './hover-facts.js';

export interface PlanInlayHint {
  /** Where the hint is shown: just after the session number. */
  offset: number;
  label: string;
  tooltip: string;
}

/** The hints for sessions whose number lies in `span` (default: the whole plan). */
export function sessionDateHints(analysis: Analysis, span?: Span): PlanInlayHint[] {
  const course = courseOf(analysis);
  if (!course.start || !expectedDate(course, 1)) return [];
  const hints: PlanInlayHint[] = [];
  for (const phase of analysis.ast.phases) {
    for (const session of phase.sessions) {
      const number = session.number;
      if (!number || number.first > number.last) continue;
      if (span && (number.span.end < span.start || number.span.start > span.end)) continue;
      if (session.items.some((item) => item.kind === 'date')) continue;
      const from = expectedDate(course, number.first);
      const to = number.first === number.last ? from : expectedDate(course, number.last);
      if (!from || !to) continue;
      hints.push({
        offset: number.span.end,
        label: from === to ? from : `${from} to ${to}`,
        tooltip: `Expected date: ${course.cadence} from \`start\` ${course.start}. Write \`date YYYY-MM-DD\` under the session when it is booked on another day.`,
      });
    }
  }
  return hints;
}
