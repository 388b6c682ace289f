/** Diagnostics as the core produces them: rule id, severity, message, range and optional fixes. */
import type { Range, Span } from './span.js';

export type Severity = 'error' | 'warning' | 'info';
/** A rule setting in config: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** Replace the text at `span` (offsets into the plan) with `newText`. An insertion has start = end. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/**
 * A mechanical fix. `safe` fixes are applied by `ipt lint --fix`; every fix is offered as an editor
 * quick fix. One `Fix` is one choice; its edits are applied together.
 */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without a person choosing (one obvious repair). */
  safe?: boolean;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  /** Offsets into the text. */
  span: Span;
  /** 0-based line/character, derived from `span`. */
  range: Range;
  fixes?: Fix[];
  /** Extra places that explain the diagnostic (e.g. the first definition of a duplicate goal). */
  related?: { span: Span; range: Range; message: string }[];
}

/** What a rule reports; the engine adds the rule id, the configured severity and the range. */
export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's configured severity for this report (e.g. a rule that is mostly a warning). */
  severity?: Severity;
  fixes?: Fix[];
  related?: { span: Span; message: string }[];
}

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
