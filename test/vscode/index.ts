/**
 * The suite's entry in VS Code's extension host (`--extensionTestsPath` points at the compiled
 * folder): runs every compiled *.test.js beside it with mocha, and writes the results as JSON (to
 * IPT_VSCODE_RESULTS, else results.json beside this file) for the runner that started VS Code.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const files = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  const outcomes: Outcome[] = [];
  const resultsFile = process.env.IPT_VSCODE_RESULTS || path.join(__dirname, 'results.json');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = outcomes.filter((o) => o.state === 'passed').length;
      writeFileSync(resultsFile, JSON.stringify({ passed, failed: outcomes.length - passed, outcomes }, null, 2));
      if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }));
    runner.on('fail', (test, error: Error) =>
      outcomes.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration ?? 0, error: `${error.message}\n${error.stack ?? ''}` }),
    );
  });
}
