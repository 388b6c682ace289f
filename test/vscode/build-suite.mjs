// Compiles the VS Code suite (test/vscode/*.ts) into .cache/vscode-suite/, the folder VS Code's
// `--extensionTestsPath` points at. `vscode` comes from the extension host and mocha from the
// project's node_modules, so neither is bundled.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const suiteDir = path.resolve(here, '..', '..', '.cache', 'vscode-suite');

export async function buildSuite() {
  rmSync(suiteDir, { recursive: true, force: true });
  const entries = readdirSync(here)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => path.join(here, name));
  await build({
    entryPoints: entries,
    outdir: suiteDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return suiteDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildSuite());
