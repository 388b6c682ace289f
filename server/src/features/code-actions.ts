/**
 * Code actions, pure: each rule's fixes and "Disable RULE for this line" as quick fixes; "Fix all
 * auto-fixable problems" (`source.fixAll.ipt`, exactly what `ipt lint --fix` writes); and the
 * "organise" action that renumbers sessions (renumber-sessions.ts).
 */
import { analyse, type Analysis } from '../analyse.js';
import type { Diagnostic, TextEdit } from '../language/diagnostic.js';
import { pushAll } from '../language/arrays.js';
import type { Span } from '../language/span.js';
import { lineEdits } from '../format/edits.js';
import { format } from '../format/format.js';
import { applySafeFixes } from '../rules/apply-fixes.js';
import type { ResolvedConfig } from '../rules/config.js';
import { renumberSessionEdits } from './renumber-sessions.js';

export const FIX_ALL_KIND = 'source.fixAll.ipt';
export const ORGANISE_KIND = 'source.organize.ipt';

export type CodeActionKindName = 'quickfix' | typeof FIX_ALL_KIND | typeof ORGANISE_KIND;

export interface PlanCodeAction {
  title: string;
  kind: CodeActionKindName;
  /** The diagnostic a quick fix repairs. */
  diagnostic?: Diagnostic;
  edits: TextEdit[];
  isPreferred: boolean;
}

export interface CodeActionRequest {
  /** The selection or cursor. */
  span: Span;
  /** Kinds the client asked for (`only`); undefined = all. A kind matches its sub-kinds (`source` matches `source.fixAll.ipt`). */
  only?: readonly string[];
  config: ResolvedConfig;
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;
const RENUMBER_TITLE = 'Renumber sessions in order (phase ranges follow)';

function wanted(kind: CodeActionKindName, only: readonly string[] | undefined): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

export function codeActionsFor(analysis: Analysis, request: CodeActionRequest): PlanCodeAction[] {
  const actions: PlanCodeAction[] = [];
  if (wanted('quickfix', request.only)) pushAll(actions, quickFixes(analysis, request.span));
  if (wanted(FIX_ALL_KIND, request.only)) {
    const edits = fixAllEdits(analysis, request.config);
    if (edits.length > 0) actions.push({ title: 'Fix all auto-fixable problems', kind: FIX_ALL_KIND, edits, isPreferred: false });
  }
  if (wanted(ORGANISE_KIND, request.only)) {
    const edits = renumberSessionEdits(analysis);
    if (edits) actions.push({ title: RENUMBER_TITLE, kind: ORGANISE_KIND, edits, isPreferred: false });
  }
  return actions;
}

function quickFixes(analysis: Analysis, span: Span): PlanCodeAction[] {
  const actions: PlanCodeAction[] = [];
  let renumber: TextEdit[] | undefined | null = null;
  // Once, not per diagnostic: a search of the whole text for each of 10,000 made a selection of the
  // whole plan quadratic.
  let newline: string | undefined;
  for (const diagnostic of analysis.diagnostics) {
    if (!overlaps(diagnostic.span, span)) continue;
    const fixes = diagnostic.fixes ?? [];
    fixes.forEach((fix, index) => {
      actions.push({ title: fix.title, kind: 'quickfix', diagnostic, edits: fix.edits, isPreferred: index === 0 && fixes.length === 1 && fix.safe === true });
    });
    if (diagnostic.rule === 'phase-coverage') {
      // The renumbering also repairs gaps, overlaps and sessions outside their phase's range.
      renumber ??= renumberSessionEdits(analysis);
      if (renumber) actions.push({ title: RENUMBER_TITLE, kind: 'quickfix', diagnostic, edits: renumber, isPreferred: false });
    }
    if (diagnostic.rule !== 'syntax' && diagnostic.rule !== 'internal-error' && diagnostic.rule !== 'unused-disable') {
      newline ??= analysis.text.includes('\r\n') ? '\r\n' : '\n';
      actions.push({ title: `Disable ${diagnostic.rule} for this line`, kind: 'quickfix', diagnostic, edits: [disableNextLine(analysis, diagnostic, newline)], isPreferred: false });
    }
  }
  return actions;
}

/** The edits that turn the plan into what `ipt lint --fix` would write (safe fixes, then formatting). */
export function fixAllEdits(analysis: Analysis, config: ResolvedConfig): TextEdit[] {
  const outcome = applySafeFixes(analysis.text, {
    analyse: (text) => (text === analysis.text ? analysis : analyse(text, { config })),
    format,
  });
  if (outcome.refused || outcome.text === analysis.text) return [];
  return lineEdits(analysis.text, outcome.text);
}

/** Inserts `# ipt-disable-next-line RULE` above the diagnostic's line, indented like it. */
function disableNextLine(analysis: Analysis, diagnostic: Diagnostic, newline: string): TextEdit {
  const line = diagnostic.range.start.line;
  const lineStart = analysis.lines.lineStarts[line];
  const indent = /^[ \t]*/.exec(analysis.text.slice(lineStart, analysis.lines.lineEnd(line)))?.[0] ?? '';
  return { span: { start: lineStart, end: lineStart }, newText: `${indent}# ipt-disable-next-line ${diagnostic.rule} -- say why this is fine${newline}` };
}
