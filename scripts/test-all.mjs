// `npm test`: every test the project has, in one run, ending with one line "N passed, N failed".
//
//   1. build dist/ and package the extension (the .vsix and its web-only variant)
//   2. type-check
//   3. unit and language-server tests (vitest: test/unit, test/lsp), then the ecosystem checks
//      (test/unit/ecosystem: npm 10 and 11 pack/install/publish, tsc, publint, attw, vsce, ovsx,
//      Sarif.Multitool, FHIR validators, axe-core, pre-commit, actionlint) on their own
//   4. Neovim against the built server (test/neovim; skipped when nvim is absent)
// (Before 3, scripts/setup-workbench.sh sets up code-server and Chromium — npm and Debian packages only.)
//   5. the VS Code suite (test/vscode) inside a real VS Code workbench (code-server)
//   6. what a user sees in that workbench, driven in headless Chromium (test/e2e)
//   7. the same VS Code suite on a desktop VS Code, when VSCODE_EXECUTABLE_PATH names one
//
// A step that fails does not stop the later ones, except the build, which all need.
// Totals go to .cache/test-summary.json; the exit code is 1 when anything failed.
//
//   npm test                    everything
//   npm test -- --quick         steps 1–4 only (no workbench), for a fast loop while coding
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cache = path.join(root, '.cache');
const quick = process.argv.includes('--quick');
mkdirSync(cache, { recursive: true });

/** Each step's counts: { name, passed, failed, skipped, seconds, note } */
const steps = [];

function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (options.capture) process.stdout.write(result.stdout ?? '');
  return { ok: result.status === 0, stdout: result.stdout ?? '', seconds: (Date.now() - started) / 1000 };
}

function banner(title) {
  console.log(`\n=== ${title}`);
}

/** A step that is one check: it passes or fails as a whole. */
function checkStep(name, command, args, options) {
  banner(name);
  const { ok, seconds } = run(command, args, options);
  steps.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
  return ok;
}

/** A vitest run, counted test by test from its JSON report. */
function vitestStep(name, args, report) {
  banner(name);
  rmSync(report, { force: true });
  const { ok, seconds } = run(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    steps.push({ name, passed: 0, failed: 1, seconds, note: 'vitest wrote no report' });
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (ok || r.numFailedTests > 0 ? 0 : 1);
  steps.push({ name, passed: r.numPassedTests, failed, skipped: r.numPendingTests + (r.numTodoTests ?? 0), seconds });
}

/** A runner that writes { passed, failed } to a JSON file. */
function reportStep(name, args, report) {
  banner(name);
  rmSync(report, { force: true });
  const { ok, seconds } = run(process.execPath, args);
  const r = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : { passed: 0, failed: 1 };
  steps.push({ name, passed: r.passed, failed: r.failed + (ok || r.failed > 0 ? 0 : 1), skipped: r.skipped ?? 0, seconds, note: r.note });
}

const built = checkStep('build and package', 'bash', ['-c', 'node scripts/build.mjs && node scripts/package-vsix.mjs >/dev/null && node scripts/package-vsix.mjs --web >/dev/null && echo "packaged the .vsix and its web-only variant"']);
if (built) {
  // The workbench (code-server, Chromium) first: the unit tests that render pages in Chromium use it too.
  let workbenchReady = false;
  if (!quick) {
    banner('setting up the VS Code workbench (code-server, Chromium)');
    const setup = run('bash', [path.join(root, 'scripts', 'setup-workbench.sh')], { capture: true });
    workbenchReady = setup.ok;
    if (setup.ok) process.env.IPT_CODE_SERVER_DIR = setup.stdout.trim().split('\n').pop();
  }
  checkStep('type-check', process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']);
  checkStep('type-check (e2e)', process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/e2e/tsconfig.json', '--noEmit']);
  vitestStep('unit and language-server tests (vitest)', [], path.join(cache, 'test-results.json'));
  vitestStep('the ecosystem\'s own tools: npm 10/11, tsc, publint, attw, vsce, ovsx, Sarif.Multitool, FHIR validators, axe-core, pre-commit, actionlint', ['-c', 'vitest.ecosystem.config.mts'], path.join(cache, 'test-results-ecosystem.json'));
  reportStep('Neovim against the built server', [path.join(root, 'test', 'neovim', 'run.mjs'), '--json', path.join(cache, 'test-results-neovim.json')], path.join(cache, 'test-results-neovim.json'));
  if (!quick) {
    if (!workbenchReady) {
      steps.push({ name: 'VS Code workbench setup', passed: 0, failed: 1, seconds: 0, note: 'scripts/setup-workbench.sh failed; the VS Code tests could not run' });
    } else {
      rmSync(path.join(cache, 'screenshots'), { recursive: true, force: true }); // only this run's pictures
      reportStep('VS Code suite in a real workbench (code-server)', [path.join(root, 'test', 'vscode', 'run-workbench.mjs')], path.join(cache, 'test-results-vscode.json'));
      vitestStep('the extension as a user sees it (code-server + Chromium)', ['-c', 'vitest.e2e.config.mts'], path.join(cache, 'test-results-e2e.json'));
      console.log(`\nScreenshots of every step: ${path.join(cache, 'screenshots')}`);
    }
    reportStep('VS Code suite on desktop VS Code (@vscode/test-electron)', [path.join(root, 'test', 'vscode', 'run-desktop.mjs')], path.join(cache, 'test-results-desktop.json'));
  }
}

const total = steps.reduce((t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failed, skipped: t.skipped + (s.skipped ?? 0) }), { passed: 0, failed: 0, skipped: 0 });
writeFileSync(path.join(cache, 'test-summary.json'), JSON.stringify({ ...total, quick, steps }, null, 2));
banner('summary');
for (const s of steps) {
  const counts = `${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`;
  console.log(`${s.failed ? '✗' : '✓'} ${s.name}: ${counts} (${s.seconds.toFixed(0)} s)${s.note ? ` — ${s.note}` : ''}`);
}
if (quick) console.log('(--quick: the VS Code workbench tests did not run)');
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
