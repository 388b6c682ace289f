/**
 * The npm versions the README names. npm 10.9 (what Node 20 ships): `npm ci` in a copy of the working
 * tree installs offline from npm's cache (`npm ci` before the tests filled it), its `prepare` step
 * builds dist/, and it prints no warning (npm 10 does not know `allowScripts` and says nothing about
 * it). npm 11 (what CI has; .ci/run's own `npm ci` is the full run): `npm install-scripts ls` finds no
 * dependency with an install script that the `allowScripts` policy leaves unreviewed (the cause of
 * npm 11's warning), and the policy names no package the lockfile does not have.
 * npm 10 also publishes, to a local stand-in of the registry (registry-stand-ins.ts) that must
 * receive the manifest without `scripts.prepare`
 * (scripts/npm-manifest.mjs relies on npm setting npm_command, as npm 10 and 11 both do).
 * npm 10 is installed into a temporary folder from the registry or the cache; where neither is
 * reachable that case is skipped, saying why. About two and a half minutes, most of it npm 10's `npm ci`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmRegistry } from './registry-stand-ins.js';
import { copyWorkingTree, describeRun, isGitCheckout, repoRoot, run, runAsync, tempDir } from './tools.js';

const NPM_10 = '10.9.9';
const systemNpm = run('npm', ['--version'], { cwd: repoRoot }).stdout.trim();

describe('npm 11: the allowScripts policy', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };

  it.skipIf(!systemNpm.startsWith('11.'))(`leaves no install script unreviewed (npm ${systemNpm} install-scripts ls), so npm ci does not warn`, () => {
    const ran = run('npm', ['install-scripts', 'ls', '--json'], { cwd: repoRoot });
    expect(ran.code, describeRun(ran)).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({ allowScripts: [] });
  });

  it('names exactly the locked packages that have install scripts', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== '' && entry.hasInstallScript)
      .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(Object.keys(manifest.allowScripts).sort()).toEqual([...new Set(withScripts)].sort());
    expect(manifest.allowScripts.esbuild).toBe(true);
  });
});

describe.skipIf(!isGitCheckout())(`npm ${NPM_10} (what Node 20 ships)`, () => {
  const work = tempDir('npm-10');
  /** npm 10's CLI and the project its npm ci installed, for the publish case. */
  let npm10: { cli: string; project: string } | undefined;

  it('runs npm ci offline, builds dist/ through prepare, and warns about nothing', (ctx) => {
    const prefix = path.join(work, 'npm10');
    const installed = run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `npm@${NPM_10}`], { cwd: work, timeout: 240_000 });
    if (installed.code !== 0) {
      console.warn(`npm ${NPM_10} could not be installed (no registry and not in the cache), so its npm ci case is skipped:\n${installed.stderr}`);
      ctx.skip();
    }
    const cli = path.join(prefix, 'node_modules', 'npm', 'bin', 'npm-cli.js');
    expect(run('node', [cli, '--version'], { cwd: work }).stdout.trim()).toBe(NPM_10);

    const project = path.join(work, 'project');
    copyWorkingTree(project);
    const ran = run('node', [cli, 'ci', '--no-audit', '--no-fund'], { cwd: project, env: { npm_config_offline: 'true' }, timeout: 540_000 });
    expect(ran.code, describeRun(ran)).toBe(0);
    for (const file of ['dist/index.js', 'dist/cli.js', 'dist/server.js', 'schemas/iptrc.schema.json']) expect(existsSync(path.join(project, file)), file).toBe(true);
    expect(ran.stderr).not.toMatch(/npm (warn|ERR)/i);
    const lint = run('node', ['bin/ipt.js', 'lint', 'samples/acute-grief-dated.ipt'], { cwd: project });
    expect(lint.code, describeRun(lint)).toBe(0);
    npm10 = { cli, project };
  }, 600_000);

  // A real publish rather than --dry-run (npm 11 runs that one): the same scripts, and the upload shows
  // the manifest the registry would keep. Each publish builds first (prepublishOnly): about 30 s.
  it('publishes to a local stand-in of the registry the manifest without scripts.prepare, and puts package.json back', async (ctx) => {
    if (!npm10) return ctx.skip();
    const { cli, project } = npm10;
    const source = readFileSync(path.join(project, 'package.json'), 'utf8');
    const registry = await npmRegistry();
    try {
      const host = registry.url.replace(/^http:/, '');
      const ran = await runAsync('node', [cli, 'publish', '--registry', `${registry.url}/`, `--${host}/:_authToken=stand-in-token`], { cwd: project, timeout: 200_000 });
      expect(ran.code, describeRun(ran)).toBe(0);
      const put = registry.uploads.find((u) => u.method === 'PUT');
      const { name, version } = JSON.parse(source) as { name: string; version: string };
      const published = (JSON.parse(put!.body.toString('utf8')) as { versions: Record<string, { main: string; scripts: Record<string, string> }> }).versions[version];
      expect(published.scripts.prepare, `${name}@${version} was published with scripts.prepare`).toBeUndefined();
      expect(published.main).toBe('./dist/index.js');
    } finally {
      await registry.close();
    }
    expect(readFileSync(path.join(project, 'package.json'), 'utf8')).toBe(source);
  }, 420_000);
});
