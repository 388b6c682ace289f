/**
 * The language server over a real stdio connection (the built dist/server.js): capabilities,
 * diagnostics on open and after incremental edits, quick fixes, formatting, outline and hover.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { startServer, type Server } from './harness.js';

const PLAN = `plan "C-0142 acute IPT"
  client "C-0142"
  variant acute
  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1
  sessions 16 weekly 50min

focus role-dispute "Conflict with partner about caring for their newborn"
  stage renegotiation
  goal G1 "Name each partner's expectations"

measure PHQ-9 every 4

risk low "Passive thoughts of death at intake; no plan or intent"

phase initial sessions 1-3
  session 1 "Assessment and the sick role"
    task symptom-review, sick-role
    score PHQ-9 18
  session 2 "Inventory"
    task interpersonal-inventory
  session 3 "Formulation"
    task formulation, treatment-contract

phase middle sessions 4-13
  session 4-13 "Work on the dispute"
    technique communication-analysis, role-play
    targets G1

phase termination sessions 14-16
  session 14-16 "Ending"
    task review-progress, relapse-prevention, discuss-ending
`;

let server: Server;
let connection: MessageConnection;
let uri: string;

const diagnosticsFor = async (version: number): Promise<Diagnostic[]> => (await server.diagnostics(uri, (p) => p.version === version)).diagnostics;

describe('language server over stdio (dist/server.js)', () => {
  let init: InitializeResult;

  beforeAll(async () => {
    server = await startServer();
    ({ connection, init } = server);
    uri = server.uriOf('plan.ipt');
  });

  afterAll(() => server?.stop());

  test('announces its capabilities', () => {
    expect(init.capabilities).toMatchObject({
      textDocumentSync: 2,
      documentFormattingProvider: true,
      documentSymbolProvider: true,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.ipt', 'source.organize.ipt'] },
    });
    expect(init.serverInfo?.name).toBe('ipt-language-server');
  });

  test('a clean plan gets no diagnostics on open', async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ipt', version: 1, text: PLAN } });
    expect(await diagnosticsFor(1)).toEqual([]);
  });

  test('an incremental edit gets its diagnostic with code, docs link and exact range', async () => {
    // sessions 16 → 20 (line 4, characters 11–13)
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 11 }, end: { line: 4, character: 13 } }, text: '20' }],
    });
    const diagnostics = await diagnosticsFor(2);
    const count = diagnostics.find((d) => d.code === 'session-count');
    expect(count).toMatchObject({ severity: 1, source: 'ipt', range: { start: { line: 4, character: 11 }, end: { line: 4, character: 13 } } });
    expect(count?.message).toMatch(/12–16 sessions; this plan has 20/);
    expect(count?.codeDescription?.href).toMatch(/docs\/rules\/session-count\.md$/);
  });

  test('quick fixes come from the rule and include "disable for this line"', async () => {
    const actions: CodeAction[] = await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 4, character: 11 }, end: { line: 4, character: 13 } },
      context: { diagnostics: [] },
    });
    const titles = actions.map((a) => a.title);
    expect(titles.some((t) => /16/.test(t))).toBe(true);
    expect(titles).toContain('Disable session-count for this line');
    const setTo16 = actions.find((a) => /16/.test(a.title))!;
    expect(setTo16.edit?.changes?.[uri]).toEqual([{ range: { start: { line: 4, character: 11 }, end: { line: 4, character: 13 } }, newText: '16' }]);
  });

  test('formatting returns edits to the canonical layout', async () => {
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ text: PLAN.replace('  client "C-0142"', 'client    "C-0142"') }],
    });
    const edits: TextEdit[] = await connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.map((e) => e.newText).join('')).toContain('  client "C-0142"');
  });

  test('the outline lists plan, focus with goals, measure, risk and phases with sessions', async () => {
    const symbols: DocumentSymbol[] = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['C-0142 acute IPT', 'focus role-dispute', 'measure PHQ-9', 'risk low', 'phase initial', 'phase middle', 'phase termination']);
    expect(symbols[1].children?.map((c) => c.name)).toEqual(['G1']);
    expect(symbols[4].children?.map((c) => c.name)).toEqual(['session 1', 'session 2', 'session 3']);
  });

  test('hover explains an IPT word from the catalogue', async () => {
    const hover: Hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 9 } });
    const value = (hover.contents as { value: string }).value;
    expect(value).toMatch(/role-dispute/);
    expect(value.length).toBeGreaterThan(60);
    expect(hover.range).toEqual({ start: { line: 6, character: 6 }, end: { line: 6, character: 18 } });
  });
});
