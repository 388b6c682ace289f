/**
 * `session-status`: What a session records must fit its `status`. A `score` on a session that is
 * `planned`, `missed` or `cancelled` is almost always a mistake: a future score, a score from a
 * session that did not happen, or a status never updated after the session was held. Reported once
 * per session, on its first score, with the two repairs (which is right only the clinician knows).
 * The FHIR export never sends such a score as a final Observation (render/fhir.ts).
 */
import type { ScoreItem, Session, StatusItem } from '../language/ast.js';
import { STATUSES_WITHOUT_SCORES } from '../language/catalogue/schedule.js';
import type { Fix } from '../language/diagnostic.js';
import { deleteLines } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { listOf } from './structure-queries.js';

/** Why a session with this status cannot have a score, and what to ask. */
const WHY: Record<string, string> = {
  planned: 'a session that has not happened has no score (is it a score from another session, or did this one take place?)',
  missed: 'a session the client missed has no score (is it from another session, or did the client come after all?)',
  cancelled: 'a cancelled session has no score (is it from another session, or did it take place after all?)',
};

export default {
  id: 'session-status',
  defaultSeverity: 'warning',
  description: 'What a session records fits its status: no `score` on a session that is planned, missed or cancelled.',
  docsUrl: docsUrl('session-status'),
  scope: 'statement',
  check(ctx) {
    for (const phase of ctx.file.phases) {
      for (const session of phase.sessions) checkSession(ctx, session);
    }
  },
} satisfies Rule;

function checkSession(ctx: RuleContext, session: Session): void {
  const status = session.items.find((item): item is StatusItem => item.kind === 'status');
  const value = status?.value?.value;
  if (!status?.value || value === undefined || !STATUSES_WITHOUT_SCORES.has(value)) return;
  const scores = session.items.filter((item): item is ScoreItem => item.kind === 'score');
  if (scores.length === 0) return;
  const written = scores.map((score) => ctx.text.slice(score.span.start, score.span.end));
  const number = session.number ? (session.number.first === session.number.last ? `Session ${session.number.first}` : `Sessions ${session.number.first}–${session.number.last}`) : 'This session';
  const fixes: Fix[] = [
    { title: 'Set `status held`', edits: [{ span: status.value.span, newText: 'held' }], safe: false },
    { title: scores.length === 1 ? 'Remove the score' : 'Remove the scores', edits: scores.map((score) => deleteLines(ctx.text, score.span)), safe: false },
  ];
  ctx.report({
    span: scores[0].span,
    message: `${number} ${session.number && session.number.first !== session.number.last ? 'are' : 'is'} marked \`${value}\` but ${session.number && session.number.first !== session.number.last ? 'record' : 'records'} ${listOf(written)}: ${WHY[value]}. If the session was held, set \`status held\`; otherwise remove the score or move it to the session it belongs to.`,
    related: [{ span: status.value.span, message: `The session is marked \`${value}\` here.` }],
    fixes,
  });
}
