/** `technique`: Techniques are known IPT techniques; known non-IPT techniques are explained. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'technique',
  defaultSeverity: 'warning',
  description: 'Techniques are known IPT techniques; known non-IPT techniques are explained.',
  docsUrl: docsUrl('technique'),
  scope: 'statement',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
