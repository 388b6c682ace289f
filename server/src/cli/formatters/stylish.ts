/**
 * `--format stylish` (the default), after ESLint's: problems grouped by file, one per line as
 * `line:col  severity  message  rule` in aligned columns, then a summary and how many problems
 * `--fix` would repair. Colour only when asked (a terminal without NO_COLOR).
 */
import type { Diagnostic, Severity } from '../../language/diagnostic.js';
import type { FileReport, Formatter } from './types.js';
import { isFixable } from './types.js';

const ansi = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  green: '\u001b[32m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  underline: '\u001b[4m',
  reset: '\u001b[0m',
};

const severityColour: Record<Severity, string> = { error: ansi.red, warning: ansi.yellow, info: ansi.blue };

export const formatStylish: Formatter = (reports, options) => {
  const paint = (codes: string, text: string) => (options.color ? `${codes}${text}${ansi.reset}` : text);
  const out: string[] = [];
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    out.push('', paint(ansi.underline, report.file), ...fileLines(report, paint));
  }

  const count = countBySeverity(reports.flatMap((r) => r.diagnostics));
  const problems = count.error + count.warning + count.info;
  const files = reports.length;
  if (problems === 0) {
    out.push(paint(ansi.green, `✔ ${plural(files, 'plan')} checked: no problems.`));
    return `${out.join('\n')}\n`;
  }
  const parts = [plural(count.error, 'error'), plural(count.warning, 'warning')];
  if (count.info > 0) parts.push(plural(count.info, 'info', 'info'));
  const summaryColour = count.error > 0 ? ansi.red : count.warning > 0 ? ansi.yellow : ansi.blue;
  out.push('', paint(ansi.bold + summaryColour, `✖ ${plural(problems, 'problem')} (${parts.join(', ')})`));

  // --fix never touches a plan with syntax errors, so its fixes are not counted as fixable.
  const fixable = reports.filter((r) => !r.diagnostics.some((d) => d.rule === 'syntax')).flatMap((r) => r.diagnostics).filter(isFixable);
  if (fixable.length > 0) {
    const fixCount = countBySeverity(fixable);
    out.push(
      paint(
        summaryColour,
        `  ${plural(fixCount.error, 'error')} and ${plural(fixCount.warning, 'warning')}${fixCount.info ? ` and ${plural(fixCount.info, 'info', 'info')}` : ''} potentially fixable with the \`--fix\` option.`,
      ),
    );
  }
  return `${out.join('\n')}\n`;
};

function fileLines(report: FileReport, paint: (codes: string, text: string) => string): string[] {
  const rows = report.diagnostics.map((d) => ({
    position: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
    severity: d.severity,
    message: oneLine(d.message),
    rule: d.rule,
  }));
  const positionWidth = Math.max(...rows.map((r) => r.position.length));
  const severityWidth = Math.max(...rows.map((r) => r.severity.length));
  const messageWidth = Math.max(...rows.map((r) => r.message.length));
  return rows.map(
    (row) =>
      `  ${paint(ansi.dim, row.position.padStart(positionWidth))}  ${paint(severityColour[row.severity], row.severity.padEnd(severityWidth))}  ${row.message.padEnd(messageWidth)}  ${paint(ansi.dim, row.rule)}`,
  );
}

function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) count[d.severity]++;
  return count;
}

function oneLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, ' ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
