// Activation time of the packaged extension in a real VS Code workbench (code-server + headless
// Chromium), as VS Code itself reports it in "Developer: Show Running Extensions". The workbench is
// loaded RUNS times (a fresh extension host each time) with the samples folder open, so the extension
// activates at start-up (workspaceContains:**/*.ipt). Built-in extensions in the same list are the
// baseline: their times come from the same load, so a slow machine shows in both.
//
//   npm run package && node bench/activation.mjs [--runs 5]
// VS Code's figure is code loading + the activate() call; "Developer: Startup Performance" gives the
// split (and the time until activate()'s promise settled), which is recorded too.
// Writes bench/results-activation.json: { activation_ms (median), runs, split_median, baseline, measured, how }.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../scripts/workbench/browser.mjs';
import { ensureCodeServer, installVsix, projectRoot, startCodeServer } from '../scripts/workbench/code-server.mjs';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const { name, version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
const vsix = path.join(projectRoot, `${name}-${version}.vsix`);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

/** "Startup Activation: 12ms" / "Activation: 12ms" for each extension row of the Running Extensions view. */
async function activationTimes(page) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Developer: Show Running Extensions');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor();
  await page.keyboard.press('Enter');
  const ours = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'IPT Plan' });
  await ours.waitFor({ timeout: 60_000 });
  // The row is listed as soon as the extension is known; its time appears once activate() has returned.
  await ours.filter({ hasText: /Activation: \d+ms/ }).waitFor({ timeout: 60_000 });
  const rows = await page.locator('.runtime-extensions-editor .monaco-list-row').allInnerTexts();
  const times = {};
  for (const row of rows) {
    const title = row.split('\n')[0].replace(/\s+\d+\.\d+\.\d+.*$/, '').trim();
    const ms = /Activation: (\d+)ms/.exec(row);
    if (ms) times[title] = Number(ms[1]);
  }
  return times;
}

/**
 * The split VS Code keeps for each extension (Developer: Startup Performance): code loading, the
 * activate() call, and until its promise settled. The table is long, so Find brings our row into view.
 */
async function activationSplit(page) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Developer: Startup Performance');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Startup Performance' }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: 'Startup Performance' }).waitFor({ timeout: 30_000 });
  await page.locator('.editor-instance .view-lines').first().waitFor();
  await page.keyboard.press('Control+F');
  await page.keyboard.type('| ipt-plan.ipt-plan');
  await page.keyboard.press('Escape');
  const row = page.locator('.editor-instance .view-line', { hasText: 'ipt-plan.ipt-plan' }).first();
  await row.waitFor({ timeout: 30_000 });
  const cells = (await row.innerText()).replace(/\u00a0/g, ' ').split('|').map((c) => c.trim());
  // | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
  return { codeLoadingMs: Number(cells[3]), activateCallMs: Number(cells[4]), activateResolvedMs: Number(cells[5]) };
}

const entry = ensureCodeServer();
const home = path.join(projectRoot, '.cache', 'bench-activation');
rmSync(home, { recursive: true, force: true });
mkdirSync(home, { recursive: true });
const extensionsDir = path.join(home, 'extensions');
installVsix(entry, vsix, extensionsDir);
const server = await startCodeServer({ entry, home, extensionsDir });
const browser = await launchChromium();
const samples = [];
const splits = [];
const baselines = {};
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.folderUrl(path.join(projectRoot, 'samples')));
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    const times = await activationTimes(page);
    const ours = Object.entries(times).find(([title]) => title.startsWith('IPT Plan'));
    if (!ours) throw new Error(`IPT Plan is not in the Running Extensions list: ${JSON.stringify(times)}`);
    samples.push(ours[1]);
    splits.push(await activationSplit(page));
    for (const [title, ms] of Object.entries(times)) if (!title.startsWith('IPT Plan')) (baselines[title] ??= []).push(ms);
    console.log(`run ${i + 1}: IPT Plan ${ours[1]} ms (${JSON.stringify(splits.at(-1))})`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const result = {
  activation_ms: median(samples),
  runs: samples,
  split_median: {
    code_loading_ms: median(splits.map((s) => s.codeLoadingMs)),
    activate_call_ms: median(splits.map((s) => s.activateCallMs)),
    activate_resolved_ms: median(splits.map((s) => s.activateResolvedMs)),
  },
  baseline: Object.fromEntries(Object.entries(baselines).map(([title, values]) => [title, median(values)])),
  measured: new Date().toISOString(),
  how: `"Developer: Show Running Extensions" in code-server (VS Code ${JSON.parse(readFileSync(path.join(path.dirname(entry), '..', '..', 'lib', 'vscode', 'package.json'), 'utf8')).version}), headless Chromium, samples/ open (start-up activation), median of ${runs} workbench loads`,
};
writeFileSync(path.join(projectRoot, 'bench', 'results-activation.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`activation: median ${result.activation_ms} ms over ${runs} loads (goal ≤ 50 ms); built-in extensions in the same loads: ${JSON.stringify(result.baseline)}`);
