/** The language server for Node: `node dist/server.js --stdio` (or `--node-ipc` when started by VS Code). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './server.js';

createServer(createConnection(ProposedFeatures.all));
