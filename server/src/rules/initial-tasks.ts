/**
 * `initial-tasks`: The initial phase holds the work IPT does before the middle phase can start:
 * the interpersonal inventory and the formulation (errors), and the sick role, the treatment contract
 * and the symptom review (warnings) [S3] [S4] [S6] (ipt-domain.md §1.2, §1.3).
 *
 * Equivalents, so a clinician is not told to add what the plan already says in other words:
 * `psychoeducation` counts as giving the sick role — the sources describe them as one step ("name
 * the illness, remove blame, set expectations of recovery", §1.3 "Sick role / psychoeducation given")
 * — and `diagnosis` counts as the symptom review (§1.2 (a): "review symptoms and make the diagnosis").
 * `closeness-circle` does not replace the inventory: it is a diagram that supports it [S39] [S40].
 */
import { docsUrl, type Rule } from './rule.js';
import { checkRequiredTasks, type RequiredTask } from './required-tasks.js';

const required: RequiredTask[] = [
  {
    id: 'interpersonal-inventory',
    severity: 'error',
    message:
      'The initial phase has no `interpersonal-inventory`. The inventory (a review of the important people in the client\'s life) is how IPT finds the problem area; add `task interpersonal-inventory` to an initial session.',
    placeWith: ['closeness-circle', 'onset-review'],
    placeTitle: /inventory|relationship|closeness/i,
    placeFallback: 'first',
  },
  {
    id: 'formulation',
    severity: 'error',
    message:
      'The initial phase has no `formulation`. IPT links the episode to one problem area in a formulation the client agrees to before the middle phase; add `task formulation` to the last initial session.',
    placeWith: ['treatment-contract'],
    placeTitle: /formulation|contract/i,
    placeFallback: 'last',
  },
  {
    id: 'sick-role',
    alsoSatisfiedBy: ['psychoeducation'],
    severity: 'warning',
    message:
      'The initial phase does not give the sick role (`sick-role` or `psychoeducation`): depression named as a treatable illness that is not the client\'s fault. Add `task sick-role` to an initial session.',
    placeWith: ['symptom-review', 'diagnosis'],
    placeTitle: /sick role|assessment|diagnos/i,
    placeFallback: 'first',
  },
  {
    id: 'treatment-contract',
    severity: 'warning',
    message:
      'The initial phase has no `treatment-contract`. IPT agrees the focus, time limit, goals and roles with the client before the middle phase; add `task treatment-contract`, usually with the formulation.',
    placeWith: ['formulation'],
    placeTitle: /contract|formulation/i,
    placeFallback: 'last',
  },
  {
    id: 'symptom-review',
    alsoSatisfiedBy: ['diagnosis'],
    severity: 'warning',
    message:
      'The initial phase has no `symptom-review` (or `diagnosis`). IPT starts by reviewing symptoms and confirming the diagnosis, backed by a severity score; add `task symptom-review` to the first session.',
    placeWith: ['sick-role', 'psychoeducation'],
    placeTitle: /assessment|symptom|diagnos/i,
    placeFallback: 'first',
  },
];

export default {
  id: 'initial-tasks',
  defaultSeverity: 'error',
  description:
    'The initial phase includes the interpersonal inventory and formulation (and, as warnings, sick role, treatment contract and symptom review).',
  docsUrl: docsUrl('initial-tasks'),
  scope: 'plan',
  check(ctx) {
    checkRequiredTasks(ctx, 'initial', required, {
      severity: 'error',
      noSessions:
        'The initial phase has no sessions yet. Plan them: the symptom review and sick role, the interpersonal inventory, and the formulation and treatment contract (e.g. `session 1` with `task symptom-review, sick-role`).',
      noTasks:
        'The initial phase lists no tasks. Add `task` lines to its sessions for the symptom review and sick role, the interpersonal inventory, and the formulation and treatment contract (e.g. `task interpersonal-inventory`).',
    });
  },
} satisfies Rule;
