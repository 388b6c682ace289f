/** `task`: Tasks are known and used in a phase they belong to. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'task',
  defaultSeverity: 'warning',
  description: 'Tasks are known and used in a phase they belong to.',
  docsUrl: docsUrl('task'),
  scope: 'statement',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
