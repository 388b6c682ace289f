/**
 * The document lifecycle through the built server: one publish per version (never a stale one),
 * `.iptrc.json` changes re-validating the plans they govern, requests for unknown documents, and a
 * throwing feature contained (logged, empty result, server still up).
 */
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Registration } from 'vscode-languageserver-protocol';
import { PLAN, startServer, tempWorkspace, type Server } from './harness.js';

const MISSPELT = PLAN.replace('sick-role', 'sick-rol');
const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

describe('publishing', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  test('didOpen publishes once, with the version', async () => {
    const uri = server.uriOf('once.ipt');
    await server.open(uri, MISSPELT, 7);
    const first = await server.diagnostics(uri);
    expect(first.version).toBe(7);
    expect(first.diagnostics.map((d) => d.code)).toEqual(['task']);
    await settle();
    expect(server.published.filter((p) => p.uri === uri)).toHaveLength(1);
  });

  test('fast edits never publish a stale version: versions only go up and the last one is published', async () => {
    const uri = server.uriOf('typing.ipt');
    await server.open(uri, PLAN);
    await server.diagnostics(uri, (p) => p.version === 1);
    for (let version = 2; version <= 30; version++) await server.change(uri, version, version % 2 ? MISSPELT : PLAN);
    const last = await server.diagnostics(uri, (p) => p.version === 30);
    expect(last.diagnostics).toEqual([]);
    const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = server.uriOf('close.ipt');
    await server.open(uri, MISSPELT);
    await server.diagnostics(uri);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await server.diagnostics(uri, (p) => p.diagnostics.length === 0);
    expect(cleared.version).toBeUndefined();
  });
});

describe('.iptrc.json changes', () => {
  test('the server watches **/.iptrc.json and re-validates the open plans a changed file governs', async () => {
    const folder = tempWorkspace();
    mkdirSync(path.join(folder, 'team-a'));
    mkdirSync(path.join(folder, 'team-b'));
    const server = await startServer({ folder, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, semanticTokens: { refreshSupport: true } } } });
    try {
      // The registration is a request the server sends after `initialized`: wait for it.
      for (let waited = 0; server.registrations.length === 0 && waited < 5_000; waited += 20) await settle(20);
      const registration = (server.registrations as { registrations: Registration[] }[]).flatMap((r) => r.registrations);
      expect(registration.map((r) => [r.method, r.registerOptions])).toEqual([['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/.iptrc.json' }] }]]);

      const a = pathToFileURL(path.join(folder, 'team-a', 'plan.ipt')).href;
      const b = pathToFileURL(path.join(folder, 'team-b', 'plan.ipt')).href;
      await server.open(a, MISSPELT);
      await server.open(b, MISSPELT);
      expect((await server.diagnostics(a)).diagnostics.map((d) => d.severity)).toEqual([2]);
      await server.diagnostics(b);

      const config = path.join(folder, 'team-a', '.iptrc.json');
      writeFileSync(config, '{ "rules": { "task": "error" } }\n');
      const before = server.published.length;
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 1 }] });
      const republished = await server.diagnostics(a, (p) => server.published.indexOf(p) >= before);
      expect(republished.version).toBe(1);
      expect(republished.diagnostics.map((d) => [d.code, d.severity])).toEqual([['task', 1]]);
      await settle();
      expect(server.published.slice(before).map((p) => p.uri)).toEqual([a]); // team-b is not governed by it
      expect(server.tokenRefreshes).toBe(1); // the highlighting may change with the vocabulary

      rmSync(config);
      const afterDelete = server.published.length;
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 3 }] });
      const restored = await server.diagnostics(a, (p) => server.published.indexOf(p) >= afterDelete);
      expect(restored.diagnostics.map((d) => [d.code, d.severity])).toEqual([['task', 2]]);
    } finally {
      await server.stop();
    }
  });

  test('a client that cannot watch files still gets the new config on the next edit (no stale cache)', async () => {
    const server = await startServer();
    try {
      await settle();
      expect(server.registrations).toEqual([]);
      const uri = server.uriOf('plan.ipt');
      await server.open(uri, MISSPELT);
      expect((await server.diagnostics(uri)).diagnostics.map((d) => d.severity)).toEqual([2]);
      writeFileSync(path.join(server.folder, '.iptrc.json'), '{ "root": true, "rules": { "task": "off" } }\n');
      await server.change(uri, 2, `${MISSPELT}\n`);
      expect((await server.diagnostics(uri, (p) => p.version === 2)).diagnostics).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe('unknown documents and failures', () => {
  test('every request on a document that is not open answers empty or null', async () => {
    const server = await startServer();
    try {
      const textDocument = { uri: server.uriOf('never-opened.ipt') };
      const position = { line: 0, character: 0 };
      const range = { start: position, end: position };
      const answers = await Promise.all([
        server.request('textDocument/hover', { textDocument, position }),
        server.request('textDocument/completion', { textDocument, position }),
        server.request('textDocument/documentSymbol', { textDocument }),
        server.request('textDocument/foldingRange', { textDocument }),
        server.request('textDocument/selectionRange', { textDocument, positions: [position] }),
        server.request('textDocument/definition', { textDocument, position }),
        server.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }),
        server.request('textDocument/prepareRename', { textDocument, position }),
        server.request('textDocument/rename', { textDocument, position, newName: 'G9' }),
        server.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }),
        server.request('textDocument/codeLens', { textDocument }),
        server.request('textDocument/inlayHint', { textDocument, range }),
        server.request('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }),
        server.request('textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 2, insertSpaces: true } }),
        server.request('textDocument/onTypeFormatting', { textDocument, position, ch: '\n', options: { tabSize: 2, insertSpaces: true } }),
        server.request('textDocument/semanticTokens/full', { textDocument }),
        server.request('ipt/preview', { textDocument }),
        server.request('ipt/render', { textDocument, to: 'html' }),
        server.request('ipt/summary', { textDocument }),
      ]);
      expect(answers).toEqual([null, [], [], [], [], [], [], null, null, [], [], [], [], [], [], { data: [] }, null, null, null]);
    } finally {
      await server.stop();
    }
  });

  test('a feature that throws is logged with its stack and answered empty; the server keeps working', async () => {
    const server = await startServer({ env: { IPT_LSP_FAIL: 'textDocument/hover' } });
    try {
      const uri = server.uriOf('plan.ipt');
      await server.open(uri, MISSPELT);
      expect((await server.diagnostics(uri)).diagnostics.map((d) => d.code)).toEqual(['task']);
      expect(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 9 } })).toBeNull();
      expect(server.logs.some((log) => log.includes('textDocument/hover failed and returned an empty result') && /\n\s+at /.test(log))).toBe(true);
      const symbols: unknown[] = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols).toHaveLength(7);
      await server.change(uri, 2, PLAN);
      expect((await server.diagnostics(uri, (p) => p.version === 2)).diagnostics).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  test('when producing diagnostics throws, an empty list is published and the server stays up', async () => {
    const server = await startServer({ env: { IPT_LSP_FAIL: 'textDocument/publishDiagnostics' } });
    try {
      const uri = server.uriOf('plan.ipt');
      await server.open(uri, MISSPELT);
      expect(await server.diagnostics(uri)).toMatchObject({ version: 1, diagnostics: [] });
      expect(server.logs.some((log) => log.includes('textDocument/publishDiagnostics failed'))).toBe(true);
      expect(await server.request('ipt/summary', { textDocument: { uri } })).toMatchObject({ warnings: 1 });
    } finally {
      await server.stop();
    }
  });
});
