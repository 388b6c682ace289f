/**
 * Show Rule Documentation: the packaged docs/rules/<id>.md in the Markdown preview, for the diagnostic
 * under the cursor (or a pick of them), else for a rule picked from the list of documented rules.
 */
import * as vscode from 'vscode';

/** The rule ids of the `ipt` diagnostics touching the cursor, in order, without repeats. */
export function rulesAt(diagnostics: readonly vscode.Diagnostic[], position: vscode.Position): string[] {
  const ids = diagnostics
    .filter((d) => d.source === 'ipt' && d.range.contains(position))
    .map((d) => (typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? '' : String(d.code)))
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

async function documentedRules(extensionUri: vscode.Uri): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(extensionUri, 'docs', 'rules'));
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
    .map(([name]) => name.slice(0, -3))
    .sort();
}

export async function showRuleDocumentation(extensionUri: vscode.Uri, argument: unknown): Promise<void> {
  let rule = typeof argument === 'string' ? argument : undefined;
  const editor = vscode.window.activeTextEditor;
  if (!rule && editor?.document.languageId === 'ipt') {
    const here = rulesAt(vscode.languages.getDiagnostics(editor.document.uri), editor.selection.active);
    rule = here.length === 1 ? here[0] : here.length > 1 ? await vscode.window.showQuickPick(here, { placeHolder: 'Which rule?' }) : undefined;
    if (here.length > 1 && !rule) return;
  }
  if (!rule) {
    rule = await vscode.window.showQuickPick(await documentedRules(extensionUri), { placeHolder: 'Show the documentation of rule…' });
    if (!rule) return;
  }
  const doc = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${rule}.md`);
  try {
    await vscode.workspace.fs.stat(doc);
  } catch {
    void vscode.window.showInformationMessage(`No documentation is packaged for the rule "${rule}".`);
    return;
  }
  try {
    await vscode.commands.executeCommand('markdown.showPreview', doc);
  } catch {
    // The Markdown extension may be disabled; the text itself is readable too.
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
