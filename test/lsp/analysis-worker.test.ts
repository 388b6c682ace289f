/**
 * The analysis worker (server/src/lsp/analysis-pool.ts) through the built server over stdio, with
 * the test hooks that make a plan slow (IPT_LSP_SLOW=ms:marker) or greedy for memory
 * (IPT_LSP_GREEDY=marker) on purpose. Proves: a slow plan holds up no request or diagnostics of
 * another plan; a plan past the time budget or the memory limit gets one notice beside its last
 * result, its worker is replaced and the server keeps answering; a render past the budget is
 * refused with a message; Validate Workspace reports progress and goes on past a stopped plan.
 * Timing claims are orderings (this answered before that finished), never wall times; the 100 ms
 * figure is measured in bench/lsp.mjs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { WorkDoneProgress, type Diagnostic, type Hover } from 'vscode-languageserver-protocol';
import { PLAN, startServer, type Server } from './harness.js';

const SLOW = 'ipt-test-slow';
const GREEDY = 'ipt-test-greedy';
/** The plan with the marker in a comment: the same diagnostics as PLAN, made slow by the hook. */
const slowPlan = `# ${SLOW}\n${PLAN}`;
/** A plan with one problem, so a kept result is visible. */
const planWithProblem = PLAN.replace('sessions 16', 'sessions 20');

let server: Server | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const hoverOnFocus = (uri: string) => server!.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 9 } });

describe('a slow plan holds up nothing else', () => {
  test('hover, completion and diagnostics of another plan are answered while the slow plan is being checked', async () => {
    // The slow plan takes 60 s; the budget is 120 s, so nothing is stopped during the test.
    server = await startServer({ env: { IPT_LSP_SLOW: `60000:${SLOW}` }, initializationOptions: { timeBudget: 120 } });
    const fast = server.uriOf('fast.ipt');
    const slow = server.uriOf('slow.ipt');
    await server.open(fast, PLAN);
    await server.diagnostics(fast);
    await server.open(slow, slowPlan);

    const hover = await hoverOnFocus(fast);
    expect((hover?.contents as { value: string }).value).toMatch(/role-dispute/);
    const items = await server.request<{ label: string }[]>('textDocument/completion', { textDocument: { uri: fast }, position: { line: 28, character: 12 } });
    expect(items.map((i) => i.label)).toContain('G1');
    // An edit on the fast plan: its new diagnostics arrive (a second worker checks it).
    await server.change(fast, 2, planWithProblem);
    expect(codes((await server.diagnostics(fast, (p) => p.version === 2)).diagnostics)).toEqual(['session-count']);
    // All of that while the slow plan's check was still running: nothing published for it yet.
    expect(server.published.filter((p) => p.uri === slow)).toEqual([]);
    expect(server.logs.filter((line) => /checked in a worker thread/.test(line)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('a plan past its budget', () => {
  test('gets one notice beside its last result; requests on it answer empty; the server goes on', async () => {
    server = await startServer({ env: { IPT_LSP_SLOW: `60000:${SLOW}` }, initializationOptions: { timeBudget: 1 } });
    const uri = server.uriOf('plan.ipt');
    await server.open(uri, planWithProblem);
    expect(codes((await server.diagnostics(uri, (p) => p.version === 1)).diagnostics)).toEqual(['session-count']);

    await server.change(uri, 2, `# ${SLOW}\n${planWithProblem}`);
    const stopped = (await server.diagnostics(uri, (p) => p.version === 2)).diagnostics;
    // The last result (session-count, where it was) is kept, and the notice says why nothing newer shows.
    expect(codes(stopped)).toEqual(['session-count', 'check-stopped']);
    const notice = stopped[1];
    expect(notice.message).toMatch(/^This plan took longer than 1 s to check, so the check was stopped; the problems shown are from the last complete check\./);
    expect(notice.message).toMatch(/ipt\.server\.timeBudget/);
    expect(notice).toMatchObject({ severity: 2, source: 'ipt', range: { start: { line: 0, character: 0 } } });
    expect(await hoverOnFocus(uri)).toBeNull();
    expect(server.logs.some((line) => /ran past the time budget of 1 s; its worker was stopped/.test(line))).toBe(true);

    // The next version without the slow part is checked again, by a new worker.
    await server.change(uri, 3, PLAN);
    expect((await server.diagnostics(uri, (p) => p.version === 3)).diagnostics).toEqual([]);
    expect(await hoverOnFocus(uri)).not.toBeNull();
  });

  test('a plan stopped before any result shows only the notice', async () => {
    server = await startServer({ env: { IPT_LSP_SLOW: `60000:${SLOW}` }, initializationOptions: { timeBudget: 1 } });
    const uri = server.uriOf('slow.ipt');
    await server.open(uri, slowPlan);
    const [notice, ...rest] = (await server.diagnostics(uri)).diagnostics;
    expect(rest).toEqual([]);
    expect(notice.message).toMatch(/no problems can be shown until a check completes/);
  });

  test('a render past the budget is refused with a message (the preview and exports)', async () => {
    server = await startServer({ env: { IPT_LSP_SLOW: `60000:${SLOW}` }, initializationOptions: { timeBudget: 1 } });
    const uri = server.uriOf('slow.ipt');
    await server.open(uri, slowPlan);
    await expect(server.request('ipt/render', { textDocument: { uri }, to: 'html' })).rejects.toThrow('Rendering this plan took longer than 1 s, so it was stopped.');
  });
});

describe('a plan past the memory limit', () => {
  test('stops its worker, not the server', async () => {
    server = await startServer({ env: { IPT_LSP_GREEDY: GREEDY } });
    const greedy = server.uriOf('greedy.ipt');
    await server.open(greedy, `# ${GREEDY}\n${PLAN}`);
    const [notice] = (await server.diagnostics(greedy)).diagnostics;
    expect(notice.code).toBe('check-stopped');
    expect(notice.message).toMatch(/^This plan needed more than 512 MB of memory to check, so the check was stopped/);
    const fast = server.uriOf('fast.ipt');
    await server.open(fast, PLAN);
    expect((await server.diagnostics(fast)).diagnostics).toEqual([]);
  }, 30_000);
});

describe('Validate Workspace', () => {
  test('checks every plan with progress, and goes on past a plan that is stopped', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ipt-validate-'));
    writeFileSync(path.join(folder, '.iptrc.json'), '{ "root": true }\n');
    for (let i = 0; i < 120; i++) writeFileSync(path.join(folder, `plan-${String(i).padStart(3, '0')}.ipt`), i % 2 ? PLAN : planWithProblem);
    writeFileSync(path.join(folder, 'plan-060-slow.ipt'), slowPlan);
    server = await startServer({ folder, env: { IPT_LSP_SLOW: `60000:${SLOW}` }, initializationOptions: { timeBudget: 1 } });
    const progress: { kind: string; percentage?: number; message?: string }[] = [];
    server.connection.onProgress(WorkDoneProgress.type, 'validate-1', (value) => void progress.push(value));
    const result = await server.request<{ files: number; problems: number }>('ipt/validateWorkspace', { workDoneToken: 'validate-1' });
    expect(result).toEqual({ files: 121, problems: 60 + 1, skipped: [] });
    const slowUri = pathToFileURL(path.join(folder, 'plan-060-slow.ipt')).href;
    const [stopped] = (await server.diagnostics(slowUri)).diagnostics;
    expect(stopped.code).toBe('check-stopped');
    expect(stopped.message).toMatch(/Open it, or validate the workspace again, to check it again\./);
    expect(codes((await server.diagnostics(pathToFileURL(path.join(folder, 'plan-119.ipt')).href)).diagnostics)).toEqual([]);
    expect(codes((await server.diagnostics(pathToFileURL(path.join(folder, 'plan-118.ipt')).href)).diagnostics)).toEqual(['session-count']);
    expect(progress[0]).toMatchObject({ kind: 'begin', title: 'Validating IPT plans', cancellable: true });
    expect(progress.at(-1)).toMatchObject({ kind: 'end' });
    const percentages = progress.filter((p) => p.kind === 'report').map((p) => p.percentage!);
    expect(percentages.length).toBeGreaterThan(2);
    expect(percentages).toEqual([...percentages].sort((a, b) => a - b));
  }, 30_000);

  test('a cancelled validation stops between batches and says how far it got', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ipt-validate-cancel-'));
    writeFileSync(path.join(folder, '.iptrc.json'), '{ "root": true }\n');
    // 300 plans of 20 ms each: about 6 s in all, cancelled after the first batch has started.
    for (let i = 0; i < 300; i++) writeFileSync(path.join(folder, `plan-${i}.ipt`), slowPlan);
    server = await startServer({ folder, env: { IPT_LSP_SLOW: `20:${SLOW}` } });
    const source = new CancellationTokenSource();
    const validating = server.connection.sendRequest<{ files: number; problems: number; cancelled?: boolean }>('ipt/validateWorkspace', {}, source.token);
    await new Promise((resolve) => setTimeout(resolve, 300));
    source.cancel();
    const result = await validating;
    expect(result.cancelled).toBe(true);
    expect(result.files).toBeGreaterThan(0);
    expect(result.files).toBeLessThan(300);
    // The server is free again at once.
    const uri = server.uriOf('plan.ipt');
    await server.open(uri, PLAN);
    expect((await server.diagnostics(uri)).diagnostics).toEqual([]);
  }, 30_000);
});
