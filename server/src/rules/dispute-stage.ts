/** `dispute-stage`: A `role-dispute` focus declares its stage; `stage` under another area is an error. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'dispute-stage',
  defaultSeverity: 'warning',
  description: 'A `role-dispute` focus declares its stage; `stage` under another area is an error.',
  docsUrl: docsUrl('dispute-stage'),
  scope: 'statement',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
