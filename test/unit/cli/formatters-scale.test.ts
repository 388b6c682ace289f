/**
 * Every output format copes with a huge report (issue 13: `Math.max(...rows)` threw a RangeError on
 * 150,000 diagnostics), and the code of the CLI and the FHIR renderer spreads no array into a call
 * (`f(...xs)` passes each element as an argument and throws past about 100,000 of them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../../server/src/cli/formatters/index.js';
import type { FileReport } from '../../../server/src/cli/formatters/types.js';
import type { Diagnostic } from '../../../server/src/language/diagnostic.js';
import { allRules } from '../../../server/src/rules/registry.js';
import { repoRoot, runCli, tempProjects } from './cli-harness.js';

const COUNT = 150_000;
const diagnostics: Diagnostic[] = Array.from({ length: COUNT }, (_, i) => ({
  rule: i % 2 ? 'phi' : 'session-count',
  severity: i % 3 ? 'warning' : 'error',
  message: `Problem number ${i}, described in a sentence long enough to need wrapping on a narrow terminal.`,
  span: { start: 0, end: 1 },
  range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } },
}));
const reports: FileReport[] = [{ file: 'big.ipt', diagnostics }];

describe(`output formats with ${COUNT.toLocaleString('en')} diagnostics in one file`, () => {
  it('stylish, aligned and wrapped', () => {
    for (const width of [undefined, 60]) {
      const out = formatters.stylish(reports, { color: true, rules: allRules, width });
      expect(out).toContain(`✖ ${COUNT.toLocaleString('en').replace(/,/g, '')} problems`);
    }
  });

  it('json, github and sarif', () => {
    expect(JSON.parse(formatters.json(reports, { color: false, rules: allRules }))[0].diagnostics).toHaveLength(COUNT);
    expect(formatters.github(reports, { color: false, rules: allRules }).split('\n').filter((l) => l.includes(' file='))).toHaveLength(COUNT);
    const sarif = formatters.sarif(reports, { color: false, rules: allRules });
    expect(sarif.length).toBeGreaterThan(COUNT * 100);
  }, 60_000);
});

describe('stylish through `ipt lint`', () => {
  const project = tempProjects();
  const plan = readFileSync(path.join(repoRoot, 'samples', 'rules', 'dispute-stage.ipt'), 'utf8');

  it('wraps to the terminal width on a terminal, to COLUMNS when set, and not at all in a pipe', async () => {
    const dir = project({ 'plan.ipt': plan });
    const widest = (text: string) => text.split('\n').reduce((w, line) => Math.max(w, line.replace(/\u001b\[[0-9;]*m/g, '').length), 0);
    expect(widest((await runCli(['lint'], dir, { tty: true, columns: 70, env: {} })).stdout)).toBeLessThanOrEqual(70);
    expect(widest((await runCli(['lint'], dir, { env: { COLUMNS: '64' } })).stdout)).toBeLessThanOrEqual(64);
    const piped = (await runCli(['lint'], dir, { env: {} })).stdout;
    expect(piped.split('\n').filter((l) => l.includes('dispute-stage'))).toHaveLength(1); // one line per problem
    expect(widest(piped)).toBeGreaterThan(200);
  });
});

/** `f(...xs)` in the files this covers (cli/ and the FHIR renderer); array literals `[...xs]` are fine. */
function callSpreads(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
      found.push(`${path.relative(repoRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText().slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? tsFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('no spread into a call', () => {
  it('in server/src/cli and server/src/render/fhir*.ts', () => {
    const render = path.join(repoRoot, 'server', 'src', 'render');
    const files = [...tsFiles(path.join(repoRoot, 'server', 'src', 'cli')), ...readdirSync(render).filter((f) => f.startsWith('fhir')).map((f) => path.join(render, f))];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(callSpreads)).toEqual([]);
  });

  it('is detected when present', () => {
    const source = ts.createSourceFile('x.ts', 'Math.max(...rows); out.push(...more); const ok = [...rows];', ts.ScriptTarget.Latest, true);
    let calls = 0;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.arguments.some(ts.isSpreadElement)) calls++;
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(calls).toBe(2);
  });
});
