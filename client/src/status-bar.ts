/**
 * The status bar item for the active plan: variant, session count and problems (from `ipt/summary`).
 * Hidden when the active editor is not an IPT plan; click → the Problems panel.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { sendRequest, summaryRequest } from './protocol.js';
import { statusText } from './status-text.js';

export function planStatusBar(client: BaseLanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('ipt.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'IPT Plan';
  item.command = 'workbench.actions.view.problems';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const refresh = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'ipt') {
      item.hide();
      return;
    }
    const ticket = ++asked;
    try {
      const summary = await sendRequest(client, summaryRequest, { textDocument: { uri: editor.document.uri.toString() } });
      if (ticket !== asked) return; // the user moved on while the server answered
      if (!summary) {
        item.hide();
        return;
      }
      const { text, tooltip } = statusText(summary);
      item.text = text;
      item.tooltip = tooltip;
      item.show();
    } catch {
      if (ticket === asked) item.hide(); // the server is restarting; the next change refreshes
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 200);
  };

  const disposables = [
    item,
    vscode.window.onDidChangeActiveTextEditor(soon),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) soon();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) soon();
    }),
    client.onDidChangeState(soon),
  ];
  soon();
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const d of disposables) d.dispose();
  });
}
