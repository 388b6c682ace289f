/**
 * The npm package as its users' tools see it: `npm pack`, installed from the tarball into a fresh
 * project (offline from npm's cache where it can), then `npx ipt lint`, `require`, `import`,
 * `tsc --noEmit` against the declarations, and the packaging linters publint and
 * @arethetypeswrong/cli. Needs `npm run build` first (npm test does it); packs what is built.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeRun, missingBuild, packTarball, repoRoot, run, tempDir } from './tools.js';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  main: string;
  files: string[];
  exports: Record<string, unknown>;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};
const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name);

const badPlan = readFileSync(path.join(repoRoot, 'samples', 'rules', 'session-count.ipt'), 'utf8');
const cleanPlan = readFileSync(path.join(repoRoot, 'samples', 'acute-grief-dated.ipt'), 'utf8');

// Each test runs npm, node or tsc as a child process: minutes, not seconds, on a busy 2-core machine.
describe('the npm package', { timeout: 180_000 }, () => {
  const work = tempDir('npm-package');
  const app = path.join(work, 'app');
  let packed: { tarball: string; files: string[] };

  beforeAll(() => {
    const missing = missingBuild();
    if (missing.length) throw new Error(`Build first (npm run build): missing ${missing.join(', ')}`);
    packed = packTarball(work);
    run('mkdir', ['-p', path.join(app, 'plans')], { cwd: work });
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    writeFileSync(path.join(app, 'plans', 'bad.ipt'), badPlan);
    writeFileSync(path.join(app, 'plans', 'clean.ipt'), cleanPlan);
    const installed = run('npm', ['install', '--no-audit', '--no-fund', packed.tarball], { cwd: app });
    if (installed.code !== 0) throw new Error(`npm install of the tarball failed\n${describeRun(installed)}`);
  }, 300_000);

  it('ships the library (CommonJS, ES module, declarations), the CLI, the server, docs and schemas', () => {
    for (const file of ['dist/index.js', 'dist/index.mjs', 'dist/index.d.ts', 'dist/index.d.mts', 'dist/types/index.d.ts', 'dist/cli.js', 'dist/server.js', 'bin/ipt.js', 'bin/ipt-language-server.js', 'docs/rules/session-count.md', 'schemas/iptrc.schema.json', 'README.md']) {
      expect(packed.files, file).toContain(file);
    }
    expect(packed.files.some((f) => f.startsWith('docs/images/'))).toBe(false); // screenshots stay in the repository
    expect(packed.files.some((f) => f.startsWith('server/') || f.startsWith('test/'))).toBe(false);
  });

  it('lists no stale entry in `files`: each one matches something packed', () => {
    for (const entry of manifest.files.filter((e) => !e.startsWith('!'))) {
      const match = picomatch([entry, `${entry}/**`]);
      expect(packed.files.some((f) => match(f)), `"files" entry ${entry} matches nothing`).toBe(true);
    }
  });

  it('depends at run time only on what its type declarations import (the bundles are self-contained)', () => {
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['chevrotain', 'jsonc-parser', 'zod']);
    const declarations = packed.files.filter((f) => f.endsWith('.d.ts'));
    const imported = new Set<string>();
    for (const file of declarations) {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      for (const [, name] of text.matchAll(/from '((?:@[^/']+\/)?[^./'][^/']*)/g)) imported.add(name);
      for (const [, name] of text.matchAll(/import\("((?:@[^/"]+\/)?[^./"][^/"]*)/g)) imported.add(name);
    }
    expect([...imported].sort()).toEqual(Object.keys(manifest.dependencies).sort());
    for (const file of ['dist/index.js', 'dist/cli.js', 'dist/server.js']) {
      const required = [...readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
      expect(required.filter((name) => !name.startsWith('node:') && !isBuiltin(name)), file).toEqual([]);
    }
  });

  it('keeps `main` for VS Code (which ignores `exports`) and routes the library through `exports`', () => {
    expect(manifest.main).toBe('./dist/extension.js');
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

  it('type-checks a consumer with tsc --noEmit (node16/nodenext, ES module and CommonJS, libraries checked)', () => {
    writeFileSync(
      path.join(app, 'consumer.mts'),
      [
        "import { analyse, format, LineIndex, type Analysis, type Diagnostic } from 'ipt-plan';",
        "const analysis: Analysis = analyse('plan \"x\"\\n');",
        'const diagnostics: Diagnostic[] = analysis.diagnostics;',
        'const lines: LineIndex = analysis.lines;',
        "const formatted = format('plan \"x\"\\n');",
        "export const summary = [diagnostics.length, lines.positionAt(0).line, 'text' in formatted ? formatted.text : formatted.error];",
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(app, 'consumer.cts'),
      ["import ipt = require('ipt-plan');", "const rules: string[] = ipt.analyse('').diagnostics.map((d: ipt.Diagnostic) => d.rule);", 'export = rules;', ''].join('\n'),
    );
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.mts', 'consumer.cts'] }),
    );
    const ran = run('node', [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: app });
    expect(ran.code, describeRun(ran)).toBe(0);
  }); // checks chevrotain's and zod's declarations too: 10–40 s on a busy 2-core machine

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

function isBuiltin(name: string): boolean {
  return ['fs', 'path', 'util', 'os', 'url', 'net', 'crypto', 'child_process', 'events', 'stream', 'assert', 'buffer', 'tty', 'worker_threads'].includes(name);
}
