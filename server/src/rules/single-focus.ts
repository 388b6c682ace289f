/** `single-focus`: Exactly one `focus`. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'single-focus',
  defaultSeverity: 'error',
  description: 'Exactly one `focus`.',
  docsUrl: docsUrl('single-focus'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
