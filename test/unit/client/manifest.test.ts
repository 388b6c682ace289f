import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BUDGET_SECONDS, MAX_BUDGET_SECONDS, MIN_BUDGET_SECONDS } from '../../../server/src/lsp/analysis-setup.js';
import { describe, expect, it } from 'vitest';
import { extensionManifest } from '../../../scripts/extension-manifest.mjs';

const root = path.resolve(__dirname, '../../..');
const source = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
/** The extension's manifest, as scripts/package-vsix.mjs stages it from package.json. */
const manifest = extensionManifest(source);
const activation = readFileSync(path.join(root, 'client/src/activate-common.ts'), 'utf8');
const contributes = manifest.contributes;
const commandIds: string[] = contributes.commands.map((c: { command: string }) => c.command);

describe('the extension manifest (package.json, staged by scripts/extension-manifest.mjs)', () => {
  it('points main and browser at the bundles the build writes (the root manifest\'s main is the library)', () => {
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.browser).toBe('./dist/client.js');
    expect(source.main).toBe('./dist/index.js');
    expect(source.browser).toBeUndefined();
    const build = readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8');
    expect(build).toContain("out: 'extension'");
    expect(build).toContain("outfile: 'dist/client.js'");
  });

  it('leaves out what only npm reads, keeps the rest of package.json, and has a web-only variant without main', () => {
    for (const key of ['files', 'exports', 'types', 'bin', 'scripts', 'dependencies', 'devDependencies', 'allowScripts']) expect(manifest, key).not.toHaveProperty(key);
    for (const key of ['name', 'version', 'publisher', 'engines', 'icon', 'repository', 'contributes', 'activationEvents', 'capabilities']) expect(manifest[key], key).toEqual(source[key]);
    const web = extensionManifest(source, { web: true });
    expect(web.main).toBeUndefined();
    expect(web.browser).toBe('./dist/client.js');
    expect(web.displayName).toBe(`${source.displayName} (web build)`);
  });

  it('has what the Marketplace and Open VSX show: bugs, homepage, a gallery banner and a Q & A link', () => {
    expect(manifest.bugs).toEqual({ url: 'https://github.com/ipt-plan/ipt-plan/issues' });
    expect(manifest.homepage).toBe('https://github.com/ipt-plan/ipt-plan#readme');
    expect(manifest.galleryBanner).toEqual({ color: expect.stringMatching(/^#[0-9A-Fa-f]{6}$/), theme: 'dark' });
    expect(() => new URL(manifest.qna)).not.toThrow();
    expect(manifest.license).toBe('MIT');
  });

  it('activates only for plans, a workspace with plans, and a restored preview (commands activate implicitly)', () => {
    expect(manifest.activationEvents).toEqual(['onLanguage:ipt', 'workspaceContains:**/*.ipt', 'onWebviewPanel:ipt.preview']);
  });

  it('supports untrusted and virtual workspaces', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(manifest.capabilities.virtualWorkspaces).toBe(true);
  });

  it('contributes the ipt language with its grammar (source.ipt), configuration and snippets', () => {
    expect(contributes.languages[0]).toMatchObject({ id: 'ipt', extensions: ['.ipt'], configuration: './syntaxes/language-configuration.json' });
    expect(contributes.grammars[0]).toEqual({ language: 'ipt', scopeName: 'source.ipt', path: './syntaxes/ipt.tmLanguage.json' });
    expect(contributes.snippets[0]).toEqual({ language: 'ipt', path: './syntaxes/ipt.snippets.json' });
  });

  it('names language files and icons that exist: a 128×128 PNG icon and a 16×16 SVG file icon', () => {
    for (const file of [contributes.grammars[0].path, contributes.languages[0].configuration, contributes.snippets[0].path, contributes.languages[0].icon.light, contributes.languages[0].icon.dark, manifest.icon]) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
    const png = readFileSync(path.join(root, manifest.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    const svg = readFileSync(path.join(root, contributes.languages[0].icon.light), 'utf8');
    expect(svg).toContain('viewBox="0 0 16 16"');
    expect(svg).not.toMatch(/<script|href=/i);
  });

  it('puts every command under the IPT category, and registers each one', () => {
    for (const command of contributes.commands) {
      expect(command.category, command.command).toBe('IPT');
      expect(activation, `${command.command} is registered`).toContain(`'${command.command}'`);
    }
    expect(commandIds).toEqual(
      expect.arrayContaining([
        'ipt.preview.open',
        'ipt.preview.openToSide',
        'ipt.newPlan',
        'ipt.export.html',
        'ipt.export.markdown',
        'ipt.export.fhir',
        'ipt.fixAll',
        'ipt.showRuleDocumentation',
        'ipt.validateWorkspace',
      ]),
    );
  });

  it('shows menu entries only for known commands, each with a when clause', () => {
    for (const [menu, entries] of Object.entries(contributes.menus) as [string, { command: string; when?: string }[]][]) {
      for (const entry of entries) {
        expect(commandIds, `${menu}: ${entry.command}`).toContain(entry.command);
        expect(entry.when, `${menu}: ${entry.command}`).toBeTruthy();
      }
    }
  });

  it('has editor settings only (rules stay in .iptrc.json), trace included', () => {
    const keys = Object.keys(contributes.configuration.properties);
    expect(keys).toContain('ipt.trace.server');
    for (const key of keys) expect(key).toMatch(/^ipt\.(trace|preview|server)\./);
  });

  it('keeps the time budget out of the workspace’s reach (machine scope, bounded like the server)', () => {
    const budget = contributes.configuration.properties['ipt.server.timeBudget'];
    expect(budget).toMatchObject({ type: 'number', default: DEFAULT_BUDGET_SECONDS, minimum: MIN_BUDGET_SECONDS, maximum: MAX_BUDGET_SECONDS, scope: 'machine' });
  });

  it('uses @types/vscode no newer than engines.vscode, and languageclient 10.1', () => {
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    const types = source.devDependencies['@types/vscode'].replace(/^[~^]/, '');
    const [a, b] = [engine, types].map((v: string) => v.split('.').map(Number));
    expect(b[0] * 1000 + b[1]).toBeLessThanOrEqual(a[0] * 1000 + a[1]);
    expect(source.devDependencies['vscode-languageclient']).toMatch(/^~10\.1\./);
    expect(source.scripts.package).toContain('package-vsix.mjs');
    expect(manifest.repository).toBeTruthy();
  });
});
