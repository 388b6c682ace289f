/**
 * When the built server analyses and publishes (server/src/lsp/document-scheduler.ts): one publish
 * per version, never a stale version, a burst of edits coalesced into one analysis whose diagnostics
 * equal analyse() of the final text, requests on one document not held up by another's edits, and
 * completion that sees the character just typed.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { stressPlan } from '../../bench/generate.mjs';
import { analyse } from '../../server/src/analyse.js';
import { toLspDiagnostic } from '../../server/src/lsp/convert.js';
import { loadConfig } from '../../server/src/rules/load-config.js';
import { PLAN, startServer, type Server } from './harness.js';

let server: Server;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const publishedFor = (uri: string): PublishDiagnosticsParams[] => server.published.filter((p) => p.uri === uri);
const versionsFor = (uri: string) => publishedFor(uri).map((p) => p.version);

/** The diagnostics the server must publish for `text` at `uri`: analyse() with that folder's config, as LSP. */
function expectedDiagnostics(uri: string, text: string) {
  const config = loadConfig(fileURLToPath(uri)).config;
  return analyse(text, { config }).diagnostics.map((d) => toLspDiagnostic(d, uri));
}

/** An incremental edit that changes one character of the note on `line` (0-based), toggling its case. */
function noteEdit(uri: string, version: number, line: number, character: number, text: string) {
  return {
    method: 'textDocument/didChange',
    params: { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text }] },
  };
}

/** Applies the same one-character replacements to the client's copy of the text. */
function applyCharacter(text: string, line: number, character: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line] = lines[line].slice(0, character) + replacement + lines[line].slice(character + 1);
  return lines.join('\n');
}

/** The line and character of the `C` of "Check" in the note of the middle of a generated plan. */
function middleNote(text: string) {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const character = lines[line].indexOf('note "Check');
    if (character >= 0) return { line, character: character + 6 };
  }
  throw new Error('no note');
}

describe('one publish per version', () => {
  test('didOpen publishes its version once', async () => {
    const uri = server.uriOf('open-once.ipt');
    await server.open(uri, PLAN);
    await server.diagnostics(uri);
    await sleep(300);
    expect(versionsFor(uri)).toEqual([1]);
  });

  test('edits made one at a time are each published once, in order', async () => {
    const uri = server.uriOf('one-at-a-time.ipt');
    await server.open(uri, PLAN);
    await server.diagnostics(uri);
    let text = PLAN;
    for (let version = 2; version <= 6; version++) {
      text = text.replace('sessions 16', version % 2 ? 'sessions 16' : 'sessions 17');
      await server.change(uri, version, text);
      await server.diagnostics(uri, (p) => p.version === version);
    }
    await sleep(300);
    expect(versionsFor(uri)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(publishedFor(uri).at(-1)!.diagnostics).toEqual(expectedDiagnostics(uri, text));
  });
});

describe('a burst of edits on the stress plan (500 sessions, 428 KB)', () => {
  const big = stressPlan().text;
  const note = middleNote(big);

  test('20 edits read together: one publish, of the last version, equal to analyse() of the final text (no stale version)', async () => {
    const uri = server.uriOf('burst.ipt');
    await server.open(uri, big);
    await server.diagnostics(uri);
    let text = big;
    const edits = [];
    for (let i = 0; i < 20; i++) {
      const replacement = i % 2 ? 'C' : 'c';
      edits.push(noteEdit(uri, 2 + i, note.line, note.character, replacement));
      text = applyCharacter(text, note.line, note.character, replacement);
    }
    text = applyCharacter(text, note.line, note.character, 'x');
    edits.push(noteEdit(uri, 22, note.line, note.character, 'x'));
    await server.notifyAtOnce(edits);
    const last = await server.diagnostics(uri, (p) => p.version === 22);
    await sleep(300);
    // All 21 edits were read before any was analysed: every version but the last was stale by then.
    expect(versionsFor(uri)).toEqual([1, 22]);
    expect(last.diagnostics).toEqual(expectedDiagnostics(uri, text));
  });

  test('a request in the middle of a burst publishes the version it analysed; the rest wait for the last', async () => {
    const uri = server.uriOf('burst-with-request.ipt');
    await server.open(uri, big);
    await server.diagnostics(uri);
    const first = [];
    for (let i = 0; i < 10; i++) first.push(noteEdit(uri, 2 + i, note.line, note.character, i % 2 ? 'C' : 'c'));
    await server.notifyAtOnce(first);
    // On a technique of the session whose note is edited (two lines above the note).
    const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: note.line - 2, character: 16 } });
    expect(hover).not.toBeNull();
    const second = [];
    for (let i = 10; i < 20; i++) second.push(noteEdit(uri, 2 + i, note.line, note.character, i % 2 ? 'C' : 'c'));
    await server.notifyAtOnce(second);
    await server.diagnostics(uri, (p) => p.version === 21);
    await sleep(300);
    expect(versionsFor(uri)).toEqual([1, 11, 21]);
  });

  test('hover on another plan answers before the edited plan is re-analysed', async () => {
    const slow = server.uriOf('slow.ipt');
    const other = server.uriOf('other.ipt');
    await server.open(slow, big);
    await server.open(other, PLAN);
    await server.diagnostics(slow);
    await server.diagnostics(other);
    const edits = [];
    for (let i = 0; i < 20; i++) edits.push(noteEdit(slow, 2 + i, note.line, note.character, i % 2 ? 'C' : 'c'));
    const events: string[] = [];
    const published = server.diagnostics(slow, (p) => p.version === 21).then(() => events.push('slow plan published'));
    await server.notifyAtOnce(edits);
    const hover = await server.request<Hover | null>('textDocument/hover', { textDocument: { uri: other }, position: { line: 2, character: 11 } });
    events.push('hover answered');
    await published;
    expect(hover).not.toBeNull();
    expect(events).toEqual(['hover answered', 'slow plan published']);
  });
});

describe('requests see the current version', () => {
  test('completion right after typing sees the character just typed', async () => {
    const uri = server.uriOf('typing.ipt');
    await server.open(uri, PLAN);
    await server.diagnostics(uri);
    const typed = `${PLAN}    task maintenance-p\n`;
    const line = typed.split('\n').findIndex((l) => l === '    task maintenance-p');
    // No wait between the edit and the request: the edit's analysis is still waiting for its delay.
    void server.change(uri, 2, typed);
    const items = await server.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 22 } });
    const item = items.find((i) => i.label === 'maintenance-plan');
    expect(item).toBeDefined();
    // The edit replaces the word typed so far, `maintenance-p`: the server read the text with the `p`.
    expect(item!.textEdit).toMatchObject({ range: { start: { line, character: 9 }, end: { line, character: 22 } } });
    // The request made version 2's analysis and published it; the scheduled run had nothing left to do.
    await sleep(300);
    expect(versionsFor(uri)).toEqual([1, 2]);
  });
});

