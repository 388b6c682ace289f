/**
 * The tasks each variant's initial and termination phases must hold (`initial-tasks`,
 * `termination-tasks`); a project can change them per variant in .iptrc.json (`requiredTasks`).
 */
import type { RequiredTask, RequiredTasks } from '../catalogue-types.js';

/**
 * Acute IPT [S2] [S3] [S4] [S6]: the inventory and the formulation are what the middle phase rests on
 * (errors); the sick role, the contract and the symptom review are warnings (ipt-domain.md §1.3).
 * `psychoeducation` gives the sick role (one step in the sources) and `diagnosis` is the symptom
 * review ("review symptoms and make the diagnosis", §1.2 (a)).
 */
const ACUTE_INITIAL: RequiredTask[] = [
  { id: 'interpersonal-inventory', severity: 'error' },
  { id: 'formulation', severity: 'error' },
  { id: 'sick-role', severity: 'warning', satisfiedBy: ['psychoeducation'] },
  { id: 'treatment-contract', severity: 'warning' },
  { id: 'symptom-review', severity: 'warning', satisfiedBy: ['diagnosis'] },
];

/** Every variant ends by discussing the ending, reviewing progress and planning for relapse [S7] [S10] [S11] [S17]. */
const TERMINATION: RequiredTask[] = [
  { id: 'discuss-ending', severity: 'warning' },
  { id: 'review-progress', severity: 'warning' },
  { id: 'relapse-prevention', severity: 'warning' },
];

export const DEFAULT_REQUIRED_TASKS: RequiredTasks = { initial: ACUTE_INITIAL, termination: TERMINATION };

/**
 * IPT-A: the closeness circle is how the inventory is taken with adolescents — the adolescent places
 * the important people in circles by closeness, and the inventory is built from it [S39] [S84] [S85].
 * And the parent or carer takes part in the initial phase: gives the history, hears about depression
 * and its treatment, and learns the limited sick role [S84] [S106] [S107] (a warning: how much a
 * parent joins varies, and the contract's part is not verified).
 */
export const ADOLESCENT_REQUIRED_TASKS: RequiredTasks = {
  initial: [
    ...ACUTE_INITIAL.map((task) => (task.id === 'interpersonal-inventory' ? { ...task, satisfiedBy: ['closeness-circle'] } : task)),
    { id: 'parent-involvement', severity: 'warning' },
  ],
  termination: TERMINATION,
};

/**
 * Maintenance IPT (IPT-M, Frank) starts from remission: its aim is to keep the client well, first by
 * watching for the early warning signs of a new episode and the interpersonal events that could set
 * one off, then by working on longer-standing interpersonal problems, at a frequency as low as
 * monthly [S16] [S49]. The sick role does not apply to a client who is well, and the inventory and
 * formulation review the acute course's work: so the required tasks are confirming remission, the
 * warning signs, the focus for maintenance and the agreed frequency — all warnings, since the
 * maintenance literature describes aims rather than a fixed checklist.
 */
export const MAINTENANCE_REQUIRED_TASKS: RequiredTasks = {
  initial: [
    {
      id: 'symptom-review',
      severity: 'warning',
      satisfiedBy: ['diagnosis'],
      why: 'Maintenance IPT starts from remission: confirm it with a symptom review and a score',
    },
    {
      id: 'warning-signs',
      severity: 'warning',
      why: "Maintenance IPT first agrees how to watch for a new episode: the client's early warning signs and the interpersonal events that could trigger one",
    },
    {
      id: 'formulation',
      severity: 'warning',
      why: "Maintenance IPT reviews the acute course's formulation and agrees the focus for maintenance, often a longer-standing interpersonal problem",
    },
    {
      id: 'treatment-contract',
      severity: 'warning',
      why: 'Maintenance IPT agrees its frequency (as rarely as monthly) and how long it lasts',
    },
  ],
  termination: TERMINATION,
};
