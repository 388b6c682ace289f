/** Which plan a command acts on: the one it was invoked on (explorer, editor title), else the active editor's, else the active preview's. */
import * as vscode from 'vscode';

export type ActivePreviewSource = () => vscode.Uri | undefined;

export function planTarget(argument: unknown, activePreview: ActivePreviewSource): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'ipt') return editor.document.uri;
  return activePreview();
}

export function noPlanMessage(): void {
  void vscode.window.showInformationMessage('Open an IPT plan (.ipt) first.');
}
