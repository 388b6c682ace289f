/** `plan-header`: A `plan` title; `sessions` and `diagnosis` present; no header field twice. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'plan-header',
  defaultSeverity: 'error',
  description: 'A `plan` title; `sessions` and `diagnosis` present; no header field twice.',
  docsUrl: docsUrl('plan-header'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
