/** Core results → LSP shapes. The core speaks offsets and its own kinds; the protocol speaks ranges and enums. */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  FoldingRangeKind,
  InsertTextFormat,
  SymbolKind,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type SelectionRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { Analysis } from '../analyse.js';
import type { Diagnostic, TextEdit } from '../language/diagnostic.js';
import type { LineIndex, Span } from '../language/span.js';
import { ruleById } from '../rules/registry.js';
import type { PlanCompletion } from '../features/completion.js';
import type { CodeActionKindName } from '../features/code-actions.js';
import type { PlanFoldingRange } from '../features/folding.js';
import type { PlanSymbol, SymbolKindName } from '../features/symbols.js';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  const rule = ruleById(d.rule);
  const lsp: LspDiagnostic = { range: d.range, severity: severities[d.severity], code: d.rule, source: 'ipt', message: d.message };
  if (rule) lsp.codeDescription = { href: rule.docsUrl };
  if (d.rule === 'unused-disable') lsp.tags = [DiagnosticTag.Unnecessary];
  if (d.related?.length) lsp.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  return lsp;
}

export function toLspEdits(lines: LineIndex, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: lines.rangeOf(edit.span), newText: edit.newText }));
}

export const codeActionKinds: Record<CodeActionKindName, string> = {
  quickfix: CodeActionKind.QuickFix,
  'source.fixAll.ipt': 'source.fixAll.ipt',
  'source.organize.ipt': 'source.organize.ipt',
};

const symbolKinds: Record<SymbolKindName, SymbolKind> = {
  file: SymbolKind.File,
  namespace: SymbolKind.Namespace,
  class: SymbolKind.Class,
  field: SymbolKind.Field,
  event: SymbolKind.Event,
  constant: SymbolKind.Constant,
  property: SymbolKind.Property,
};

export function toDocumentSymbol(lines: LineIndex, symbol: PlanSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbolKinds[symbol.kind],
    range: lines.rangeOf(symbol.span),
    selectionRange: lines.rangeOf(symbol.selection),
    children: symbol.children.map((child) => toDocumentSymbol(lines, child)),
  };
}

export function toFoldingRange(range: PlanFoldingRange): FoldingRange {
  return range.kind === 'comment' ? { startLine: range.startLine, endLine: range.endLine, kind: FoldingRangeKind.Comment } : { startLine: range.startLine, endLine: range.endLine };
}

/** Innermost first → the LSP's linked list with `parent`. */
export function toSelectionRange(lines: LineIndex, spans: readonly Span[]): SelectionRange {
  let range: SelectionRange | undefined;
  for (let i = spans.length - 1; i >= 0; i--) range = { range: lines.rangeOf(spans[i]), parent: range };
  return range ?? { range: lines.rangeOf({ start: 0, end: 0 }) };
}

const completionKinds: Record<PlanCompletion['kind'], CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  value: CompletionItemKind.EnumMember,
  goal: CompletionItemKind.Reference,
  'session-number': CompletionItemKind.Value,
  date: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(analysis: Analysis, offset: number, item: PlanCompletion): CompletionItem {
  const replace = item.replace ?? { start: offset, end: offset };
  const lsp: CompletionItem = {
    label: item.label,
    kind: completionKinds[item.kind],
    textEdit: { range: analysis.lines.rangeOf(replace), newText: item.insertText ?? item.label },
  };
  if (item.isSnippet) lsp.insertTextFormat = InsertTextFormat.Snippet;
  if (item.detail !== undefined) lsp.detail = item.detail;
  if (item.documentation !== undefined) lsp.documentation = { kind: 'markdown', value: item.documentation };
  if (item.sortText !== undefined) lsp.sortText = item.sortText;
  if (item.filterText !== undefined) lsp.filterText = item.filterText;
  if (item.preselect) lsp.preselect = true;
  if (item.deprecated) lsp.tags = [1 /* CompletionItemTag.Deprecated */];
  return lsp;
}
