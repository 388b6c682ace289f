// The package.json the npm package ships: the project's own, without `scripts.prepare`.
//
// `prepare` builds dist/ when the project is installed from git or from a folder (npm runs it there,
// and in a clone's `npm ci`). A tarball is installed as it is, already built, and npm never runs its
// `prepare`; but npm 11 lists the `prepare` of anything not installed from the registry (a tarball
// file, a URL, git) among the install scripts the user must approve, so a shipped `prepare` would
// make `npm install ./ipt-plan-<version>.tgz` (and pre-commit's install, which is one) warn.
//
// npm packs the project folder as it is on disk, so package.json is rewritten for the moment of
// packing and put back afterwards (the same byte for byte):
//   node scripts/npm-manifest.mjs strip     `prepack`: keeps the source in .cache/, removes `prepare`
//   node scripts/npm-manifest.mjs restore   `postpack`, and `postpublish` for `npm publish`, which
//                                           reads package.json again after packing, for the registry's
//                                           copy of the manifest: that copy must match the tarball's
// A pack or publish that fails between the two leaves the source in .cache/; the next `strip`
// restores it first (and says so), and so does `restore`.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifestFile = path.join(root, 'package.json');
const sourceFile = path.join(root, '.cache', 'package.json.source');
/** What `npm run build` makes that the package needs: packing without them gives a package that cannot run. */
const built = ['dist/index.js', 'dist/index.mjs', 'dist/index.d.ts', 'dist/index.d.mts', 'dist/cli.js', 'dist/server.js', 'schemas/iptrc.schema.json'];

/** The manifest text without `scripts.prepare`: its one line removed, so the rest keeps its layout. */
export function withoutPrepare(text) {
  const manifest = JSON.parse(text);
  if (manifest.scripts?.prepare === undefined) return text;
  const stripped = text.replace(/^[ \t]*"prepare": "(?:[^"\\]|\\.)*",?\r?\n/m, '');
  const expected = structuredClone(manifest);
  delete expected.scripts.prepare;
  let parsed;
  try {
    parsed = JSON.parse(stripped);
  } catch {
    parsed = undefined;
  }
  // A layout the line edit does not fit (e.g. `prepare` last, leaving a trailing comma): rewrite it all.
  return JSON.stringify(parsed) === JSON.stringify(expected) ? stripped : `${JSON.stringify(expected, null, 2)}\n`;
}

function restore() {
  if (!existsSync(sourceFile)) return false;
  renameSync(sourceFile, manifestFile);
  return true;
}

function strip() {
  if (restore()) console.error('ipt-plan: put back package.json from .cache/ (an earlier npm pack or publish stopped before it could)');
  const missing = built.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0) {
    console.error(`ipt-plan: ${missing.join(', ')} not built: run \`npm run build\` before packing (npm publish builds first).`);
    process.exit(1);
  }
  const text = readFileSync(manifestFile, 'utf8');
  mkdirSync(path.dirname(sourceFile), { recursive: true });
  writeFileSync(sourceFile, text);
  writeFileSync(manifestFile, withoutPrepare(text));
}

function main(command) {
  if (command === 'strip') strip();
  else if (command === 'restore') {
    // `npm publish` packs (prepack, postpack) and then reads package.json for the registry: keep the
    // packed one until `postpublish`.
    if (!(process.env.npm_lifecycle_event === 'postpack' && process.env.npm_command === 'publish')) restore();
  } else {
    console.error('Usage: node scripts/npm-manifest.mjs strip|restore');
    process.exit(2);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv[2]);
