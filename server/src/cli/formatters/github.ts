/**
 * `--format github`: GitHub Actions workflow commands, which show as annotations on the pull request:
 *   ::error file=plans/a.ipt,line=3,col=9,endLine=3,endColumn=20,title=session-count::message
 * warning → ::warning, info → ::notice.
 */
import type { Severity } from '../../language/diagnostic.js';
import type { Formatter } from './types.js';
import { oneBased } from './types.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

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
