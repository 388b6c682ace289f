/**
 * `--format stylish` (the default), after ESLint's: problems grouped by file, one per line as
 * `line:col  severity  message  rule` in aligned columns (wrapped to the terminal's width when a
 * row would not fit), then a summary and how many problems `--fix` would repair. Colour only when
 * asked (a terminal without NO_COLOR).
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
    out.push('', paint(ansi.underline, report.file));
    for (const line of fileLines(report, paint, options.width)) out.push(line);
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

/** Below this many columns for the message, wrapping would make things worse: lines run on instead. */
const MIN_MESSAGE_WIDTH = 24;

/**
 * One file's problems as `line:col  severity  message  rule`, positions right-aligned and severities
 * padded. The rule ids line up in a column when every row fits the width (the terminal's, or 80
 * when it is unknown); otherwise each rule follows its message, and on a terminal a long message
 * wraps at word boundaries under the message column. Loops only: a file may have 150,000 problems.
 */
function fileLines(report: FileReport, paint: (codes: string, text: string) => string, width: number | undefined): string[] {
  const rows = report.diagnostics.map((d) => ({
    position: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
    severity: d.severity,
    message: oneLine(d.message),
    rule: d.rule,
  }));
  let positionWidth = 0;
  let severityWidth = 0;
  let messageWidth = 0;
  let ruleWidth = 0;
  for (const row of rows) {
    positionWidth = Math.max(positionWidth, row.position.length);
    severityWidth = Math.max(severityWidth, row.severity.length);
    messageWidth = Math.max(messageWidth, row.message.length);
    ruleWidth = Math.max(ruleWidth, row.rule.length);
  }
  const indent = 2 + positionWidth + 2 + severityWidth + 2;
  const aligned = indent + messageWidth + 2 + ruleWidth <= (width ?? 80);
  const wrapAt = width !== undefined && width - indent >= MIN_MESSAGE_WIDTH ? width - indent : undefined;

  const lines: string[] = [];
  for (const row of rows) {
    const head = `  ${paint(ansi.dim, row.position.padStart(positionWidth))}  ${paint(severityColour[row.severity], row.severity.padEnd(severityWidth))}  `;
    const rule = paint(ansi.dim, row.rule);
    if (aligned) {
      lines.push(`${head}${row.message.padEnd(messageWidth)}  ${rule}`);
      continue;
    }
    const parts = wrapAt === undefined ? [row.message] : wrap(row.message, wrapAt);
    const last = parts.length - 1;
    const ruleFits = wrapAt === undefined || parts[last].length + 2 + row.rule.length <= wrapAt;
    parts.forEach((part, i) => {
      const text = i === last && ruleFits ? `${part}  ${rule}` : part;
      lines.push(i === 0 ? `${head}${text}` : `${' '.repeat(indent)}${text}`);
    });
    if (!ruleFits) lines.push(`${' '.repeat(indent)}${rule}`);
  }
  return lines;
}

/** Words into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
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
