// The size of the packaged extension (goal ≤ 500 KB) and what costs what.
//   node bench/vsix.mjs            measure ipt-plan-<version>.vsix (run `npm run package` first; `npm run bench` does)
//   node bench/vsix.mjs --json     the same as JSON
// Reports: the .vsix size; each file's compressed size inside it; and, per bundle, the minified
// bytes each npm package or source folder contributes (esbuild's metafile, same options as the build),
// with the bundle's deflate ratio to estimate its compressed share.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain } from './lib.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
const asJson = process.argv.includes('--json');
const kb = (bytes) => Math.round(bytes / 102.4) / 10;

/** The zip's entries from its central directory: name, compressed and uncompressed size. */
function zipEntries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const compressed = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    entries.push({ name: buffer.toString('utf8', at + 46, at + 46 + nameLength), compressed, size });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const common = { absWorkingDir: root, bundle: true, minify: true, write: false, metafile: true, logLevel: 'silent', external: ['vscode'], define: { 'process.env.IPT_SKIP_GRAMMAR_VALIDATION': '"1"' } };
const bundles = [
  { name: 'dist/extension.js', entry: 'client/src/extension.ts', options: { platform: 'node', format: 'cjs', mainFields: ['module', 'main'] } },
  { name: 'dist/client.js', entry: 'client/src/client-bundle.ts', options: { platform: 'node', format: 'cjs', conditions: ['browser'], mainFields: ['module', 'main'] } },
  { name: 'dist/server.js', entry: 'server/src/lsp/main.ts', options: { platform: 'node', format: 'cjs', conditions: ['browser'], mainFields: ['module', 'main'] } },
];

/** node_modules/<package> or the source folder (server/src/<dir>, client/src). */
function ownerOf(input) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return pkg[1];
  const source = /^(server\/src\/[^/]+|client\/src)/.exec(input);
  return source ? source[1].replace(/\.ts$/, '') : input;
}

async function breakdown({ name, entry, options }) {
  const result = await build({ ...common, ...options, entryPoints: [entry], outfile: 'out.js' });
  const output = result.outputFiles[0].contents;
  const ratio = deflateRawSync(output, { level: 9 }).length / output.length;
  const byOwner = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(result.metafile.outputs['out.js'].inputs)) {
    const owner = ownerOf(input);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + bytesInOutput);
  }
  const parts = [...byOwner].sort((a, b) => b[1] - a[1]).map(([owner, bytes]) => ({ owner, kb: kb(bytes), estimatedCompressedKb: kb(bytes * ratio) }));
  return { name, minifiedKb: kb(output.length), compressedKb: kb(output.length * ratio), parts };
}

export async function benchVsix() {
  if (!existsSync(vsix)) throw new Error(`${path.basename(vsix)} not found: run \`npm run package\` first.`);
  const entries = zipEntries(readFileSync(vsix));
  const total = readFileSync(vsix).length;
  const report = {
    vsix: path.basename(vsix),
    vsixKb: kb(total),
    goalKb: 500,
    files: entries.length,
    largest: entries.sort((a, b) => b.compressed - a.compressed).slice(0, 8).map((e) => ({ file: e.name, compressedKb: kb(e.compressed), sizeKb: kb(e.size) })),
    bundles: await Promise.all(bundles.filter((b) => existsSync(path.join(root, b.entry))).map(breakdown)),
  };
  return { keys: { vsix_kb: report.vsixKb }, details: report };
}

if (isMain(import.meta.url)) {
  const report = (await benchVsix()).details;
  if (asJson) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`${report.vsix}: ${report.vsixKb} KB (${report.files} files; goal ≤ ${report.goalKb} KB${report.vsixKb <= report.goalKb ? ', met' : ', NOT met'})`);
    console.log('\nlargest files in the package (compressed / uncompressed):');
    for (const e of report.largest) console.log(`  ${e.file.padEnd(44)} ${String(e.compressedKb).padStart(7)} KB / ${e.sizeKb} KB`);
    for (const b of report.bundles) {
      console.log(`\n${b.name}: ${b.minifiedKb} KB minified, ~${b.compressedKb} KB compressed`);
      for (const p of b.parts.slice(0, 8)) console.log(`  ${p.owner.padEnd(40)} ${String(p.kb).padStart(7)} KB  (~${p.estimatedCompressedKb} KB compressed)`);
    }
  }
}
