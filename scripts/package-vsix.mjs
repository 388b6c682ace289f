// Writes ipt-plan-<version>.vsix with @vscode/vsce from the already built dist/ (see `npm run package`).
//
// Why a staging folder: package.json's "files" list is for the npm package (the CLI and library),
// and vsce refuses to package when both "files" and .vscodeignore exist. So the extension is packed
// from a copy whose package.json has no "files" (and no scripts: everything is built already);
// .vscodeignore decides what goes in, as usual. `--no-dependencies`: the bundles carry everything.
//   node scripts/package-vsix.mjs            → ipt-plan-<version>.vsix in the project folder
//   node scripts/package-vsix.mjs --ls       → only list the files that would be packed
//   node scripts/package-vsix.mjs --web      → ipt-plan-web-<version>.vsix: the same package without the
//       desktop entry (`main`), so VS Code runs it in its web-worker extension host, as vscode.dev and
//       github.dev do. The tests install it into code-server to prove the web build in a real workbench.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const listOnly = process.argv.includes('--ls');
const webOnly = process.argv.includes('--web');
const skipped = new Set(['node_modules', '.git', '.cache', 'coverage']);

for (const bundle of ['extension', 'client', 'server']) {
  if (!existsSync(path.join(root, 'dist', `${bundle}.js`))) {
    console.error(`dist/${bundle}.js is missing: run \`node scripts/build.mjs\` first (npm run package does).`);
    process.exit(1);
  }
}

const stage = mkdtempSync(path.join(tmpdir(), 'ipt-vsix-'));
for (const entry of readdirSync(root)) {
  if (skipped.has(entry) || entry.endsWith('.vsix')) continue;
  cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
}
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
delete manifest.files;
delete manifest.scripts;
delete manifest.devDependencies;
delete manifest.dependencies; // bundled into dist/
if (webOnly) {
  delete manifest.main;
  manifest.displayName = `${manifest.displayName} (web build)`;
}
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const out = path.join(root, `${manifest.name}${webOnly ? '-web' : ''}-${manifest.version}.vsix`);
const args = listOnly ? ['ls', '--no-dependencies'] : ['package', '--no-dependencies', '--out', out];
const result = spawnSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
process.exit(result.status ?? 1);
