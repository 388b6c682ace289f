/**
 * The language server, written once for Node and the browser: `createServer(connection, host)`.
 * Each open document is analysed once per version, in the analysis worker (analysis-pool.ts), and
 * every feature reads that analysis here, on the request thread, so a plan that is slow to check
 * never holds up a request on another. The features are pure functions in server/src/features/;
 * this file only translates the protocol. A feature that throws is contained here: its stack goes
 * to the client's log and the request gets an empty result, so one bad plan never takes the server down.
 */
import {
  DidChangeWatchedFilesNotification,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { unreadPlanAnalysis, type Analysis } from '../analyse.js';
import { planSizeProblem } from '../language/limits.js';
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
import { onTypeFormatEdits, rangeFormatEdits } from '../features/range-formatting.js';
import { selectionRangesAt } from '../features/selection-ranges.js';
import { semanticTokensData, semanticTokensLegend } from '../features/semantic-tokens.js';
import { planSummary } from '../features/summary.js';
import { planSymbols } from '../features/symbols.js';
import { formatEdits } from '../format/edits.js';
import { codeActionKinds, toCompletionItem, toDocumentSymbol, toFoldingRange, toLspDiagnostic, toLspEdits, toSelectionRange } from './convert.js';
import { DocumentScheduler } from './document-scheduler.js';
import { folderOf, isInside, type FoundPlans, type PlanFileText, type ServerHost, type UnreadPlanFile } from './host.js';
import type { RenderResult } from './analysis-protocol.js';
import { analysisPool, type AnalysisInitOptions } from './analysis-setup.js';
import { Priority, type AnalysisPool } from './analysis-pool.js';
import { isStopped } from './stopped-check.js';
import { analyseInWorker, diagnosticsToPublish, type Analysed } from './worker-analysis.js';
import { validatePlans, WorkDoneProgress, type ProgressValue } from './validate-workspace.js';


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

  /** The analysis workers; made at `initialize`, which says the time budget. */
  let pool: AnalysisPool | undefined;

  /** Edits coalesced per document, one publish per version, requests answered from the current version. */
  const scheduler = new DocumentScheduler<TextDocument, Analysed>({
    current: (uri) => documents.get(uri),
    analyse: (document, urgent, previous) => analyseInWorker(pool!, { uri: document.uri, version: document.version, text: document.getText() }, host.configFor(document.uri), urgent, previous),
    publish(document, analysed) {
      const { uri } = document;
      const diagnostics = contained('textDocument/publishDiagnostics', [], () => {
        const shown = diagnosticsToPublish(analysed);
        // A rule that threw is one `internal-error` diagnostic for the user; the log says which and why.
        if (shown.fresh) for (const d of shown.diagnostics) if (d.rule === 'internal-error') connection.console.error(`ipt-language-server: ${uri} (version ${analysed.version}): ${d.message}`);
        return shown.diagnostics.map((d) => toLspDiagnostic(d, uri));
      });
      if (analysed.stopped) diagnostics.push(analysed.stopped.notice);
      void connection.sendDiagnostics({ uri, version: analysed.version, diagnostics });
    },
    failed: (error) => logFailure('textDocument/publishDiagnostics', error),
  });

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

  /**
   * A request on an open document, answered from the analysis of the version it was sent for: the
   * fallback (null/empty) for an unknown document, a stopped check or a cancelled request, and
   * when the feature throws. `at` reads a position in that version's text.
   */
  function onDocument<P extends TextDocumentParams, R>(method: string, fallback: R, run: (document: TextDocument, analysed: Analysed & { analysis: Analysis }, params: P, at: (position: Position) => number) => R) {
    return async (params: P, token?: CancellationToken): Promise<R> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return fallback;
      let analysed: Analysed;
      try {
        analysed = await scheduler.analysisOf(document);
      } catch (error) {
        logFailure(method, error);
        return fallback;
      }
      const { analysis } = analysed;
      if (!analysis || token?.isCancellationRequested) return fallback;
      // Edits that arrived meanwhile changed the document: positions are read in the analysed text.
      const at = (position: Position) => (document.version === analysed.version ? document.offsetAt(position) : analysis.lines.offsetAt(position));
      return contained(method, fallback, () => run(document, { ...analysed, analysis }, params, at));
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
    pool = analysisPool(host, params.initializationOptions as AnalysisInitOptions | undefined, (message) => connection.console.info(`ipt-language-server: ${message}`));
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
    pool?.configChanged({ kind: 'config' });
    const folders = changed.map(folderOf);
    revalidate((uri) => folders.some((folder) => isInside(uri, folder)));
  });

  connection.onNotification('ipt/configFiles', (params: { files?: PlanFileText[] }) => {
    if (!host.setConfigFiles) return;
    contained('ipt/configFiles', undefined, () => host.setConfigFiles!(params.files ?? []));
    pool?.configChanged({ kind: 'config', files: params.files ?? [] });
    revalidate(() => true);
  });

  // ------------------------------------------------------------- editing features

  connection.onCompletion(
    onDocument('textDocument/completion', [], (_document, { analysis, config }, params: TextDocumentParams & { position: { line: number; character: number } }, at) => {
      const offset = at(params.position);
      return completionsAt(analysis, offset, config).map((item) => toCompletionItem(analysis, offset, item));
    }),
  );

  connection.onHover(
    onDocument('textDocument/hover', null, (_document, { analysis, config }, params, at) => {
      const hover = hoverAt(analysis, at(params.position), config);
      return hover ? { contents: { kind: 'markdown' as const, value: hover.contents }, range: analysis.lines.rangeOf(hover.span) } : null;
    }),
  );

  connection.onDocumentSymbol(onDocument('textDocument/documentSymbol', [], (_document, { analysis }) => planSymbols(analysis).map((s) => toDocumentSymbol(analysis.lines, s))));

  connection.onFoldingRanges(onDocument('textDocument/foldingRange', [], (_document, { analysis }) => foldingRanges(analysis).map(toFoldingRange)));

  connection.onSelectionRanges(
    onDocument('textDocument/selectionRange', [], (_document, { analysis }, params, at) =>
      params.positions.map((position) => toSelectionRange(analysis.lines, selectionRangesAt(analysis, at(position)))),
    ),
  );

  connection.onDefinition(
    onDocument('textDocument/definition', [] as Location[], (document, { analysis }, params, at) =>
      goalDefinition(analysis, at(params.position)).map((span) => ({ uri: document.uri, range: analysis.lines.rangeOf(span) })),
    ),
  );

  connection.onReferences(
    onDocument('textDocument/references', [] as Location[], (document, { analysis }, params, at) =>
      goalReferences(analysis, at(params.position), params.context.includeDeclaration).map((span) => ({ uri: document.uri, range: analysis.lines.rangeOf(span) })),
    ),
  );

  // Rename answers a refusal as an error, so the editor shows its reason instead of doing nothing.
  connection.onPrepareRename(
    onDocument('textDocument/prepareRename', null, (_document, { analysis }, params, at) => {
      const check = prepareGoalRename(analysis, at(params.position));
      if ('error' in check) throw new ResponseError(ErrorCodes.InvalidRequest, check.error);
      return { range: analysis.lines.rangeOf(check.span), placeholder: check.placeholder };
    }),
  );

  connection.onRenameRequest(
    onDocument('textDocument/rename', null, (document, { analysis }, params, at) => {
      const result = renameGoal(analysis, at(params.position), params.newName);
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return { changes: { [document.uri]: toLspEdits(analysis.lines, result.edits) } };
    }),
  );

  connection.onCodeAction(
    onDocument('textDocument/codeAction', [] as CodeAction[], (document, { analysis, config }, params, at) => {
      const span = { start: at(params.range.start), end: at(params.range.end) };
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
    onDocument('textDocument/inlayHint', [], (_document, { analysis }, params, at) => {
      const span = { start: at(params.range.start), end: at(params.range.end) };
      return sessionDateHints(analysis, span).map((hint) => ({ position: analysis.lines.positionAt(hint.offset), label: hint.label, paddingLeft: true, tooltip: { kind: 'markdown' as const, value: hint.tooltip } }));
    }),
  );

  connection.onDocumentFormatting(
    onDocument('textDocument/formatting', [], (_document, { analysis }) => {
      const result = formatEdits(analysis.text);
      return 'error' in result ? [] : toLspEdits(analysis.lines, result.edits);
    }),
  );

  connection.onDocumentRangeFormatting(
    onDocument('textDocument/rangeFormatting', [], (_document, { analysis }, params, at) => {
      const result = rangeFormatEdits(analysis.text, { start: at(params.range.start), end: at(params.range.end) });
      return 'error' in result ? [] : toLspEdits(analysis.lines, result.edits);
    }),
  );

  connection.onDocumentOnTypeFormatting(
    onDocument('textDocument/onTypeFormatting', [], (_document, { analysis }, params, at) =>
      toLspEdits(analysis.lines, onTypeFormatEdits(analysis.text, at(params.position), params.ch)),
    ),
  );

  connection.languages.semanticTokens.on(onDocument('textDocument/semanticTokens/full', { data: [] as number[] }, (_document, { analysis, config }) => ({ data: semanticTokensData(analysis, undefined, config) })));

  connection.languages.semanticTokens.onRange(
    onDocument('textDocument/semanticTokens/range', { data: [] as number[] }, (_document, { analysis, config }, params, at) => ({
      data: semanticTokensData(analysis, { start: at(params.range.start), end: at(params.range.end) }, config),
    })),
  );

  // ------------------------------------------------------------- custom requests (docs/language-server.md)

  /** The preview or an export, rendered in the analysis worker (a render past the time budget is stopped like a check). */
  async function rendered(method: string, uri: string, to: RenderFormat | 'preview'): Promise<RenderResult | null> {
    const document = documents.get(uri);
    if (!document) return null;
    const job = pool!.run<RenderResult>({ kind: 'render', uri, version: document.version, text: document.getText(), to }, Priority.request);
    try {
      contained(method, undefined, () => undefined); // IPT_LSP_FAIL reaches these requests too
      return await job.result;
    } catch (error) {
      if (isStopped(error)) throw new ResponseError(ErrorCodes.InternalError, `Rendering this plan ${error.message}, so it was stopped.`);
      logFailure(method, error);
      return null;
    }
  }

  connection.onRequest('ipt/preview', (params: TextDocumentParams) => rendered('ipt/preview', params.textDocument.uri, 'preview'));

  connection.onRequest('ipt/render', (params: TextDocumentParams & { to: RenderFormat }) => {
    if (!renderFormats.includes(params.to)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown format "${String(params.to)}"; use one of ${renderFormats.join(', ')}.`);
    return rendered('ipt/render', params.textDocument.uri, params.to);
  });

  connection.onRequest('ipt/summary', onDocument('ipt/summary', null, (_document, { analysis }) => planSummary(analysis)));

  /** The config for plans written at the workspace's top (where a new plan is usually saved). */
  const workspaceConfig = () => host.configFor(workspaceFolders[0] ? `${workspaceFolders[0].replace(/\/$/, '')}/new-plan.ipt` : 'untitled:new-plan.ipt');

  connection.onRequest('ipt/newPlan', (params: NewPlanRequest) => {
    const result = contained('ipt/newPlan', { error: 'The new plan could not be made; see the language server log.' }, () => newPlanText(workspaceConfig(), params));
    if ('error' in result) throw new ResponseError(ErrorCodes.InvalidParams, result.error);
    return result;
  });

  connection.onRequest('ipt/catalogue', () => contained('ipt/catalogue', { variants: [], problemAreas: [] }, () => catalogueLists(workspaceConfig())));

  connection.onRequest('ipt/validateWorkspace', async (params: { files?: PlanFileText[]; unread?: UnreadPlanFile[]; workDoneToken?: string | number } | undefined, token: CancellationToken) => {
    // The web build's client reads the files itself (and says which it did not read); Node reads them here.
    const found: FoundPlans = params?.files ? { plans: params.files, unread: params.unread ?? [] } : host.findPlans ? await host.findPlans(workspaceFolders) : { plans: [], unread: [] };
    const progressToken = params?.workDoneToken;
    // A file too large to be a plan gets the diagnostic opening it would give; what is not a plan file is listed in the answer.
    const tooLarge = found.unread.flatMap((file) => ('tooLarge' in file ? [file] : []));
    for (const file of tooLarge) void connection.sendDiagnostics({ uri: file.uri, diagnostics: unreadPlanAnalysis(planSizeProblem(file.tooLarge)!).diagnostics.map((d) => toLspDiagnostic(d, file.uri)) });
    const skipped = found.unread.flatMap((file) => ('skipped' in file ? [file] : []));
    const result = await validatePlans(found.plans, {
      pool: pool!,
      token,
      openAnalysis(uri) {
        const open = documents.get(uri);
        return open && scheduler.analysisOf(open).then((analysed) => analysed.analysis);
      },
      publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
      progress: progressToken === undefined ? undefined : (value: ProgressValue) => void connection.sendProgress(WorkDoneProgress.type, progressToken, value),
    });
    return { ...result, files: result.files + tooLarge.length, problems: result.problems + tooLarge.length, skipped };
  });

  connection.onShutdown(() => pool?.dispose());

  documents.listen(connection);
  connection.listen();
}
