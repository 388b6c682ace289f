/** The web extension (vscode.dev / github.dev; its entry is dist/client.js, client-bundle.ts): the language server is dist/server.js (the same bundle as on the desktop) in a web worker. */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateCommon, deactivateCommon } from './activate-common.js';
import { clientId, clientName } from './client-names.js';
import { clientOptions } from './language-client.js';

type ServerWorker = Exclude<ConstructorParameters<typeof LanguageClient>[2], () => unknown>;
/** The web worker constructor (the project's tsconfig has no DOM lib; the web extension host has Worker). */
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

/**
 * The server's worker. From a web address (vscode.dev, github.dev) it loads directly; an extension
 * installed on a remote server (code-server, Codespaces in the browser) has a `vscode-remote:` address
 * the web extension host cannot start workers from, so the script is read through workspace.fs and
 * started from a blob: URL instead.
 */
async function serverWorker(extensionUri: vscode.Uri): Promise<ServerWorker> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'server.js');
  const options = { name: 'IPT language server' };
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true), options);
  const source = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), options);
}

/**
 * A function rather than a worker, so a restart after a crash gets a fresh worker. It returns the
 * transports itself: the workbench wraps `Worker`, so the client's own `instanceof Worker` test fails.
 */
async function serverTransports(extensionUri: vscode.Uri): Promise<MessageTransports> {
  const worker = await serverWorker(extensionUri);
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

export function activate(context: vscode.ExtensionContext): void {
  activateCommon(context, {
    createClient: async (output, policy) => new LanguageClient(clientId, clientName, () => serverTransports(context.extensionUri), clientOptions(output, policy)),
    serverCannotReadFiles: true,
  });
}

export function deactivate(): Promise<void> {
  return deactivateCommon();
}
