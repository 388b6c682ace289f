// The CLI as users run it (a child process, wall time including Node's start-up), interleaved run by
// run with its baseline in the same process:
//   cli_1000_files_s     `ipt lint` over 1,000 generated plans (realistic: every variant and problem
//                        area, 8–24 sessions, a few real mistakes), median wall seconds;
//   cli_vs_markdownlint  that time ÷ the time of markdownlint-cli2 (npm, default rules) over 1,000
//                        Markdown files of the SAME bytes: file i has exactly plan i's byte length
//                        (the plan's own lines as a Markdown outline, padded or cut to length), so
//                        both tools read the same number of files and bytes; median ÷ median.
//   node bench/lint.mjs [--quick] [--against DIR]   (DIR: another built checkout, also interleaved)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMain, median, ratios, root, round, spread, timeChild } from './lib.mjs';

const PLANS = 1000;

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

export function plan(i) {
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

// ---------------------------------------------------------------- the same bytes as Markdown

/** Plan text → a Markdown outline of exactly `bytes` bytes (ASCII), so markdownlint reads what ipt reads. */
function markdownOf(text, bytes) {
  const out = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const words = line.replace(/"/g, '');
    if (line.startsWith('plan ')) out.push(`# ${words.slice(5)}`, '');
    else if (/^(focus|measure|risk|phase) /.test(line)) out.push('', `## ${words}`, '');
    else if (line.startsWith('session ')) out.push('', `### ${words}`, '');
    else out.push(`- ${words}`);
  }
  let md = `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
  const filler = 'Notes from supervision on the plan and its sessions, kept with it for review. ';
  if (md.length < bytes) {
    md += '\n';
    while (md.length < bytes) md += filler;
  }
  md = md.slice(0, bytes - 1);
  return `${md}\n`;
}

// ---------------------------------------------------------------- timing

export async function benchLint({ quick = false, against } = {}) {
  const runs = quick ? 1 : 5;
  const dir = mkdtempSync(path.join(tmpdir(), 'ipt-bench-lint-'));
  const plans = path.join(dir, 'plans');
  const markdown = path.join(dir, 'markdown');
  let bytes = 0;
  for (let i = 0; i < PLANS; i++) {
    const text = plan(i);
    const sub = `clinic-${i % 20}`;
    mkdirSync(path.join(plans, sub), { recursive: true });
    mkdirSync(path.join(markdown, sub), { recursive: true });
    writeFileSync(path.join(plans, sub, `plan-${String(i).padStart(4, '0')}.ipt`), text);
    writeFileSync(path.join(markdown, sub, `plan-${String(i).padStart(4, '0')}.md`), markdownOf(text, Buffer.byteLength(text)));
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(path.join(plans, '.iptrc.json'), '{ "root": true }\n');
  const markdownlint = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

  const lintWith = (tree) => () =>
    timeChild([path.join(tree, 'bin', 'ipt.js'), 'lint', plans, '--format', 'json'], {
      check(r) {
        if (r.status !== 0 && r.status !== 1) throw new Error(`ipt lint failed (exit ${r.status}): ${r.stderr}`);
        const report = JSON.parse(r.stdout);
        if (report.length !== PLANS) throw new Error(`ipt lint reported ${report.length} plans, not ${PLANS}`);
      },
    }).ms;
  const sides = {
    ipt: lintWith(root),
    markdownlint: () =>
      timeChild([markdownlint, '**/*.md'], {
        cwd: markdown,
        check(r) {
          if (!r.stderr.includes(`Linting: ${PLANS} file(s)`) && !r.stdout.includes(`Linting: ${PLANS} file(s)`)) throw new Error(`markdownlint-cli2 did not lint ${PLANS} files: ${r.stdout}${r.stderr}`);
        },
      }).ms,
  };
  if (against) sides.iptBefore = lintWith(path.resolve(against));
  const samples = Object.fromEntries(Object.keys(sides).map((side) => [side, []]));
  try {
    // Warm the file cache (the files were just written; a full run also warms each tool once).
    if (!quick) for (const fn of Object.values(sides)) fn();
    for (let run = 0; run < runs; run++) for (const [side, fn] of Object.entries(sides)) samples[side].push(fn());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const details = {
    plans: PLANS,
    bytes,
    runs,
    iptMs: spread(samples.ipt, 0),
    markdownlintMs: spread(samples.markdownlint, 0),
    iptVsMarkdownlint: spread(ratios(samples.ipt, samples.markdownlint)),
  };
  if (against) {
    details.iptBeforeMs = spread(samples.iptBefore, 0);
    details.afterVsBefore = spread(ratios(samples.ipt, samples.iptBefore));
  }
  return {
    keys: {
      cli_1000_files_s: round(median(samples.ipt) / 1000, 3),
      cli_vs_markdownlint: round(median(samples.ipt) / median(samples.markdownlint), 3),
    },
    details,
  };
}

if (isMain(import.meta.url)) {
  const argv = process.argv.slice(2);
  const againstAt = argv.indexOf('--against');
  console.log(JSON.stringify(await benchLint({ quick: argv.includes('--quick'), against: againstAt >= 0 ? argv[againstAt + 1] : undefined }), null, 2));
}
