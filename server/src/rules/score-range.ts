/** `score-range`: A recorded score lies within its instrument's range. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'score-range',
  defaultSeverity: 'error',
  description: "A recorded score lies within its instrument's range.",
  docsUrl: docsUrl('score-range'),
  scope: 'statement',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
