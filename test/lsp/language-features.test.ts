/**
 * The protocol mapping of completion, hover and semantic tokens: the server answers what the pure
 * functions answer, with LSP kinds, edits and encodings. (What the features answer in each place is
 * tested in completion-hover.test.ts and test/unit/features/.)
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { analyse } from '../../server/src/analyse.js';
import { completionsAt } from '../../server/src/features/completion.js';
import { semanticTokensData, semanticTokensLegend } from '../../server/src/features/semantic-tokens.js';
import { defaultConfig } from '../../server/src/rules/config.js';
import { markers, textOf } from './markers.js';
import { PLAN, startServer, type Server } from './harness.js';

let server: Server;
function marked(find: string, withMarker: string) {
  if (!PLAN.includes(find)) throw new Error(`PLAN has no ${find}`);
  return markers(PLAN.replace(find, withMarker));
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('completion items', () => {
  test('the pure function’s items in order, catalogue values as EnumMember with a replacing edit', async () => {
    const fixture = marked('    task symptom-review, sick-role\n', '    task sick<|>\n');
    const uri = await server.openFixture(fixture.text);
    const items: CompletionItem[] = await server.request('textDocument/completion', { textDocument: { uri }, position: fixture.positions[0] });
    expect(items.map((i) => i.label)).toEqual(completionsAt(analyse(fixture.text), fixture.offsets[0], defaultConfig).map((c) => c.label));
    const sickRole = items.find((i) => i.label === 'sick-role')!;
    expect(sickRole.kind).toBe(20); // EnumMember
    expect(sickRole.textEdit).toEqual({ range: { start: { line: 18, character: 9 }, end: { line: 18, character: 13 } }, newText: 'sick-role' });
  });

  test('goal ids are References, keywords Keywords, snippets Snippets in snippet format', async () => {
    const targets = markers(PLAN.replace('    targets G1\n', '    targets <|>\n'));
    const uri = await server.openFixture(targets.text);
    const goals: CompletionItem[] = await server.request('textDocument/completion', { textDocument: { uri }, position: targets.positions[0] });
    expect(goals.map((g) => [g.label, g.kind])).toEqual([
      ['G1', 18],
      ['G2', 18],
    ]);
    const end = markers(`${PLAN}<|>`);
    const atEnd = await server.openFixture(end.text);
    const items: CompletionItem[] = await server.request('textDocument/completion', { textDocument: { uri: atEnd }, position: end.positions[0] });
    expect(items.find((i) => i.label === 'phase')?.kind).toBe(14);
    const snippets = items.filter((i) => i.kind === 15);
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.every((s) => s.insertTextFormat === 2)).toBe(true);
  });
});

test('hover is markdown with the word’s range, and null where there is nothing to say', async () => {
  const fixture = markers(PLAN.replace('goal G1', 'goal G<|>1').replace('"Inventory"', '"Inv<|>entory"'));
  const uri = await server.openFixture(fixture.text);
  const hover: Hover = await server.request('textDocument/hover', { textDocument: { uri }, position: fixture.positions[0] });
  expect((hover.contents as { kind: string }).kind).toBe('markdown');
  expect(textOf(fixture.text, hover.range!)).toBe('G1');
  expect(await server.request('textDocument/hover', { textDocument: { uri }, position: fixture.positions[1] })).toBeNull();
});

describe('semantic tokens', () => {
  test('full: exactly the pure function’s data', async () => {
    const uri = await server.openFixture(PLAN);
    const tokens: SemanticTokens = await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    expect(tokens.data).toEqual(Array.from(semanticTokensData(analyse(PLAN), undefined, defaultConfig)));
  });

  test('range: only the tokens of the requested line, the first relative to the file start', async () => {
    const uri = await server.openFixture(PLAN);
    const tokens: SemanticTokens = await server.request('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } },
    });
    // goal G1 "…": keyword, goal id (a declaration), string.
    const types = semanticTokensLegend.tokenTypes;
    expect(tokens.data.length).toBe(15);
    expect([tokens.data[0], tokens.data[3], tokens.data[8], tokens.data[13]]).toEqual([9, types.indexOf('keyword'), types.indexOf('variable'), types.indexOf('string')]);
  });
});
