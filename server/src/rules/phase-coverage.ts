/** `phase-coverage`: Phase ranges run contiguously from 1 to the planned total; sessions lie inside their phase; no session planned twice. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'phase-coverage',
  defaultSeverity: 'error',
  description: 'Phase ranges run contiguously from 1 to the planned total; sessions lie inside their phase; no session planned twice.',
  docsUrl: docsUrl('phase-coverage'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
