#!/usr/bin/env node
// `node test/neovim/run.mjs`: a real Neovim (headless) with the setup of docs/neovim.md, talking to
// the built server (`node dist/server.js --stdio`). It opens a plan with a half-typed line and checks
// that diagnostics, completion and hover arrive. Skips (exit 0, with a message) when `nvim` is absent.
// Needs `npm run build` first. Exit 1 with the reasons when a check fails.
// `--json FILE` also writes the counts ({ passed, failed, skipped, note }) for scripts/test-all.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const server = path.join(root, 'dist', 'server.js');

function nvimVersion() {
  try {
    return execFileSync('nvim', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
}

const jsonAt = process.argv.indexOf('--json');
const jsonFile = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;
function writeCounts(counts) {
  if (jsonFile) writeFileSync(jsonFile, JSON.stringify(counts));
}

const version = nvimVersion();
if (!version) {
  console.log('neovim: skipped — `nvim` is not installed (Debian: apt-get install -y neovim).');
  writeCounts({ passed: 0, failed: 0, skipped: 1, note: 'nvim is not installed' });
  process.exit(0);
}
if (!existsSync(server)) {
  console.error('neovim: dist/server.js is missing; run `npm run build` first.');
  process.exit(1);
}

// A plan with a half-typed `task` line at the end: `sick` is an unknown task (a diagnostic), and
// completion at the end of the line must offer `sick-role`.
const plan = `plan "C-0142 acute IPT"
  client "C-0142"
  variant acute
  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1
  sessions 16 weekly 50min

focus role-dispute "Conflict with partner about caring for their newborn"
  stage renegotiation
  goal G1 "Name each partner's expectations"

measure PHQ-9 every 4

risk low "Passive thoughts of death at intake; no plan or intent"

phase initial sessions 1-3
  session 1 "Assessment and the sick role"
    task interpersonal-inventory
    task sick
`;
const lines = plan.split('\n');
const completionLine = lines.indexOf('    task sick');
const hoverLine = lines.indexOf('    task interpersonal-inventory');

const dir = mkdtempSync(path.join(tmpdir(), 'ipt-nvim-'));
const file = path.join(dir, 'plan.ipt');
const out = path.join(dir, 'result.json');
writeFileSync(file, plan);
const started = Date.now();
const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(here, 'init.lua'), file, '-c', `luafile ${path.join(here, 'probe.lua')}`], {
  cwd: dir,
  encoding: 'utf8',
  timeout: 60_000,
  env: {
    ...process.env,
    IPT_LSP_CMD: JSON.stringify([process.execPath, server, '--stdio']),
    IPT_PROBE: JSON.stringify({
      completion: { line: completionLine, character: '    task sick'.length },
      hover: { line: hoverLine, character: '    task inter'.length },
    }),
    IPT_PROBE_OUT: out,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_STATE_HOME: path.join(dir, 'state'),
  },
});

const failures = [];
let result;
try {
  result = JSON.parse(readFileSync(out, 'utf8'));
} catch {
  failures.push(`Neovim wrote no result (exit ${run.status}${run.signal ? `, ${run.signal}` : ''}).\n${run.stdout}\n${run.stderr}`);
}

let passed = 0;
if (result) {
  const items = Array.isArray(result.completion) ? result.completion : (result.completion?.items ?? []);
  const labels = items.map((item) => item.label);
  const hover = result.hover?.contents;
  const hoverText = typeof hover === 'string' ? hover : (hover?.value ?? JSON.stringify(hover ?? null));
  const check = (ok, message) => {
    if (ok) {
      passed++;
      console.log(`  ✓ ${message}`);
    } else failures.push(message);
  };
  console.log(`neovim: ${version}, ${Date.now() - started} ms`);
  check(result.filetype === 'ipt', `the buffer has filetype ipt (got ${JSON.stringify(result.filetype)})`);
  check(result.attached, 'the ipt client attached to the buffer');
  check(result.diagnostics.some((d) => d.line === completionLine && /sick/.test(d.message)), `a diagnostic on the unknown task \`sick\` (got ${JSON.stringify(result.diagnostics.map((d) => [d.line, d.message.slice(0, 60)]))})`);
  check(labels.includes('sick-role'), `completion after \`task sick\` offers sick-role (got ${JSON.stringify(labels.slice(0, 12))}${result.completion?.error ? ` — error ${JSON.stringify(result.completion.error)}` : ''})`);
  check(/Interpersonal inventory/.test(hoverText), `hover on interpersonal-inventory explains it (got ${JSON.stringify(hoverText.slice(0, 80))})`);
}

rmSync(dir, { recursive: true, force: true });
writeCounts({ passed, failed: failures.length, note: version });
if (failures.length > 0) {
  for (const failure of failures) console.error(`  ✗ ${failure}`);
  process.exit(1);
}
console.log('neovim: diagnostics, completion and hover arrived');
