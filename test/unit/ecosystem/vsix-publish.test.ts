/**
 * The extension's publishing routes with their real clients, as far as they go offline. The .vsix is
 * made as `npm run package` makes it (scripts/package-vsix.mjs: vsce package of the staged folder);
 * vsce reads it back with the reader `vsce publish --packagePath` uses (the manifest validated for
 * packaging, the Marketplace metadata in extension.vsixmanifest, every file); then
 * `vsce publish --packagePath` and `ovsx publish --packagePath` upload it to local stand-ins of the
 * Visual Studio Marketplace and Open VSX (registry-stand-ins.ts), which must receive that same file.
 * ovsx is pinned to ~1.1, the last release that runs on Node 20. Needs dist/ built; about 20 s.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marketplace, openVsx, type StandIn } from './registry-stand-ins.js';
import { describeRun, repoRoot, run, runAsync, tempDir } from './tools.js';

interface VsixPackage {
  manifest: Record<string, any>;
  xmlManifest: { PackageManifest: { Metadata: { Properties: { Property: { $: { Id: string; Value: string } }[] }[] }[]; Assets: { Asset: { $: { Type: string; Path: string } }[] }[] } };
}
// vsce's own zip reader (no `exports` map, so its modules can be required): what `vsce publish --packagePath` reads.
const { readVSIXPackage, readZip } = require('@vscode/vsce/out/zip.js') as {
  readVSIXPackage(file: string): Promise<VsixPackage>;
  readZip(file: string, filter: (name: string) => boolean): Promise<Map<string, Buffer>>;
};

const source = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, any>;
const id = `${source.publisher}.${source.name}`;
const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
const ovsx = path.join(repoRoot, 'node_modules', 'ovsx', 'bin', 'ovsx');

describe('the .vsix and its publishing routes (vsce, ovsx)', { timeout: 120_000 }, () => {
  const work = tempDir('vsix-publish');
  const vsix = path.join(work, `${source.name}-${source.version}.vsix`);
  let read: VsixPackage;
  let files: string[];

  beforeAll(async () => {
    for (const bundle of ['extension', 'client', 'server']) {
      if (!existsSync(path.join(repoRoot, 'dist', `${bundle}.js`))) throw new Error(`Build first (npm run build): dist/${bundle}.js is missing`);
    }
    const packaged = run(process.execPath, [path.join(repoRoot, 'scripts', 'package-vsix.mjs'), '--out', vsix], { cwd: repoRoot });
    if (packaged.code !== 0) throw new Error(`scripts/package-vsix.mjs failed\n${describeRun(packaged)}`);
    read = await readVSIXPackage(vsix);
    files = [...(await readZip(vsix, () => true)).keys()];
  }, 180_000);

  it('holds the extension manifest: the VS Code bundles as main and browser, none of npm’s fields', () => {
    expect(read.manifest.main).toBe('./dist/extension.js');
    expect(read.manifest.browser).toBe('./dist/client.js');
    for (const key of ['files', 'exports', 'types', 'bin', 'scripts', 'dependencies', 'devDependencies']) expect(read.manifest, key).not.toHaveProperty(key);
    expect(read.manifest.contributes).toEqual(source.contributes);
  });

  it('gives the Marketplace its links (bugs, homepage, repository, Q & A), the banner and the changelog', () => {
    const properties = Object.fromEntries(read.xmlManifest.PackageManifest.Metadata[0].Properties[0].Property.map((p) => [p.$.Id, p.$.Value]));
    expect(properties['Microsoft.VisualStudio.Services.Links.Support']).toBe(source.bugs.url);
    expect(properties['Microsoft.VisualStudio.Services.Links.Learn']).toBe(source.homepage);
    expect(properties['Microsoft.VisualStudio.Services.Links.Source']).toBe(source.repository.url.replace(/^git\+/, ''));
    expect(properties['Microsoft.VisualStudio.Services.CustomerQnALink']).toBe(source.qna);
    expect(properties['Microsoft.VisualStudio.Services.Branding.Color']).toBe(source.galleryBanner.color);
    expect(properties['Microsoft.VisualStudio.Services.Branding.Theme']).toBe(source.galleryBanner.theme);
    const assets = read.xmlManifest.PackageManifest.Assets[0].Asset.map((a) => a.$);
    const changelog = assets.find((a) => a.Type === 'Microsoft.VisualStudio.Services.Content.Changelog');
    expect(changelog?.Path).toBe('extension/changelog.md');
    expect(files).toContain('extension/changelog.md');
  });

  it('carries the bundles VS Code loads and not the npm package’s library, types or CLI', () => {
    for (const file of ['extension/dist/extension.js', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/readme.md', 'extension/license.txt']) expect(files, file).toContain(file);
    expect(files.filter((f) => /^extension\/(dist\/(index|cli)\.|bin\/|node_modules\/|server\/|test\/)/.test(f))).toEqual([]);
  });

  describe('publishing', () => {
    let standIns: StandIn[] = [];
    afterAll(async () => {
      await Promise.all(standIns.map((s) => s.close()));
    });

    it('`vsce publish --packagePath` uploads the .vsix unchanged (to a stand-in of the Marketplace)', async () => {
      const gallery = await marketplace();
      standIns.push(gallery);
      const ran = await runAsync(process.execPath, [vsce, 'publish', '--packagePath', vsix, '--pat', 'stand-in-token'], { cwd: work, env: { VSCE_MARKETPLACE_URL: gallery.url, VSCE_TESTS: '1' } });
      expect(ran.code, describeRun(ran)).toBe(0);
      expect(ran.stdout).toContain(`Published ${id} v${source.version}`);
      const posted = gallery.uploads.filter((u) => u.method === 'POST');
      expect(posted).toHaveLength(1);
      expect(posted[0].body.equals(readFileSync(vsix))).toBe(true);
    });

    it('`ovsx publish --packagePath` uploads the .vsix unchanged (to a stand-in of Open VSX), on Node 20', async () => {
      const ovsxManifest = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', 'ovsx', 'package.json'), 'utf8')) as { engines: { node: string } };
      expect(ovsxManifest.engines.node.replace(/\s/g, '')).toBe('>=20');
      const registry = await openVsx({ namespace: source.publisher, name: source.name, version: source.version });
      standIns.push(registry);
      const ran = await runAsync(process.execPath, [ovsx, 'publish', '--packagePath', vsix, '--pat', 'stand-in-token', '--registryUrl', registry.url], { cwd: work });
      expect(ran.code, describeRun(ran)).toBe(0);
      expect(ran.stdout).toContain(`Published ${id} v${source.version}`);
      expect(registry.uploads).toHaveLength(1);
      expect(registry.uploads[0].url).toMatch(/^\/api\/-\/publish\?token=stand-in-token$/);
      expect(registry.uploads[0].body.equals(readFileSync(vsix))).toBe(true);
    });
  });
});
