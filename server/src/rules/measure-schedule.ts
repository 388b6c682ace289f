/** `measure-schedule`: At least one measure, scheduled in the initial and termination phases, within the planned sessions, with a known instrument. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'measure-schedule',
  defaultSeverity: 'warning',
  description: 'At least one measure, scheduled in the initial and termination phases, within the planned sessions, with a known instrument.',
  docsUrl: docsUrl('measure-schedule'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
