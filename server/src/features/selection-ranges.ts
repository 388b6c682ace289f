/**
 * Selection ranges (expand selection): the word under the cursor → its statement → the session →
 * the phase (or the plan header, focus or risk block) → the whole file. Each span contains the last.
 */
import type { Analysis } from '../analyse.js';
import type { Span } from '../language/span.js';

const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;
const inside = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

/** The spans from innermost to outermost around `offset`; each strictly larger than the one before. */
export function selectionRangesAt(analysis: Analysis, offset: number): Span[] {
  const { ast } = analysis;
  const chain: Span[] = [];
  const add = (span: Span | undefined) => {
    if (!span) return;
    const last = chain[chain.length - 1];
    if (last && (!contains(span, last) || (span.start === last.start && span.end === last.end))) return;
    chain.push(span);
  };
  add(wordAt(analysis, offset));

  const plan = ast.plan && !ast.plan.implicit ? ast.plan : undefined;
  if (plan && inside(plan.blockSpan, offset)) {
    add(plan.headers.find((h) => inside(h.span, offset))?.span ?? (inside(plan.span, offset) ? plan.span : undefined));
    add(plan.blockSpan);
  }
  for (const section of ast.sections) {
    const outer = section.kind === 'measure' ? section.span : section.blockSpan;
    if (!inside(outer, offset)) continue;
    switch (section.kind) {
      case 'focus':
        add([section, ...section.stages, ...section.goals].find((s) => inside(s.span, offset))?.span);
        break;
      case 'risk':
        add([section, ...section.safetyPlans].find((s) => inside(s.span, offset))?.span);
        break;
      case 'phase': {
        const session = section.sessions.find((s) => inside(s.blockSpan, offset));
        if (session) {
          add(session.items.find((item) => inside(item.span, offset))?.span ?? (inside(session.span, offset) ? session.span : undefined));
          add(session.blockSpan);
        } else if (inside(section.span, offset)) add(section.span);
        break;
      }
      case 'measure':
        break;
    }
    add(outer);
    break;
  }
  add({ start: 0, end: analysis.text.length });
  return chain;
}

/** A quoted string (with its quotes), or a run of non-space characters without a trailing comma. */
function wordAt({ text, lines }: Analysis, offset: number): Span | undefined {
  const line = lines.positionAt(offset).line;
  const start = lines.lineStarts[line];
  const end = lines.lineEnd(line);
  const lineText = text.slice(start, end);
  const pattern = /"(?:[^"\\]|\\.)*"?|#.*|[^\s,"#]+/g;
  for (let match = pattern.exec(lineText); match; match = pattern.exec(lineText)) {
    const span = { start: start + match.index, end: start + match.index + match[0].length };
    if (inside(span, offset)) return span;
  }
  return undefined;
}
