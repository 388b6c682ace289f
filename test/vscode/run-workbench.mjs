// Runs the VS Code suite (test/vscode/) inside a real VS Code workbench: code-server serves it,
// headless Chromium opens it, and the extension host runs the suite — the way VS Code runs its own
// integration tests against a server (`extensionDevelopmentPath` / `extensionTestsPath`).
//
// The extension under test is the packaged .vsix, installed with code-server's own CLI: what a user
// installs is what is tested. The workspace is a copy of samples/.
//
//   node test/vscode/run-workbench.mjs      (after `npm run package`; `npm test` does both)
// Writes .cache/test-results-vscode.json ({ passed, failed, outcomes }) and exits 1 on any failure.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, installVsix, projectRoot, startCodeServer } from '../../scripts/workbench/code-server.mjs';
import { launchChromium } from '../../scripts/workbench/browser.mjs';
import { buildSuite } from './build-suite.mjs';

const deadlineMs = Number(process.env.IPT_VSCODE_TIMEOUT_MS || 15 * 60_000);
const cache = path.join(projectRoot, '.cache');
const resultsOut = path.join(cache, 'test-results-vscode.json');
export const screenshotsDir = path.join(cache, 'screenshots');

function packagedVsix() {
  const { name, version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const vsix = path.join(projectRoot, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: run \`npm run package\` first.`);
  return vsix;
}

function fail(message) {
  writeFileSync(resultsOut, JSON.stringify({ passed: 0, failed: 1, outcomes: [{ title: 'VS Code suite in the workbench', state: 'failed', error: message }] }, null, 2));
  console.error(`VS Code suite (workbench): ${message}`);
  process.exit(1);
}

async function main() {
  mkdirSync(screenshotsDir, { recursive: true });
  rmSync(resultsOut, { force: true });
  const entry = ensureCodeServer();
  const vsix = packagedVsix();
  const suiteDir = await buildSuite();
  const results = path.join(suiteDir, 'results.json');

  const home = path.join(cache, 'vscode-suite-home');
  rmSync(home, { recursive: true, force: true });
  const installed = path.join(home, 'installed');
  installVsix(entry, vsix, installed);
  const extensionDir = readdirSync(installed).find((name) => name.startsWith('ipt-plan.ipt-plan-'));
  if (!extensionDir) fail(`the .vsix did not install into ${installed}`);
  const workspace = path.join(home, 'workspace');
  cpSync(path.join(projectRoot, 'samples'), workspace, { recursive: true });
  mkdirSync(path.join(workspace, 'exports'));
  // The samples are judged by the built-in defaults, as CI judges them.
  writeFileSync(path.join(workspace, '.iptrc.json'), '{ "root": true }\n');

  const server = await startCodeServer({ entry, home, env: { IPT_VSCODE_RESULTS: results } });
  const browser = await launchChromium();
  const started = Date.now();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    const payload = [
      ['extensionDevelopmentPath', server.remoteUri(path.join(installed, extensionDir))],
      ['extensionTestsPath', server.remoteUri(suiteDir)],
    ];
    await page.goto(server.folderUrl(workspace, payload));
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), deadlineMs)));
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    await page.screenshot({ path: path.join(screenshotsDir, 'vscode-suite-end.png') }).catch(() => undefined);
    if (code === 'timeout') fail(`the suite did not finish within ${deadlineMs / 1000} s (screenshot: ${path.join(screenshotsDir, 'vscode-suite-end.png')})\n${server.log().slice(-4000)}`);
    if (!existsSync(results)) fail(`the extension host exited (${code}) without results: the suite did not load.\n${server.log().slice(-4000)}`);
    const report = JSON.parse(readFileSync(results, 'utf8'));
    writeFileSync(resultsOut, JSON.stringify(report, null, 2));
    for (const outcome of report.outcomes) {
      console.log(`${outcome.state === 'passed' ? '  ✓' : '  ✗'} ${outcome.title} (${outcome.durationMs} ms)`);
      if (outcome.error) console.log(outcome.error.replace(/^/gm, '      '));
    }
    console.log(`VS Code suite in a real workbench (code-server, ${((Date.now() - started) / 1000).toFixed(1)} s): ${report.passed} passed, ${report.failed} failed`);
    process.exitCode = report.failed > 0 || code !== 0 ? 1 : 0;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
