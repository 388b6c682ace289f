/**
 * Drives the BUILT language server (dist/server.js) as a child process over stdio with a real
 * JSON-RPC connection, the way an editor does. Each test file starts its own server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoRoot } from '../unit/contract/helpers.js';
import serverNodeFlags from '../../client/src/server-node-flags.json';

export const serverJs = path.join(repoRoot, 'dist', 'server.js');
export const cliJs = path.join(repoRoot, 'dist', 'cli.js');

export interface ServerOptions {
  /** Environment additions (e.g. IPT_LSP_FAIL). */
  env?: Record<string, string>;
  capabilities?: ClientCapabilities;
  /** Sent with `initialize` (e.g. `timeBudget`). */
  initializationOptions?: unknown;
  /** The workspace folder; default: a fresh temporary folder with a root `.iptrc.json`. */
  folder?: string;
}

export interface Server {
  connection: MessageConnection;
  init: InitializeResult;
  folder: string;
  published: PublishDiagnosticsParams[];
  /** Messages the server logged (window/logMessage). */
  logs: string[];
  /** client/registerCapability requests the server made. */
  registrations: unknown[];
  /** How many times the server asked the client to re-request semantic tokens. */
  tokenRefreshes: number;
  uriOf(name: string): string;
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  /** Opens `text` as a new document (a fresh name each time) and waits for its first diagnostics. */
  openFixture(text: string): Promise<string>;
  /** The first diagnostics published for `uri` that satisfy `accept`, waiting up to 10 s. */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  request<R>(method: string, params: unknown): Promise<R>;
  /** Writes notifications to the server in one write, so it reads them together (as a burst of edits arrives). */
  notifyAtOnce(notifications: { method: string; params: unknown }[]): Promise<void>;
  stop(): Promise<void>;
}

/** A temporary folder whose `.iptrc.json` says `root`, so no config from outside applies. */
export function tempWorkspace(config = '{ "root": true }\n'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ipt-lsp-'));
  writeFileSync(path.join(dir, '.iptrc.json'), config);
  return dir;
}

export async function startServer(options: ServerOptions = {}): Promise<Server> {
  if (!existsSync(serverJs)) throw new Error('dist/server.js is missing: run `npm run build` first');
  const folder = options.folder ?? tempWorkspace();
  // Started as VS Code starts it (client/src/node-client.ts), with the same Node flags.
  const child: ChildProcess = spawn(process.execPath, [...serverNodeFlags, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const registrations: unknown[] = [];
  const waiters = new Set<() => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const wake of waiters) wake();
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  connection.onRequest('client/registerCapability', (params: unknown) => {
    registrations.push(params);
    return null;
  });
  connection.onRequest('workspace/semanticTokens/refresh', () => {
    server.tokenRefreshes++;
    return null;
  });
  connection.listen();
  const folderUri = pathToFileURL(folder).href;
  const init: InitializeResult = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'plans' }],
    capabilities: options.capabilities ?? {},
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});

  let fixtures = 0;
  const server: Server = {
    connection,
    init,
    folder,
    published,
    logs,
    registrations,
    tokenRefreshes: 0,
    uriOf: (name) => pathToFileURL(path.join(folder, name)).href,
    open: (uri, text, version = 1) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ipt', version, text } }),
    change: (uri, version, text) => connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
    async openFixture(text) {
      const uri = server.uriOf(`fixture-${++fixtures}.ipt`);
      await server.open(uri, text);
      await server.diagnostics(uri);
      return uri;
    },
    diagnostics(uri, accept = () => true) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = published.find((p) => p.uri === uri && accept(p));
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching diagnostics for ${uri}`));
        }, 10_000);
        if (!check()) waiters.add(check);
      });
    },
    request: (method, params) => connection.sendRequest(method, params),
    notifyAtOnce(notifications) {
      const frames = notifications.map(({ method, params }) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method, params }), 'utf8');
        return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
      });
      return new Promise((resolve, reject) => child.stdin!.write(Buffer.concat(frames), (error) => (error ? reject(error) : resolve())));
    },
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
  return server;
}

/** A complete acute plan that lints clean, dated from 2026-02-02 (weekly). */
export const PLAN = `plan "C-0142 acute IPT"
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
    task symptom-review, sick-role
    score PHQ-9 18
  session 2 "Inventory"
    task interpersonal-inventory
  session 3 "Formulation"
    task formulation, treatment-contract

phase middle sessions 4-13
  session 4-7 "Clarify the dispute"
    technique communication-analysis, clarification
    targets G1
  session 8-13 "Rehearse new ways to negotiate"
    technique role-play, decision-analysis
    targets G1, G2
    score PHQ-9 9

phase termination sessions 14-16
  session 14-16 "Ending"
    task review-progress, relapse-prevention, discuss-ending
    score PHQ-9 5
`;
