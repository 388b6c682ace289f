// Builds dist/ with esbuild. Type-checking is separate (`npm run typecheck`).
//   node scripts/build.mjs            bundle everything (production: minified, no grammar validations)
//   node scripts/build.mjs --dev      with source maps
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dev = process.argv.includes('--dev');

const nodeEntries = [
  { in: 'server/src/index.ts', out: 'index' },
  { in: 'server/src/cli/bin.ts', out: 'cli' },
  { in: 'server/src/lsp/main-node.ts', out: 'server' },
  { in: 'client/src/extension.ts', out: 'extension' },
].filter((entry) => existsSync(path.join(root, entry.in)));

await build({
  absWorkingDir: root,
  entryPoints: nodeEntries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // ESM builds first: jsonc-parser's UMD "main" cannot be bundled (its require('./impl/…') is left dynamic).
  mainFields: ['module', 'main'],
  minify: !dev,
  sourcemap: dev,
  sourcesContent: false,
  logLevel: 'warning',
  // Production bundles skip Chevrotain's grammar validations (tests run them; see parser.ts).
  define: { 'process.env.IPT_SKIP_GRAMMAR_VALIDATION': dev ? 'undefined' : '"1"' },
});

console.log(`built ${nodeEntries.map((e) => `dist/${e.out}.js`).join(', ')}`);

// ---- BEGIN config JSON Schema (owned by the config work; see server/src/rules/config-json-schema.ts)
// Bundles the generator to a temporary CommonJS file, runs it, and writes schemas/iptrc.schema.json.
{
  const { mkdtempSync, rmSync, writeFileSync, mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createRequire } = await import('node:module');
  const tempDir = mkdtempSync(path.join(tmpdir(), 'ipt-schema-'));
  try {
    const outfile = path.join(tempDir, 'config-json-schema.cjs');
    await build({
      absWorkingDir: root,
      entryPoints: ['server/src/rules/config-json-schema.ts'],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
    });
    const { configJsonSchemaText } = createRequire(import.meta.url)(outfile);
    mkdirSync(path.join(root, 'schemas'), { recursive: true });
    writeFileSync(path.join(root, 'schemas', 'iptrc.schema.json'), configJsonSchemaText());
    console.log('wrote schemas/iptrc.schema.json');
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}
// ---- END config JSON Schema
