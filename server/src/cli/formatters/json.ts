/**
 * `--format json`: a fixed shape for scripts, one entry per linted file (clean files too):
 * [{"file", "diagnostics": [{"rule", "severity", "message", "line", "column", "endLine", "endColumn"}]}]
 * Lines and columns are 1-based; endColumn is exclusive.
 */
import type { Formatter } from './types.js';
import { oneBased } from './types.js';

export const formatJson: Formatter = (reports) => {
  const output = reports.map((report) => ({
    file: report.file,
    diagnostics: report.diagnostics.map((diagnostic) => {
      const position = oneBased(diagnostic);
      return {
        rule: diagnostic.rule,
        severity: diagnostic.severity,
        message: diagnostic.message,
        line: position.line,
        column: position.column,
        endLine: position.endLine,
        endColumn: position.endColumn,
      };
    }),
  }));
  return `${JSON.stringify(output)}\n`;
};
