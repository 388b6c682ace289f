/**
 * A code lens above each phase: `sessions 4–13 · 10 sessions · goals G1, G2`, plus the calendar
 * span (`2026-02-26 to 2026-04-30`) when the plan has a `start` date and a known cadence.
 */
import type { Analysis } from '../analyse.js';
import type { Span } from '../language/span.js';
import { courseOf, expectedDate } from './hover-facts.js';

export interface PlanCodeLens {
  /** The phase line the lens sits above. */
  span: Span;
  title: string;
}

const dash = '–';

export function phaseLenses(analysis: Analysis): PlanCodeLens[] {
  const course = courseOf(analysis);
  return analysis.ast.phases.map((phase) => {
    const parts: string[] = [];
    const range = phase.range;
    if (range && range.first <= range.last) {
      const count = range.last - range.first + 1;
      parts.push(range.first === range.last ? `session ${range.first}` : `sessions ${range.first}${dash}${range.last}`, `${count} session${count === 1 ? '' : 's'}`);
    } else {
      parts.push('no session range');
    }
    const goals = targetedGoals(phase.sessions);
    // No "no goals" part: initial and termination phases rarely target goals, and that is fine.
    if (goals.length > 0) parts.push(`goal${goals.length === 1 ? '' : 's'} ${goals.join(', ')}`);
    if (range && range.first <= range.last) {
      const from = expectedDate(course, range.first);
      const to = expectedDate(course, range.last);
      if (from && to) parts.push(from === to ? from : `${from} to ${to}`);
    }
    return { span: phase.span, title: parts.join(' · ') };
  });
}

function targetedGoals(sessions: Analysis['ast']['phases'][number]['sessions']): string[] {
  const seen = new Set<string>();
  for (const session of sessions) for (const item of session.items) if (item.kind === 'targets') for (const v of item.values) seen.add(v.value);
  return [...seen];
}
