/**
 * The language server: one analysis per document version, shared by every feature. Only the
 * connection differs between Node (main-node.ts) and, later, a browser worker.
 */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse, type Analysis } from '../analyse.js';
import type { Diagnostic } from '../language/diagnostic.js';
import { formatEdits } from '../format/edits.js';
import { defaultConfig, type ResolvedConfig } from '../rules/config.js';
import { loadConfig } from '../rules/load-config.js';
import { ruleById } from '../rules/registry.js';
import { TOOL_VERSION } from '../cli/version.js';
import { codeActionsFor } from './code-actions.js';
import { hoverAt } from '../features/hover.js';
import { planSymbols, type PlanSymbol, type SymbolKindName } from './symbols.js';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
const symbolKinds: Record<SymbolKindName, SymbolKind> = {
  file: SymbolKind.File,
  namespace: SymbolKind.Namespace,
  class: SymbolKind.Class,
  field: SymbolKind.Field,
  event: SymbolKind.Event,
  constant: SymbolKind.Constant,
  property: SymbolKind.Property,
};

export interface ServerOptions {
  /** Config for a document; default: `.iptrc.json` files above a `file:` document, else the defaults. */
  configFor?(uri: string): ResolvedConfig;
}

function configFromDisk(uri: string): ResolvedConfig {
  if (!uri.startsWith('file:')) return defaultConfig;
  return loadConfig(fileURLToPath(uri)).config;
}

export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  const rule = ruleById(d.rule);
  const lsp: LspDiagnostic = {
    range: d.range,
    severity: severities[d.severity],
    code: d.rule,
    source: 'ipt',
    message: d.message,
  };
  if (rule) lsp.codeDescription = { href: rule.docsUrl };
  if (d.rule === 'unused-disable') lsp.tags = [DiagnosticTag.Unnecessary];
  if (d.related?.length) lsp.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  return lsp;
}

export function createServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const configFor = options.configFor ?? configFromDisk;
  /** The analysis of each open document's latest version. */
  const analyses = new Map<string, { version: number; analysis: Analysis; config: ResolvedConfig }>();

  function analysisOf(document: TextDocument) {
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const config = configFor(document.uri);
    const fresh = { version: document.version, analysis: analyse(document.getText(), { config }), config };
    analyses.set(document.uri, fresh);
    return fresh;
  }

  /** Validates on the next turn of the event loop; a newer edit by then makes this one stale. */
  function schedule(document: TextDocument) {
    const { uri, version } = document;
    setImmediate(() => {
      const current = documents.get(uri);
      if (!current || current.version !== version) return;
      const { analysis } = analysisOf(current);
      void connection.sendDiagnostics({ uri, version, diagnostics: analysis.diagnostics.map((d) => toLspDiagnostic(d, uri)) });
    });
  }

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentFormattingProvider: true,
        documentSymbolProvider: true,
        hoverProvider: true,
      },
      serverInfo: { name: 'ipt-language-server', version: TOOL_VERSION },
    }),
  );

  documents.onDidOpen((event) => schedule(event.document));
  documents.onDidChangeContent((event) => schedule(event.document));
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { analysis } = analysisOf(document);
    const span = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
    return codeActionsFor(analysis, span).map(
      (action): CodeAction => ({
        title: action.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(action.diagnostic, document.uri)],
        isPreferred: action.isPreferred,
        edit: {
          changes: {
            [document.uri]: action.edits.map((edit) => ({ range: analysis.lines.rangeOf(edit.span), newText: edit.newText })),
          },
        },
      }),
    );
  });

  connection.onDocumentFormatting((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const result = formatEdits(document.getText());
    if ('error' in result) return [];
    return result.edits.map((edit) => ({ range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) }, newText: edit.newText }));
  });

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { analysis } = analysisOf(document);
    const convert = (symbol: PlanSymbol): DocumentSymbol => ({
      name: symbol.name,
      detail: symbol.detail,
      kind: symbolKinds[symbol.kind],
      range: analysis.lines.rangeOf(symbol.span),
      selectionRange: analysis.lines.rangeOf(symbol.selection),
      children: symbol.children.map(convert),
    });
    return planSymbols(analysis).map(convert);
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { analysis, config } = analysisOf(document);
    const hover = hoverAt(analysis, document.offsetAt(params.position), config);
    return hover ? { contents: { kind: 'markdown', value: hover.contents }, range: analysis.lines.rangeOf(hover.span) } : null;
  });

  documents.listen(connection);
  connection.listen();
}
