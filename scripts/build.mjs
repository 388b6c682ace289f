// Builds dist/ with esbuild, the library's type declarations, and schemas/iptrc.schema.json.
// Type-checking of the whole project is separate (`npm run typecheck`).
//   node scripts/build.mjs                 everything (production: minified, no grammar validations)
//   node scripts/build.mjs --dev           with source maps and grammar validations
//   node scripts/build.mjs --no-types      skip the .d.ts step (faster)
//   node scripts/build.mjs --schema-only   only regenerate schemas/iptrc.schema.json
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flags = new Set(process.argv.slice(2));
const dev = flags.has('--dev');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's UMD entry requires files at run time; its ES module entry bundles cleanly.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

async function bundleEntries() {
  const entries = [
    { in: 'server/src/index.ts', out: 'index' },
    { in: 'server/src/cli/bin.ts', out: 'cli' },
    { in: 'server/src/lsp/main-node.ts', out: 'server' },
    { in: 'client/src/extension.ts', out: 'extension' },
  ].filter((entry) => existsSync(path.join(root, entry.in)));
  await build({
    ...common,
    entryPoints: entries,
    outdir: 'dist',
    external: ['vscode'],
    minify: !dev,
    sourcemap: dev,
    sourcesContent: false,
    // Production bundles skip Chevrotain's grammar validations (tests run them; see grammar.ts).
    define: { 'process.env.IPT_SKIP_GRAMMAR_VALIDATION': dev ? 'undefined' : '"1"' },
  });
  console.log(`built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);
}

/** dist/browser-server.js: the language server as a web worker (VS Code for the Web). */
async function bundleBrowserServer() {
  await build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['server/src/lsp/main-browser.ts'],
    outfile: 'dist/browser-server.js',
    minify: !dev,
    sourcemap: dev,
    sourcesContent: false,
    define: { 'process.env.IPT_SKIP_GRAMMAR_VALIDATION': dev ? 'undefined' : '"1"' },
  });
  console.log('built dist/browser-server.js');
}

/** Type declarations for the library API: dist/index.d.ts → dist/types/. */
function emitTypes() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(path.join(root, 'dist', 'index.d.ts'), "export * from './types/index.js';\n");
  console.log('wrote dist/index.d.ts');
}

/** schemas/iptrc.schema.json from the zod schema (server/src/rules/config-json-schema.ts). */
async function writeConfigSchema() {
  const tempDir = mkdtempSync(path.join(tmpdir(), 'ipt-schema-'));
  try {
    const outfile = path.join(tempDir, 'config-json-schema.cjs');
    await build({ ...common, entryPoints: ['server/src/rules/config-json-schema.ts'], outfile });
    const { configJsonSchemaText } = createRequire(import.meta.url)(outfile);
    mkdirSync(path.join(root, 'schemas'), { recursive: true });
    writeFileSync(path.join(root, 'schemas', 'iptrc.schema.json'), configJsonSchemaText());
    console.log('wrote schemas/iptrc.schema.json');
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

if (!flags.has('--schema-only')) {
  await bundleEntries();
  await bundleBrowserServer();
  if (!flags.has('--no-types')) emitTypes();
}
await writeConfigSchema();
