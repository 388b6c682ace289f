// Writes ipt-plan-<version>.vsix with @vscode/vsce from the already built dist/ (see `npm run package`).
//
// Why a staging folder: package.json's "files" list is for the npm package (the CLI and library),
// and vsce refuses to package when both "files" and .vscodeignore exist. So the extension is packed
// from a copy whose package.json has no "files" (and no scripts: everything is built already);
// .vscodeignore decides what goes in, as usual. `--no-dependencies`: the bundles carry everything.
//   node scripts/package-vsix.mjs            → ipt-plan-<version>.vsix in the project folder
//   node scripts/package-vsix.mjs --ls       → only list the files that would be packed
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const listOnly = process.argv.includes('--ls');
const skipped = new Set(['node_modules', '.git', '.cache', 'coverage']);

for (const bundle of ['extension', 'browser-extension', 'server', 'browser-server']) {
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
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const out = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
const args = listOnly ? ['ls', '--no-dependencies'] : ['package', '--no-dependencies', '--out', out];
const result = spawnSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
process.exit(result.status ?? 1);
