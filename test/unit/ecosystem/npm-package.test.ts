/**
 * The npm package as its users' tools see it: `npm pack` of a copy of the project (scripts on, as a
 * user packs it), installed from the tarball into a fresh project with npm 11 (offline from npm's
 * cache where it can), then `npx ipt lint`, `ipt render --to fhir` and the shipped FHIR code systems
 * (both FHIR validators, as test/unit/render/fhir-validate.ts runs them), `require`, `import`, `tsc --strict` against the packed
 * declarations with node16, nodenext and bundler resolution, and the packaging linters publint and
 * @arethetypeswrong/cli. Then `npm publish --dry-run`, and a real `npm publish` to a local stand-in
 * of the registry (registry-stand-ins.ts), which shows the manifest the registry would keep. Needs
 * `npm run build` first (npm test does it); packs what is built. About a minute, half of it the two
 * publishes (each builds first, as prepublishOnly asks).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirProblems } from '../render/fhir-validate.js';
import { npmRegistry, type StandIn } from './registry-stand-ins.js';
import { copyProject, describeRun, missingBuild, packTarball, repoRoot, run, runAsync, tempDir } from './tools.js';

type Manifest = Record<string, any>;
const sourceText = readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
const manifest = JSON.parse(sourceText) as Manifest;
/** The manifest the package must ship: the source without `scripts.prepare` (scripts/npm-manifest.mjs). */
const shipped = (() => {
  const m = structuredClone(manifest);
  delete m.scripts.prepare;
  return m;
})();
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);
const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

const badPlan = readFileSync(path.join(repoRoot, 'samples', 'rules', 'session-count.ipt'), 'utf8');
const cleanPlan = readFileSync(path.join(repoRoot, 'samples', 'acute-grief-dated.ipt'), 'utf8');

// Each test runs npm, node or tsc as a child process: minutes, not seconds, on a busy 2-core machine.
describe('the npm package', { timeout: 180_000 }, () => {
  const work = tempDir('npm-package');
  const app = path.join(work, 'app');
  let packed: { tarball: string; files: string[] };
  let installed: { stdout: string; stderr: string };

  beforeAll(() => {
    const missing = missingBuild();
    if (missing.length) throw new Error(`Build first (npm run build): missing ${missing.join(', ')}`);
    packed = packTarball(work);
    mkdirSync(path.join(app, 'plans'), { recursive: true });
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    writeFileSync(path.join(app, 'plans', 'bad.ipt'), badPlan);
    writeFileSync(path.join(app, 'plans', 'clean.ipt'), cleanPlan);
    const ran = run('npm', ['install', '--no-audit', '--no-fund', packed.tarball], { cwd: app });
    if (ran.code !== 0) throw new Error(`npm install of the tarball failed\n${describeRun(ran)}`);
    installed = ran;
  }, 300_000);

  it('ships the library (CommonJS, ES module, declarations), the CLI, the server, docs, schemas and the changelog', () => {
    for (const file of ['dist/index.js', 'dist/index.mjs', 'dist/index.d.ts', 'dist/index.d.mts', 'dist/cli.js', 'dist/server.js', 'bin/ipt.js', 'bin/ipt-language-server.js', 'docs/rules/session-count.md', 'schemas/iptrc.schema.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
      expect(packed.files, file).toContain(file);
    }
    // Not the VS Code bundles (the .vsix has them), per-file declarations, source maps or screenshots.
    expect(packed.files.filter((f) => /^dist\/(extension|client)\.js$|^dist\/types\/|\.map$|^docs\/images\//.test(f))).toEqual([]);
    expect(packed.files.some((f) => f.startsWith('server/') || f.startsWith('test/') || f.startsWith('scripts/'))).toBe(false);
  });

  it('lists no stale entry in `files`: each one matches something packed', () => {
    for (const entry of manifest.files.filter((e: string) => !e.startsWith('!'))) {
      const match = picomatch([entry, `${entry}/**`]);
      expect(packed.files.some((f) => match(f)), `"files" entry ${entry} matches nothing`).toBe(true);
    }
  });

  it('has no runtime dependency: the bundles require only Node built-ins and the declarations import nothing', () => {
    expect(manifest.dependencies).toBeUndefined();
    expect(readFileSync(path.join(repoRoot, 'dist', 'index.d.ts'), 'utf8')).not.toMatch(/^(import|export) .* from /m);
    expect(readFileSync(path.join(repoRoot, 'dist', 'index.d.mts'), 'utf8')).toBe("export * from './index.js';\n");
    for (const file of ['dist/index.js', 'dist/cli.js', 'dist/server.js']) {
      const required = [...readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      expect(required.filter((name) => !name.startsWith('node:') && !isBuiltin(name)), file).toEqual([]);
    }
    // npm installs one package: ipt-plan itself.
    expect(readdirSync(path.join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['ipt-plan']);
  });

  it('ships package.json as it is but for scripts.prepare, so npm 11 installs the tarball without an install-script warning', () => {
    const installedManifest = JSON.parse(readFileSync(path.join(app, 'node_modules', 'ipt-plan', 'package.json'), 'utf8')) as Manifest;
    expect(installedManifest).toEqual(shipped);
    expect(installedManifest.private).toBeUndefined();
    expect(installedManifest.browser).toBeUndefined(); // it pointed at the VS Code bundle
    expect(installed.stderr).not.toMatch(/install-scripts|npm warn/i);
  });

  it('routes the library through `exports`, with `main` and `types` for older resolvers', () => {
    expect(manifest.main).toBe('./dist/index.js');
    expect(manifest.types).toBe('./dist/index.d.ts');
    expect(manifest.exports['.']).toEqual({
      import: { types: './dist/index.d.mts', default: './dist/index.mjs' },
      require: { types: './dist/index.d.ts', default: './dist/index.js' },
    });
  });

  it('`npx ipt lint` in the installed project rejects a bad plan and passes a clean one', () => {
    const bad = run('npx', ['--no-install', 'ipt', 'lint', 'plans/bad.ipt'], { cwd: app });
    expect(bad.code, describeRun(bad)).toBe(1);
    expect(bad.stdout).toContain('session-count');
    const clean = run('npx', ['--no-install', 'ipt', 'lint', 'plans/clean.ipt'], { cwd: app });
    expect(clean.code, describeRun(clean)).toBe(0);
    // The server's bin prints its usage (never the bundle's source): for --help on stdout (exit 0),
    // started without a transport on stderr as a usage error (exit 2).
    const help = run('npx', ['--no-install', 'ipt-language-server', '--help'], { cwd: app, input: '', timeout: 60_000 });
    expect(help.code, describeRun(help)).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ipt-language-server --stdio\n[^]{0,1500}$/);
    const bare = run('npx', ['--no-install', 'ipt-language-server'], { cwd: app, input: '', timeout: 60_000 });
    expect(bare.code, describeRun(bare)).toBe(2);
    expect(bare.stderr).toMatch(/^Usage: ipt-language-server --stdio\n[^]{0,1500}$/);
    expect(bare.stdout).toBe('');
  });

  it('`ipt render --to fhir` gives a CarePlan, and the package ships its code systems, all valid R4 by both FHIR validators', () => {
    const ran = run('npx', ['--no-install', 'ipt', 'render', 'plans/clean.ipt', '--to', 'fhir'], { cwd: app });
    expect(ran.code, describeRun(ran)).toBe(0);
    const carePlan = JSON.parse(ran.stdout) as Manifest;
    expect(carePlan.category[0].coding[0].code).toBe('assess-plan');
    expect(fhirProblems(carePlan)).toEqual([]);
    const shippedSystems = packed.files.filter((f) => /^docs\/fhir\/CodeSystem-.*\.json$/.test(f));
    expect(shippedSystems).toHaveLength(3);
    for (const file of shippedSystems) {
      const system = JSON.parse(readFileSync(path.join(app, 'node_modules', 'ipt-plan', file), 'utf8')) as Manifest;
      expect(fhirProblems(system), file).toEqual([]);
    }
  });

  it("require('ipt-plan') works from CommonJS", () => {
    const ran = run('node', ['-e', "const ipt = require('ipt-plan'); const a = ipt.analyse(require('fs').readFileSync('plans/bad.ipt', 'utf8')); console.log(a.diagnostics.map((d) => d.rule).join(','))"], { cwd: app });
    expect(ran.code, describeRun(ran)).toBe(0);
    expect(ran.stdout).toContain('session-count');
  });

  it("import … from 'ipt-plan' works from an ES module, sharing the CommonJS build's classes", () => {
    const script = "import { analyse, LineIndex, allRules } from 'ipt-plan'; import { createRequire } from 'node:module'; const cjs = createRequire(import.meta.url)('ipt-plan'); console.log(analyse('plan \"x\"\\n').lines instanceof cjs.LineIndex, LineIndex === cjs.LineIndex, allRules.length > 0);";
    const ran = run('node', ['--input-type=module', '-e', script], { cwd: app });
    expect(ran.code, describeRun(ran)).toBe(0);
    expect(ran.stdout.trim()).toBe('true true true');
  });

  describe('tsc --strict against the packed declarations (libraries checked)', () => {
    const esm = [
      "import { analyse, format, loadConfig, render, resolveConfig, LineIndex, type Analysis, type ConfigFile, type Diagnostic } from 'ipt-plan';",
      "const analysis: Analysis = analyse('plan \"x\"\\n');",
      'const diagnostics: Diagnostic[] = analysis.diagnostics;',
      'const lines: LineIndex = analysis.lines;',
      "const formatted = format('plan \"x\"\\n');",
      "const config: ConfigFile = { rules: { phi: 'error' }, variants: { ptsd: { extends: 'acute', sessions: { min: 8 } } }, fhir: { diagnosisCodeSystem: 'icd-10-cm' } };",
      "const html: string = render(analyse('', { config: resolveConfig(config) }), { to: 'html' });",
      "export const summary = [diagnostics.length, lines.positionAt(0).line, 'text' in formatted ? formatted.text : formatted.error, html.length, typeof loadConfig];",
      '',
    ].join('\n');
    const cjs = ["import ipt = require('ipt-plan');", "const rules: string[] = ipt.analyse('').diagnostics.map((d: ipt.Diagnostic) => d.rule);", 'export = rules;', ''].join('\n');
    const resolutions = [
      { name: 'node16', compilerOptions: { module: 'node16', moduleResolution: 'node16' }, files: { 'consumer.mts': esm, 'consumer.cts': cjs } },
      { name: 'nodenext', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' }, files: { 'consumer.mts': esm, 'consumer.cts': cjs } },
      { name: 'bundler', compilerOptions: { module: 'preserve', moduleResolution: 'bundler' }, files: { 'consumer.ts': esm } },
    ];
    for (const resolution of resolutions) {
      it(`type-checks an ES module${'consumer.cts' in resolution.files ? ' and a CommonJS' : ''} consumer with moduleResolution ${resolution.name}`, () => {
        const dir = path.join(app, `ts-${resolution.name}`);
        mkdirSync(dir, { recursive: true });
        for (const [file, text] of Object.entries(resolution.files)) writeFileSync(path.join(dir, file), text);
        const compilerOptions = { ...resolution.compilerOptions, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] };
        writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(resolution.files) }));
        const ran = run('node', [tsc, '-p', 'tsconfig.json'], { cwd: dir });
        expect(ran.code, describeRun(ran)).toBe(0);
      });
    }
  });

  it('publint finds no errors or warnings in the installed package', () => {
    const ran = run(bin('publint'), [path.join(app, 'node_modules', 'ipt-plan')], { cwd: app });
    expect(ran.code, describeRun(ran)).toBe(0);
    expect(ran.stdout).not.toMatch(/^(Errors|Warnings):/m);
  });

  it('@arethetypeswrong/cli finds no type-resolution problem in the tarball (node10, node16 CJS/ESM, bundler)', () => {
    const ran = run(bin('attw'), [packed.tarball, '--format', 'json'], { cwd: work });
    expect(ran.code, describeRun(ran)).toBe(0);
    const report = JSON.parse(ran.stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
  });
});

describe('npm publish', { timeout: 240_000 }, () => {
  const work = tempDir('npm-publish');
  let project: string;
  let registry: StandIn | undefined;
  beforeAll(() => {
    const missing = missingBuild();
    if (missing.length) throw new Error(`Build first (npm run build): missing ${missing.join(', ')}`);
    project = copyProject(path.join(work, 'project'), { link: true }); // prepublishOnly builds: it needs the build tools
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('--dry-run builds, packs what `npm pack` packs, and puts package.json back as it was', () => {
    const ran = run('npm', ['publish', '--dry-run', '--json'], { cwd: project, timeout: 200_000 });
    expect(ran.code, describeRun(ran)).toBe(0);
    expect(ran.stderr).toMatch(/Publishing to https:\/\/registry\.npmjs\.org\/ with tag latest and default access \(dry-run\)/);
    const report = jsonAfterScripts(ran.stdout) as Record<string, { name: string; files: { path: string }[] }>;
    const files = report[manifest.name].files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'dist/server.js', 'bin/ipt.js']));
    expect(files.filter((f) => /^dist\/(extension|client)\.js$/.test(f))).toEqual([]);
    expect(readFileSync(path.join(project, 'package.json'), 'utf8')).toBe(sourceText);
  });

  it('sends the registry the manifest the tarball ships (no scripts.prepare) and the tarball itself', async () => {
    registry = await npmRegistry();
    const host = registry.url.replace(/^http:/, '');
    const ran = await runAsync('npm', ['publish', '--registry', `${registry.url}/`, `--${host}/:_authToken=stand-in-token`], { cwd: project, timeout: 200_000 });
    expect(ran.code, describeRun(ran)).toBe(0);
    const put = registry.uploads.find((u) => u.method === 'PUT');
    expect(put, 'npm sent no PUT').toBeDefined();
    const packument = JSON.parse(put!.body.toString('utf8')) as { versions: Record<string, Manifest>; _attachments: Record<string, { data: string }> };
    const version = packument.versions[manifest.version];
    expect(version.scripts.prepare).toBeUndefined();
    expect(version.main).toBe('./dist/index.js');
    expect(version.dependencies).toBeUndefined();
    const tarball = Buffer.from(packument._attachments[`${manifest.name}-${manifest.version}.tgz`].data, 'base64');
    expect(createHash('sha1').update(tarball).digest('hex')).toBe(version.dist.shasum);
    writeFileSync(path.join(work, 'published.tgz'), tarball);
    const packedManifest = run('tar', ['-xzOf', 'published.tgz', 'package/package.json'], { cwd: work });
    expect(JSON.parse(packedManifest.stdout)).toEqual(shipped);
    expect(readFileSync(path.join(project, 'package.json'), 'utf8')).toBe(sourceText);
  });
});

/** A `--json` report printed after the scripts' own output (the build's lines). */
function jsonAfterScripts(stdout: string): unknown {
  return JSON.parse(stdout.slice(stdout.search(/^\{/m)));
}

function isBuiltin(name: string): boolean {
  return ['fs', 'path', 'util', 'os', 'url', 'net', 'crypto', 'child_process', 'events', 'stream', 'assert', 'buffer', 'tty', 'worker_threads'].includes(name);
}
