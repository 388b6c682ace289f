// The VS Code extension's manifest and folder, made from the project's package.json.
//
// package.json at the root is the npm package's manifest: `npm publish` publishes it as it is (less
// `scripts.prepare`, see npm-manifest.mjs), with `main` the library. It also holds the fields only
// VS Code reads (contributes, activationEvents, publisher, galleryBanner, …), which npm ignores. The
// extension's manifest is that file with `main` and `browser` pointed at the VS Code bundles and
// the npm-only fields left out; it exists only in the staging folder vsce packs (and VS Code can run
// the extension from: --extensionDevelopmentPath=<folder>). Two manifests from one file, so a
// version, a description or a command is written once.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The desktop entry (Node extension host) and the web entry (web-worker extension host), as scripts/build.mjs writes them. */
export const EXTENSION_MAIN = './dist/extension.js';
export const EXTENSION_BROWSER = './dist/client.js';

/** What only npm reads, or only this repository's development. */
const npmOnly = ['files', 'exports', 'types', 'bin', 'sideEffects', 'scripts', 'dependencies', 'devDependencies', 'allowScripts', 'enginesNote'];

/** Folders never copied into the staging folder (.vscodeignore leaves them out of the .vsix anyway). */
const skipped = new Set(['node_modules', '.git', '.cache', 'coverage']);

/**
 * The extension's package.json. `web`: without the desktop entry, so VS Code runs it in its
 * web-worker extension host, as vscode.dev and github.dev do.
 */
export function extensionManifest(source = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')), { web = false } = {}) {
  const manifest = Object.fromEntries(Object.entries(source).filter(([key]) => key !== 'main' && !npmOnly.includes(key)));
  if (!web) manifest.main = EXTENSION_MAIN;
  manifest.browser = EXTENSION_BROWSER;
  if (web) manifest.displayName = `${manifest.displayName} (web build)`;
  return manifest;
}

/** Copies the project (without node_modules and the like) into `dir` and writes the extension's manifest there. */
export function stageExtension(dir, { web = false } = {}) {
  for (const entry of readdirSync(root)) {
    if (skipped.has(entry) || entry.endsWith('.vsix') || entry.endsWith('.tgz')) continue;
    cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  const manifest = extensionManifest(undefined, { web });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
