/**
 * Opens, tracks and restores plan previews: one panel per plan, found again rather than duplicated,
 * and brought back after a window reload by the serializer (the webview's saved state names its plan).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { parsePreviewState } from './messages.js';
import { PlanPreview, previewOptions, previewTitle, previewViewType } from './plan-preview.js';

export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly previews = new Set<PlanPreview>();
  private active: PlanPreview | undefined;
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: Promise<BaseLanguageClient>,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.registration = vscode.window.registerWebviewPanelSerializer(previewViewType, this);
  }

  /** The plan of the focused preview, for commands run from it (export, show source). */
  activeResource(): vscode.Uri | undefined {
    return this.active?.panel.active ? this.active.resource : undefined;
  }

  async open(resource: vscode.Uri, toSide: boolean): Promise<void> {
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = [...this.previews].find((p) => p.resource.toString() === resource.toString());
    if (existing) {
      existing.reveal(toSide ? (existing.panel.viewColumn ?? column) : column, toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(previewViewType, previewTitle(resource), { viewColumn: column, preserveFocus: toSide }, previewOptions(this.extensionUri));
    this.track(new PlanPreview(panel, resource, this.extensionUri, await this.client, this.output));
  }

  async showSource(): Promise<void> {
    const resource = this.active?.resource;
    if (!resource) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === resource.toString());
    await vscode.window.showTextDocument(resource, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.Beside });
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, rawState: unknown): Promise<void> {
    const state = parsePreviewState(rawState);
    let resource: vscode.Uri | undefined;
    try {
      resource = state ? vscode.Uri.parse(state.resource, true) : undefined;
    } catch {
      resource = undefined;
    }
    if (!resource) {
      panel.dispose(); // nothing trustworthy says which plan this was
      return;
    }
    this.track(new PlanPreview(panel, resource, this.extensionUri, await this.client, this.output, state?.line));
  }

  private track(preview: PlanPreview): void {
    this.previews.add(preview);
    this.active = preview;
    const onState = preview.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.active = preview;
    });
    preview.onDispose(() => {
      onState.dispose();
      this.previews.delete(preview);
      if (this.active === preview) this.active = undefined;
    });
  }

  dispose(): void {
    this.registration.dispose();
    for (const preview of [...this.previews]) preview.dispose();
  }
}
