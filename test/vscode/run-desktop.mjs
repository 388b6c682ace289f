// Runs the VS Code suite (test/vscode/) on a desktop VS Code with @vscode/test-electron — the
// usual way extensions test on their authors' machines. VS Code cannot be downloaded here, so this
// runs only when VSCODE_EXECUTABLE_PATH names an installed VS Code (`code` binary or the Electron
// executable); on Linux without a display it runs under xvfb-run when that exists.
// Without one it says so and which runner covers the suite instead (test/vscode/run-workbench.mjs).
//
//   VSCODE_EXECUTABLE_PATH=/usr/share/code/code npm run test:vscode
// Writes .cache/test-results-desktop.json ({ passed, failed, skipped, note }).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from './build-suite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsOut = path.join(root, '.cache', 'test-results-desktop.json');
mkdirSync(path.dirname(resultsOut), { recursive: true });

const executable = process.env.VSCODE_EXECUTABLE_PATH;
if (!executable) {
  const note = 'no desktop VS Code here (set VSCODE_EXECUTABLE_PATH to run it); the same suite ran in a real VS Code workbench (code-server) instead';
  console.log(`VS Code suite on the desktop: skipped — ${note}.`);
  writeFileSync(resultsOut, JSON.stringify({ passed: 0, failed: 0, skipped: 1, note }));
  process.exit(0);
}
if (!existsSync(executable)) {
  console.error(`VSCODE_EXECUTABLE_PATH=${executable} does not exist.`);
  writeFileSync(resultsOut, JSON.stringify({ passed: 0, failed: 1, note: `VSCODE_EXECUTABLE_PATH=${executable} does not exist` }));
  process.exit(1);
}

// Under a display server of its own when there is none (the usual CI case on Linux).
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.IPT_UNDER_XVFB) {
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
  if (xvfb) {
    const result = spawnSync(xvfb, ['-a', process.execPath, fileURLToPath(import.meta.url)], { stdio: 'inherit', env: { ...process.env, IPT_UNDER_XVFB: '1' } });
    process.exit(result.status ?? 1);
  }
  console.warn('No DISPLAY and no xvfb-run (apt-get install xvfb): trying VS Code without a display.');
}

const { runTests } = await import('@vscode/test-electron');
const suiteDir = await buildSuite();
const results = path.join(suiteDir, 'results.json');
const workspace = mkdtempSync(path.join(tmpdir(), 'ipt-vscode-desktop-'));
// The extension as VS Code runs it in development: the root package.json is the npm package's, so
// scripts/package-vsix.mjs --stage writes a folder with the extension's manifest.
const extensionDir = mkdtempSync(path.join(tmpdir(), 'ipt-vscode-extension-'));
const staged = spawnSync(process.execPath, [path.join(root, 'scripts', 'package-vsix.mjs'), '--stage', extensionDir], { stdio: 'inherit' });
if (staged.status !== 0) {
  writeFileSync(resultsOut, JSON.stringify({ passed: 0, failed: 1, note: 'scripts/package-vsix.mjs --stage failed' }));
  process.exit(1);
}
cpSync(path.join(root, 'samples'), workspace, { recursive: true });
mkdirSync(path.join(workspace, 'exports'));
writeFileSync(path.join(workspace, '.iptrc.json'), '{ "root": true }\n');
let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: extensionDir,
    extensionTestsPath: path.join(suiteDir, 'index.js'),
    extensionTestsEnv: { IPT_VSCODE_RESULTS: results },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (error) {
  console.error(`VS Code suite on the desktop failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(extensionDir, { recursive: true, force: true });
}
const report = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : { passed: 0, failed: 1, note: 'the suite wrote no results' };
writeFileSync(resultsOut, JSON.stringify({ passed: report.passed, failed: report.failed, note: report.note }));
console.log(`VS Code suite on the desktop: ${report.passed} passed, ${report.failed} failed`);
process.exit(report.failed > 0 ? 1 : exitCode);
