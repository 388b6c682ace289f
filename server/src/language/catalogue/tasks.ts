/** Session tasks and the phases they belong to (checked by the `task`, `initial-tasks` and `termination-tasks` rules). */
import type { TaskEntry } from '../catalogue-types.js';

export const tasks: TaskEntry[] = [
  // ---------------------------------------------------------------- initial phase
  {
    id: 'symptom-review',
    title: 'Symptom review',
    description:
      'Review the depressive symptoms and record a baseline severity score, for example with the HAM-D or PHQ-9.',
    sources: ['S2', 'S3', 'S6'],
    phases: ['initial'],
  },
  {
    id: 'diagnosis',
    title: 'Diagnosis',
    description: 'Make the diagnosis by standard criteria (DSM or ICD) and name it to the client.',
    sources: ['S2', 'S3', 'S6'],
    phases: ['initial'],
  },
  {
    id: 'sick-role',
    title: 'Sick role',
    description:
      "Tell the client that depression is a treatable illness and not their fault, and that they take on the work of recovery. In IPT-A it is the limited sick role: the adolescent is depressed, yet expected to keep up school and usual activities as far as possible, with the parent's support.",
    sources: ['S3', 'S6', 'seed 002', 'seed 003', 'S84', 'S107'],
    phases: ['initial'],
  },
  {
    id: 'psychoeducation',
    title: 'Psychoeducation',
    description:
      'Explain depression and how IPT treats it: the illness is common and treatable, and mood and relationships affect each other.',
    sources: ['S3', 'S6', 'seed 003'],
    phases: ['initial'],
  },
  {
    id: 'medication-review',
    title: 'Medication review',
    description:
      "Decide whether medication is needed, from severity, history, past response and the client's preference; IPT can be combined with an antidepressant. The guides weigh it in the initial phase, and clinicians reconsider it mid-course when symptoms have not responded (measurement-based care reviews by weeks 8–12).",
    sources: ['S3', 'S38', 'seed 003', 'S114'],
    phases: ['initial', 'middle'],
  },
  {
    id: 'onset-review',
    title: 'Onset review',
    description:
      'Identify the changes in relationships and life events around the onset of symptoms, to link the episode to its interpersonal context.',
    sources: ['S3', 'S6'],
    phases: ['initial'],
  },
  {
    id: 'interpersonal-inventory',
    title: 'Interpersonal inventory',
    description:
      "A review of the important people in the client's life, past and present: support, confiding, conflict, expectations and recent changes. It is a conversation, not a structured instrument, and every initial phase needs one.",
    sources: ['S3', 'S4'],
    phases: ['initial'],
  },
  {
    id: 'closeness-circle',
    title: 'Closeness circle',
    description:
      'A diagram of concentric circles in which the client places important people by how close they feel. It supports the inventory, especially with young people.',
    sources: ['S39', 'S40'],
    phases: ['initial'],
  },
  {
    id: 'parent-involvement',
    title: 'Parent or carer involvement (IPT-A)',
    description:
      "In IPT-A the parent or carer joins part of the initial phase: gives the history, hears about depression and its treatment and learns the limited sick role (depressed, yet expected to keep up school and usual activities as far as possible, with the parent's support). Parents are encouraged to take part at the start, in the middle when the problem area involves them, and at the end, where they review progress and the warning signs.",
    sources: ['S84', 'S85', 'S106', 'S107'],
    phases: ['initial', 'middle', 'termination'],
    variants: ['adolescent'],
  },
  {
    id: 'formulation',
    title: 'Interpersonal formulation',
    description:
      "State the link between the episode, one problem area and the plan, and get the client's explicit agreement to it.",
    sources: ['S3', 'S6'],
    phases: ['initial'],
  },
  {
    id: 'treatment-contract',
    title: 'Treatment contract',
    description:
      'Agree the focus, the time limit (the number of sessions), the goals and what each person will do.',
    sources: ['S6', 'S11', 'S19'],
    phases: ['initial'],
  },
  // ---------------------------------------------------------------- any phase
  {
    id: 'risk-review',
    title: 'Suicide risk review',
    description:
      'Assess suicide risk at the start of treatment and again whenever new risk factors appear, for example when item 9 of the PHQ-9 or BDI-II is endorsed; update the safety plan when needed.',
    sources: ['S27', 'S64', 'S73'],
    phases: ['initial', 'middle', 'termination'],
  },
  {
    id: 'mood-event-review',
    title: 'Mood and events review',
    description:
      'Open the session by asking how things have been since the last one, and connect changes in mood to interpersonal events of the week. The opening question runs to the end of treatment, so it belongs to every phase.',
    sources: ['S3', 'S6'],
    phases: ['initial', 'middle', 'termination'],
  },
  {
    id: 'warning-signs',
    title: 'Early warning signs',
    description:
      "Agree how to watch for a new episode: the client's early warning signs and the interpersonal events that could trigger one. It is the first work of maintenance IPT and returns in every session.",
    sources: ['S16', 'S49'],
    phases: ['initial', 'middle', 'termination'],
  },
  // ---------------------------------------------------------------- termination phase
  {
    id: 'review-progress',
    title: 'Review progress',
    description:
      "Review and consolidate the gains, compare symptom scores with the baseline, and credit the client with the change. A mid-course review in the middle phase is common practice too (group IPT's mid-point review, the IPT-A trials' week-4 decision), though the individual IPT guides do not list it there.",
    sources: ['S7', 'S10', 'S11', 'S112', 'S113'],
    phases: ['middle', 'termination'],
  },
  {
    id: 'relapse-prevention',
    title: 'Relapse prevention',
    description:
      'Name the early warning signs of relapse and agree what the client will do if they come back.',
    sources: ['S7', 'S11', 'S17'],
    phases: ['termination'],
  },
  {
    id: 'discuss-ending',
    title: 'Discuss the ending',
    description:
      'Talk openly about the end of treatment: it is a role transition in itself, and some sadness about ending is expected.',
    sources: ['S7', 'S11', 'S17'],
    phases: ['termination'],
  },
  {
    id: 'maintenance-plan',
    title: 'Maintenance plan',
    description:
      'Decide whether more treatment is needed and, if so, agree a continuation or maintenance contract (maintenance IPT).',
    sources: ['S11', 'S16', 'S17'],
    phases: ['termination'],
  },
  {
    id: 'non-response-plan',
    title: 'Non-response plan',
    description:
      'If the symptoms have not responded by the end of acute or brief IPT, offer an alternative effective treatment, such as another psychotherapy or medication.',
    sources: ['S11', 'S26'],
    phases: ['termination'],
  },
];
