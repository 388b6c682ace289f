/**
 * Validate Workspace: every plan in the workspace checked at once (`ipt/validateWorkspace`), so the
 * Problems panel shows what CI would report. The web build reads the plans itself and sends their text.
 * The server reports its progress (work-done progress on a token this command makes), shown in the
 * notification, whose Cancel cancels the request.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { sendRequest, validateWorkspaceRequest, workDoneProgress, type FileText } from '../protocol.js';
import { readWorkspaceFiles } from '../workspace-files.js';

let validations = 0;

export async function validateWorkspace(client: BaseLanguageClient, sendTexts: boolean): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Open a folder with IPT plans to validate them all.');
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Validating IPT plans…', cancellable: true },
    async (progress, token) => {
      let files: FileText[] | undefined;
      if (sendTexts) files = await readWorkspaceFiles('**/*.ipt', token);
      if (token.isCancellationRequested) return undefined;
      const workDoneToken = `ipt-validate-${++validations}`;
      let shown = 0;
      const reports = client.onProgress(workDoneProgress, workDoneToken, (value) => {
        if (value.kind !== 'report' || value.percentage === undefined) return;
        progress.report({ message: value.message, increment: value.percentage - shown });
        shown = value.percentage;
      });
      try {
        return await sendRequest(client, validateWorkspaceRequest, files ? { files, workDoneToken } : { workDoneToken }, token);
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      } finally {
        reports.dispose();
      }
    },
  );
  if (!result || result.cancelled) return;
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const plans = `${result.files} plan${result.files === 1 ? '' : 's'}`;
  const problems = result.problems === 0 ? 'no problems' : `${result.problems} problem${result.problems === 1 ? '' : 's'}`;
  void vscode.window.showInformationMessage(`Checked ${plans}: ${problems}.`);
}
