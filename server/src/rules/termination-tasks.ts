/**
 * `termination-tasks`: The termination phase discusses the ending explicitly, reviews progress and
 * plans for relapse [S7] [S10] [S11] [S17] (ipt-domain.md §1.2). All are warnings: sources agree on
 * the content, less on how it is split across sessions.
 */
import { docsUrl, type Rule } from './rule.js';
import { checkRequiredTasks, type RequiredTask } from './required-tasks.js';

const required: RequiredTask[] = [
  {
    id: 'discuss-ending',
    severity: 'warning',
    message:
      'The termination phase has no `discuss-ending`. IPT discusses the ending explicitly (it is a role transition of its own, often with sadness); add `task discuss-ending` to the last session.',
    placeTitle: /ending|goodbye|last/i,
    placeFallback: 'last',
  },
  {
    id: 'review-progress',
    severity: 'warning',
    message:
      'The termination phase has no `review-progress`. Reviewing the gains and crediting the client with the change consolidates them; add `task review-progress` to a termination session.',
    placeTitle: /review|progress|gains/i,
    placeFallback: 'first',
  },
  {
    id: 'relapse-prevention',
    severity: 'warning',
    message:
      'The termination phase has no `relapse-prevention`. Review the warning signs of relapse and agree what to do if they return; add `task relapse-prevention` to a termination session.',
    placeWith: ['maintenance-plan', 'non-response-plan'],
    placeTitle: /relapse|warning sign/i,
    placeFallback: 'last',
  },
];

export default {
  id: 'termination-tasks',
  defaultSeverity: 'warning',
  description: 'The termination phase includes discussing the ending, reviewing progress and relapse prevention.',
  docsUrl: docsUrl('termination-tasks'),
  scope: 'plan',
  check(ctx) {
    checkRequiredTasks(ctx, 'termination', required, {
      severity: 'warning',
      noSessions:
        'The termination phase has no sessions yet. Plan them: review progress, relapse prevention and an explicit discussion of the ending (e.g. a session with `task review-progress`).',
      noTasks:
        'The termination phase lists no tasks. Add `task` lines to its sessions for reviewing progress, relapse prevention and discussing the ending (e.g. `task review-progress`).',
    });
  },
} satisfies Rule;
