/** `unknown-value`: A value from a fixed list (cadence, risk level, session status) is one of its allowed values. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'unknown-value',
  defaultSeverity: 'error',
  description: 'A value from a fixed list (cadence, risk level, session status) is one of its allowed values.',
  docsUrl: docsUrl('unknown-value'),
  scope: 'statement',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
