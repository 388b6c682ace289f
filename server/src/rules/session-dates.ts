/** `session-dates`: Session dates increase and follow the cadence from `start` (±3 days). */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'session-dates',
  defaultSeverity: 'warning',
  description: 'Session dates increase and follow the cadence from `start` (±3 days).',
  docsUrl: docsUrl('session-dates'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
