/**
 * The server bundle (dist/server.js, one for Node and the web) in a Node worker thread standing in for a web worker:
 * `self` is a shim with postMessage/onmessage over the thread's port, as BrowserMessageReader and
 * BrowserMessageWriter expect. Proves diagnostics, requests and `ipt/configFiles` work over it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMessageConnection, PortMessageReader, PortMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoRoot } from '../unit/contract/helpers.js';
import { PLAN } from './harness.js';

const bundle = path.join(repoRoot, 'dist', 'server.js');

/**
 * Runs in the worker: the IIFE bundle in a fresh context holding only what a dedicated web worker has
 * (`self`, timers, TextEncoder/TextDecoder, console, performance): no `process`, no `require`, so the
 * Node half of the bundle would fail here if it ever ran.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const self = { onmessage: null, postMessage: (message) => parentPort.postMessage(message), addEventListener() {}, removeEventListener() {} };
parentPort.on('message', (data) => self.onmessage && self.onmessage({ data }));
const scope = { self, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, performance, URL };
scope.globalThis = scope;
vm.runInNewContext(readFileSync(workerData.bundle, 'utf8'), vm.createContext(scope), { filename: workerData.bundle });
`;

let worker: Worker;
let connection: MessageConnection;
const published: PublishDiagnosticsParams[] = [];
const base = 'vscode-test-web://mount/clients';
const uri = `${base}/plan.ipt`;

function diagnostics(accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
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
}

beforeAll(async () => {
  expect(existsSync(bundle), 'dist/server.js is missing: run `npm run build` first').toBe(true);
  worker = new Worker(workerSource, { eval: true, workerData: { bundle } });
  connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
  });
  connection.listen();
  const init: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } = await connection.sendRequest('initialize', {
    processId: null,
    rootUri: 'vscode-test-web://mount',
    workspaceFolders: [{ uri: 'vscode-test-web://mount', name: 'mount' }],
    capabilities: {},
  });
  expect(init.serverInfo?.name).toBe('ipt-language-server');
  await connection.sendNotification('initialized', {});
});

afterAll(async () => {
  connection?.dispose();
  await worker?.terminate();
});

test('diagnostics arrive for an opened plan', async () => {
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ipt', version: 1, text: PLAN.replace('sick-role', 'sick-rol') } });
  const first = await diagnostics((p) => p.uri === uri && p.version === 1);
  expect(first.diagnostics.map((d) => [d.code, d.severity])).toEqual([['task', 2]]);
});

test('requests answer: outline and hover', async () => {
  const symbols: DocumentSymbol[] = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  expect(symbols.map((s) => s.name)).toEqual(['C-0142 acute IPT', 'focus role-dispute', 'measure PHQ-9', 'risk low', 'phase initial', 'phase middle', 'phase termination']);
  const hover: Hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 8 } });
  expect((hover.contents as { value: string }).value).toContain("Name each partner's expectations");
});

test('ipt/configFiles: config above the plan applies (walking up the URI) and open plans are re-validated', async () => {
  const before = published.length;
  await connection.sendNotification('ipt/configFiles', {
    files: [
      { uri: 'vscode-test-web://mount/.iptrc.json', text: '{ "rules": { "task": "off" } }' },
      { uri: `${base}/.iptrc.json`, text: '{ "root": true, "rules": { "task": "error" } }' },
      { uri: 'vscode-test-web://mount/other/.iptrc.json', text: '{ "rules": { "task": "off" } }' },
    ],
  });
  const again = await diagnostics((p) => p.uri === uri && published.indexOf(p) >= before);
  expect(again.version).toBe(1);
  expect(again.diagnostics.map((d) => [d.code, d.severity])).toEqual([['task', 1]]);

  const later = published.length;
  await connection.sendNotification('ipt/configFiles', { files: [{ uri: 'vscode-test-web://mount/.iptrc.json', text: '{ "rules": { "task": "off" } }' }] });
  expect((await diagnostics((p) => p.uri === uri && published.indexOf(p) >= later)).diagnostics).toEqual([]);
});

test('ipt/validateWorkspace with the client’s files', async () => {
  const result = await connection.sendRequest('ipt/validateWorkspace', { files: [{ uri: 'vscode-test-web://mount/other/a.ipt', text: PLAN.replace('sessions 16', 'sessions 30') }] });
  expect(result).toEqual({ files: 1, problems: 1, skipped: [] });
  const closed = await diagnostics((p) => p.uri === 'vscode-test-web://mount/other/a.ipt');
  expect(closed.diagnostics.map((d) => d.code)).toEqual(['session-count']);
});

test('phi.patterns run on RE2 in the web worker too: `(a+){25}!` on a comment finds its match at once (issue 17)', async () => {
  const note = `${'a'.repeat(99)}!`;
  const other = 'vscode-test-web://mount/re2/plan.ipt';
  await connection.sendNotification('ipt/configFiles', {
    files: [{ uri: 'vscode-test-web://mount/re2/.iptrc.json', text: JSON.stringify({ root: true, phi: { patterns: [{ name: 'runs of a', pattern: '(a+){25}!' }] } }) }],
  });
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: other, languageId: 'ipt', version: 1, text: `${PLAN}# ${note}\n` },
  });
  const found = await diagnostics((p) => p.uri === other && p.diagnostics.some((d) => d.code === 'phi'));
  expect(found.diagnostics.filter((d) => d.code === 'phi').map((d) => d.message)).toEqual([expect.stringMatching(/^This matches the `runs of a` pattern/)]);
});
