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
  minify: !dev,
  sourcemap: dev,
  sourcesContent: false,
  logLevel: 'warning',
  // Production bundles skip Chevrotain's grammar validations (tests run them; see parser.ts).
  define: { 'process.env.IPT_SKIP_GRAMMAR_VALIDATION': dev ? 'undefined' : '"1"' },
});

console.log(`built ${nodeEntries.map((e) => `dist/${e.out}.js`).join(', ')}`);
