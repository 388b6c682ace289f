/**
 * `termination-tasks`: The termination phase discusses the ending explicitly, reviews progress and
 * plans for relapse [S7] [S10] [S11] [S17] (ipt-domain.md §1.2); the variant says which tasks (see
 * language/catalogue/required-tasks.ts; a project may change them in .iptrc.json). All built-in ones
 * are warnings: sources agree on the content, less on how it is split across sessions.
 */
import { docsUrl, type Rule } from './rule.js';
import { checkRequiredTasks, type TaskAdvice } from './required-tasks.js';

/** How each task that may be required here is explained, and where its quick fix adds it. */
const advice: Record<string, TaskAdvice> = {
  'discuss-ending': {
    message: 'The termination phase has no `discuss-ending`{also}. {why}; add `task discuss-ending` to the last session.',
    why: 'IPT discusses the ending explicitly (it is a role transition of its own, often with sadness)',
    placeTitle: /ending|goodbye|last/i,
    placeFallback: 'last',
  },
  'review-progress': {
    message: 'The termination phase has no `review-progress`{also}. {why}; add `task review-progress` to a termination session.',
    why: 'Reviewing the gains and crediting the client with the change consolidates them',
    placeTitle: /review|progress|gains/i,
    placeFallback: 'first',
  },
  'relapse-prevention': {
    message: 'The termination phase has no `relapse-prevention`{also}. {why}; add `task relapse-prevention` to a termination session.',
    why: 'Review the warning signs of relapse and agree what to do if they return',
    placeWith: ['maintenance-plan', 'non-response-plan'],
    placeTitle: /relapse|warning sign/i,
    placeFallback: 'last',
  },
  'maintenance-plan': {
    message: 'The termination phase has no `maintenance-plan`{also}. {why}; add `task maintenance-plan` to the last session.',
    why: 'Decide whether more treatment is needed and agree a continuation or maintenance contract',
    placeWith: ['discuss-ending'],
    placeTitle: /next steps|maintenance|ending/i,
    placeFallback: 'last',
  },
  'non-response-plan': {
    message: 'The termination phase has no `non-response-plan`{also}. {why}; add `task non-response-plan` to a termination session.',
    why: 'If the symptoms have not responded, offer an alternative effective treatment',
    placeWith: ['review-progress'],
    placeTitle: /review|progress|next steps/i,
    placeFallback: 'last',
  },
};

export default {
  id: 'termination-tasks',
  defaultSeverity: 'warning',
  description: 'The termination phase includes the tasks the variant requires: discussing the ending, reviewing progress and relapse prevention.',
  docsUrl: docsUrl('termination-tasks'),
  scope: 'plan',
  check(ctx) {
    checkRequiredTasks(ctx, 'termination', advice, {
      severity: 'warning',
      noSessions:
        'The termination phase has no sessions yet. Plan them: review progress, relapse prevention and an explicit discussion of the ending (e.g. a session with `task review-progress`).',
      noTasks:
        'The termination phase lists no tasks. Add `task` lines to its sessions for reviewing progress, relapse prevention and discussing the ending (e.g. `task review-progress`).',
    });
  },
} satisfies Rule;
