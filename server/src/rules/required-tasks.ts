/**
 * Shared by `initial-tasks` and `termination-tasks`: which tasks a phase holds, and a quick fix that
 * adds a missing task to the session where a clinician would most likely do it.
 */
import type { Session } from '../language/ast.js';
import type { PhaseName, TaskEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import type { Fix, Severity } from '../language/diagnostic.js';
import type { RuleContext } from './rule.js';
import { deeper, indentationAt, insertLineAfter, phaseNameOf } from './plan-queries.js';
import { namesOf, suggestUnique } from '../language/suggest.js';

export interface RequiredTask {
  /** The task id the fix inserts. */
  id: string;
  /** Other task ids that do the same job (e.g. `psychoeducation` gives the sick role). */
  alsoSatisfiedBy?: string[];
  severity: Severity;
  /** What is missing, why it matters, and what to do. */
  message: string;
  /** Where to add it: the first session holding one of these tasks, or whose title matches… */
  placeWith?: string[];
  placeTitle?: RegExp;
  /** …otherwise the phase's first or last session. */
  placeFallback: 'first' | 'last';
}

/** One diagnostic for a phase with nothing to check, instead of one per missing task. */
export interface WholePhaseMessages {
  severity: Severity;
  /** The phase has no `session` entries. */
  noSessions: string;
  /** Its sessions have titles but no `task` lines. */
  noTasks: string;
}

/**
 * Reports the required tasks the named phase lacks: one diagnostic per severity, listing each missing
 * task with its own fix, so a dropped line that held two tasks is one report. Says nothing when the
 * phase is missing or written twice (`phase-order` reports that), and nothing about a task written in
 * another known phase (the `task` rule reports it there): one mistake, one diagnostic.
 */
export function checkRequiredTasks(
  ctx: RuleContext,
  phaseName: PhaseName,
  required: RequiredTask[],
  whole: WholePhaseMessages,
): void {
  const blocks = ctx.file.phases.filter((phase) => phase.name?.value === phaseName);
  // Missing, or written twice (which block is meant is unclear): `phase-order` reports it.
  if (blocks.length !== 1) return;
  const first = blocks[0];
  const at = { start: first.keyword.start, end: first.name?.span.end ?? first.keyword.end };
  const sessions = blocks.flatMap((phase) => phase.sessions);
  if (sessions.length === 0) {
    ctx.report({ span: at, severity: whole.severity, message: whole.noSessions });
    return;
  }
  // Sessions planned by title only: one diagnostic for the phase, not one per missing task.
  if (!sessions.some((session) => session.items.some((item) => item.kind === 'task'))) {
    ctx.report({ span: at, severity: whole.severity, message: whole.noTasks });
    return;
  }
  const here = tasksIn(ctx.catalogue.tasks, sessions);
  const idsOf = (task: RequiredTask) => [task.id, ...(task.alsoSatisfiedBy ?? [])];
  const notHere = required.filter((task) => !idsOf(task).some((id) => here.has(id)));
  if (notHere.length === 0) return;
  // Only now read the other phases (in a long plan, most of its sessions).
  const elsewhere = tasksIn(
    ctx.catalogue.tasks,
    ctx.file.phases.filter((phase) => phase.name?.value !== phaseName && phaseNameOf(phase) !== undefined).flatMap((phase) => phase.sessions),
  );
  const missing = notHere.filter((task) => !idsOf(task).some((id) => elsewhere.has(id)));
  for (const severity of ['error', 'warning', 'info'] as const) {
    const tasks = missing.filter((task) => task.severity === severity);
    if (tasks.length === 0) continue;
    ctx.report({ span: at, severity, message: tasks.map((task) => task.message).join(' '), fixes: tasks.map((task) => addTaskFix(ctx, sessions, task)) });
  }
}

/**
 * Canonical ids of the tasks listed in these sessions. A misspelt task that clearly means one task
 * counts as that task: the `task` rule reports the spelling, and one mistake gets one diagnostic.
 */
export function tasksIn(catalogue: readonly TaskEntry[], sessions: readonly Session[]): Set<string> {
  const found = new Set<string>();
  for (const session of sessions) {
    for (const value of taskValues(session)) {
      const entry = findEntry(catalogue, value) ?? findEntry(catalogue, suggestUnique(value, namesOf(catalogue)) ?? '');
      if (entry) found.add(entry.id);
    }
  }
  return found;
}

function taskValues(session: Session): string[] {
  return session.items.flatMap((item) => (item.kind === 'task' ? item.values.map((word) => word.value) : []));
}

function addTaskFix(ctx: RuleContext, sessions: Session[], task: RequiredTask): Fix {
  const session = placeFor(ctx, sessions, task);
  const tasks = session.items.filter((item) => item.kind === 'task');
  const after = tasks[tasks.length - 1] ?? session.items[session.items.length - 1];
  const indent = session.items[0] ? indentationAt(ctx.text, session.items[0].span.start) : deeper(indentationAt(ctx.text, session.span.start));
  return {
    title: `Add \`task ${task.id}\` to session ${sessionLabel(session)}`,
    edits: [insertLineAfter(ctx.text, (after ?? session).span.end, indent, `task ${task.id}`)],
    // Clinical content: offered in the editor, never applied by `ipt lint --fix`.
    safe: false,
  };
}

function placeFor(ctx: RuleContext, sessions: Session[], task: RequiredTask): Session {
  const withTask = task.placeWith?.length
    ? sessions.find((session) => taskValues(session).some((value) => task.placeWith!.includes(findEntry(ctx.catalogue.tasks, value)?.id ?? value)))
    : undefined;
  if (withTask) return withTask;
  const byTitle = task.placeTitle ? sessions.find((session) => session.title && task.placeTitle!.test(session.title.value)) : undefined;
  if (byTitle) return byTitle;
  return task.placeFallback === 'first' ? sessions[0] : sessions[sessions.length - 1];
}

export function sessionLabel(session: Session): string {
  const number = session.number;
  if (!number) return 'without a number';
  return number.first === number.last ? `${number.first}` : `${number.first}-${number.last}`;
}

