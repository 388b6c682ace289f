/** `initial-tasks`: The initial phase includes the interpersonal inventory and formulation (and, as warnings, sick role, treatment contract and symptom review). */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'initial-tasks',
  defaultSeverity: 'error',
  description: 'The initial phase includes the interpersonal inventory and formulation (and, as warnings, sick role, treatment contract and symptom review).',
  docsUrl: docsUrl('initial-tasks'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
