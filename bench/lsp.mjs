// The language server as an editor uses it: the BUILT dist/server.js in a child process over stdio
// (JSON-RPC), on a generated 16-session plan (typical) and the stress plan (generate.mjs: the size of
// the former 2,000-session plan, 428 KB, as 500 sessions with nine notes each):
//   - change → diagnostics: a one-character edit in a note, then the wait for that version's
//     diagnostics, one edit at a time (p50, p95);
//   - a burst: 20 edits sent back to back, from the first to the last version's diagnostics, and how
//     many versions were published for it;
//   - completion and hover round trips on an analysed plan, and completion sent right after an edit;
//   - resident memory with 100 open 16-session plans, in a fresh server;
//   - one plan made slow on purpose (IPT_LSP_SLOW: its check never ends within the run): hover and
//     edit → diagnostics on another plan meanwhile, and the memory with the second worker running;
//   - a fresh server's first diagnostics (process start, worker start and the first check).
//   node bench/lsp.mjs [--quick] [--against DIR]   (DIR: another built checkout; its server runs interleaved with this one)
// The servers run with the Node flags VS Code starts the server with (client/src/server-node-flags.json);
// BENCH_NODE_FLAGS='…' runs them with other flags instead ('' for none).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { planText, stressPlan } from './generate.mjs';
import { isMain, median, quantile, ratios, root, round, spread, stopServer } from './lib.mjs';

/** The text that makes a plan slow to check under IPT_LSP_SLOW (server/src/lsp/analysis-protocol.ts). */
const SLOW_MARKER = 'ipt-test-slow';

const serverNodeFlags = JSON.parse(readFileSync(path.join(root, 'client', 'src', 'server-node-flags.json'), 'utf8'));

async function startServer(tree, workspace, { env, initializationOptions } = {}) {
  const serverJs = path.join(tree, 'dist', 'server.js');
  if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: run \`npm run build\` first.`);
  // The server as VS Code starts it (client/src/node-client.ts), unless BENCH_NODE_FLAGS says otherwise.
  const flags = process.env.BENCH_NODE_FLAGS !== undefined ? process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean) : serverNodeFlags;
  const child = spawn(process.execPath, [...flags, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map(); // "uri#version" → resolve
  const publishes = new Map(); // uri → versions published
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (!publishes.has(params.uri)) publishes.set(params.uri, []);
    publishes.get(params.uri).push(params.version);
    const key = `${params.uri}#${params.version}`;
    waiting.get(key)?.(params);
    waiting.delete(key);
  });
  connection.listen();
  const folder = pathToFileURL(workspace).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'bench' }], capabilities: {}, initializationOptions });
  await connection.sendNotification('initialized', {});
  const diagnosticsFor = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));
  return {
    connection,
    publishes,
    diagnosticsFor,
    async open(uri, text) {
      const published = diagnosticsFor(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ipt', version: 1, text } });
      return published;
    },
    rssMb() {
      return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
    },
    stop: () => stopServer(connection, child),
  };
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

/** One open plan on one server, with the edits and requests the benchmark makes on it. */
async function openPlan(server, workspace, name, n) {
  const text = n === 'stress' ? stressPlan().text : planText(n);
  const uri = pathToFileURL(path.join(workspace, `${name}-${n}.ipt`)).href;
  const expected = (await server.open(uri, text)).diagnostics.length;
  const middle = Math.floor(text.split('\n').length / 2);
  const note = locate(text, 'note "Check', middle, 10); // the C of "Check" in a middle-phase note
  let version = 1;
  let flip = 0;
  const edit = () => {
    version++;
    return server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: note, end: { line: note.line, character: note.character + 1 } }, text: flip++ % 2 ? 'C' : 'c' }],
    });
  };
  const check = (params) => {
    // The same problems after every edit (the big plans break the acute bounds on purpose).
    if (params.diagnostics.length !== expected) throw new Error(`${name}-${n}: ${params.diagnostics.length} diagnostics after an edit in a note, ${expected} before`);
  };
  const request = (method, position) => server.connection.sendRequest(method, { textDocument: { uri }, position });
  const positions = {
    targets: locate(text, '    targets ', middle, 12),
    lineStart: locate(text, '    note ', middle, 4),
    goal: locate(text, '    targets ', middle, 13),
    technique: locate(text, 'communication-analysis', middle, 3),
  };
  return {
    uri,
    /** Edit, then wait for that version's diagnostics. */
    async change() {
      const published = server.diagnosticsFor(uri, version + 1);
      await edit();
      check(await published);
    },
    /** 20 edits back to back; resolves when the last version's diagnostics arrive. Returns how many versions were published for it. */
    async burst() {
      const before = server.publishes.get(uri)?.length ?? 0;
      const published = server.diagnosticsFor(uri, version + 20);
      const sent = [];
      for (let i = 0; i < 20; i++) sent.push(edit());
      await Promise.all(sent);
      check(await published);
      return server.publishes.get(uri).length - before;
    },
    async completion() {
      const items = await request('textDocument/completion', positions.targets);
      if (!items.some((item) => item.label === 'G1')) throw new Error('completion after `targets` did not offer G1');
    },
    async keywordCompletion() {
      if ((await request('textDocument/completion', positions.lineStart)).length === 0) throw new Error('no keyword completion');
    },
    /** An edit and, right behind it, completion (which must see the edit). */
    async completionAfterEdit() {
      void edit();
      const items = await request('textDocument/completion', positions.targets);
      if (!items.some((item) => item.label === 'G1')) throw new Error('completion after an edit did not offer G1');
    },
    async hoverGoal() {
      if (!(await request('textDocument/hover', positions.goal))) throw new Error('no hover on a goal id');
    },
    async hoverTechnique() {
      if (!(await request('textDocument/hover', positions.technique))) throw new Error('no hover on a technique');
    },
  };
}

/** Runs `measure(side)` for every side in turn, `times` rounds after `warmup`; ms per sample. */
async function alternate(sides, times, warmup, measure) {
  const samples = Object.fromEntries(Object.keys(sides).map((side) => [side, []]));
  for (let i = 0; i < warmup + times; i++) {
    for (const [side, plan] of Object.entries(sides)) {
      const start = performance.now();
      const extra = await measure(plan);
      if (i >= warmup) samples[side].push({ ms: performance.now() - start, extra });
    }
  }
  return samples;
}

const p50p95 = (samples) => ({ p50: round(median(samples.map((s) => s.ms)), 2), p95: round(quantile(samples.map((s) => s.ms), 0.95), 2), n: samples.length });

export async function benchLsp({ quick = false, against } = {}) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'ipt-bench-lsp-'));
  writeFileSync(path.join(workspace, '.iptrc.json'), '{ "root": true }\n');
  const trees = against ? { before: path.resolve(against), after: root } : { after: root };
  const servers = {};
  try {
    for (const [side, tree] of Object.entries(trees)) servers[side] = await startServer(tree, workspace);
    const results = {};
    for (const [label, n] of [['typical', 16], ['stress', 'stress']]) {
      const plans = {};
      for (const side of Object.keys(trees)) plans[side] = await openPlan(servers[side], workspace, side, n);
      const many = label === 'typical' ? (quick ? 40 : 300) : quick ? 12 : 80;
      const requests = quick ? 30 : 200;
      const measures = {
        change: await alternate(plans, many, 10, (p) => p.change()),
        burst: await alternate(plans, quick ? 2 : 10, 1, (p) => p.burst()),
        completion: await alternate(plans, requests, 10, (p) => p.completion()),
        keywordCompletion: await alternate(plans, requests, 10, (p) => p.keywordCompletion()),
        completionAfterEdit: await alternate(plans, quick ? 10 : 40, 3, (p) => p.completionAfterEdit()),
        hoverGoal: await alternate(plans, requests, 10, (p) => p.hoverGoal()),
        hoverTechnique: await alternate(plans, requests, 10, (p) => p.hoverTechnique()),
      };
      results[label] = {};
      for (const side of Object.keys(trees)) {
        results[label][side] = Object.fromEntries(Object.entries(measures).map(([name, s]) => [name, p50p95(s[side])]));
        results[label][side].burst.publishedVersions = median(measures.burst[side].map((s) => s.extra));
      }
      if (against) {
        results[label].afterVsBefore = Object.fromEntries(
          Object.entries(measures).map(([name, s]) => [name, spread(ratios(s.after.map((x) => x.ms), s.before.map((x) => x.ms)))]),
        );
      }
    }
    for (const server of Object.values(servers)) await server.stop();

    // Memory: a fresh server, 100 open 16-session plans (each a little different), all analysed.
    const memory = {};
    for (const [side, tree] of Object.entries(trees)) {
      const fresh = await startServer(tree, workspace);
      await new Promise((resolve) => setTimeout(resolve, 500)); // the analysis worker has started
      const idle = fresh.rssMb();
      const plan16 = planText(16);
      const opened = [];
      for (let i = 0; i < 100; i++) opened.push(fresh.open(pathToFileURL(path.join(workspace, `many-${side}-${i}.ipt`)).href, plan16.replace('(1)"', `(1, copy ${i})"`)));
      await Promise.all(opened);
      await new Promise((resolve) => setTimeout(resolve, 500));
      memory[side] = { idleMb: round(idle, 1), with100PlansMb: round(fresh.rssMb(), 1) };
      if (!quick) {
        // The analysis worker retires after a minute without work (analysis-pool.ts), and its memory goes back.
        await new Promise((resolve) => setTimeout(resolve, 62_000));
        memory[side].afterWorkerRetiredMb = round(fresh.rssMb(), 1);
      }
      await fresh.stop();
    }

    // One plan slow on purpose (its check outlasts the run), another plan used meanwhile. This tree
    // only: a build without the IPT_LSP_SLOW hook cannot make a plan slow.
    const whileSlow = {};
    for (const [side, tree] of Object.entries({ after: root })) {
      const server = await startServer(tree, workspace, { env: { IPT_LSP_SLOW: `600000:${SLOW_MARKER}` }, initializationOptions: { timeBudget: 120 } });
      const plan = await openPlan(server, workspace, `while-slow-${side}`, 16);
      void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(path.join(workspace, `slow-${side}.ipt`)).href, languageId: 'ipt', version: 1, text: `# ${SLOW_MARKER}\n${planText(16)}` } });
      const firstEdit = performance.now();
      await plan.change(); // the first edit meets a busy worker: a second one starts (or has started)
      const firstEditMs = performance.now() - firstEdit;
      const sample = async (times, run) => (await alternate({ [side]: plan }, times, 5, run))[side];
      whileSlow[side] = {
        hover: p50p95(await sample(quick ? 30 : 200, (p) => p.hoverTechnique())),
        completion: p50p95(await sample(quick ? 30 : 200, (p) => p.completion())),
        change: p50p95(await sample(quick ? 20 : 100, (p) => p.change())),
        firstChangeMs: round(firstEditMs, 1),
        rssMb: round(server.rssMb(), 1),
        slowPublished: server.publishes.has(pathToFileURL(path.join(workspace, `slow-${side}.ipt`)).href),
      };
      if (whileSlow[side].slowPublished) throw new Error('the slow plan was published: the hook did not hold it');
      await server.stop();
    }

    // A fresh server's first diagnostics: process start, initialize, the worker's start, the first check.
    const firstDiagnostics = {};
    for (const [side, tree] of Object.entries(trees)) {
      const samples = [];
      for (let i = 0; i < (quick ? 3 : 7); i++) {
        const start = performance.now();
        const server = await startServer(tree, workspace);
        await server.open(pathToFileURL(path.join(workspace, `first-${side}-${i}.ipt`)).href, planText(16));
        samples.push(performance.now() - start);
        await server.stop();
      }
      firstDiagnostics[side] = { p50: round(median(samples), 1), samples: samples.map((ms) => round(ms, 1)) };
    }

    const after = (label) => results[label].after;
    return {
      keys: {
        lsp_change_p50_ms_typical: after('typical').change.p50,
        lsp_change_p50_ms_stress: after('stress').change.p50,
        lsp_burst_20_edits_ms_stress: after('stress').burst.p50,
        // The slower of the two completion cases, and of the two hover cases.
        completion_p50_ms_stress: Math.max(after('stress').completion.p50, after('stress').keywordCompletion.p50),
        hover_p50_ms_stress: Math.max(after('stress').hoverGoal.p50, after('stress').hoverTechnique.p50),
        server_rss_mb_100_docs: memory.after.with100PlansMb,
        hover_p95_ms_while_other_plan_slow: whileSlow.after.hover.p95,
        lsp_change_p50_ms_while_other_plan_slow: whileSlow.after.change.p50,
        server_first_diagnostics_ms: firstDiagnostics.after.p50,
      },
      details: { ...results, memory, whileSlow, firstDiagnostics },
    };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const againstAt = argv.indexOf('--against');
  console.log(JSON.stringify(await benchLsp({ quick: argv.includes('--quick'), against: againstAt >= 0 ? argv[againstAt + 1] : undefined }), null, 2));
}
