/**
 * The desktop language client: dist/server.js as a Node process spoken to over IPC. Part of
 * dist/client.js (client-bundle.ts), which extension.ts loads after activation: the client library is most
 * of the extension's code, and loading it inside activate() would count against VS Code's start-up.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientId, clientName } from './client-names.js';
import { clientOptions } from './language-client.js';
import type { RestartPolicy } from './restart-policy.js';

export function createNodeClient(extensionUri: vscode.Uri, output: vscode.LogOutputChannel, policy: RestartPolicy): LanguageClient {
  const module = vscode.Uri.joinPath(extensionUri, 'dist', 'server.js').fsPath;
  const server: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return new LanguageClient(clientId, clientName, server, clientOptions(output, policy));
}
