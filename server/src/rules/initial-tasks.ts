/**
 * `initial-tasks`: The initial phase holds the work IPT does before the middle phase can start. Which
 * tasks, and how much each matters, is the variant's (language/catalogue/required-tasks.ts; a project
 * may change them in .iptrc.json): in acute IPT the interpersonal inventory and the formulation
 * (errors), and the sick role, the treatment contract and the symptom review (warnings) [S3] [S4] [S6]
 * (ipt-domain.md §1.2, §1.3); in IPT-A the closeness circle counts as the inventory, and a parent or
 * carer takes part (a warning) [S84] [S106]; maintenance IPT asks for remission confirmed, the early
 * warning signs, the focus and the frequency [S16] [S49].
 *
 * So a clinician is not told to add what the plan already says another way, a task also counts when
 * the variant's `satisfiedBy` task is there (e.g. `psychoeducation` gives the sick role), when it is
 * written on a technique line (the `technique` rule reports that), and when an initial session's
 * title or note says it in words (task-words.ts).
 */
import { docsUrl, type Rule } from './rule.js';
import { checkRequiredTasks, type TaskAdvice } from './required-tasks.js';

/** How each task that may be required here is explained, and where its quick fix adds it. */
const advice: Record<string, TaskAdvice> = {
  'interpersonal-inventory': {
    message: "The initial phase has no `interpersonal-inventory`{also}. {why}; add `task interpersonal-inventory` to an initial session.",
    why: "The inventory (a review of the important people in the client's life) is how IPT finds the problem area",
    placeWith: ['closeness-circle', 'onset-review'],
    placeTitle: /inventory|relationship|closeness/i,
    placeFallback: 'first',
  },
  formulation: {
    message: 'The initial phase has no `formulation`{also}. {why}; add `task formulation` to the last initial session.',
    why: 'IPT links the episode to one problem area in a formulation the client agrees to before the middle phase',
    placeWith: ['treatment-contract'],
    placeTitle: /formulation|contract/i,
    placeFallback: 'last',
  },
  'sick-role': {
    message: 'The initial phase does not give the sick role (`sick-role`{or}): {why}. Add `task sick-role` to an initial session.',
    why: "depression named as a treatable illness that is not the client's fault",
    placeWith: ['symptom-review', 'diagnosis'],
    placeTitle: /sick role|assessment|diagnos/i,
    placeFallback: 'first',
  },
  'treatment-contract': {
    message: 'The initial phase has no `treatment-contract`{also}. {why}; add `task treatment-contract`, usually with the formulation.',
    why: 'IPT agrees the focus, time limit, goals and roles with the client before the middle phase',
    placeWith: ['formulation'],
    placeTitle: /contract|formulation/i,
    placeFallback: 'last',
  },
  'symptom-review': {
    message: 'The initial phase has no `symptom-review`{also}. {why}; add `task symptom-review` to the first session.',
    why: 'IPT starts by reviewing symptoms and confirming the diagnosis, backed by a severity score',
    placeWith: ['sick-role', 'psychoeducation'],
    placeTitle: /assessment|symptom|diagnos|review/i,
    placeFallback: 'first',
  },
  'parent-involvement': {
    message:
      'No initial session involves a parent or carer. {why}; add `task parent-involvement` to the session they join, or say so in its title or a note (e.g. "Assessment with the parent, then alone").',
    why: "In IPT-A the parent or carer joins part of the initial phase: to give the history, hear about depression and its treatment, and learn the limited sick role",
    placeWith: ['sick-role', 'psychoeducation', 'symptom-review'],
    placeTitle: /parent|carer|family|assessment|sick role/i,
    placeFallback: 'first',
  },
  'warning-signs': {
    message: 'The initial phase has no `warning-signs`{also}. {why}; add `task warning-signs` to an initial session.',
    why: "Agree how to watch for a new episode: the client's early warning signs and the events that could trigger one",
    placeWith: ['symptom-review', 'formulation'],
    placeTitle: /warning|sign|relapse|recurrence|review/i,
    placeFallback: 'first',
  },
};

export default {
  id: 'initial-tasks',
  defaultSeverity: 'error',
  description:
    "The initial phase includes the tasks the variant requires: in acute IPT the interpersonal inventory and formulation (and, as warnings, sick role, treatment contract and symptom review).",
  docsUrl: docsUrl('initial-tasks'),
  scope: 'plan',
  check(ctx) {
    checkRequiredTasks(ctx, 'initial', advice, {
      severity: 'error',
      noSessions:
        'The initial phase has no sessions yet. Plan them: the symptom review and sick role, the interpersonal inventory, and the formulation and treatment contract (e.g. `session 1` with `task symptom-review, sick-role`).',
      noTasks:
        'The initial phase lists no tasks. Add `task` lines to its sessions for the symptom review and sick role, the interpersonal inventory, and the formulation and treatment contract (e.g. `task interpersonal-inventory`).',
    });
  },
} satisfies Rule;
