/**
 * Export as HTML / Markdown / FHIR CarePlan: the CLI's own output (`ipt/render`), saved where the user
 * picks. Keybindings, tasks and tests may pass the target file as a second argument (no dialog).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { renderRequest, sendRequest, type ExportFormat } from '../protocol.js';
import { exportFileName, exportFormats as formats } from '../export-names.js';
import { writeText } from '../workspace-files.js';
import { noPlanMessage, planTarget, type ActivePreviewSource } from './plan-target.js';

export async function exportPlan(
  client: BaseLanguageClient,
  format: ExportFormat,
  argument: unknown,
  activePreview: ActivePreviewSource,
  presetTarget?: unknown,
): Promise<void> {
  const source = planTarget(argument, activePreview);
  if (!source) return noPlanMessage();
  const { label, filter, extensions } = formats[format];
  const folder = source.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(source, '..');
  const name = exportFileName(source.path, format);
  const target = presetTarget instanceof vscode.Uri ? presetTarget : await vscode.window.showSaveDialog({
    title: `Export the plan as ${label}`,
    saveLabel: 'Export',
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [filter]: extensions },
  });
  if (!target) return;
  const result = await sendRequest(client, renderRequest, { textDocument: { uri: source.toString() }, to: format });
  if (!result) {
    void vscode.window.showErrorMessage('The language server does not know this plan yet; open it in an editor and try again.');
    return;
  }
  await writeText(target, result.text);
  const shown = vscode.workspace.asRelativePath(target);
  void vscode.window.showInformationMessage(`Exported ${label} to ${shown}.`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(target);
  });
}
