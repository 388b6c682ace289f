/** `phase-order`: `initial`, `middle` and `termination` each exactly once, in that order; unknown phase names get a did-you-mean. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'phase-order',
  defaultSeverity: 'error',
  description: '`initial`, `middle` and `termination` each exactly once, in that order; unknown phase names get a did-you-mean.',
  docsUrl: docsUrl('phase-order'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
