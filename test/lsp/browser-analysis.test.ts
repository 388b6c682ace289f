/**
 * The browser server's analysis (browser-harness.ts stands in for the web worker): in a web worker
 * nested in the server's where the host has `Worker`, else on the server's own thread in slices.
 * Either way a slow plan (the `slowAnalysisForTests` initialization option) holds up no request on
 * another plan, and a plan past the time budget gets the notice. Orderings, not wall times.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { startBrowserServer, type BrowserServer } from './browser-harness.js';
import { PLAN } from './harness.js';

const SLOW = 'ipt-test-slow';
const base = 'vscode-test-web://mount/clients';
let server: BrowserServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function open(uri: string, text: string) {
  await server!.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ipt', version: 1, text } });
}

for (const nested of [true, false]) {
  describe(nested ? 'in a nested web worker' : 'without nested workers: on the server’s thread, in slices', () => {
    test('hover and diagnostics of another plan are answered while a slow plan is being checked', async () => {
      server = await startBrowserServer({ nested, initializationOptions: { timeBudget: 120, slowAnalysisForTests: { ms: 60_000, marker: SLOW } } });
      const fast = `${base}/fast.ipt`;
      const slow = `${base}/slow.ipt`;
      await open(fast, PLAN);
      await server.diagnostics((p) => p.uri === fast);
      await open(slow, `# ${SLOW}\n${PLAN}`);
      const hover: Hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: fast }, position: { line: 7, character: 9 } });
      expect((hover.contents as { value: string }).value).toMatch(/role-dispute/);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: fast, version: 2 }, contentChanges: [{ text: PLAN.replace('sessions 16', 'sessions 20') }] });
      const changed = await server.diagnostics((p) => p.uri === fast && p.version === 2);
      expect(changed.diagnostics.map((d) => d.code)).toEqual(['session-count']);
      expect(server.published.filter((p) => p.uri === slow)).toEqual([]);
      const where = nested ? /Plans are checked in a nested web worker\./ : /not available here: .*Plans are checked on the server's own thread, in slices/;
      expect(server.logs.join('\n')).toMatch(where);
    });

    test('a plan past the budget gets the notice, and the server goes on', async () => {
      server = await startBrowserServer({ nested, initializationOptions: { timeBudget: 1, slowAnalysisForTests: { ms: 60_000, marker: SLOW } } });
      const slow = `${base}/slow.ipt`;
      await open(slow, `# ${SLOW}\n${PLAN}`);
      const stopped = await server.diagnostics((p) => p.uri === slow);
      expect(stopped.diagnostics.map((d) => d.code)).toEqual(['check-stopped']);
      expect(stopped.diagnostics[0].message).toMatch(/^This plan took longer than 1 s to check/);
      const fast = `${base}/fast.ipt`;
      await open(fast, PLAN.replace('sessions 16', 'sessions 20'));
      expect((await server.diagnostics((p) => p.uri === fast)).diagnostics.map((d) => d.code)).toEqual(['session-count']);
    });
  });
}
