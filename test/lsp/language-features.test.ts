/**
 * Completion, hover and semantic tokens (the features engineer's pure functions) as a client sees
 * them through the built server: the protocol shapes, and the same answers as the pure functions.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, Hover, InitializeResult, SemanticTokens } from 'vscode-languageserver-protocol';
import { analyse } from '../../server/src/analyse.js';
import { completionsAt } from '../../server/src/features/completion.js';
import { semanticTokensData, semanticTokensLegend } from '../../server/src/features/semantic-tokens.js';
import { defaultConfig } from '../../server/src/rules/config.js';
import { markers, textOf } from './markers.js';
import { PLAN, startServer, type Server } from './harness.js';

let server: Server;
let count = 0;

async function openFixture(text: string): Promise<string> {
  const uri = server.uriOf(`lang-${++count}.ipt`);
  await server.open(uri, text);
  await server.diagnostics(uri);
  return uri;
}

function marked(find: string, withMarker: string) {
  if (!PLAN.includes(find)) throw new Error(`PLAN has no ${find}`);
  return markers(PLAN.replace(find, withMarker));
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

test('capabilities announce completion triggers, hover and the semantic token legend', () => {
  const capabilities = (server.init as InitializeResult).capabilities;
  expect(capabilities.completionProvider?.triggerCharacters).toEqual([' ', ',']);
  expect(capabilities.hoverProvider).toBe(true);
  expect(capabilities.semanticTokensProvider).toEqual({ legend: semanticTokensLegend, full: true, range: true });
});

describe('completion', () => {
  test('in a half-typed line (`task sick` with the cursor at the end): the initial-phase task, replacing the word', async () => {
    const fixture = marked('    task symptom-review, sick-role\n', '    task sick<|>\n');
    const uri = await openFixture(fixture.text);
    const items: CompletionItem[] = await server.request('textDocument/completion', { textDocument: { uri }, position: fixture.positions[0] });
    const sickRole = items.find((i) => i.label === 'sick-role');
    expect(sickRole).toBeDefined();
    expect(sickRole!.kind).toBe(20); // EnumMember: a catalogue value
    expect(sickRole!.textEdit).toEqual({ range: { start: { line: 18, character: 9 }, end: { line: 18, character: 13 } }, newText: 'sick-role' });
    expect(typeof sickRole!.detail).toBe('string');
    expect(items.map((i) => i.label)).toEqual(completionsAt(analyse(fixture.text), fixture.offsets[0], defaultConfig).map((c) => c.label));
  });

  test('in a file with a syntax error elsewhere: goal ids after `targets`, with their text', async () => {
    const source = PLAN.replace('session 2 "Inventory"', 'session 2 "Inventory').replace('    targets G1\n', '    targets <|>\n');
    const fixture = markers(source);
    const uri = await openFixture(fixture.text);
    const diagnostics = server.published.find((p) => p.uri === uri)!.diagnostics;
    expect(diagnostics.map((d) => d.code)).toContain('syntax');
    const items: CompletionItem[] = await server.request('textDocument/completion', { textDocument: { uri }, position: fixture.positions[0] });
    const goals = items.filter((i) => i.kind === 18); // Reference: a goal id
    expect(goals.map((g) => g.label)).toEqual(['G1', 'G2']);
    expect(goals[0].detail ?? (goals[0].documentation as { value: string } | undefined)?.value).toMatch(/Name each partner's expectations/);
  });

  test('a snippet item is sent as an LSP snippet', async () => {
    const fixture = markers(`${PLAN}\n<|>`);
    const uri = await openFixture(fixture.text);
    const items: CompletionItem[] = await server.request('textDocument/completion', { textDocument: { uri }, position: fixture.positions[0] });
    const snippets = items.filter((i) => i.kind === 15);
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.every((s) => s.insertTextFormat === 2)).toBe(true);
  });
});

describe('hover', () => {
  test('on a goal id: its text and the sessions that target it', async () => {
    const fixture = marked('goal G1', 'goal G<|>1');
    const uri = await openFixture(fixture.text);
    const hover: Hover = await server.request('textDocument/hover', { textDocument: { uri }, position: fixture.positions[0] });
    expect(textOf(fixture.text, hover.range!)).toBe('G1');
    const value = (hover.contents as { kind: string; value: string }).value;
    expect((hover.contents as { kind: string }).kind).toBe('markdown');
    expect(value).toContain("Name each partner's expectations");
    expect(value).toContain('Targeted in sessions 4–7, 8–13.');
  });

  test('on a word that has nothing to say: null', async () => {
    const fixture = marked('"Inventory"', '"Inv<|>entory"');
    const uri = await openFixture(fixture.text);
    expect(await server.request('textDocument/hover', { textDocument: { uri }, position: fixture.positions[0] })).toBeNull();
  });
});

describe('semantic tokens', () => {
  test('full: the pure function’s data; the first token is the `plan` keyword', async () => {
    const uri = await openFixture(PLAN);
    const tokens: SemanticTokens = await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    expect(tokens.data).toEqual(Array.from(semanticTokensData(analyse(PLAN), undefined, defaultConfig)));
    expect(tokens.data.slice(0, 5)).toEqual([0, 0, 4, semanticTokensLegend.tokenTypes.indexOf('keyword'), 0]);
  });

  test('range: only the tokens of the requested lines', async () => {
    const uri = await openFixture(PLAN);
    const tokens: SemanticTokens = await server.request('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } },
    });
    // goal G1 "…": keyword, goal id (declaration), string; each relative to the one before.
    const types = semanticTokensLegend.tokenTypes;
    expect(tokens.data.length).toBe(15);
    expect([tokens.data[0], tokens.data[3], tokens.data[8], tokens.data[13]]).toEqual([9, types.indexOf('keyword'), types.indexOf('variable'), types.indexOf('string')]);
  });
});
