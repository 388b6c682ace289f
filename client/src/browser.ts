/** The web entry (dist/browser-extension.js, vscode.dev / github.dev): the language server is dist/browser-server.js in a web worker. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCommon, clientId, clientName, deactivateCommon } from './activate-common.js';

/** The web worker constructor (the project's tsconfig has no DOM lib; the web extension host has Worker). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[2];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverUrl = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js');
  await activateCommon(context, {
    createClient: (options) => new LanguageClient(clientId, clientName, new Worker(serverUrl.toString(true), { name: 'IPT language server' }), options),
    serverCannotReadFiles: true,
  });
}

export function deactivate(): Promise<void> {
  return deactivateCommon();
}
