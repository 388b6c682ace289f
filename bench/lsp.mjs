// `npm run bench:lsp`: the language server as an editor uses it — the BUILT dist/server.js in a
// child process over stdio (JSON-RPC), on generated 16-session and 2,000-session plans
// (bench/generate.mjs):
//   - didChange → publishDiagnostics: a one-character edit in a note, then the wait for that
//     version's diagnostics (sequential; p50 and p95);
//   - completion and hover round trips (p50 and p95);
//   - server memory (resident set, /proc) with 100 open 16-session plans, in a fresh server.
// Targets (issue 7): ≤ 5 ms / ≤ 60 ms change-to-diagnostics (16 / 2,000 sessions), ≤ 10 ms
// completion and hover on 2,000 sessions, ≤ 80 MB for 100 plans. Writes bench/results-lsp.json.
// BENCH_NODE_FLAGS='--max-semi-space-size=32' runs the server with V8 flags, to compare GC settings.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { planText } from './generate.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const serverJs = path.join(root, 'dist', 'server.js');
if (!existsSync(serverJs)) throw new Error('dist/server.js is missing: run `npm run build` first (npm run bench:lsp does).');

const workspace = mkdtempSync(path.join(tmpdir(), 'ipt-bench-lsp-'));
writeFileSync(path.join(workspace, '.iptrc.json'), '{ "root": true }\n');

async function startServer() {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : []), serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map(); // "uri#version" → resolve
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri}#${params.version}`;
    waiting.get(key)?.(params);
    waiting.delete(key);
  });
  connection.listen();
  const folder = pathToFileURL(workspace).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'bench' }], capabilities: {} });
  await connection.sendNotification('initialized', {});
  const diagnosticsFor = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));
  return {
    child,
    connection,
    async open(uri, text) {
      const published = diagnosticsFor(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ipt', version: 1, text } });
      return published;
    },
    diagnosticsFor,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
    },
    async stop() {
      await connection.sendRequest('shutdown');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      connection.dispose();
      child.kill();
    },
  };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
  return { p50: at(0.5), p95: at(0.95), n: sorted.length };
}

async function timed(times, warmup, run) {
  for (let i = 0; i < warmup; i++) await run(i);
  const samples = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run(warmup + i);
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

/** The 0-based line and character of the first `needle` at or after the line `fromLine`. */
function locate(text, needle, fromLine = 0, delta = 0) {
  const lines = text.split('\n');
  for (let line = fromLine; line < lines.length; line++) {
    const character = lines[line].indexOf(needle);
    if (character >= 0) return { line, character: character + delta };
  }
  throw new Error(`no ${needle}`);
}

const results = { date: new Date().toISOString(), node: process.version, cpus: availableParallelism(), loadavg: loadavg().map((l) => +l.toFixed(2)), plans: {} };
const rows = [];
const server = await startServer();
for (const n of [16, 2000]) {
  const text = planText(n);
  const uri = pathToFileURL(path.join(workspace, `plan-${n}.ipt`)).href;
  // The same problems after every edit (the 2,000-session plan breaks the acute bounds on purpose).
  const expected = (await server.open(uri, text)).diagnostics.length;
  const middle = Math.floor(text.split('\n').length / 2);
  const note = locate(text, 'note "Check', middle, 10); // the C of "Check" in a middle-phase note
  let version = 1;
  const change = await timed(n === 16 ? 300 : 100, 20, async (i) => {
    version++;
    const published = server.diagnosticsFor(uri, version);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: note, end: { line: note.line, character: note.character + 1 } }, text: i % 2 ? 'C' : 'c' }],
    });
    const params = await published;
    if (params.diagnostics.length !== expected) throw new Error(`plan-${n}: ${params.diagnostics.length} diagnostics after an edit in a note, ${expected} before`);
  });
  const targets = locate(text, '    targets ', middle, 12);
  const completion = await timed(200, 20, async () => {
    const items = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: targets });
    if (!items.some((item) => item.label === 'G1')) throw new Error('completion after `targets` did not offer G1');
  });
  const lineStart = locate(text, '    note ', middle, 4);
  const keywords = await timed(200, 20, async () => {
    const items = await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: lineStart });
    if (items.length === 0) throw new Error('no keyword completion');
  });
  const goal = locate(text, '    targets ', middle, 13);
  const hover = await timed(200, 20, async () => {
    if (!(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: goal }))) throw new Error('no hover on a goal id');
  });
  const technique = locate(text, 'communication-analysis', middle, 3);
  const hoverWord = await timed(200, 20, async () => {
    if (!(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: technique }))) throw new Error('no hover on a technique');
  });
  results.plans[n] = { changeToDiagnostics: change, completionGoals: completion, completionKeywords: keywords, hoverGoal: hover, hoverTechnique: hoverWord };
  for (const [name, s] of Object.entries(results.plans[n])) rows.push({ sessions: n, measure: name, 'p50 ms': +s.p50.toFixed(2), 'p95 ms': +s.p95.toFixed(2), samples: s.n });
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}
await server.stop();

// Memory: a fresh server, 100 open 16-session plans (each a little different), all analysed.
const fresh = await startServer();
const idle = fresh.rssMb();
const plan16 = planText(16);
const opened = [];
for (let i = 0; i < 100; i++) {
  opened.push(fresh.open(pathToFileURL(path.join(workspace, `many-${i}.ipt`)).href, plan16.replace('(1)"', `(1, copy ${i})"`)));
}
await Promise.all(opened);
await new Promise((resolve) => setTimeout(resolve, 500));
results.memory = { idleMb: +idle.toFixed(1), with100PlansMb: +fresh.rssMb().toFixed(1) };
await fresh.stop();
rmSync(workspace, { recursive: true, force: true });

console.table(rows);
console.log(`server RSS: ${results.memory.idleMb} MB idle, ${results.memory.with100PlansMb} MB with 100 open 16-session plans`);
const targets = {
  'change→diagnostics p50, 16 sessions ≤ 5 ms': results.plans[16].changeToDiagnostics.p50 <= 5,
  'change→diagnostics p50, 2,000 sessions ≤ 60 ms': results.plans[2000].changeToDiagnostics.p50 <= 60,
  'completion p50, 2,000 sessions ≤ 10 ms': Math.max(results.plans[2000].completionGoals.p50, results.plans[2000].completionKeywords.p50) <= 10,
  'hover p50, 2,000 sessions ≤ 10 ms': Math.max(results.plans[2000].hoverGoal.p50, results.plans[2000].hoverTechnique.p50) <= 10,
  'RSS with 100 plans ≤ 80 MB': results.memory.with100PlansMb <= 80,
};
results.targets = targets;
for (const [target, met] of Object.entries(targets)) console.log(`${met ? 'met   ' : 'MISSED'} ${target}`);
writeFileSync(path.join(root, 'bench', 'results-lsp.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results-lsp.json');
