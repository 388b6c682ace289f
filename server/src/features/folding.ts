/** Folding ranges: the plan header, each focus, risk, phase and session block, and runs of comment lines. */
import type { Analysis } from '../analyse.js';
import { pushAll } from '../language/arrays.js';
import type { Span } from '../language/span.js';

export interface PlanFoldingRange {
  /** 0-based lines; the start line stays visible when folded. */
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

export function foldingRanges(analysis: Analysis): PlanFoldingRange[] {
  const { ast, lines } = analysis;
  const ranges: PlanFoldingRange[] = [];
  const block = (span: Span) => {
    const startLine = lines.positionAt(span.start).line;
    const endLine = lines.positionAt(span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  if (ast.plan && !ast.plan.implicit) block(ast.plan.blockSpan);
  for (const section of ast.sections) {
    if (section.kind === 'measure') continue;
    block(section.blockSpan);
    if (section.kind === 'phase') for (const session of section.sessions) block(session.blockSpan);
  }
  pushAll(ranges, commentRuns(analysis));
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Two or more consecutive lines that hold nothing but a comment. */
function commentRuns({ ast, lines, text }: Analysis): PlanFoldingRange[] {
  const runs: PlanFoldingRange[] = [];
  let first = -1;
  let last = -1;
  const close = () => {
    if (first >= 0 && last > first) runs.push({ startLine: first, endLine: last, kind: 'comment' });
  };
  for (const comment of ast.comments) {
    const line = lines.positionAt(comment.span.start).line;
    const ownLine = text.slice(lines.lineStarts[line], comment.span.start).trim() === '';
    if (!ownLine) continue;
    if (line !== last + 1 || first < 0) {
      close();
      first = line;
    }
    last = line;
  }
  close();
  return runs;
}
