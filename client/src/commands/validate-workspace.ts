/**
 * Validate Workspace: every plan in the workspace checked at once (`ipt/validateWorkspace`), so the
 * Problems panel shows what CI would report. The web build reads the plans itself and sends their text.
 * The server reports its progress (work-done progress on a token this command makes), shown in the
 * notification, whose Cancel cancels the request. A file too large to be a plan gets its size
 * diagnostic in the Problems panel; a `.ipt` that is not a plan file at all (a FIFO, a link to a
 * device) is named in the closing message, with why.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { MAX_PLAN_BYTES } from '../../../server/src/language/limits.js';
import { sendRequest, validateWorkspaceRequest, workDoneProgress } from '../protocol.js';
import { readWorkspaceFiles } from '../workspace-files.js';

let validations = 0;

/** Runs the check and shows its outcome; returns the message shown (undefined when cancelled). */
export async function validateWorkspace(client: BaseLanguageClient, sendTexts: boolean): Promise<string | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    const message = 'Open a folder with IPT plans to validate them all.';
    void vscode.window.showInformationMessage(message);
    return message;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Validating IPT plans…', cancellable: true },
    async (progress, token) => {
      const read = sendTexts ? await readWorkspaceFiles('**/*.ipt', MAX_PLAN_BYTES, token) : undefined;
      if (token.isCancellationRequested) return undefined;
      const texts = read && {
        files: read.files,
        unread: read.unread.map((file) => ('tooLarge' in file ? file : { uri: file.uri, skipped: `is ${file.notAFile}, not a plan file: it was skipped` })),
      };
      const workDoneToken = `ipt-validate-${++validations}`;
      let shown = 0;
      const reports = client.onProgress(workDoneProgress, workDoneToken, (value) => {
        if (value.kind !== 'report' || value.percentage === undefined) return;
        progress.report({ message: value.message, increment: value.percentage - shown });
        shown = value.percentage;
      });
      try {
        return await sendRequest(client, validateWorkspaceRequest, { ...texts, workDoneToken }, token);
      } catch (error) {
        if (token.isCancellationRequested) return undefined;
        throw error;
      } finally {
        reports.dispose();
      }
    },
  );
  if (!result || result.cancelled) return undefined;
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const plans = `${result.files} plan${result.files === 1 ? '' : 's'}`;
  const problems = result.problems === 0 ? 'no problems' : `${result.problems} problem${result.problems === 1 ? '' : 's'}`;
  const skipped = result.skipped ?? [];
  // What was skipped comes first: it is why the message is a warning, and the first line is what shows.
  const message = `${skipped.length ? `${skippedText(skipped)} ` : ''}Checked ${plans}: ${problems}.`;
  void (skipped.length ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
  return message;
}

/** "x.ipt is a named pipe (FIFO), not a plan file: it was skipped." for one file; the first three and a count for more. */
function skippedText(skipped: readonly { uri: string; skipped: string }[]): string {
  const one = (file: { uri: string; skipped: string }) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(file.uri))} ${file.skipped}.`;
  if (skipped.length <= 3) return skipped.map(one).join(' ');
  return `${skipped.slice(0, 3).map(one).join(' ')} ${skipped.length - 3} more files ending in .ipt are not plan files either; they were skipped.`;
}
