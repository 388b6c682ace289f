/**
 * One preview panel for one plan: renders through the server (`ipt/preview`) as the plan changes,
 * keeps the editor and the preview scrolled together (`data-line`), and reveals a clicked block's line.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { previewRequest, sendRequest } from '../protocol.js';
import { parseFromWebview, type FromWebview, type ToWebview } from './messages.js';
import { makeNonce, previewPage } from './preview-html.js';
import { RenderState } from './render-state.js';
import { ScrollEcho } from './scroll-echo.js';
import { Throttle } from './throttle.js';

export const previewViewType = 'ipt.preview';


export function previewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'media')],
  };
}

/** The tab title: "Preview" and the plan's file name, as the Markdown preview names its tabs. */
export function previewTitle(resource: vscode.Uri): string {
  return `Preview ${resource.path.replace(/^.*\//, '') || 'plan'}`;
}

function settingsFor(resource: vscode.Uri) {
  const config = vscode.workspace.getConfiguration('ipt.preview', resource);
  return {
    scrollPreviewWithEditor: config.get<boolean>('scrollPreviewWithEditor', true),
    scrollEditorWithPreview: config.get<boolean>('scrollEditorWithPreview', true),
    revealOnClick: config.get<boolean>('revealOnClick', true),
    updateDelay: Math.max(0, config.get<number>('updateDelay', 300)),
  };
}

export class PlanPreview implements vscode.Disposable {
  private readonly state = new RenderState();
  private readonly throttle: Throttle;
  private readonly disposables: vscode.Disposable[] = [];
  /** Scrolls of the editor that we caused, and of the preview. */
  private readonly editorEcho = new ScrollEcho();
  private readonly previewEcho = new ScrollEcho();
  private line: number | undefined;
  private disposed = false;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDispose = this.onDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly resource: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
    line?: number,
  ) {
    this.line = line;
    this.throttle = new Throttle(() => this.render(), () => settingsFor(this.resource).updateDelay);
    panel.webview.options = previewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'client', 'media', 'preview-icon.svg');
    panel.title = previewTitle(resource);
    this.writePage();

    const isOurs = (document: vscode.TextDocument) => document.uri.toString() === this.resource.toString();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isOurs(event.document) && event.contentChanges.length > 0) this.throttle.poke();
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (!isOurs(document)) return;
        this.state.reset(); // versions start over for a reopened document
        this.throttle.now();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onEditorScrolled(event)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        // Config edits re-validate the plan without a text change; the preview's diagnostics block follows.
        if (event.uris.some((uri) => uri.toString() === this.resource.toString())) this.throttle.poke();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('ipt.preview', this.resource)) this.writePage();
      }),
      client.onDidChangeState(() => this.throttle.poke()),
    );
  }

  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  /** The source line at the preview's top, kept for a reload. */
  get topLine(): number | undefined {
    return this.line;
  }


  /** A fresh page (new nonce) holding what is shown now; later renders arrive as messages, so scrolling is kept. */
  private writePage(): void {
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'client', 'media', name)).toString();
    webview.html = previewPage({
      title: previewTitle(this.resource),
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      styles: [media('plan.css'), media('preview.css')],
      script: media('preview.js'),
      settings: { ...settingsFor(this.resource), resource: this.resource.toString(), line: this.line },
      html: this.state.current()?.html ?? undefined,
    });
  }

  private post(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private async render(): Promise<void> {
    const ticket = this.state.ask();
    let answer;
    try {
      // The server only knows open documents; opening one (no editor) also syncs it after a reload.
      await vscode.workspace.openTextDocument(this.resource);
      answer = await sendRequest(this.client, previewRequest, { textDocument: { uri: this.resource.toString() } });
    } catch (error) {
      if (!this.disposed) this.output.warn(`Preview of ${this.resource.toString()} failed: ${String(error)}`);
      return;
    }
    if (!answer || this.disposed) return;
    const update = this.state.accept(ticket, answer);
    if (update) this.post({ type: 'render', ...update });
  }

  private onMessage(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) {
      this.output.warn('The preview sent a message that is not one it may send; ignored.');
      return;
    }
    this.handle(message);
  }

  private handle(message: FromWebview): void {
    switch (message.type) {
      case 'ready': {
        const current = this.state.current();
        if (current) this.post({ type: 'render', html: current.html, banner: current.banner });
        this.throttle.now();
        return;
      }
      case 'reveal':
        void this.revealLine(message.line);
        return;
      case 'scrolled':
        this.line = message.line;
        if (this.previewEcho.isEcho(message.line)) return;
        if (settingsFor(this.resource).scrollEditorWithPreview) this.scrollEditors(message.line);
        return;
      case 'showProblems':
        void vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
    }
  }

  private editorsOfPlan(): vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === this.resource.toString());
  }

  private scrollEditors(line: number): void {
    for (const editor of this.editorsOfPlan()) {
      const target = Math.min(Math.floor(line), editor.document.lineCount - 1);
      this.editorEcho.expect(target);
      editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  private onEditorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (event.textEditor.document.uri.toString() !== this.resource.toString()) return;
    const top = event.visibleRanges[0]?.start.line;
    if (top === undefined || this.editorEcho.isEcho(top) || !settingsFor(this.resource).scrollPreviewWithEditor) return;
    this.line = top;
    this.previewEcho.expect(top);
    this.post({ type: 'scrollTo', line: top });
  }

  /** A click: the editor showing the plan (or a new one beside the preview) gets the cursor on that line. */
  private async revealLine(line: number): Promise<void> {
    if (!settingsFor(this.resource).revealOnClick) return;
    const existing = this.editorsOfPlan()[0];
    const document = await vscode.workspace.openTextDocument(this.resource);
    const target = Math.min(line, document.lineCount - 1);
    const position = new vscode.Position(target, document.lineAt(target).firstNonWhitespaceCharacterIndex);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: existing?.viewColumn ?? vscode.ViewColumn.Beside,
      preserveFocus: false,
    });
    // The line lands in the middle of the editor, so any top within a screen of it is the echo.
    const screen = editor.visibleRanges[0] ? editor.visibleRanges[0].end.line - editor.visibleRanges[0].start.line : 100;
    this.editorEcho.expect(target, screen);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.throttle.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
  }
}
