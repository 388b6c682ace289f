/** `phase-length`: Initial and termination phase lengths are within the variant's bounds; the middle phase is longer than termination. */
import { docsUrl, type Rule } from './rule.js';

export default {
  id: 'phase-length',
  defaultSeverity: 'warning',
  description: "Initial and termination phase lengths are within the variant's bounds; the middle phase is longer than termination.",
  docsUrl: docsUrl('phase-length'),
  scope: 'plan',
  check() {
    // SCAFFOLD: implemented in the rules work.
  },
} satisfies Rule;
