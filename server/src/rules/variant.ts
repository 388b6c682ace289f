/** `variant`: The variant is built in or defined in config; the `sessions` cadence is one the variant allows. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'variant',
  defaultSeverity: 'error',
  description: 'The variant is built in or defined in config; the `sessions` cadence is one the variant allows.',
  docsUrl: docsUrl('variant'),
  scope: 'statement',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
