/**
 * `--format github`: GitHub Actions workflow commands, which show as annotations on the pull request:
 *   ::error file=plans/a.ipt,line=3,col=9,endLine=3,endColumn=20,title=session-count::message
 * warning → ::warning, info → ::notice. GitHub shows at most 10 annotations of each kind per step, so
 * when there are more a notice comes first, saying how many there are and where to see them all.
 */
import type { Severity } from '../../language/diagnostic.js';
import type { Formatter } from './types.js';
import { oneBased } from './types.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Annotations of one kind GitHub shows for a step (the rest only reach the step's log). */
export const ANNOTATIONS_PER_KIND = 10;

/** Escapes a message (the command's data). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value, where `,` and `:` separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (reports) => {
  const lines: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const report of reports) for (const diagnostic of report.diagnostics) count[diagnostic.severity]++;
  const over = (['error', 'warning', 'info'] as const).filter((severity) => count[severity] > ANNOTATIONS_PER_KIND);
  if (over.length > 0) {
    const counts = over.map((severity) => `${count[severity]} ${severity === 'info' ? 'info' : `${severity}s`}`).join(' and ');
    lines.push(
      `::notice title=ipt lint::${counts}: GitHub shows ${ANNOTATIONS_PER_KIND} annotations of each kind per step. This step's log lists every problem; \`npx ipt lint\` shows them with their rules, and code scanning (SARIF) keeps them all.`,
    );
  }
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) {
      const at = oneBased(diagnostic);
      const properties = [
        `file=${escapeProperty(report.file)}`,
        `line=${at.line}`,
        `col=${at.column}`,
        `endLine=${at.endLine}`,
        `endColumn=${at.endColumn}`,
        `title=${escapeProperty(diagnostic.rule)}`,
      ].join(',');
      lines.push(`::${commands[diagnostic.severity]} ${properties}::${escapeData(diagnostic.message)}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
};
