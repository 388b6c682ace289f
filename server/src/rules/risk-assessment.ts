/** `risk-assessment`: A `risk` statement exists; moderate or high risk has a `safety-plan`; "no-suicide contract" wording is flagged. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'risk-assessment',
  defaultSeverity: 'error',
  description: 'A `risk` statement exists; moderate or high risk has a `safety-plan`; "no-suicide contract" wording is flagged.',
  docsUrl: docsUrl('risk-assessment'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
