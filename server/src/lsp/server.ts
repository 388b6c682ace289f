/**
 * The language server, written once for Node and the browser: `createServer(connection, host)`.
 * Each open document is analysed once per version and every feature reads that analysis. The
 * features are pure functions in server/src/features/; this file only translates the protocol.
 * A feature that throws is contained here: its stack goes to the client's log and the request
 * gets an empty result, so one bad plan never takes the server down.
 */
import {
  DidChangeWatchedFilesNotification,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Location,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse, unreadPlanAnalysis, type Analysis } from '../analyse.js';
import { planSizeProblem } from '../language/limits.js';
import type { ResolvedConfig } from '../rules/config.js';
import { CONFIG_FILE_NAME } from '../rules/config-text.js';
import type { RenderFormat } from '../render/index.js';
import { TOOL_VERSION } from '../version.js';
import { codeActionsFor, FIX_ALL_KIND, ORGANISE_KIND } from '../features/code-actions.js';
import { phaseLenses } from '../features/code-lens.js';
import { completionsAt, completionTriggerCharacters } from '../features/completion.js';
import { foldingRanges } from '../features/folding.js';
import { goalDefinition, goalReferences, prepareGoalRename, renameGoal } from '../features/goal-references.js';
import { hoverAt } from '../features/hover.js';
import { sessionDateHints } from '../features/inlay-hints.js';
import { catalogueLists, newPlanText, type NewPlanRequest } from '../features/new-plan.js';
import { planPreview, renderPlan } from '../features/preview.js';
import { onTypeFormatEdits, rangeFormatEdits } from '../features/range-formatting.js';
import { selectionRangesAt } from '../features/selection-ranges.js';
import { semanticTokensData, semanticTokensLegend } from '../features/semantic-tokens.js';
import { planSummary } from '../features/summary.js';
import { planSymbols } from '../features/symbols.js';
import { formatEdits } from '../format/edits.js';
import { codeActionKinds, toCompletionItem, toDocumentSymbol, toFoldingRange, toLspDiagnostic, toLspEdits, toSelectionRange } from './convert.js';
import { DocumentScheduler } from './document-scheduler.js';
import { folderOf, isInside, type FoundPlans, type PlanFileText, type ServerHost, type UnreadPlanFile } from './host.js';


interface Analysed {
  version: number;
  analysis: Analysis;
  config: ResolvedConfig;
}

type TextDocumentParams = { textDocument: { uri: string } };

const renderFormats: readonly RenderFormat[] = ['html', 'markdown', 'fhir'];

export function createServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  let workspaceFolders: string[] = [];
  /** The client can register file watchers for us (dynamic registration of didChangeWatchedFiles). */
  let canWatch = false;
  /** The client tells us when workspace folders are added or removed. */
  let foldersChange = false;
  /** The client re-requests semantic tokens when asked (config can add vocabulary words). */
  let canRefreshTokens = false;

  /** Edits coalesced per document, one publish per version, requests answered from the current version. */
  const scheduler = new DocumentScheduler<TextDocument, Analysed>({
    current: (uri) => documents.get(uri),
    analyse(document) {
      const config = host.configFor(document.uri);
      return { version: document.version, analysis: analyse(document.getText(), { config }), config };
    },
    publish(document, { version, analysis }) {
      const { uri } = document;
      const diagnostics = contained('textDocument/publishDiagnostics', [], () => {
        // A rule that threw is one `internal-error` diagnostic for the user; the log says which and why.
        for (const d of analysis.diagnostics) if (d.rule === 'internal-error') connection.console.error(`ipt-language-server: ${uri} (version ${version}): ${d.message}`);
        return analysis.diagnostics.map((d) => toLspDiagnostic(d, uri));
      });
      void connection.sendDiagnostics({ uri, version, diagnostics });
    },
    failed: (error) => logFailure('textDocument/publishDiagnostics', error),
  });

  function analysisOf(document: TextDocument): Analysed {
    return scheduler.analysisOf(document);
  }

  /** Runs a feature; a throw is logged with its stack and answered with `fallback`. */
  function contained<T>(method: string, fallback: T, run: () => T): T {
    try {
      if (host.failingMethod === method) throw new Error(`injected failure in ${method} (IPT_LSP_FAIL)`);
      return run();
    } catch (error) {
      if (error instanceof ResponseError) throw error; // a deliberate answer (bad parameters), not a failure
      logFailure(method, error);
      return fallback;
    }
  }

  function logFailure(method: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    connection.console.error(`ipt-language-server: ${method} failed and returned an empty result.\n${detail}`);
  }

  /** A request on an open document: null/empty for an unknown one, contained when the feature throws. */
  function onDocument<P extends TextDocumentParams, R>(method: string, fallback: R, run: (document: TextDocument, analysed: Analysed, params: P) => R) {
    return (params: P): R => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return fallback;
      return contained(method, fallback, () => run(document, analysisOf(document), params));
    };
  }

  /** Config changed: forget the analyses it governed and publish fresh diagnostics for them. */
  function revalidate(governed: (uri: string) => boolean) {
    let any = false;
    for (const document of documents.all()) {
      if (!governed(document.uri)) continue;
      scheduler.invalidate(document);
      any = true;
    }
    // Vocabulary added by config changes which words are known, so the highlighting changes too.
    if (any && canRefreshTokens) void connection.languages.semanticTokens.refresh();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    foldersChange = params.capabilities.workspace?.workspaceFolders === true;
    canRefreshTokens = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
    host.setConfigWatched?.(canWatch);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [codeActionKinds.quickfix, FIX_ALL_KIND, ORGANISE_KIND] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
        semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: foldersChange } },
      },
      serverInfo: { name: 'ipt-language-server', version: TOOL_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (foldersChange) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((uri) => !removed.has(uri)), ...event.added.map((f) => f.uri)];
      });
    }
    if (canWatch && host.setConfigWatched && host.configFilesChanged) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(() => host.setConfigWatched!(false));
    }
  });

  // didOpen fires both events for the first version: the scheduler publishes it once.
  documents.onDidOpen((event) => scheduler.changed(event.document));
  documents.onDidChangeContent((event) => scheduler.changed(event.document));
  documents.onDidClose((event) => {
    scheduler.closed(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  // ------------------------------------------------------------- configuration

  connection.onDidChangeWatchedFiles((params) => {
    const changed = params.changes.map((c) => c.uri).filter((uri) => uri.endsWith(`/${CONFIG_FILE_NAME}`));
    if (changed.length === 0 || !host.configFilesChanged?.(changed)) return;
    const folders = changed.map(folderOf);
    revalidate((uri) => folders.some((folder) => isInside(uri, folder)));
  });

  connection.onNotification('ipt/configFiles', (params: { files?: PlanFileText[] }) => {
    if (!host.setConfigFiles) return;
    contained('ipt/configFiles', undefined, () => host.setConfigFiles!(params.files ?? []));
    revalidate(() => true);
  });

  // ------------------------------------------------------------- editing features

  connection.onCompletion(
    onDocument('textDocument/completion', [], (document, { analysis, config }, params: TextDocumentParams & { position: { line: number; character: number } }) => {
      const offset = document.offsetAt(params.position);
      return completionsAt(analysis, offset, config).map((item) => toCompletionItem(analysis, offset, item));
    }),
  );

  connection.onHover(
    onDocument('textDocument/hover', null, (document, { analysis, config }, params) => {
      const hover = hoverAt(analysis, document.offsetAt(params.position), config);
      return hover ? { contents: { kind: 'markdown' as const, value: hover.contents }, range: analysis.lines.rangeOf(hover.span) } : null;
    }),
  );

  connection.onDocumentSymbol(onDocument('textDocument/documentSymbol', [], (_document, { analysis }) => planSymbols(analysis).map((s) => toDocumentSymbol(analysis.lines, s))));

  connection.onFoldingRanges(onDocument('textDocument/foldingRange', [], (_document, { analysis }) => foldingRanges(analysis).map(toFoldingRange)));

  connection.onSelectionRanges(
    onDocument('textDocument/selectionRange', [], (document, { analysis }, params) =>
      params.positions.map((position) => toSelectionRange(analysis.lines, selectionRangesAt(analysis, document.offsetAt(position)))),
    ),
  );

  connection.onDefinition(
    onDocument('textDocument/definition', [] as Location[], (document, { analysis }, params) =>
      goalDefinition(analysis, document.offsetAt(params.position)).map((span) => ({ uri: document.uri, range: analysis.lines.rangeOf(span) })),
    ),
  );

  connection.onReferences(
    onDocument('textDocument/references', [] as Location[], (document, { analysis }, params) =>
      goalReferences(analysis, document.offsetAt(params.position), params.context.includeDeclaration).map((span) => ({ uri: document.uri, range: analysis.lines.rangeOf(span) })),
    ),
  );

  // Rename answers a refusal as an error, so the editor shows its reason instead of doing nothing.
  connection.onPrepareRename(
    onDocument('textDocument/prepareRename', null, (document, { analysis }, params) => {
      const check = prepareGoalRename(analysis, document.offsetAt(params.position));
      if ('error' in check) throw new ResponseError(ErrorCodes.InvalidRequest, check.error);
      return { range: analysis.lines.rangeOf(check.span), placeholder: check.placeholder };
    }),
  );

  connection.onRenameRequest(
    onDocument('textDocument/rename', null, (document, { analysis }, params) => {
      const result = renameGoal(analysis, document.offsetAt(params.position), params.newName);
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return { changes: { [document.uri]: toLspEdits(analysis.lines, result.edits) } };
    }),
  );

  connection.onCodeAction(
    onDocument('textDocument/codeAction', [] as CodeAction[], (document, { analysis, config }, params) => {
      const span = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
      return codeActionsFor(analysis, { span, only: params.context.only, config }).map((action): CodeAction => {
        const lsp: CodeAction = { title: action.title, kind: codeActionKinds[action.kind], edit: { changes: { [document.uri]: toLspEdits(analysis.lines, action.edits) } } };
        if (action.diagnostic) lsp.diagnostics = [toLspDiagnostic(action.diagnostic, document.uri)];
        if (action.isPreferred) lsp.isPreferred = true;
        return lsp;
      });
    }),
  );

  connection.onCodeLens(
    onDocument('textDocument/codeLens', [], (_document, { analysis }) =>
      phaseLenses(analysis).map((lens) => ({ range: analysis.lines.rangeOf(lens.span), command: { title: lens.title, command: '' } })),
    ),
  );

  connection.languages.inlayHint.on(
    onDocument('textDocument/inlayHint', [], (document, { analysis }, params) => {
      const span = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
      return sessionDateHints(analysis, span).map((hint) => ({ position: analysis.lines.positionAt(hint.offset), label: hint.label, paddingLeft: true, tooltip: { kind: 'markdown' as const, value: hint.tooltip } }));
    }),
  );

  connection.onDocumentFormatting(
    onDocument('textDocument/formatting', [], (document, { analysis }) => {
      const result = formatEdits(document.getText());
      return 'error' in result ? [] : toLspEdits(analysis.lines, result.edits);
    }),
  );

  connection.onDocumentRangeFormatting(
    onDocument('textDocument/rangeFormatting', [], (document, { analysis }, params) => {
      const result = rangeFormatEdits(document.getText(), { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) });
      return 'error' in result ? [] : toLspEdits(analysis.lines, result.edits);
    }),
  );

  connection.onDocumentOnTypeFormatting(
    onDocument('textDocument/onTypeFormatting', [], (document, { analysis }, params) =>
      toLspEdits(analysis.lines, onTypeFormatEdits(document.getText(), document.offsetAt(params.position), params.ch)),
    ),
  );

  connection.languages.semanticTokens.on(onDocument('textDocument/semanticTokens/full', { data: [] as number[] }, (_document, { analysis, config }) => ({ data: semanticTokensData(analysis, undefined, config) })));

  connection.languages.semanticTokens.onRange(
    onDocument('textDocument/semanticTokens/range', { data: [] as number[] }, (document, { analysis, config }, params) => ({
      data: semanticTokensData(analysis, { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) }, config),
    })),
  );

  // ------------------------------------------------------------- custom requests (docs/language-server.md)

  connection.onRequest(
    'ipt/preview',
    onDocument('ipt/preview', null, (document, { analysis, config }) => ({ uri: document.uri, version: document.version, ...planPreview(analysis, config) })),
  );

  connection.onRequest(
    'ipt/render',
    onDocument('ipt/render', null, (_document, { analysis, config }, params: TextDocumentParams & { to: RenderFormat }) => {
      if (!renderFormats.includes(params.to)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown format "${String(params.to)}"; use one of ${renderFormats.join(', ')}.`);
      return { text: renderPlan(analysis, config, params.to) };
    }),
  );

  connection.onRequest('ipt/summary', onDocument('ipt/summary', null, (_document, { analysis }) => planSummary(analysis)));

  /** The config for plans written at the workspace's top (where a new plan is usually saved). */
  const workspaceConfig = () => host.configFor(workspaceFolders[0] ? `${workspaceFolders[0].replace(/\/$/, '')}/new-plan.ipt` : 'untitled:new-plan.ipt');

  connection.onRequest('ipt/newPlan', (params: NewPlanRequest) => {
    const result = contained('ipt/newPlan', { error: 'The new plan could not be made; see the language server log.' }, () => newPlanText(workspaceConfig(), params));
    if ('error' in result) throw new ResponseError(ErrorCodes.InvalidParams, result.error);
    return result;
  });

  connection.onRequest('ipt/catalogue', () => contained('ipt/catalogue', { variants: [], problemAreas: [] }, () => catalogueLists(workspaceConfig())));

  connection.onRequest('ipt/validateWorkspace', async (params: { files?: PlanFileText[]; unread?: UnreadPlanFile[] } | undefined) => {
    // The web build's client reads the files itself (and says which it did not read); Node reads them here.
    const found: FoundPlans = params?.files ? { plans: params.files, unread: params.unread ?? [] } : host.findPlans ? await host.findPlans(workspaceFolders) : { plans: [], unread: [] };
    const { plans } = found;
    let problems = 0;
    // A file too large to be a plan gets the diagnostic opening it would give; what is not a plan file is listed in the answer.
    for (const file of found.unread) {
      if (!('tooLarge' in file)) continue;
      const diagnostics = unreadPlanAnalysis(planSizeProblem(file.tooLarge)!).diagnostics.map((d) => toLspDiagnostic(d, file.uri));
      problems += diagnostics.length;
      void connection.sendDiagnostics({ uri: file.uri, diagnostics });
    }
    for (const plan of plans) {
      const open = documents.get(plan.uri);
      const diagnostics = contained('ipt/validateWorkspace', [], () => {
        const analysis = open ? analysisOf(open).analysis : analyse(plan.text, { config: host.configFor(plan.uri) });
        return analysis.diagnostics.map((d) => toLspDiagnostic(d, plan.uri));
      });
      problems += diagnostics.length;
      if (open) void connection.sendDiagnostics({ uri: plan.uri, version: open.version, diagnostics });
      else void connection.sendDiagnostics({ uri: plan.uri, diagnostics });
    }
    const skipped = found.unread.flatMap((file) => ('skipped' in file ? [file] : []));
    return { files: plans.length + found.unread.length - skipped.length, problems, skipped };
  });

  documents.listen(connection);
  connection.listen();
}
