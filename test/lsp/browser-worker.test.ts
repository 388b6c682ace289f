/**
 * The server bundle (dist/server.js) as a web worker, in a Node worker thread standing in for one
 * (browser-harness.ts). Proves diagnostics, requests and `ipt/configFiles` work over it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startBrowserServer, type BrowserServer } from './browser-harness.js';
import { PLAN } from './harness.js';

let server: BrowserServer;
let connection: MessageConnection;
let published: PublishDiagnosticsParams[];
const base = 'vscode-test-web://mount/clients';
const uri = `${base}/plan.ipt`;
const diagnostics = (accept: (p: PublishDiagnosticsParams) => boolean) => server.diagnostics(accept);

beforeAll(async () => {
  server = await startBrowserServer();
  ({ connection, published } = server);
});

afterAll(async () => {
  await server?.stop();
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
