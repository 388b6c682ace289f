/** Built-in IPT formats: planned total, cadences and phase bounds (`session-count`, `variant`, `phase-length`). */
import type { VariantEntry } from '../catalogue-types.js';
import { ADOLESCENT_REQUIRED_TASKS, DEFAULT_REQUIRED_TASKS, MAINTENANCE_REQUIRED_TASKS } from './required-tasks.js';

export const variants: VariantEntry[] = [
  {
    id: 'acute',
    title: 'Acute IPT',
    description:
      'Standard individual IPT for adult major depression: 12–16 weekly sessions of about 45–50 minutes in three phases, with the end point fixed at the start. The initial phase takes at most 3 sessions and termination 2–4; phase sizes are conventions, not hard law.',
    sources: ['S2', 'S3', 'S4', 'seed 000'],
    sessions: { min: 12, max: 16 },
    cadences: ['weekly'],
    initialMax: 3,
    termination: { min: 2, max: 4 },
    requiredTasks: DEFAULT_REQUIRED_TASKS,
  },
  {
    id: 'adolescent',
    /** The literature's names (the `variant` rule offers the plan's word instead). */
    aliases: ['IPT-A', 'ipt-a'],
    title: 'IPT for adolescents (IPT-A)',
    description:
      'For adolescents aged 12–18 with mild to moderate depression: 12–16 weekly sessions, and a parent or guardian may join 1–3 of them. The initial phase may take up to 4 sessions. Not indicated for acute suicidality or homicidality, bipolar disorder, psychosis, intellectual disability or active substance abuse.',
    sources: ['S43', 'S44', 'S45', 'S46'],
    sessions: { min: 12, max: 16 },
    cadences: ['weekly'],
    initialMax: 4,
    termination: { min: 2, max: 4 },
    requiredTasks: ADOLESCENT_REQUIRED_TASKS,
  },
  {
    id: 'brief',
    /** The literature's names (the `variant` rule offers the plan's word instead). */
    aliases: ['IPT-B', 'ipt-b'],
    title: 'Brief IPT (IPT-B)',
    description:
      'For clients unlikely to attend 16 sessions, such as overwhelmed mothers: 8 weekly sessions, often after one engagement session (9 in all). The initial phase is shortened to 2 sessions, and the focus is a manageable problem area that builds on strengths.',
    sources: ['S12', 'S48'],
    sessions: { min: 8, max: 9 },
    cadences: ['weekly'],
    initialMax: 2,
    termination: { min: 1, max: 2 },
    requiredTasks: DEFAULT_REQUIRED_TASKS,
  },
  {
    id: 'group',
    /** The literature's names (the `variant` rule offers the plan's word instead). */
    aliases: ['IPT-G', 'ipt-g'],
    title: 'Group IPT',
    description:
      'IPT delivered to a group, for example the WHO group IPT for depression led by supervised non-specialists: 8–16 weekly group sessions, usually after an individual pre-group meeting. Termination may take up to 5 sessions, as in IPT-G. Group session length is UNCERTAIN.',
    sources: ['S15', 'S15b', 'S10', 'S55'],
    sessions: { min: 8, max: 16 },
    cadences: ['weekly'],
    initialMax: 3,
    termination: { min: 1, max: 5 },
    requiredTasks: DEFAULT_REQUIRED_TASKS,
  },
  {
    id: 'maintenance',
    /** The literature's names (the `variant` rule offers the plan's word instead). */
    aliases: ['IPT-M', 'ipt-m', 'MIPT'],
    title: 'Maintenance IPT (IPT-M)',
    description:
      'For recurrent depression already in remission, to prevent recurrence and catch early warning signs: 4 or more sessions, weekly, every two weeks or as rarely as monthly, possibly over years. It protects less well for clients who needed an SSRI to remit.',
    sources: ['S16', 'S49'],
    sessions: { min: 4 },
    cadences: ['weekly', 'biweekly', 'monthly'],
    initialMax: 2,
    termination: { min: 1, max: 3 },
    requiredTasks: MAINTENANCE_REQUIRED_TASKS,
  },
];
