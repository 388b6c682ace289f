/** `session-count`: The planned total is within the variant's range. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'session-count',
  defaultSeverity: 'error',
  description: "The planned total is within the variant's range.",
  docsUrl: docsUrl('session-count'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
