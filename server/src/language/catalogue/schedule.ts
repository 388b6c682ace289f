/** Fixed lists for the course and its sessions: cadences (`sessions N weekly`) and session statuses (`status held`). */
import type { CatalogueEntry } from '../catalogue-types.js';

export const cadences: CatalogueEntry[] = [
  {
    id: 'weekly',
    title: 'Weekly',
    description: 'One session a week: the standard frame of acute, adolescent, brief and group IPT.',
    sources: ['S4', 'seed 002', 'seed 003'],
  },
  {
    id: 'biweekly',
    title: 'Every two weeks',
    description: 'One session every two weeks (twice a month), one of the maintenance IPT schedules.',
    sources: ['S49'],
  },
  {
    id: 'monthly',
    title: 'Monthly',
    description:
      'One session a month, the least frequent maintenance IPT schedule studied; for clients who remitted on IPT alone it protected about as well as more frequent sessions.',
    sources: ['S16', 'S49'],
  },
];

/** Session statuses; they map onto FHIR CarePlan activity statuses when the plan is exported. */
export const statuses: CatalogueEntry[] = [
  {
    id: 'planned',
    title: 'Planned',
    description: 'The session is scheduled and has not happened yet.',
    sources: ['S80'],
  },
  {
    id: 'held',
    title: 'Held',
    description: 'The session took place as planned.',
    sources: ['S80'],
  },
  {
    id: 'missed',
    title: 'Missed',
    description: 'The client did not come to the session. The end point of IPT is set at the start, so note whether the plan is adjusted.',
    sources: ['S80', 'S4'],
  },
  {
    id: 'cancelled',
    title: 'Cancelled',
    description: 'The session was called off in advance, by the client or the service.',
    sources: ['S80'],
  },
];

/**
 * Statuses of a session that did not (or not yet) take place: a `score` on one contradicts it
 * (`session-status` reports it, and the FHIR export never sends such a score as a final result).
 */
export const STATUSES_WITHOUT_SCORES: ReadonlySet<string> = new Set(['planned', 'missed', 'cancelled']);
