/** `focus-area`: The focus names a known IPT problem area. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'focus-area',
  defaultSeverity: 'error',
  description: 'The focus names a known IPT problem area.',
  docsUrl: docsUrl('focus-area'),
  scope: 'statement',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
