/** `phi`: Strings must not look like identifying data (e-mail, phone, SSN, street address, date of birth). */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'phi',
  defaultSeverity: 'warning',
  description: 'Strings must not look like identifying data (e-mail, phone, SSN, street address, date of birth).',
  docsUrl: docsUrl('phi'),
  scope: 'statement',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
