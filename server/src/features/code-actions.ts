/** Quick fixes: the rules' fixes (shared with `ipt lint --fix`) and "disable for this line". Pure. */
import type { Analysis } from '../analyse.js';
import type { Diagnostic, TextEdit } from '../language/diagnostic.js';
import type { Span } from '../language/span.js';

export interface PlanCodeAction {
  title: string;
  diagnostic: Diagnostic;
  edits: TextEdit[];
  isPreferred: boolean;
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

export function codeActionsFor(analysis: Analysis, span: Span): PlanCodeAction[] {
  const actions: PlanCodeAction[] = [];
  for (const diagnostic of analysis.diagnostics) {
    if (!overlaps(diagnostic.span, span)) continue;
    const fixes = diagnostic.fixes ?? [];
    fixes.forEach((fix, index) => {
      actions.push({ title: fix.title, diagnostic, edits: fix.edits, isPreferred: index === 0 && fixes.length === 1 && fix.safe === true });
    });
    if (diagnostic.rule !== 'syntax' && diagnostic.rule !== 'internal-error' && diagnostic.rule !== 'unused-disable') {
      actions.push({ title: `Disable ${diagnostic.rule} for this line`, diagnostic, edits: [disableNextLine(analysis, diagnostic)], isPreferred: false });
    }
  }
  return actions;
}

/** Inserts `# ipt-disable-next-line RULE` above the diagnostic's line, indented like it. */
function disableNextLine(analysis: Analysis, diagnostic: Diagnostic): TextEdit {
  const line = diagnostic.range.start.line;
  const lineStart = analysis.lines.lineStarts[line];
  const indent = /^[ \t]*/.exec(analysis.text.slice(lineStart, analysis.lines.lineEnd(line)))?.[0] ?? '';
  const newline = analysis.text.includes('\r\n') ? '\r\n' : '\n';
  return { span: { start: lineStart, end: lineStart }, newText: `${indent}# ipt-disable-next-line ${diagnostic.rule} -- say why this is fine${newline}` };
}
