/**
 * Completion, hover and semantic tokens through the built server over stdio, on fixtures with
 * `<|>` cursor markers: a half-typed line, a file with a syntax error elsewhere, an edit on the way.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { semanticTokensLegend } from '../../server/src/features/semantic-tokens.js';
import { startServer, type Server } from './harness.js';
import { markers, textOf } from './markers.js';

const PLAN = `plan "C-0142 acute IPT"
  client "C-0142"
  variant acute
  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1
  sessions 16 weekly 50min
  start 2026-02-02

focus role-dispute "Conflict with partner about caring for their newborn"
  stage renegotiation
  goal G1 "Name each partner's expectations"
  goal G2 "State needs calmly during disagreements"

measure PHQ-9 every 4

risk low "Passive thoughts of death at intake; no plan or intent"

phase initial sessions 1-3
  session 1 "Assessment and the sick role"
    task symptom-review
    score PHQ-9 18
  session 2 "Inventory"
    task interpersonal-inventory
  session 3 "Formulation"
    task formulation, treatment-contract

phase middle sessions 4-13
  session 4-13 "Work on the dispute"
    technique communication-analysis, role-play
    targets G1, G2
    score PHQ-9 9

phase termination sessions 14-16
  session 14-16 "Review and ending"
    task review-progress, relapse-prevention, discuss-ending
`;

let server: Server;
let count = 0;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Opens the fixture as a new document; returns its uri, text and the marker positions. */
async function open(source: string) {
  const marked = markers(source);
  const uri = server.uriOf(`plan-${++count}.ipt`);
  await server.open(uri, marked.text);
  await server.diagnostics(uri);
  return { uri, ...marked };
}

async function complete(uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
  const result = await server.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  return Array.isArray(result) ? result : (result?.items ?? []);
}

async function hover(uri: string, position: { line: number; character: number }): Promise<Hover | null> {
  return server.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
}

test('the capabilities name the trigger characters and the token legend', () => {
  expect(server.init.capabilities.completionProvider?.triggerCharacters).toEqual([' ', ',']);
  expect(server.init.capabilities.semanticTokensProvider).toMatchObject({ legend: semanticTokensLegend, full: true, range: true });
});

describe('completion', () => {
  test('in a half-typed line: the initial phase tasks not yet in the session, replacing `sick`', async () => {
    const { uri, text, positions } = await open(PLAN.replace('    task symptom-review\n', '    task symptom-review\n    task sick<|>\n'));
    const items = await complete(uri, positions[0]);
    expect(items.map((i) => i.label)).toEqual([
      'diagnosis', 'sick-role', 'psychoeducation', 'medication-review', 'onset-review', 'interpersonal-inventory', 'closeness-circle', 'formulation', 'treatment-contract', 'risk-review', 'mood-event-review', 'warning-signs',
    ]);
    const sick = items.find((i) => i.label === 'sick-role')!;
    const edit = sick.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    expect(textOf(text, edit.range)).toBe('sick');
    expect(edit.newText).toBe('sick-role');
    expect(sick.detail).toBe('Sick role · initial');
    expect(sick.documentation).toMatchObject({ kind: 'markdown' });
    expect((sick.documentation as { value: string }).value).toMatch(/^\*\*Sick role\*\* `sick-role`/);
  });

  test('in a file with a syntax error elsewhere', async () => {
    const source = PLAN.replace('  session 2 "Inventory"\n', '  session 2 "Inventory\n').replace('    targets G1, G2\n', '    targets G1, <|>\n');
    const { uri, positions } = await open(source);
    const published = server.published.filter((p) => p.uri === uri).at(-1)!;
    expect(published.diagnostics.some((d) => d.code === 'syntax')).toBe(true);
    expect((await complete(uri, positions[0])).map((i) => [i.label, i.detail])).toEqual([['G2', 'State needs calmly during disagreements']]);
  });

  test('after an edit: the server completes the new text', async () => {
    const { uri, text } = await open(PLAN.replace('    score PHQ-9 9\n', '    score PHQ-9 9<|>\n'));
    const typed = text.replace('    score PHQ-9 9\n', '    score PHQ-9 9\n    date \n');
    await server.change(uri, 2, typed);
    const line = typed.split('\n').indexOf('    date ');
    const items = await complete(uri, { line, character: '    date '.length });
    expect(items.map((i) => [i.label, i.detail])).toEqual([['2026-02-23', 'Session 4, weekly from 2026-02-02']]);
  });

  test('snippets are marked as snippets', async () => {
    const { uri, positions } = await open(PLAN.replace('    score PHQ-9 9\n', '    score PHQ-9 9\n  <|>\n'));
    const session = (await complete(uri, positions[0])).find((i) => i.label.startsWith('session '))!;
    expect(session.insertTextFormat).toBe(2);
    expect((session.textEdit as { newText: string }).newText).toMatch(/^session 17 "\$\{1:title\}"/);
  });
});

describe('hover', () => {
  test('a score against the baseline', async () => {
    const { uri, text, positions } = await open(PLAN.replace('    score PHQ-9 9\n', '    score PHQ-9 <|>9\n'));
    const result = (await hover(uri, positions[0]))!;
    expect(result.contents).toEqual({
      kind: 'markdown',
      value:
        '**PHQ-9 9** · range 0–27\n\nBand: **mild** (5–9).\n\nChange from baseline (session 1: 18): **−9** (−50 %).\n\nResponse (a fall of 50 % or more, to 9 or less): reached.\n\nRemission (PHQ-9 < 5): not met.',
    });
    expect(textOf(text, result.range!)).toBe('score PHQ-9 9');
  });

  test('a goal id in `targets`', async () => {
    const { uri, positions } = await open(PLAN.replace('    targets G1, G2\n', '    targets G1, G<|>2\n'));
    expect(((await hover(uri, positions[0]))!.contents as { value: string }).value).toBe('**Goal G2**\n\nState needs calmly during disagreements\n\nTargeted in sessions 4–13.');
  });

  test("inside a diagnostic: the rule's explanation and its docs", async () => {
    const { uri, positions } = await open(PLAN.replace('    technique communication-analysis, role-play\n', '    technique communication-analysis, mind<|>fulness\n'));
    const value = ((await hover(uri, positions[0]))!.contents as { value: string }).value;
    expect(value).toContain('⚠ Not an IPT technique.');
    expect(value).toMatch(/\*\*`technique`\*\* \(warning\) — .*\[Read more\]\(https:\/\/github\.com\/ipt-plan\/ipt-plan\/blob\/main\/docs\/rules\/technique\.md\)/);
  });
});

test('semantic tokens over the connection: the first line decoded', async () => {
  // The marker at the very end only satisfies the fixture helper; the request is for the whole file.
  const { uri } = await open(`${PLAN}<|>`);
  const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const first = [];
  for (let i = 0; i < 10; i += 5) first.push([...tokens.data.slice(i, i + 3), semanticTokensLegend.tokenTypes[tokens.data[i + 3]]]);
  expect(first).toEqual([
    [0, 0, 4, 'keyword'],
    [0, 5, 18, 'string'],
  ]);
  expect(tokens.data.length % 5).toBe(0);
});
