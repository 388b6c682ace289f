/**
 * Shared by `initial-tasks` and `termination-tasks`: which tasks a phase holds, and a quick fix that
 * adds a missing task to the session where a clinician would most likely do it.
 */
import type { Session } from '../language/ast.js';
import type { Catalogue, PhaseName, RequiredTask, VariantEntry } from '../language/catalogue-types.js';
import { builtinCatalogue, findEntry } from '../language/catalogue.js';
import type { Fix, Severity } from '../language/diagnostic.js';
import type { RuleContext } from './rule.js';
import { deeper, indentationAt, insertLineAfter, phaseLength, phaseNameOf } from './plan-queries.js';
import { article, cadenceFitsVariant, uniquePhase } from './structure-queries.js';
import { namesOf, suggestUnique } from '../language/suggest.js';
import { comparable, TASK_WORDS } from './task-words.js';
import { taskOnTechniqueLine } from './technique-tasks.js';

/** How a rule explains and places one required task (the variant says which tasks are required). */
export interface TaskAdvice {
  /**
   * The message: what is missing, why it matters, and what to do. `{also}` stands for the tasks
   * that count instead (" (or `psychoeducation`)"), `{why}` for the reason (a variant may give its own).
   */
  message: string;
  /** The usual reason, when the variant gives none. */
  why: string;
  /** Where to add it: the first session holding one of these tasks, or whose title matches… */
  placeWith?: string[];
  placeTitle?: RegExp;
  /** …otherwise the phase's first or last session. */
  placeFallback: 'first' | 'last';
}

/** A required task with its advice, ready to check. */
interface Requirement extends RequiredTask {
  advice: TaskAdvice;
}

/** One diagnostic for a phase with nothing to check, instead of one per missing task. */
export interface WholePhaseMessages {
  severity: Severity;
  /** The phase has no `session` entries. */
  noSessions: string;
  /** Its sessions have titles but no `task` lines. */
  noTasks: string;
}

/** The variant whose requirements apply when the plan names none and config sets no default. */
const DEFAULT_VARIANT = builtinCatalogue.variants[0];

/**
 * Reports the required tasks the named phase lacks (the variant says which: see
 * language/catalogue/required-tasks.ts and `requiredTasks` in .iptrc.json): one diagnostic per severity, listing each missing
 * task with its own fix, so a dropped line that held two tasks is one report. Says nothing when the
 * phase is missing or written twice (`phase-order` reports that), and nothing about a task written in
 * another known phase (the `task` rule reports it there): one mistake, one diagnostic.
 */
export function checkRequiredTasks(
  ctx: RuleContext,
  phaseName: 'initial' | 'termination',
  advice: Readonly<Record<string, TaskAdvice>>,
  whole: WholePhaseMessages,
): void {
  // A plan that names a variant this project does not know (or names two): what it requires is
  // unknown, and `variant` or `plan-header` reports the name.
  const variant = ctx.variant ?? (ctx.file.plan?.headers.some((h) => h.kind === 'variant') ? undefined : DEFAULT_VARIANT);
  if (!variant) return;
  // A plan that does not fit its variant's frame (another rule reports the cadence, the total or the
  // initial phase's length) may name the wrong variant: then only the tasks every variant requires
  // are asked for, so a wrong or missing `variant` line is one diagnostic, not one more per task.
  const tasks = fitsFrame(ctx, variant) ? variant.requiredTasks[phaseName] : requiredByEvery(ctx, variant, phaseName);
  const required: Requirement[] = tasks.map((task) => ({ ...task, advice: advice[task.id] ?? genericAdvice(task.id, phaseName) }));
  if (required.length === 0) return;
  const blocks = ctx.file.phases.filter((phase) => phase.name?.value === phaseName);
  // Missing, or written twice (which block is meant is unclear): `phase-order` reports it.
  if (blocks.length !== 1) return;
  const first = blocks[0];
  const at = { start: first.keyword.start, end: first.name?.span.end ?? first.keyword.end };
  const sessions = blocks.flatMap((phase) => phase.sessions);
  if (sessions.length === 0) {
    ctx.report({ span: at, severity: whole.severity, message: usualTasks(variant, phaseName) ? whole.noSessions : planThem(phaseName, required, 'has no sessions yet. Plan them') });
    return;
  }
  const here = tasksIn(ctx.catalogue, sessions, phaseName);
  const idsOf = (task: RequiredTask) => [task.id, ...(task.satisfiedBy ?? [])];
  const lacking = required.filter((task) => !idsOf(task).some((id) => here.has(id)));
  if (lacking.length === 0) return;
  // What the sessions' titles and notes say in words counts too (task-words.ts).
  const notHere = lacking.filter((task) => !saidInWords(sessions, idsOf(task)));
  if (notHere.length === 0) return;
  // Sessions planned by title only, saying none of it: one diagnostic for the phase, not one per task.
  if (notHere.length === required.length && !sessions.some((session) => session.items.some((item) => item.kind === 'task'))) {
    ctx.report({ span: at, severity: whole.severity, message: usualTasks(variant, phaseName) ? whole.noTasks : planThem(phaseName, required, 'lists no tasks. Add `task` lines to its sessions') });
    return;
  }
  // Only now read the other phases (in a long plan, most of its sessions): a task written in a phase
  // it does not belong to is the `task` rule's to report there, so it is not reported missing here.
  const elsewhere = new Set<string>();
  for (const phase of ctx.file.phases) {
    const name = phaseNameOf(phase);
    if (name === undefined || name === phaseName) continue;
    for (const id of tasksIn(ctx.catalogue, phase.sessions, name)) {
      if (!findEntry(ctx.catalogue.tasks, id)?.phases.includes(name)) elsewhere.add(id);
    }
  }
  const missing = notHere.filter((task) => !idsOf(task).some((id) => elsewhere.has(id)));
  if (missing.length === 0) return;
  // One diagnostic for the phase, at the highest severity, listing every missing task with its own
  // fix: a dropped line that held two tasks (`task formulation, treatment-contract`) is one mistake.
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...missing].sort((a, b) => order[a.severity] - order[b.severity]);
  const severity = sorted[0].severity;
  const parts = sorted.map((task, i) => {
    const text = messageOf(task);
    if (i === 0 || task.severity === severity) return text;
    const lower = sorted[i - 1].severity !== task.severity;
    return lower ? `Also (${article(task.severity)} ${task.severity} on its own): ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
  });
  ctx.report({ span: at, severity, message: parts.join(' '), fixes: sorted.map((task) => addTaskFix(ctx, sessions, task)) });
}


/**
 * Canonical ids of the tasks listed in these sessions of a phase. A misspelt task that clearly means
 * one task counts as that task, and so does a task written on a `technique` line (technique-tasks.ts):
 * the `task` or `technique` rule reports the slip, and one mistake gets one diagnostic.
 */
export function tasksIn(catalogue: Catalogue, sessions: readonly Session[], phase: PhaseName): Set<string> {
  const found = new Set<string>();
  for (const session of sessions) {
    for (const item of session.items) {
      if (item.kind === 'task') {
        for (const { value } of item.values) {
          const entry = findEntry(catalogue.tasks, value) ?? findEntry(catalogue.tasks, suggestUnique(value, namesOf(catalogue.tasks)) ?? '');
          if (entry) found.add(entry.id);
        }
      } else if (item.kind === 'technique') {
        for (const { value } of item.values) {
          const entry = taskOnTechniqueLine(catalogue, value, phase);
          if (entry) found.add(entry.id);
        }
      }
    }
  }
  return found;
}

/** True when a session's title or note says, in words, that one of these tasks is done (task-words.ts). */
function saidInWords(sessions: readonly Session[], ids: readonly string[]): boolean {
  const patterns = ids.map((id) => TASK_WORDS[id]).filter((pattern): pattern is RegExp => pattern !== undefined);
  if (patterns.length === 0) return false;
  return sessions.some((session) =>
    [session.title, ...session.items.map((item) => (item.kind === 'note' ? item.text : undefined))].some(
      (text) => text !== undefined && patterns.some((pattern) => pattern.test(comparable(text.value))),
    ),
  );
}

function taskValues(session: Session): string[] {
  return session.items.flatMap((item) => (item.kind === 'task' ? item.values.map((word) => word.value) : []));
}

/**
 * True when the plan keeps its variant's frame: a cadence it allows, a total within its bounds, an
 * initial phase no longer than its maximum. Otherwise `variant`, `session-count` or `phase-length`
 * reports the misfit.
 */
function fitsFrame(ctx: RuleContext, variant: VariantEntry): boolean {
  if (!cadenceFitsVariant({ file: ctx.file, variant })) return false;
  const total = ctx.plannedTotal;
  if (total !== undefined && (total < variant.sessions.min || (variant.sessions.max !== undefined && total > variant.sessions.max))) return false;
  const initial = uniquePhase(ctx.file, 'initial');
  const length = initial ? phaseLength(initial) : undefined;
  return length === undefined || length <= variant.initialMax;
}

/** The variant's required tasks that every variant of the catalogue requires too (in any form). */
function requiredByEvery(ctx: RuleContext, variant: VariantEntry, phaseName: 'initial' | 'termination'): RequiredTask[] {
  return variant.requiredTasks[phaseName].filter((task) => ctx.catalogue.variants.every((other) => other.requiredTasks[phaseName].some((t) => t.id === task.id)));
}

/** The advice's message with the variant's reason and the tasks that count instead. */
function messageOf(task: Requirement): string {
  const others = (task.satisfiedBy ?? []).map((id) => `\`${id}\``).join(' or ');
  return task.advice.message
    .replace('{also}', others ? ` (or ${others})` : '')
    .replace('{or}', others ? ` or ${others}` : '')
    .replace('{why}', task.why ?? task.advice.why);
}

/** True when the variant requires what acute IPT does in this phase (the rules' own wording then fits). */
function usualTasks(variant: VariantEntry, phaseName: 'initial' | 'termination'): boolean {
  const ids = (tasks: readonly RequiredTask[]) => tasks.map((task) => task.id).sort().join(' ');
  return ids(variant.requiredTasks[phaseName]) === ids(DEFAULT_VARIANT.requiredTasks[phaseName]);
}

/** "The initial phase has no sessions yet. Plan them with the tasks this variant requires: …". */
function planThem(phaseName: string, required: readonly Requirement[], head: string): string {
  const ids = required.map((task) => `\`${task.id}\``);
  const list = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  return `The ${phaseName} phase ${head} with the tasks this variant requires: ${list} (e.g. \`task ${required[0].id}\`).`;
}

/** For a task a project made required in config: what it is, from the catalogue, and where to add it. */
function genericAdvice(id: string, phaseName: 'initial' | 'termination'): TaskAdvice {
  return {
    message: `The ${phaseName} phase has no \`${id}\`{also}, which this variant requires ({why}); add \`task ${id}\` to ${phaseName === 'initial' ? 'an' : 'a'} ${phaseName} session.`,
    why: 'set in `requiredTasks` in .iptrc.json',
    placeFallback: phaseName === 'initial' ? 'first' : 'last',
  };
}

function addTaskFix(ctx: RuleContext, sessions: Session[], task: Requirement): Fix {
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

function placeFor(ctx: RuleContext, sessions: Session[], task: Requirement): Session {
  const { placeWith, placeTitle, placeFallback } = task.advice;
  const withTask = placeWith?.length
    ? sessions.find((session) => taskValues(session).some((value) => placeWith.includes(findEntry(ctx.catalogue.tasks, value)?.id ?? value)))
    : undefined;
  if (withTask) return withTask;
  const byTitle = placeTitle ? sessions.find((session) => session.title && placeTitle.test(session.title.value)) : undefined;
  if (byTitle) return byTitle;
  return placeFallback === 'first' ? sessions[0] : sessions[sessions.length - 1];
}

export function sessionLabel(session: Session): string {
  const number = session.number;
  if (!number) return 'without a number';
  return number.first === number.last ? `${number.first}` : `${number.first}-${number.last}`;
}

