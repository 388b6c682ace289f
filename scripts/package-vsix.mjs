// Writes ipt-plan-<version>.vsix with @vscode/vsce from the already built dist/ (see `npm run package`).
//
// vsce packs a staging folder whose package.json is the extension's manifest (made from the root
// package.json by extension-manifest.mjs: `main` and `browser` are the VS Code bundles, npm's fields
// are left out), so .vscodeignore alone decides what goes in. `--no-dependencies`: the bundles carry
// everything. The .vsix is what `vsce publish --packagePath` and `ovsx publish --packagePath` publish
// (docs/publishing.md).
//   node scripts/package-vsix.mjs              → ipt-plan-<version>.vsix in the project folder
//   node scripts/package-vsix.mjs --ls         → only list the files that would be packed (vsce ls)
//   node scripts/package-vsix.mjs --web        → ipt-plan-web-<version>.vsix: the same package without the
//       desktop entry (`main`), so VS Code runs it in its web-worker extension host, as vscode.dev and
//       github.dev do. The tests install it into code-server to prove the web build in a real workbench.
//   node scripts/package-vsix.mjs --out FILE   → the .vsix (or with --web, the web-only one) at FILE instead
//   node scripts/package-vsix.mjs --stage DIR  → only the staging folder, in DIR (empty or new): the
//       extension as VS Code runs it in development (`code --extensionDevelopmentPath=DIR`)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, stageExtension } from './extension-manifest.mjs';

const args = process.argv.slice(2);
const listOnly = args.includes('--ls');
const webOnly = args.includes('--web');
const valueOf = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const stageAt = valueOf('--stage');
const outFile = valueOf('--out');
for (const [flag, value, what] of [['--stage', stageAt, 'a folder'], ['--out', outFile, 'a file']]) {
  if (args.includes(flag) && !value) {
    console.error(`${flag} needs ${what}: node scripts/package-vsix.mjs ${flag} ${what === 'a folder' ? 'DIR' : 'FILE'}`);
    process.exit(2);
  }
}

for (const bundle of ['extension', 'client', 'server']) {
  if (!existsSync(path.join(root, 'dist', `${bundle}.js`))) {
    console.error(`dist/${bundle}.js is missing: run \`node scripts/build.mjs\` first (npm run package does).`);
    process.exit(1);
  }
}

if (stageAt) {
  const dir = path.resolve(stageAt);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    console.error(`${dir} is not empty: --stage writes a new folder.`);
    process.exit(1);
  }
  mkdirSync(dir, { recursive: true });
  stageExtension(dir, { web: webOnly });
  console.log(dir);
  process.exit(0);
}

const stage = mkdtempSync(path.join(tmpdir(), 'ipt-vsix-'));
const manifest = stageExtension(stage, { web: webOnly });
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const out = outFile ? path.resolve(outFile) : path.join(root, `${manifest.name}${webOnly ? '-web' : ''}-${manifest.version}.vsix`);
const vsceArgs = listOnly ? ['ls', '--no-dependencies'] : ['package', '--no-dependencies', '--out', out];
const result = spawnSync(process.execPath, [vsce, ...vsceArgs], { cwd: stage, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
process.exit(result.status ?? 1);
