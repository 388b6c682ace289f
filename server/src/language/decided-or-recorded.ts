/**
 * The line between what a plan **decides** and what treatment **records** in it later.
 *
 * A plan decides its header (variant, sessions, cadence, length, start, diagnosis), its focus, stage
 * and goals, its measures and their schedule, its risk and safety plan, its phases, and each session's
 * number, title, tasks, techniques, targets and homework. As treatment goes on, sessions gain what
 * happened: a date, a status, scores and notes. A supervisor signs off what the plan decides; recording
 * a score or marking a session held must never make that sign-off stale, while any change to a decision
 * must. The sign-off digest and the clinical diff both draw the line here, so they always agree.
 *
 * Comments, layout, statement order and the sign-off lines themselves are neither: they are not part of
 * the plan's meaning.
 */
import type { SessionItem } from './ast.js';

/** The session items that record what happened rather than decide what will. */
export const RECORDED_ITEM_KINDS: ReadonlySet<SessionItem['kind']> = new Set<SessionItem['kind']>([
  'date',
  'status',
  'score',
  'note',
]);

/** True for a session item that records treatment (a date, status, score or note). */
export function isRecorded(item: Pick<SessionItem, 'kind'>): boolean {
  return RECORDED_ITEM_KINDS.has(item.kind);
}
