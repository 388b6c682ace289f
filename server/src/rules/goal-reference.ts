/** `goal-reference`: `targets` names a defined goal; goal ids are unique; every goal is targeted in the middle phase. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'goal-reference',
  defaultSeverity: 'error',
  description: '`targets` names a defined goal; goal ids are unique; every goal is targeted in the middle phase.',
  docsUrl: docsUrl('goal-reference'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
