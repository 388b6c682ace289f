/** What a rule is and what it sees. One rule per file in this folder; registry.ts lists them. */
import type { PlanFile } from '../language/ast.js';
import type { Catalogue, VariantEntry } from '../language/catalogue-types.js';
import type { Report, Severity } from '../language/diagnostic.js';
import type { LineIndex } from '../language/span.js';
import { TOOL_HOME } from '../version.js';
import type { ResolvedConfig } from './config.js';

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One sentence: what the rule checks. Feeds `ipt rules`, SARIF and hover. */
  description: string;
  docsUrl: string;
  /**
   * `statement`: judges statements one at a time, so it still runs when the file has syntax errors.
   * `plan`: needs the whole plan (presence, order, totals), so it is skipped while syntax errors
   * exist — a line the parser dropped must never turn into a semantic false alarm.
   */
  scope: 'statement' | 'plan';
  check(ctx: RuleContext): void;
}

export interface RuleContext {
  file: PlanFile;
  text: string;
  lines: LineIndex;
  /** Built-in vocabulary merged with the config's additions. */
  catalogue: Catalogue;
  config: ResolvedConfig;
  /** The plan's `variant` (or the config default, or acute) when it is known; undefined for an unknown name. */
  variant: VariantEntry | undefined;
  /** The planned total from `sessions N`, when present. */
  plannedTotal: number | undefined;
  report(report: Report): void;
}

/** Rule pages, under the repository named in package.json (see version.ts). */
export const DOCS_BASE = `${TOOL_HOME}/blob/main/docs/rules/`;

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
