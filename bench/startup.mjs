// Start-up, as users meet it: `ipt --version`, `ipt lint` of one plan, and the language server from
// spawn to its `initialize` response — each a fresh process, wall time, median of the runs.
//   node bench/startup.mjs [--quick] [--against DIR]   (DIR: another built checkout, run interleaved with this one)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { planText } from './generate.mjs';
import { isMain, median, ratios, root, round, spread, stopServer, timeChild } from './lib.mjs';

/** Spawn → `initialize` answered, for the server built in `tree`. */
export async function serverStartMs(tree, folder) {
  const start = performance.now();
  const child = spawn(process.execPath, [path.join(tree, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const uri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: {} });
  const ms = performance.now() - start;
  await stopServer(connection, child);
  return ms;
}

export async function benchStartup({ quick = false, against } = {}) {
  const runs = quick ? 5 : 15;
  const folder = mkdtempSync(path.join(tmpdir(), 'ipt-bench-startup-'));
  writeFileSync(path.join(folder, '.iptrc.json'), '{ "root": true }\n');
  const plan = path.join(folder, 'plan.ipt');
  writeFileSync(plan, planText(16));
  const trees = against ? { before: path.resolve(against), after: root } : { after: root };
  const ok = (r) => {
    if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr}`);
  };
  const samples = {};
  for (const side of Object.keys(trees)) samples[side] = { node: [], version: [], lintOne: [], server: [] };
  try {
    // Warm the file cache once, then interleave: node, each side's three start-ups, in turn.
    for (const tree of Object.values(trees)) timeChild([path.join(tree, 'bin', 'ipt.js'), '--version'], { check: ok });
    for (let run = 0; run < runs; run++) {
      for (const [side, tree] of Object.entries(trees)) {
        const ipt = path.join(tree, 'bin', 'ipt.js');
        samples[side].node.push(timeChild(['-e', '0']).ms);
        samples[side].version.push(timeChild([ipt, '--version'], { check: ok }).ms);
        samples[side].lintOne.push(timeChild([ipt, 'lint', plan], { check: ok, cwd: folder }).ms);
        samples[side].server.push(await serverStartMs(tree, folder));
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const summary = (s) => ({ nodeMs: spread(s.node, 1), versionMs: spread(s.version, 1), lintOneMs: spread(s.lintOne, 1), serverInitializeMs: spread(s.server, 1) });
  const details = { runs, after: summary(samples.after) };
  if (samples.before) {
    details.before = summary(samples.before);
    details.afterVsBefore = {
      version: spread(ratios(samples.after.version, samples.before.version)),
      lintOne: spread(ratios(samples.after.lintOne, samples.before.lintOne)),
      serverInitialize: spread(ratios(samples.after.server, samples.before.server)),
    };
  }
  return {
    keys: { cli_startup_ms: round(median(samples.after.version), 1) },
    details,
  };
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const againstAt = argv.indexOf('--against');
  console.log(JSON.stringify(await benchStartup({ quick: argv.includes('--quick'), against: againstAt >= 0 ? argv[againstAt + 1] : undefined }), null, 2));
}
