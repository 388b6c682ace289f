/** The outline: plan, focus (goals), measures, risk, phases (sessions) — a pure function over an analysis. */
import type { Analysis } from '../analyse.js';
import type { Span } from '../language/span.js';

export type SymbolKindName = 'file' | 'namespace' | 'class' | 'field' | 'event' | 'constant' | 'property';

export interface PlanSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  span: Span;
  selection: Span;
  children: PlanSymbol[];
}

export function planSymbols(analysis: Analysis): PlanSymbol[] {
  const file = analysis.ast;
  const symbols: PlanSymbol[] = [];
  if (file.plan && !file.plan.implicit) {
    symbols.push({ name: file.plan.title?.value || 'plan', detail: analysis.variant?.title, kind: 'file', span: file.plan.blockSpan, selection: file.plan.title?.span ?? file.plan.keyword, children: [] });
  }
  for (const section of file.sections) {
    switch (section.kind) {
      case 'focus':
        symbols.push({
          name: `focus ${section.area?.value ?? ''}`.trim(),
          detail: section.description?.value,
          kind: 'namespace',
          span: section.blockSpan,
          selection: section.area?.span ?? section.keyword,
          children: section.goals.map((goal) => ({ name: goal.id?.value ?? 'goal', detail: goal.text?.value, kind: 'field', span: goal.span, selection: goal.id?.span ?? goal.keyword, children: [] })),
        });
        break;
      case 'measure':
        symbols.push({ name: `measure ${section.instrument?.value ?? ''}`.trim(), kind: 'property', span: section.span, selection: section.instrument?.span ?? section.keyword, children: [] });
        break;
      case 'risk':
        symbols.push({ name: `risk ${section.level?.value ?? ''}`.trim(), detail: section.text?.value, kind: 'constant', span: section.blockSpan, selection: section.level?.span ?? section.keyword, children: [] });
        break;
      case 'phase': {
        const range = section.range ? (section.range.first === section.range.last ? `${section.range.first}` : `${section.range.first}-${section.range.last}`) : '';
        symbols.push({
          name: `phase ${section.name?.value ?? ''}`.trim(),
          detail: range ? `sessions ${range}` : undefined,
          kind: 'class',
          span: section.blockSpan,
          selection: section.name?.span ?? section.keyword,
          children: section.sessions.map((session) => {
            const n = session.number ? (session.number.first === session.number.last ? `${session.number.first}` : `${session.number.first}-${session.number.last}`) : '?';
            return { name: `session ${n}`, detail: session.title?.value, kind: 'event', span: session.blockSpan, selection: session.number?.span ?? session.keyword, children: [] };
          }),
        });
        break;
      }
    }
  }
  return symbols;
}
