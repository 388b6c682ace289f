/**
 * Folding, selection ranges, definition, references and rename of goal ids, through the built
 * server over stdio. Cursor positions come from `<|>` markers in the fixtures.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FoldingRange, Location, SelectionRange, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { markers, textOf, type Position } from './markers.js';
import { PLAN, startServer, type Server } from './harness.js';

let server: Server;
function marked(find: string, withMarkers: string) {
  if (!PLAN.includes(find)) throw new Error(`PLAN has no ${find}`);
  return markers(PLAN.replace(find, withMarkers));
}

/** The texts of the selection ranges at the first marker, innermost first. */
async function selectionChain(uri: string, fixture: { text: string; positions: Position[] }): Promise<string[]> {
  const [selection]: SelectionRange[] = await server.request('textDocument/selectionRange', { textDocument: { uri }, positions: fixture.positions });
  const chain: string[] = [];
  for (let range: SelectionRange | undefined = selection; range; range = range.parent) chain.push(textOf(fixture.text, range.range));
  return chain;
}

const rangesOf = (text: string, locations: Location[]) => locations.map((l) => `${l.range.start.line}:${textOf(text, l.range)}`);

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('folding ranges', () => {
  test('plan header, focus, each phase and each session fold; a run of comment lines folds as a comment', async () => {
    const text = PLAN.replace('measure PHQ-9 every 4\n', '# Measures agreed with the client:\n# PHQ-9 monthly is enough.\nmeasure PHQ-9 every 4\n');
    const uri = await server.openFixture(text);
    const ranges: FoldingRange[] = await server.request('textDocument/foldingRange', { textDocument: { uri } });
    expect(ranges).toEqual([
      { startLine: 0, endLine: 5 }, // plan header
      { startLine: 7, endLine: 10 }, // focus with its stage and goals
      { startLine: 12, endLine: 13, kind: 'comment' },
      { startLine: 18, endLine: 25 }, // phase initial
      { startLine: 19, endLine: 21 }, // session 1
      { startLine: 22, endLine: 23 },
      { startLine: 24, endLine: 25 },
      { startLine: 27, endLine: 34 }, // phase middle
      { startLine: 28, endLine: 30 },
      { startLine: 31, endLine: 34 },
      { startLine: 36, endLine: 39 }, // phase termination
      { startLine: 37, endLine: 39 },
    ]);
  });
});

describe('selection ranges', () => {
  test('word → statement → session → phase → file', async () => {
    const fixture = marked('technique role-play,', 'technique role-p<|>lay,');
    const uri = await server.openFixture(fixture.text);
    const chain = await selectionChain(uri, fixture);
    expect(chain.slice(0, 3)).toEqual([
      'role-play',
      'technique role-play, decision-analysis',
      'session 8-13 "Rehearse new ways to negotiate"\n    technique role-play, decision-analysis\n    targets G1, G2\n    score PHQ-9 9',
    ]);
    expect(chain[3]).toMatch(/^phase middle sessions 4-13\n[\s\S]*score PHQ-9 9$/);
    expect(chain[4]).toBe(fixture.text);
    expect(chain).toHaveLength(5);
  });

  test('in the plan header: word → header line → header block → file; a quoted text is one word', async () => {
    const fixture = marked('client "C-0142"', 'client "C-01<|>42"');
    const uri = await server.openFixture(fixture.text);
    const chain = await selectionChain(uri, fixture);
    expect(chain.slice(0, 2)).toEqual(['"C-0142"', 'client "C-0142"']);
    expect(chain[2]).toMatch(/^plan "C-0142 acute IPT"\n[\s\S]*start 2026-02-02$/);
    expect(chain).toHaveLength(4);
  });
});

describe('goal ids: definition and references', () => {
  test('definition from a `targets` use jumps to the goal line', async () => {
    const fixture = marked('targets G1, G2', 'targets G1, G<|>2');
    const uri = await server.openFixture(fixture.text);
    const found: Location[] = await server.request('textDocument/definition', { textDocument: { uri }, position: fixture.positions[0] });
    expect(found).toEqual([{ uri, range: { start: { line: 10, character: 7 }, end: { line: 10, character: 9 } } }]);
  });

  test('references from the definition list the goal and every use, with or without the declaration', async () => {
    const fixture = marked('goal G1', 'goal <|>G1');
    const uri = await server.openFixture(fixture.text);
    const ask = (includeDeclaration: boolean): Promise<Location[]> =>
      server.request('textDocument/references', { textDocument: { uri }, position: fixture.positions[0], context: { includeDeclaration } });
    expect(rangesOf(fixture.text, await ask(true))).toEqual(['9:G1', '28:G1', '31:G1']);
    expect(rangesOf(fixture.text, await ask(false))).toEqual(['28:G1', '31:G1']);
  });

  test('a position that is not a goal id has no definition and no references', async () => {
    const fixture = marked('task formulation', 'task formu<|>lation');
    const uri = await server.openFixture(fixture.text);
    expect(await server.request('textDocument/definition', { textDocument: { uri }, position: fixture.positions[0] })).toEqual([]);
    expect(await server.request('textDocument/references', { textDocument: { uri }, position: fixture.positions[0], context: { includeDeclaration: true } })).toEqual([]);
  });
});

describe('rename', () => {
  const renameAt = (uri: string, position: Position, newName: string): Promise<WorkspaceEdit> => server.request('textDocument/rename', { textDocument: { uri }, position, newName });

  test('prepareRename names the goal id under the cursor', async () => {
    const fixture = marked('    targets G1\n', '    targets G<|>1\n');
    const uri = await server.openFixture(fixture.text);
    expect(await server.request('textDocument/prepareRename', { textDocument: { uri }, position: fixture.positions[0] })).toEqual({
      range: { start: { line: 28, character: 12 }, end: { line: 28, character: 14 } },
      placeholder: 'G1',
    });
  });

  test('renaming from a use renames the goal and every `targets` use across the plan', async () => {
    const fixture = marked('    targets G1\n', '    targets G<|>1\n');
    const uri = await server.openFixture(fixture.text);
    const edit = await renameAt(uri, fixture.positions[0], 'EXPECT');
    const edits = edit.changes![uri];
    expect(edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText])).toEqual([
      [9, 7, 9, 'EXPECT'],
      [28, 12, 14, 'EXPECT'],
      [31, 12, 14, 'EXPECT'],
    ]);
  });

  test('refuses an id another goal already has, an invalid id, a keyword, and a position that is not a goal', async () => {
    const fixture = markers(PLAN.replace('goal G1', 'goal <|>G1').replace('task formulation', 'task formu<|>lation'));
    const uri = await server.openFixture(fixture.text);
    await expect(renameAt(uri, fixture.positions[0], 'G2')).rejects.toThrow('The plan already has a goal `G2`; choose an id no other goal uses.');
    await expect(renameAt(uri, fixture.positions[0], '2nd goal')).rejects.toThrow(/`2nd goal` is not a goal id/);
    await expect(renameAt(uri, fixture.positions[0], 'task')).rejects.toThrow(/`task` is not a goal id.*not a keyword/);
    await expect(renameAt(uri, fixture.positions[1], 'G9')).rejects.toThrow('Only a goal id (on its `goal` line or after `targets`) can be renamed here.');
    await expect(server.request('textDocument/prepareRename', { textDocument: { uri }, position: fixture.positions[1] })).rejects.toThrow(/Only a goal id/);
  });

  test('an id that no goal defines cannot be renamed (fix the id instead)', async () => {
    const fixture = marked('    targets G1\n', '    targets G<|>7\n');
    const uri = await server.openFixture(fixture.text);
    await expect(renameAt(uri, fixture.positions[0], 'G8')).rejects.toThrow('`G7` is not defined by a `goal` line in this plan, so there is nothing to rename; define it or fix the id.');
  });
});
