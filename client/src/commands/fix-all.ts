/** Fix All: the server's `source.fixAll.ipt` code action (every safe fix at once), applied to the plan. */
import * as vscode from 'vscode';

export const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('ipt');

export async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'ipt') {
    void vscode.window.showInformationMessage('Open an IPT plan (.ipt) first.');
    return;
  }
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, fixAllKind.value)) ?? [];
  const fixes = actions.filter((action) => action.kind && fixAllKind.contains(action.kind) && (action.edit || action.command));
  if (fixes.length === 0) {
    void vscode.window.setStatusBarMessage('$(check) IPT: nothing to fix automatically', 4000);
    return;
  }
  // One action carries every fix, computed against this version of the text; a second would be stale.
  const [action] = fixes;
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  void vscode.window.setStatusBarMessage(`$(check) IPT: ${action.title}`, 4000);
}
