// `node bench/worker-boundary.mjs [--quick]`: what should cross between the language server's request
// thread and its analysis worker — the analysis, or each feature request? Both designs, built from this
// tree's sources, measured side by side in one process on a 16-session plan and the stress plan:
//   A "analysis crosses" (what the server does): the worker analyses and posts the analysis
//     (transferable()); the request thread rehydrates it and answers hover from it itself.
//   B "requests cross": the worker keeps the analyses and answers each request; only the request,
//     the answer and the diagnostics cross.
// Per design and plan: an edit's round trip (text out, result back), the request thread's share of it
// (structured-clone deserialisation, measured as v8.deserialize of the same bytes), a hover's round
// trip, a hover on a SECOND plan while the worker checks the first (the head-of-line wait), and the
// resident memory of a process with 100 open 16-session plans (a fresh process per design).
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { planText, stressPlan } from './generate.mjs';
import { bundleCore, isMain, median, quantile, root, round } from './lib.mjs';

const require = createRequire(import.meta.url);

const CORE_EXPORTS = [
  `export { analyse } from './server/src/analyse.ts';`,
  `export { hoverAt } from './server/src/features/hover.ts';`,
  `export { defaultConfig } from './server/src/rules/config.ts';`,
  `export { transferable, rehydrate } from './server/src/lsp/analysis-protocol.ts';`,
];

/** The worker of both designs: A posts the analysis back; B keeps it and answers hovers. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const core = require(workerData.core);
const kept = new Map();
const spin = (ms) => { const end = performance.now() + ms; while (performance.now() < end); };
parentPort.on('message', (m) => {
  if (m.kind === 'analyse') {
    if (m.slowMs) spin(m.slowMs);
    const analysis = core.analyse(m.text, { config: core.defaultConfig });
    if (workerData.design === 'A') return parentPort.postMessage({ id: m.id, value: { diagnostics: analysis.diagnostics, analysis: core.transferable(analysis) } });
    kept.set(m.uri, analysis);
    return parentPort.postMessage({ id: m.id, value: analysis.diagnostics.map(({ rule, severity, message, range }) => ({ rule, severity, message, range })) });
  }
  if (m.kind === 'hover') return parentPort.postMessage({ id: m.id, value: core.hoverAt(kept.get(m.uri), m.offset, core.defaultConfig) ?? null });
});
`;

function startWorker(core, design) {
  const worker = new Worker(WORKER, { eval: true, workerData: { core, design }, resourceLimits: { maxYoungGenerationSizeMb: 6 } });
  const waiting = new Map();
  let next = 1;
  worker.on('message', ({ id, value }) => {
    waiting.get(id)(value);
    waiting.delete(id);
  });
  const call = (message) => new Promise((resolve) => {
    const id = next++;
    waiting.set(id, resolve);
    worker.postMessage({ ...message, id });
  });
  return { worker, call };
}

const stats = (samples) => ({ p50: round(median(samples), 3), p95: round(quantile(samples, 0.95), 3) });

async function timed(times, run) {
  for (let i = 0; i < 5; i++) await run();
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Latencies of one design on one plan (the request thread's own work included, as a server does it). */
async function latencies(core, corePath, design, text, times) {
  const { worker, call } = startWorker(corePath, design);
  const uri = 'file:///plan.ipt';
  const offset = text.indexOf('communication-analysis') + 3;
  let analysis;
  const edit = async () => {
    const value = await call({ kind: 'analyse', uri, text });
    if (design === 'A') analysis = core.rehydrate(text, value.analysis, value.diagnostics);
  };
  const hover = design === 'A' ? async () => core.hoverAt(analysis, offset, core.defaultConfig) : () => call({ kind: 'hover', uri, offset });
  const editMs = await timed(times, edit);
  const hoverMs = await timed(times * 2, hover);
  // The request thread's share of an edit in A: deserialising the analysis (what postMessage does on arrival).
  let deserialiseMs = [];
  let bytes = 0;
  if (design === 'A') {
    const analysed = core.analyse(text);
    const serialised = v8.serialize({ diagnostics: analysed.diagnostics, analysis: core.transferable(analysed) });
    bytes = serialised.length;
    deserialiseMs = await timed(times, async () => v8.deserialize(serialised));
  }
  // Head of line: the worker is checking another plan (50 ms of work) when hover on this one arrives.
  const headOfLine = [];
  for (let i = 0; i < Math.min(times, 20); i++) {
    const busy = call({ kind: 'analyse', uri: 'file:///other.ipt', text, slowMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 1));
    const start = performance.now();
    await hover();
    headOfLine.push(performance.now() - start);
    await busy;
  }
  await worker.terminate();
  return { edit: stats(editMs), hover: stats(hoverMs), hoverWhileWorkerBusy50ms: stats(headOfLine), requestThreadDeserialise: design === 'A' ? stats(deserialiseMs) : null, analysisBytes: bytes || null };
}

/** Resident memory of a fresh process holding 100 open 16-session plans under one design. */
function memory(design) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url).pathname, ['--memory', design], { execArgv: JSON.parse(readFileSync(path.join(root, 'client', 'src', 'server-node-flags.json'), 'utf8')) });
    child.on('message', resolve);
    child.on('error', reject);
  });
}

async function memoryChild(design) {
  const core = path.join(root, '.cache', 'bench-boundary.cjs');
  const lib = require(core);
  const { call, worker } = startWorker(core, design);
  const texts = [];
  const kept = [];
  const plan = planText(16);
  for (let i = 0; i < 100; i++) {
    const text = plan.replace('(1)"', `(1, copy ${i})"`);
    texts.push(text);
    const value = await call({ kind: 'analyse', uri: `file:///many-${i}.ipt`, text });
    if (design === 'A') kept.push(lib.rehydrate(text, value.analysis, value.diagnostics));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rssMb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
  process.send({ rssMb: round(rssMb, 1), held: kept.length + texts.length });
  await worker.terminate();
  process.exit(0);
}

export async function benchWorkerBoundary({ quick = false } = {}) {
  const lib = await bundleCore(root, 'boundary', CORE_EXPORTS);
  const times = quick ? 30 : 150;
  const result = {};
  for (const [label, text] of [['typical', planText(16)], ['stress', stressPlan().text]]) {
    result[label] = {};
    for (const design of ['A', 'B']) result[label][design] = await latencies(lib, path.join(root, '.cache', 'bench-boundary.cjs'), design, text, label === 'stress' ? Math.ceil(times / 3) : times);
  }
  result.memory100Plans = { A: await memory('A'), B: await memory('B') };
  return result;
}

if (process.argv[2] === '--memory') await memoryChild(process.argv[3]);
else if (isMain(import.meta.url)) {
  const result = await benchWorkerBoundary({ quick: process.argv.includes('--quick') });
  console.log(JSON.stringify(result, null, 2));
  if (process.argv.includes('--write')) writeFileSync(path.join(root, 'bench', 'results-boundary.json'), `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
}
