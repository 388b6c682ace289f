/**
 * Code actions (quick fixes, fix all = `ipt lint --fix`, renumbering), code lens, inlay hints and
 * range / on-type formatting, through the built server over stdio.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CodeAction, CodeLens, InlayHint, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from './apply-edits.js';
import { markers, rangeOf } from './markers.js';
import { cliJs, PLAN, startServer, type Server } from './harness.js';

let server: Server;
const wholeFile = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A plan with two misspellings that have safe fixes, one that needs a person, and loose layout. */
const FIXABLE = `plan "C-0142 acute IPT"
  client "C-0142"
  variant acute
  sessions 16 weekly 50min
focus role-dispute "Conflict"
  goal G1 "x"
measure PHQ-9 every 4
risk low "Passive thoughts"
phase initial sessions 1-3
  session 1 "A"
    task sympton-review, sick-role
  session 2 "B"
    task interpersonal-inventory
  session 3 "C"
    task formulation, treatment-contract
    technique comunication-analysis
phase middle sessions 4-13
  session 4-13 "D"
    targets G1
phase termination sessions 14-16
  session 14-16 "E"
    task review-progress, relapse-prevention, discuss-ending
`;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('code actions', () => {
  test('a quick fix from the rule (preferred, as it is the one safe fix) and "disable for this line"', async () => {
    const fixture = markers(FIXABLE.replace('sympton-review', 'symp<|>ton-re<|>view'));
    const uri = await server.openFixture(fixture.text);
    const actions: CodeAction[] = await server.request('textDocument/codeAction', { textDocument: { uri }, range: rangeOf(fixture), context: { diagnostics: [] } });
    const quickFixes = actions.filter((a) => a.kind === 'quickfix');
    expect(quickFixes.map((a) => a.title)).toEqual(['Change to `symptom-review`', 'Disable task for this line']);
    expect(quickFixes[0].isPreferred).toBe(true);
    expect(quickFixes[0].diagnostics?.[0].code).toBe('task');
    expect(quickFixes[0].edit?.changes?.[uri]).toEqual([{ range: { start: { line: 10, character: 9 }, end: { line: 10, character: 23 } }, newText: 'symptom-review' }]);
    expect(quickFixes[1].edit?.changes?.[uri]).toEqual([
      { range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, newText: '    # ipt-disable-next-line task -- say why this is fine\n' },
    ]);
  });

  test('source.fixAll.ipt makes exactly the text `ipt lint --fix` writes', async () => {
    const uri = await server.openFixture(FIXABLE);
    const actions: CodeAction[] = await server.request('textDocument/codeAction', { textDocument: { uri }, range: wholeFile, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(actions.map((a) => [a.kind, a.title])).toEqual([['source.fixAll.ipt', 'Fix all auto-fixable problems']]);
    const fixedByEditor = applyEdits(FIXABLE, actions[0].edit!.changes![uri]);

    const file = path.join(server.folder, 'fix-by-cli.ipt');
    writeFileSync(file, FIXABLE);
    const cli = spawnSync(process.execPath, [cliJs, 'lint', '--fix', file], { cwd: server.folder, encoding: 'utf8' });
    expect(cli.stderr).toMatch(/--fix rewrote 1 plan \(2 fixes applied, then formatted\)/);
    expect(fixedByEditor).toBe(readFileSync(file, 'utf8'));
    expect(fixedByEditor).toContain('    task symptom-review, sick-role\n');
    expect(fixedByEditor).toContain('    technique communication-analysis\n');
  });

  test('no fix-all action on a clean, formatted plan, nor on a plan with a syntax error', async () => {
    for (const text of [PLAN, FIXABLE.replace('session 2 "B"', 'session 2 "B')]) {
      const uri = await server.openFixture(text);
      expect(await server.request('textDocument/codeAction', { textDocument: { uri }, range: wholeFile, context: { diagnostics: [], only: ['source.fixAll.ipt'] } })).toEqual([]);
    }
  });

  test('organise: renumber sessions in order after one was inserted; phase ranges follow', async () => {
    const inserted = PLAN.replace('  session 2 "Inventory"\n', '  session 2 "Inventory"\n    task interpersonal-inventory\n  session 2 "Inventory, continued"\n');
    const uri = await server.openFixture(inserted);
    const actions: CodeAction[] = await server.request('textDocument/codeAction', { textDocument: { uri }, range: wholeFile, context: { diagnostics: [], only: ['source.organize.ipt'] } });
    expect(actions.map((a) => [a.kind, a.title])).toEqual([['source.organize.ipt', 'Renumber sessions in order (phase ranges follow)']]);
    const edits: TextEdit[] = actions[0].edit!.changes![uri];
    expect(edits.map((e) => `${e.range.start.line}:${e.newText}`)).toEqual(['16:1-4', '22:3', '24:4', '27:5-14', '28:5-8', '31:9-14', '36:15-17', '37:15-17']);
    const renumbered = applyEdits(inserted, edits);
    expect(renumbered).toContain('phase initial sessions 1-4\n');
    expect(renumbered).toContain('  session 3 "Inventory, continued"\n');
    expect(renumbered).toContain('phase termination sessions 15-17\n  session 15-17 "Ending"\n');
  });

  test('the renumbering is also offered as a quick fix on a phase-coverage problem', async () => {
    const fixture = markers(PLAN.replace('  session 14-16 "Ending"', '  session <|>13-15<|> "Ending"'));
    const uri = await server.openFixture(fixture.text);
    const diagnostics = (await server.diagnostics(uri)).diagnostics;
    expect(diagnostics.map((d) => d.code)).toContain('phase-coverage');
    const actions: CodeAction[] = await server.request('textDocument/codeAction', { textDocument: { uri }, range: rangeOf(fixture), context: { diagnostics: [] } });
    const renumber = actions.find((a) => a.kind === 'quickfix' && a.title.startsWith('Renumber'));
    expect(renumber?.diagnostics?.[0].code).toBe('phase-coverage');
    expect(applyEdits(fixture.text, renumber!.edit!.changes![uri])).toBe(PLAN);
  });
});

describe('code lens and inlay hints', () => {
  test('one lens per phase: sessions, count, goals targeted and the date span from `start`', async () => {
    const uri = await server.openFixture(PLAN);
    const lenses: CodeLens[] = await server.request('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses.map((l) => [l.range.start.line, l.command?.title])).toEqual([
      [16, 'sessions 1–3 · 3 sessions · 2026-02-02 to 2026-02-16'],
      [25, 'sessions 4–13 · 10 sessions · goals G1, G2 · 2026-02-23 to 2026-04-27'],
      [34, 'sessions 14–16 · 3 sessions · 2026-05-04 to 2026-05-18'],
    ]);
  });

  test('without `start`, the lens has no dates', async () => {
    const uri = await server.openFixture(PLAN.replace('  start 2026-02-02\n', ''));
    const lenses: CodeLens[] = await server.request('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses[1].command?.title).toBe('sessions 4–13 · 10 sessions · goals G1, G2');
  });

  test('each undated session gets its computed date after its number; a session with `date` gets none', async () => {
    const text = PLAN.replace('  session 2 "Inventory"\n', '  session 2 "Inventory"\n    date 2026-02-10\n');
    const uri = await server.openFixture(text);
    const hints: InlayHint[] = await server.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    expect(hints.map((h) => [h.position.line, h.position.character, h.label])).toEqual([
      [17, 11, '2026-02-02'],
      [23, 11, '2026-02-16'],
      [27, 13, '2026-02-23 to 2026-03-16'],
      [30, 14, '2026-03-23 to 2026-04-27'],
      [36, 15, '2026-05-04 to 2026-05-18'],
    ]);
    expect(hints[0].paddingLeft).toBe(true);
  });

  test('only the hints in the requested range, and none without `start`', async () => {
    const uri = await server.openFixture(PLAN);
    const some: InlayHint[] = await server.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 25, character: 0 }, end: { line: 33, character: 0 } } });
    expect(some.map((h) => h.label)).toEqual(['2026-02-23 to 2026-03-16', '2026-03-23 to 2026-04-27']);
    const undated = await server.openFixture(PLAN.replace('  start 2026-02-02\n', ''));
    expect(await server.request('textDocument/inlayHint', { textDocument: { uri: undated }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } })).toEqual([]);
  });
});

describe('range and on-type formatting', () => {
  test('range formatting changes only the lines in the range', async () => {
    const messy = PLAN.replace('  client "C-0142"', 'client    "C-0142"').replace('    task interpersonal-inventory', '  task   interpersonal-inventory');
    const uri = await server.openFixture(messy);
    const edits: TextEdit[] = await server.request('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(edits).toEqual([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 18 } }, newText: '  client "C-0142"' }]);
    const all: TextEdit[] = await server.request('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 38, character: 0 } }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(messy, all)).toBe(PLAN);
  });

  test('on-type formatting indents a new line for the block the line above opens', async () => {
    const cases: [string, string][] = [
      ['phase middle sessions 4-13\n<|>', '  '], // inside a phase: a session
      ['  session 4-7 "Clarify the dispute"\n<|>', '    '], // inside a session: its items
      ['    targets G1\n<|>', '    '], // after an item: another item
      ['focus role-dispute "Conflict with partner about caring for their newborn"\n<|>', '  '],
    ];
    for (const [find, typed] of cases) {
      const anchor = find.replace('\n<|>', '\n');
      const fixture = markers(PLAN.replace(anchor, find));
      const withNewLine = fixture.text.slice(0, fixture.offsets[0]) + '\n' + fixture.text.slice(fixture.offsets[0]);
      const uri = await server.openFixture(withNewLine);
      const edits: TextEdit[] = await server.request('textDocument/onTypeFormatting', { textDocument: { uri }, position: fixture.positions[0], ch: '\n', options: { tabSize: 2, insertSpaces: true } });
      expect(edits, find).toEqual([{ range: { start: fixture.positions[0], end: fixture.positions[0] }, newText: typed }]);
    }
  });

  test('on-type formatting re-indents a line that starts with a keyword for that keyword', async () => {
    const fixture = markers(PLAN.replace('phase middle sessions 4-13\n', 'phase middle sessions 4-13\n<|>      session 4-7 "x"\n'));
    const uri = await server.openFixture(fixture.text);
    const edits: TextEdit[] = await server.request('textDocument/onTypeFormatting', { textDocument: { uri }, position: fixture.positions[0], ch: '\n', options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([{ range: { start: fixture.positions[0], end: { line: fixture.positions[0].line, character: 6 } }, newText: '  ' }]);
  });
});
