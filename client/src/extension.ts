/**
 * The desktop entry (dist/extension.js). It registers the commands, the preview and the status bar;
 * the language client and its server (dist/server.js over IPC) come from dist/client.js, a
 * second bundle loaded after activation (the web entry too; see client-bundle.ts).
 */
import * as vscode from 'vscode';
import { activateCommon, deactivateCommon } from './activate-common.js';

type ClientBundle = typeof import('./client-bundle.js');

export function activate(context: vscode.ExtensionContext): void {
  activateCommon(context, {
    // A path built at run time, so esbuild leaves the require alone and the library stays out of this bundle.
    createClient: async (output, policy) => (require(`${__dirname}/client.js`) as ClientBundle).createNodeClient(context.extensionUri, output, policy),
    // A virtual workspace (e.g. a remote repository) has no files on disk for the server to read.
    serverCannotReadFiles: (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.scheme !== 'file'),
  });
}

export function deactivate(): Promise<void> {
  return deactivateCommon();
}
