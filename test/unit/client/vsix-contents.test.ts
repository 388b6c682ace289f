// Runs `vsce ls` (through scripts/package-vsix.mjs --ls, the same staging `npm run package` uses) and
// checks that the package holds what VS Code loads and nothing else. Needs dist/ built (`npm test` builds it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const bundles = ['dist/extension.js', 'dist/client.js', 'dist/server.js'];

describe('the .vsix contents (vsce ls)', () => {
  it('holds only the bundles, media, language files, schema, rule docs and the package documents', { timeout: 60_000 }, () => {
    const missing = bundles.filter((file) => !existsSync(path.join(root, file)));
    expect(missing, 'build first: node scripts/build.mjs').toEqual([]);
    const result = spawnSync(process.execPath, ['scripts/package-vsix.mjs', '--ls'], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const files = result.stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('warning:'));
    for (const file of [...bundles, 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'client/media/preview.js', 'client/media/preview.css', 'client/media/plan.css', 'schemas/iptrc.schema.json', 'docs/rules/syntax.md']) {
      expect(files, file).toContain(file);
    }
    // The language files and icons the manifest names (and not their sources).
    for (const file of ['syntaxes/ipt.tmLanguage.json', 'syntaxes/language-configuration.json', 'syntaxes/ipt.snippets.json', 'client/media/icon.png', 'client/media/file-icon.svg']) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((file) => file.startsWith('syntaxes/src/') || file.startsWith('client/media/source/'))).toEqual([]);
    const allowed = [
      /^dist\/(extension|client|server)\.js$/,
      /^client\/media\/[\w-]+\.(css|js|svg|png)$/,
      /^syntaxes\/(ipt\.tmLanguage|language-configuration|ipt\.snippets)\.json$/,
      /^schemas\/iptrc\.schema\.json$/,
      /^docs\/rules\/[\w-]+\.md$/,
      /^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/,
    ];
    expect(files.filter((file) => !allowed.some((pattern) => pattern.test(file)))).toEqual([]);
    expect(files.some((file) => /\.(ts|map)$/.test(file) || file.startsWith('node_modules/') || file.startsWith('test/'))).toBe(false);
  });
});
