/**
 * The language server for Node: `ipt-language-server --stdio`, or `--node-ipc` when VS Code starts
 * it (vscode-languageserver reads the transport from the command line). `IPT_LSP_FAIL=<method>`
 * makes that method's handler throw, for the tests that prove failures are contained.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './host-node.js';
import { createServer } from './server.js';

createServer(createConnection(ProposedFeatures.all), nodeHost({ failingMethod: process.env.IPT_LSP_FAIL || undefined }));
