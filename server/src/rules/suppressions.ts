/**
 * Inline control (LANGUAGE.md "Inline control"): `# ipt-disable-next-line RULE[, RULE] -- reason`,
 * `# ipt-disable RULE[, RULE]` … `# ipt-enable RULE[, RULE]`. Unused directives → `unused-disable`.
 * SCAFFOLD: being implemented in the config/suppressions work; for now suppresses nothing.
 */
import type { Comment } from '../language/ast.js';
import type { Report } from '../language/diagnostic.js';
import type { LineIndex } from '../language/span.js';

export interface SuppressionInput {
  comments: Comment[];
  lines: LineIndex;
  /** Diagnostics after rules and severities, before suppression; `syntax` is never suppressed. */
  diagnostics: { rule: string; report: Report }[];
  knownRuleIds: ReadonlySet<string>;
}

export interface SuppressionResult {
  /** The diagnostics that survive. */
  kept: { rule: string; report: Report }[];
  /** `unused-disable` reports (and reports about malformed directives). */
  unused: Report[];
}

export function applySuppressions(input: SuppressionInput): SuppressionResult {
  return { kept: input.diagnostics, unused: [] };
}
