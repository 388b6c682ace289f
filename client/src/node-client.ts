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
// Node flags for the server process (also read by bench/lsp.mjs, which starts the server this way).
// Young-generation semi-spaces of 2 MB instead of V8's 16 (an analysis's objects die young either
// way) and a V8 thread pool of 2 instead of 4 (the server is one process among many): the server's
// memory with 100 open plans drops from about 87 to 77 MB at no measured cost in latency (bench/README.md).
// The server's analysis worker thread gets the same small young generation and a 512 MB heap through
// its resourceLimits (server/src/lsp/analysis-thread-node.ts), so a plan that exhausts memory there
// stops the worker, never the server.
import serverNodeFlags from './server-node-flags.json';

export function createNodeClient(extensionUri: vscode.Uri, output: vscode.LogOutputChannel, policy: RestartPolicy): LanguageClient {
  const module = vscode.Uri.joinPath(extensionUri, 'dist', 'server.js').fsPath;
  const server: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: serverNodeFlags } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags, '--nolazy', '--inspect=6019'] } },
  };
  return new LanguageClient(clientId, clientName, server, clientOptions(output, policy));
}
