// `npm run bench:lint`: `ipt lint` over 1,000 generated plans, run as users run it (a child process,
// wall time including Node start-up), against two baselines measured in the same run: `node -e 0`
// (bare start-up) and `ipt --version` (start-up plus loading the CLI bundle). N = 5 runs each;
// median and min wall time, and median CPU time of the child (Linux). Per-plan cost =
// (median lint − median --version) / plans.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'ipt.js');
const PLANS = 1000;
const RUNS = 5;

// ---------------------------------------------------------------- realistic plans

const variants = [
  { id: 'acute', totals: [12, 14, 16], cadence: 'weekly', initial: 3, termination: 3 },
  { id: 'adolescent', totals: [12, 14, 16], cadence: 'weekly', initial: 4, termination: 3 },
  { id: 'brief', totals: [8, 9], cadence: 'weekly', initial: 2, termination: 2 },
  { id: 'group', totals: [8, 12, 16], cadence: 'weekly', initial: 2, termination: 2 },
  { id: 'maintenance', totals: [8, 12, 24], cadence: 'monthly', initial: 2, termination: 2 },
];
const areas = [
  { id: 'grief', text: 'Death of a parent last spring; low mood since the funeral', techniques: [['exploratory-questioning', 'encouragement-of-affect'], ['decision-analysis', 'role-play']] },
  { id: 'role-dispute', text: 'Escalating conflict with partner about caring for their newborn', techniques: [['communication-analysis', 'clarification'], ['role-play', 'decision-analysis']], stage: 'renegotiation' },
  { id: 'role-transition', text: 'Move to a new city and job in the autumn', techniques: [['exploratory-questioning', 'encouragement-of-affect'], ['decision-analysis', 'role-play']] },
  { id: 'interpersonal-deficits', text: 'Long-standing isolation with few close relationships', techniques: [['therapeutic-relationship', 'communication-analysis'], ['role-play', 'work-at-home']] },
];
/** Mistakes a few plans carry, so the run reports real diagnostics. */
const mistakes = [
  (text) => text.replace('technique role-play', 'technique cognitive-restructuring'),
  (text) => text.replace(/score PHQ-9 \d+/, 'score PHQ-9 31'),
  (text) => text.replace('task interpersonal-inventory', 'task closeness-circle'),
  (text) => text.replace(/targets G2/, 'targets G3'),
];

function addDays(start, days) {
  return new Date(Date.parse(start) + days * 86_400_000).toISOString().slice(0, 10);
}

function addMonths(start, months) {
  const date = new Date(Date.parse(start));
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

function plan(i) {
  const variant = variants[i % variants.length];
  const area = areas[Math.floor(i / variants.length) % areas.length];
  const total = variant.totals[i % variant.totals.length];
  const start = addDays('2026-01-05', (i % 40) * 7);
  const code = `C-${String(1000 + i).padStart(4, '0')}`;
  const initialEnd = variant.initial;
  const terminationStart = total - variant.termination + 1;
  const session = (n, title, lines) => [`  session ${n} "${title}"`, `    date ${variant.cadence === 'monthly' ? addMonths(start, n - 1) : addDays(start, (n - 1) * 7)}`, ...lines.map((l) => `    ${l}`)];
  const out = [
    `# ${variant.id} IPT, ${area.id}; generated for the lint benchmark.`,
    `plan "${code} ${variant.id} IPT"`,
    `  client "${code}"`,
    '  clinician "J. Rivera, LCSW"',
    `  variant ${variant.id}`,
    '  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1',
    `  sessions ${total} ${variant.cadence} 50min`,
    `  start ${start}`,
    '',
    `focus ${area.id} "${area.text}"`,
    ...(area.stage ? [`  stage ${area.stage}`] : []),
    '  goal G1 "Name the expectations on each side"',
    '  goal G2 "Try one new way of asking for support"',
    '',
    `measure PHQ-9 every 4`,
    '',
    'risk low "Passive thoughts of death at intake; no plan or intent"',
    '  safety-plan "Warning signs, coping steps and contacts agreed in session 1; crisis line 988"',
    '',
    `phase initial sessions 1-${initialEnd}`,
  ];
  const initialTasks = [['symptom-review', 'sick-role', 'risk-review'], ['interpersonal-inventory'], ['formulation', 'treatment-contract']];
  for (let n = 1; n <= initialEnd; n++) {
    const tasks = initialEnd === 2 ? (n === 1 ? [...initialTasks[0], ...initialTasks[1]] : initialTasks[2]) : n === 1 ? initialTasks[0] : n === initialEnd ? initialTasks[2] : initialTasks[1];
    out.push(...session(n, `Initial session ${n}`, [`task ${tasks.join(', ')}`, ...(n === 1 ? [`score PHQ-9 ${14 + (i % 8)}`] : [])]));
  }
  out.push('', `phase middle sessions ${initialEnd + 1}-${terminationStart - 1}`);
  for (let n = initialEnd + 1; n < terminationStart; n++) {
    const second = n >= (initialEnd + terminationStart) / 2;
    out.push(
      ...session(n, `Work on ${second ? 'G2' : 'G1'}`, [
        `technique ${area.techniques[second ? 1 : 0].join(', ')}`,
        `targets ${second ? 'G2' : 'G1'}`,
        ...(n % 3 === 0 ? ['homework "One check-in conversation this week"'] : []),
        ...(n % 4 === 1 ? [`score PHQ-9 ${Math.max(4, 14 - n + (i % 5))}`] : []),
      ]),
    );
  }
  out.push('', `phase termination sessions ${terminationStart}-${total}`);
  const endTasks = [['review-progress'], ['relapse-prevention'], ['discuss-ending', 'maintenance-plan']];
  for (let n = terminationStart; n <= total; n++) {
    const k = n - terminationStart;
    const tasks = variant.termination === 2 ? (k === 0 ? [...endTasks[0], ...endTasks[1]] : endTasks[2]) : endTasks[Math.min(k, 2)];
    out.push(...session(n, `Termination session ${k + 1}`, [`task ${tasks.join(', ')}`, ...(n === total ? [`score PHQ-9 ${4 + (i % 4)}`] : [])]));
  }
  let text = `${out.join('\n')}\n`;
  if (i % 37 === 5) text = mistakes[i % mistakes.length](text);
  return text;
}

// ---------------------------------------------------------------- timing

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc on Linux; undefined
 * elsewhere. Wall time suffers when other work shares the machine; CPU time much less so.
 */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 of stat (cutime, cstime), counted from field 3 after the command name.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function timeRuns(args, check) {
  const times = [];
  const cpu = [];
  let output = '';
  for (let run = 0; run < RUNS; run++) {
    const cpuBefore = childrenCpuMs();
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpuAfter = childrenCpuMs();
    if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.push(cpuAfter - cpuBefore);
    if (result.error) throw result.error;
    output = result.stdout;
    check?.(result);
  }
  return { median: median(times), min: Math.min(...times), cpu: cpu.length ? median(cpu) : undefined, output };
}

const dir = mkdtempSync(path.join(tmpdir(), 'ipt-bench-lint-'));
try {
  for (let i = 0; i < PLANS; i++) {
    const folder = path.join(dir, `clinic-${i % 20}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `plan-${String(i).padStart(4, '0')}.ipt`), plan(i));
  }

  const nodeBaseline = timeRuns(['-e', '0']);
  const version = timeRuns([bin, '--version'], (r) => {
    if (r.status !== 0) throw new Error(`ipt --version failed: ${r.stderr}`);
  });
  const lint = timeRuns([bin, 'lint', dir, '--format', 'json'], (r) => {
    if (r.status !== 0 && r.status !== 1) throw new Error(`ipt lint failed (exit ${r.status}): ${r.stderr}`);
  });

  const report = JSON.parse(lint.output);
  const diagnostics = report.flatMap((f) => f.diagnostics);
  const withProblems = report.filter((f) => f.diagnostics.length > 0).length;
  const rows = [
    ['node -e 0', nodeBaseline],
    ['ipt --version', version],
    [`ipt lint (${PLANS} plans)`, lint],
  ];
  const node = execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`ipt lint benchmark — ${PLANS} generated plans, ${RUNS} runs each, node ${node}`);
  console.log('');
  console.log('| command | median wall ms | min wall ms | median CPU ms (user+sys) |');
  console.log('|---|---:|---:|---:|');
  for (const [name, t] of rows) console.log(`| ${name} | ${t.median.toFixed(0)} | ${t.min.toFixed(0)} | ${t.cpu === undefined ? 'n/a' : t.cpu.toFixed(0)} |`);
  console.log('');
  const perPlan = (lint.median - version.median) / PLANS;
  console.log(`plans linted: ${report.length}; plans with problems: ${withProblems}; diagnostics: ${diagnostics.length} (${diagnostics.filter((d) => d.severity === 'error').length} errors)`);
  console.log(`per-plan cost: ${perPlan.toFixed(2)} ms wall (median lint − median --version, over ${PLANS} plans); CLI start-up over bare node: ${(version.median - nodeBaseline.median).toFixed(0)} ms wall`);
  if (lint.cpu !== undefined && version.cpu !== undefined) console.log(`per-plan CPU: ${((lint.cpu - version.cpu) / PLANS).toFixed(2)} ms; load average while running: ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
  if (report.length !== PLANS) {
    console.error(`expected ${PLANS} plans in the report, got ${report.length}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
