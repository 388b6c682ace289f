/**
 * Validate Workspace: every plan in the workspace checked at once (`ipt/validateWorkspace`), so the
 * Problems panel shows what CI would report. The web build reads the plans itself and sends their text.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { sendRequest, validateWorkspaceRequest, type FileText } from '../protocol.js';
import { readWorkspaceFiles } from '../workspace-files.js';

export async function validateWorkspace(client: BaseLanguageClient, sendTexts: boolean): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Open a folder with IPT plans to validate them all.');
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Validating IPT plans…', cancellable: true },
    async (_progress, token) => {
      let files: FileText[] | undefined;
      if (sendTexts) files = await readWorkspaceFiles('**/*.ipt', token);
      if (token.isCancellationRequested) return undefined;
      return sendRequest(client, validateWorkspaceRequest, files ? { files } : {}, token);
    },
  );
  if (!result) return;
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const plans = `${result.files} plan${result.files === 1 ? '' : 's'}`;
  const problems = result.problems === 0 ? 'no problems' : `${result.problems} problem${result.problems === 1 ? '' : 's'}`;
  void vscode.window.showInformationMessage(`Checked ${plans}: ${problems}.`);
}
