/**
 * The BUILT server under abuse: 10,000 random incremental edits (multi-byte characters split and
 * joined, CRLF and lone CR) keep the server's text equal to the client's and end with exactly the
 * diagnostics `analyse` gives the final text; unknown documents, out-of-range positions, a 10 MB
 * document and malformed frames get errors, empty results or a clean exit — never a dead or deaf server.
 */
import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../server/src/analyse.js';
import { render } from '../../server/src/render/index.js';
import { PLAN, serverJs, startServer, type Server } from './harness.js';

const EDITS = 10_000;
const fragments = ['a', 'plan', ' ', '"', '\n', '\r\n', '\r', 'é', '中', '😀', 'session 1 "x"\n', '  task formulation\n', '#', ',', '4-13', '\t'];

/** Diagnostics as comparable values: where, which rule, what it says. */
function comparable(list: { range: LspDiagnostic['range']; code?: string | number; message: LspDiagnostic['message'] }[]) {
  return list.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`).sort();
}

describe('10,000 random incremental edits', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('keep the server’s text equal to the client’s, and end with analyse()’s diagnostics', async () => {
    const uri = server.uriOf('edited.ipt');
    let doc = TextDocument.create(uri, 'ipt', 1, PLAN);
    await server.open(uri, PLAN, 1);
    const edits = fc.sample(
      fc.record({ at: fc.nat(), length: fc.nat(12), kind: fc.constantFrom('insert', 'delete', 'replace'), text: fc.array(fc.constantFrom(...fragments), { maxLength: 3 }).map((p) => p.join('')) }),
      { numRuns: EDITS, seed: 13 },
    );
    let version = 1;
    for (const [i, edit] of edits.entries()) {
      const text = doc.getText();
      // Offsets in UTF-16 code units: an edit may cut a surrogate pair in half or join two halves.
      const start = edit.at % (text.length + 1);
      const end = edit.kind === 'insert' ? start : Math.min(text.length, start + edit.length);
      const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: edit.kind === 'delete' ? '' : edit.text };
      version++;
      doc = TextDocument.update(doc, [change], version);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      if (i % 1000 === 999 || doc.getText().length > 20_000) {
        // The Markdown rendering quotes every string, name, number and diagnostic: the same text renders the same.
        const { text: rendered } = await server.request<{ text: string }>('ipt/render', { textDocument: { uri }, to: 'markdown' });
        expect(rendered).toBe(render(analyse(doc.getText()), { to: 'markdown' }));
        if (doc.getText().length > 20_000) {
          version++;
          doc = TextDocument.create(uri, 'ipt', version, PLAN);
          await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: PLAN }] });
        }
      }
    }
    const published = await server.diagnostics(uri, (p) => p.version === version);
    const expected = analyse(doc.getText()).diagnostics.map((d) => ({ range: d.range, code: d.rule, message: d.message }));
    expect(comparable(published.diagnostics)).toEqual(comparable(expected));
  }, 600_000);
});

describe('requests the server cannot answer', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('about a document it never saw get empty results', async () => {
    const textDocument = { uri: server.uriOf('never-opened.ipt') };
    const position = { line: 0, character: 0 };
    expect(await server.request('textDocument/hover', { textDocument, position })).toBeNull();
    expect(await server.request('textDocument/completion', { textDocument, position })).toEqual([]);
    expect(await server.request('textDocument/documentSymbol', { textDocument })).toEqual([]);
    expect(await server.request('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    expect(await server.request('ipt/preview', { textDocument })).toBeNull();
  });

  it('at positions outside the document get answers clamped to it (or empty), and the server lives on', async () => {
    const uri = await server.openFixture(PLAN);
    const textDocument = { uri };
    for (const position of [{ line: 10_000, character: 0 }, { line: 0, character: 10_000 }, { line: -1, character: -5 }, { line: 2 ** 31, character: 2 ** 31 }]) {
      await server.request('textDocument/hover', { textDocument, position });
      await server.request('textDocument/completion', { textDocument, position });
      await server.request('textDocument/selectionRange', { textDocument, positions: [position] });
      await server.request('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } });
    }
    expect(await server.request('ipt/summary', { textDocument })).toMatchObject({ errors: 0 });
  });

  it('a 10 MB document gets one clear diagnostic, quick answers, and the server lives on', async () => {
    const note = `    note "${'x'.repeat(90)}"\n`;
    const big = PLAN + note.repeat(Math.ceil(10_000_000 / note.length));
    const started = performance.now();
    const uri = await server.openFixture(big);
    const published = server.published.find((p) => p.uri === uri)!;
    expect(published.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^This file is 9\.\d MB; IPT Plan reads plans up to 1\.0 MB/)]);
    const textDocument = { uri };
    await server.request('textDocument/hover', { textDocument, position: { line: 5, character: 3 } });
    await server.request('textDocument/semanticTokens/full', { textDocument });
    await server.request('textDocument/foldingRange', { textDocument });
    expect(await server.request('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    // A hang detector, not a target: measured about 2 s on a busy 2-core machine.
    expect(performance.now() - started).toBeLessThan(60_000);
    const small = await server.openFixture(PLAN);
    expect(await server.request('ipt/summary', { textDocument: { uri: small } })).toMatchObject({ errors: 0 });
  }, 120_000);

  it('an unknown method gets a MethodNotFound error and the server lives on', async () => {
    await expect(server.request('ipt/noSuchThing', {})).rejects.toMatchObject({ code: -32601 });
    expect(await server.request('ipt/catalogue', {})).toBeTruthy();
  });
});

describe('malformed frames on stdio', () => {
  /** Starts the built server, writes raw bytes to it, and resolves with its exit code (or 'alive' after 10 s). */
  function feed(bytes: string): Promise<{ code: number | 'alive'; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const timer = setTimeout(() => {
        child.kill();
        resolve({ code: 'alive', stderr });
      }, 10_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? -1, stderr });
      });
      child.stdin.write(bytes);
    });
  }
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const initialize = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));

  it('a frame without Content-Length ends the server (exit 1, says why) instead of leaving it deaf', async () => {
    const result = await feed(`${initialize}Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the client sent a message that cannot be read (the header has no Content-Length); exiting so that the editor restarts the server.');
  }, 20_000);

  // Issue 17: `Content-Length: -5` was logged as ignored, and the server never answered again.
  it.each([
    ['-5', 'Content-Length: -5', 'Content-Length must be a whole number of bytes, not "-5"'],
    ['not a number', 'Content-Length: twelve', 'Content-Length must be a whole number of bytes, not "twelve"'],
    ['digits then letters', 'Content-Length: 12abc', 'Content-Length must be a whole number of bytes, not "12abc"'],
    ['a terabyte', 'Content-Length: 1000000000000', 'Content-Length 1000000000000 is longer than any message can be'],
    ['two lengths that disagree', 'Content-Length: 45\r\nContent-Length: 46', 'the header gives two different Content-Length values (45 and 46)'],
    ['a line without a colon', 'Content-Length: 45\r\nhello', 'a header line has no ":" ("hello")'],
  ])('a frame header with %s ends the server with a message', async (_name, header, reason) => {
    const result = await feed(`${initialize}${header}\r\n\r\n{"jsonrpc":"2.0","id":2,"method":"shutdown"}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the client sent a message that cannot be read (${reason}); exiting so that the editor restarts the server.`);
  }, 20_000);

  it('a header that never ends ends the server once it passes 8 KB, instead of being buffered without bound', async () => {
    const result = await feed(`${initialize}X-Padding: ${'x'.repeat(20_000)}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('(a frame header is longer than 8192 bytes)');
  }, 20_000);

  it('two equal Content-Length lines are honoured, and a frame longer than the server holds is skipped unread', async () => {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const big = 65 * 1024 * 1024;
    child.stdin.write(`Content-Length: ${big}\r\n\r\n`);
    const block = Buffer.alloc(1024 * 1024, 0x20);
    for (let sent = 0; sent < big; sent += block.length) child.stdin.write(block);
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    for (let waited = 0; waited < 100 && !out.includes('"id":1'); waited++) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill();
    expect(out).toContain('"id":1');
    expect(stderr).toContain('a message of 65 MB was skipped unread: the server holds messages up to 64 MB.');
  }, 30_000);

  it('a body that is not JSON is skipped (the framing is intact), and the server keeps serving', async () => {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stdin.write(frame('{not json'));
    child.stdin.write(initialize);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    child.kill();
    expect(out).toContain('"id":1'); // the initialize after the bad frame got its answer
  }, 20_000);
});
