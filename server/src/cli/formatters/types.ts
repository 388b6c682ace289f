/** What every output format receives: one report per linted file, in the order they were linted. */
import type { Diagnostic } from '../../language/diagnostic.js';
import type { Rule } from '../../rules/rule.js';

export interface FileReport {
  /** Path relative to the working directory, with forward slashes (absolute when outside it). */
  file: string;
  /** The plan's text as linted, for formats that identify a finding by its line's content (SARIF's partialFingerprints). */
  text?: string;
  diagnostics: Diagnostic[];
}

export interface FormatOptions {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** Rule metadata for SARIF `rules[]`. */
  rules: readonly Rule[];
  /** The terminal's width in columns (stylish wraps to it); undefined when unknown (a pipe or a file). */
  width?: number;
}

export type Formatter = (reports: readonly FileReport[], options: FormatOptions) => string;

/** True when a diagnostic has a fix that `ipt lint --fix` would apply. */
export function isFixable(diagnostic: Diagnostic): boolean {
  return diagnostic.fixes?.some((fix) => fix.safe === true) ?? false;
}

/** 1-based line and column of a diagnostic's start and (exclusive) end, as editors and CI show them. */
export function oneBased(diagnostic: Diagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  const { start, end } = diagnostic.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
