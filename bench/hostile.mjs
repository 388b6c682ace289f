// The hostile workspaces of issue 17, each run as a user meets it: a fresh `ipt lint`/`ipt render`
// (or the language server over stdio) in a folder holding the reproducer. For each: how it ended
// (exit code, or killed), wall time and peak resident memory (VmHWM, polled from /proc), and the
// first line it printed. A run past the time limit (default 30 s) or past 2 GB is killed and shown
// as such, so a "before" build cannot take the shared machine down.
//   node bench/hostile.mjs [--against DIR] [--only name,name] [--timeout SECONDS]
// DIR is another built checkout (e.g. the branch point): each reproducer runs there too, right
// after this checkout's run. Linux only (/proc, mkfifo). Writes bench/results-hostile.json.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { machine, root } from './lib.mjs';

const argv = process.argv.slice(2);
const value = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const against = value('--against');
const only = value('--only')?.split(',');
const timeoutMs = Number(value('--timeout') ?? 30) * 1000;
const MEMORY_CAP_MB = 2048;

const PLAN_HEAD = 'plan "C-0142 acute IPT"\n  client "C-0142"\n  sessions 12 weekly\n\nfocus grief "Loss of a parent"\n  goal G1 "Resume contact with friends"\n\nphase initial sessions 1-3\n  session 1\n';
const note = (text) => `    note "${text}"\n`;
const config = (object) => JSON.stringify({ root: true, ...object });

/** Each reproducer: the files of its workspace and the command (relative to it). */
const reproducers = {
  'phi.patterns `(a+){25}$`, a 100-character note': {
    files: { '.iptrc.json': config({ phi: { patterns: [{ name: 'x', pattern: '(a+){25}$' }] } }), 'plan.ipt': PLAN_HEAD + note('a'.repeat(99) + '!') },
    args: ['lint', '.'],
  },
  'phi.patterns `a*a*a*a*a*a*$`, a 5,000-character note': {
    files: { '.iptrc.json': config({ phi: { patterns: [{ name: 'x', pattern: 'a*a*a*a*a*a*$' }] } }), 'plan.ipt': PLAN_HEAD + note('a'.repeat(4999) + '!') },
    args: ['lint', '.'],
  },
  'phi.patterns `[]|(a+)+$]`, 30 characters': {
    files: { '.iptrc.json': config({ phi: { patterns: [{ name: 'x', pattern: '[]|(a+)+$]' }] } }), 'plan.ipt': PLAN_HEAD + note('a'.repeat(29) + '!') },
    args: ['lint', '.'],
  },
  'a plan that is a link to /dev/zero': {
    files: { 'plan.ipt': PLAN_HEAD, 'zero.ipt': { link: '/dev/zero' } },
    args: ['lint', '.'],
  },
  'a FIFO named x.ipt': {
    files: { 'plan.ipt': PLAN_HEAD, 'x.ipt': { fifo: true } },
    args: ['lint', '.'],
  },
  'a 300 MB plan': {
    files: { 'plan.ipt': PLAN_HEAD, 'big.ipt': { bytes: 300 * 1024 * 1024 } },
    args: ['lint', '.'],
  },
  '1,000,000 characters of `# ipt-disable-next-line phi`': {
    files: { 'plan.ipt': PLAN_HEAD + '# ipt-disable-next-line phi\n'.repeat(Math.floor((1_000_000 - PLAN_HEAD.length) / 28)) },
    args: ['lint', '.'],
  },
  '2,000 phi.allow entries (2 MB) and a 50 KB note': {
    // Each entry occurs all along the note (`a`, `aa`, …): one span per occurrence was 100 million spans.
    files: {
      '.iptrc.json': config({ phi: { allow: Array.from({ length: 2000 }, (_, i) => 'a'.repeat(i + 1)) } }),
      'plan.ipt': PLAN_HEAD + note(`${'a'.repeat(50_000)} call 555-0143`),
    },
    args: ['lint', '.'],
  },
  '600,000 short phi.allow entries (8 MB)': {
    files: { '.iptrc.json': config({ phi: { allow: Array.from({ length: 600_000 }, (_, i) => `a${i}`) } }), 'plan.ipt': PLAN_HEAD + note(`${'a1 '.repeat(10_000)} call 555-0143`) },
    args: ['lint', '.'],
  },
  '20,000 `goal G1 "x"`, rendered to FHIR': {
    files: { 'plan.ipt': `plan "C-0142"\nfocus grief "g"\n${'  goal G1 "x"\n'.repeat(20_000)}` },
    args: ['render', 'plan.ipt', '--to', 'fhir', '-o', 'out.json'],
  },
  'a 5,000-long `extends` chain': {
    files: {
      '.iptrc.json': config({ variants: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`v${i}`, { extends: i === 0 ? 'acute' : `v${i - 1}` }])) }),
      'plan.ipt': PLAN_HEAD,
    },
    args: ['lint', '.'],
  },
  'a stdio frame with `Content-Length: -5`': {
    files: {},
    server: true,
    stdin: 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}',
  },
  'Validate Workspace with a link to /dev/zero': {
    files: { 'plan.ipt': PLAN_HEAD, 'zero.ipt': { link: '/dev/zero' }, 'x.ipt': { fifo: true } },
    server: true,
    validate: true,
  },
};

/** Writes a reproducer's files into a fresh folder. */
function workspace(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ipt-hostile-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (typeof content === 'string') writeFileSync(file, content);
    else if (content.link) symlinkSync(content.link, file);
    else if (content.fifo) spawnSync('mkfifo', [file]);
    else if (content.bytes) {
      const fd = openSync(file, 'w');
      const block = Buffer.from(note('b'.repeat(1000)).repeat(1024));
      for (let written = 0; written < content.bytes; written += block.length) writeSync(fd, block);
      closeSync(fd);
    }
  }
  return dir;
}

function peakRssMb(pid) {
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return undefined;
  }
}

function lspFrame(message) {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

/** Runs one reproducer with one checkout; resolves with how it ended. */
function run(tree, repro, dir) {
  return new Promise((resolve) => {
    const script = repro.server ? path.join(tree, 'dist', 'server.js') : path.join(tree, 'bin', 'ipt.js');
    const args = repro.server ? [script, '--stdio'] : [script, ...repro.args];
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let ended;
    child.stdout.on('data', (chunk) => {
      if (stdout.length < 1e6) stdout += chunk;
      if (repro.validate && /"id":2,/.test(stdout) && !ended) finish('answered');
    });
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 1e5) stderr += chunk;
    });
    const poll = setInterval(() => {
      peak = Math.max(peak, peakRssMb(child.pid) ?? 0);
      if (peak > MEMORY_CAP_MB) finish(`killed past ${MEMORY_CAP_MB} MB`);
    }, 50);
    const timer = setTimeout(() => finish(`killed after ${timeoutMs / 1000} s`), timeoutMs);
    function finish(how) {
      if (ended) return;
      ended = how;
      peak = Math.max(peak, peakRssMb(child.pid) ?? 0);
      clearInterval(poll);
      clearTimeout(timer);
      const ms = performance.now() - started;
      child.kill('SIGKILL');
      const said = `${stderr}\n${repro.validate ? (/"id":2,"result":(.*?)\}(?:Content-Length|$)/s.exec(stdout)?.[1] ?? '') : stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
      resolve({ ended: how, ms: Math.round(ms), peakRssMb: Math.round(peak), said: said.slice(0, 3).map((l) => l.slice(0, 200)) });
    }
    child.on('exit', (code) => finish(`exit ${code}`));
    child.stdin.on('error', () => undefined);
    if (repro.stdin) child.stdin.write(repro.stdin);
    if (repro.validate) {
      const folder = pathToFileURL(dir).href;
      child.stdin.write(lspFrame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'w' }], capabilities: {} } }));
      child.stdin.write(lspFrame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
      child.stdin.write(lspFrame({ jsonrpc: '2.0', id: 2, method: 'ipt/validateWorkspace', params: {} }));
    } else if (!repro.server) child.stdin.end();
  });
}

const results = { date: new Date().toISOString(), machine: machine(), timeoutS: timeoutMs / 1000, memoryCapMb: MEMORY_CAP_MB, reproducers: {} };
for (const [name, repro] of Object.entries(reproducers)) {
  if (only && !only.some((part) => name.includes(part))) continue;
  const dir = workspace(repro.files);
  try {
    const entry = { after: await run(root, repro, dir) };
    if (against) entry.before = await run(path.resolve(against), repro, dir);
    results.reproducers[name] = entry;
    const show = (r) => `${r.ended}, ${r.ms} ms, ${r.peakRssMb} MB: ${r.said[0] ?? ''}`;
    console.log(`${name}\n  after:  ${show(entry.after)}${entry.before ? `\n  before: ${show(entry.before)}` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
results.machine.loadavgAfter = machine().loadavg;
mkdirSync(path.join(root, 'bench'), { recursive: true });
if (!only) writeFileSync(path.join(root, 'bench', 'results-hostile.json'), `${JSON.stringify(results, null, 2)}\n`);
