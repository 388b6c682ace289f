/**
 * The server bundle (dist/server.js, one for Node and the web) in a Node worker thread standing in
 * for a web worker: `self` is a shim with postMessage, onmessage and message listeners over the
 * thread's port, as BrowserMessageReader/Writer and the analysis worker expect. With `nested`, the
 * worker also has `Worker` and `location` as a dedicated web worker has, and a nested worker is the
 * same shim in another thread, named as the server names it (so main.ts picks the analysis entry).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createMessageConnection, PortMessageReader, PortMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoRoot } from '../unit/contract/helpers.js';

export const bundle = path.join(repoRoot, 'dist', 'server.js');

/**
 * Runs in the worker: the IIFE bundle in a fresh context holding only what a dedicated web worker has
 * (`self`, timers, TextEncoder/TextDecoder, console, performance, and with `nested` Worker and
 * location): no `process`, no `require`, so the Node half of the bundle would fail here if it ever ran.
 */
const workerSource = `
const { parentPort, workerData, Worker: NodeWorker } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const listeners = [];
const self = {
  name: workerData.name,
  onmessage: null,
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener(type, listener) { if (type === 'message') listeners.push(listener); },
  removeEventListener() {},
};
parentPort.on('message', (data) => {
  if (self.onmessage) self.onmessage({ data });
  for (const listener of listeners) listener({ data });
});
class NestedWorker {
  constructor(url, options) {
    this.thread = new NodeWorker(workerData.source, { eval: true, workerData: { ...workerData, name: options && options.name } });
  }
  postMessage(message) { this.thread.postMessage(message); }
  addEventListener(type, listener) {
    if (type === 'message') this.thread.on('message', (data) => listener({ data }));
    if (type === 'error') this.thread.on('error', (error) => listener({ message: error.message }));
  }
  terminate() { this.thread.terminate(); }
}
const scope = { self, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, performance, URL };
if (workerData.nested) Object.assign(scope, { Worker: NestedWorker, location: { href: 'blob:vscode-test-web/server.js' } });
scope.globalThis = scope;
vm.runInNewContext(readFileSync(workerData.bundle, 'utf8'), vm.createContext(scope), { filename: workerData.bundle });
`;

export interface BrowserServer {
  connection: MessageConnection;
  published: PublishDiagnosticsParams[];
  logs: string[];
  diagnostics(accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export async function startBrowserServer(options: { nested?: boolean; initializationOptions?: unknown } = {}): Promise<BrowserServer> {
  if (!existsSync(bundle)) throw new Error('dist/server.js is missing: run `npm run build` first');
  const worker = new Worker(workerSource, { eval: true, workerData: { bundle, source: workerSource, nested: options.nested === true } });
  const connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
  connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  connection.listen();
  const init: { serverInfo?: { name: string } } = await connection.sendRequest('initialize', {
    processId: null,
    rootUri: 'vscode-test-web://mount',
    workspaceFolders: [{ uri: 'vscode-test-web://mount', name: 'mount' }],
    capabilities: {},
    initializationOptions: options.initializationOptions,
  });
  if (init.serverInfo?.name !== 'ipt-language-server') throw new Error('not the IPT language server');
  await connection.sendNotification('initialized', {});
  return {
    connection,
    published,
    logs,
    diagnostics(accept) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
          const found = published.find(accept);
          if (found) return resolve(found);
          if (Date.now() - started > 10_000) return reject(new Error('no matching diagnostics'));
          setTimeout(poll, 10);
        };
        poll();
      });
    },
    async stop() {
      connection.dispose();
      await worker.terminate();
    },
  };
}
