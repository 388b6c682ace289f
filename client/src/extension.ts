/** The desktop entry (dist/extension.js): the language server is dist/server.js, a Node process spoken to over IPC. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateCommon, clientId, clientName, deactivateCommon } from './activate-common.js';

export function activate(context: vscode.ExtensionContext): void {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const server: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  activateCommon(context, {
    createClient: (options) => new LanguageClient(clientId, clientName, server, options),
    // A virtual workspace (e.g. a remote repository) has no files on disk for the server to read.
    serverCannotReadFiles: (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.scheme !== 'file'),
  });
}

export function deactivate(): Promise<void> {
  return deactivateCommon();
}
