/** `termination-tasks`: The termination phase includes discussing the ending, reviewing progress and relapse prevention. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'termination-tasks',
  defaultSeverity: 'warning',
  description: 'The termination phase includes discussing the ending, reviewing progress and relapse prevention.',
  docsUrl: docsUrl('termination-tasks'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
