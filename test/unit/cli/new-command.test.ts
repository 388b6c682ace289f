/**
 * `ipt new` and the skeleton generator: every variant × problem area lints without errors, and its
 * only diagnostics are `placeholder` warnings on the TODO texts the clinician must write (so an
 * unfinished plan cannot pass unnoticed; see docs/rules/placeholder.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { skeleton, skeletonShape } from '../../../server/src/cli/skeleton.js';
import { format } from '../../../server/src/format/format.js';
import { builtinCatalogue } from '../../../server/src/language/catalogue.js';
import { runCli, tempProjects } from './cli-harness.js';

const project = tempProjects();

/** The skeleton's diagnostics: one `placeholder` warning per TODO text, and nothing else. */
function expectOnlyPlaceholders(text: string): void {
  const found = analyse(text).diagnostics;
  expect(found.filter((d) => d.rule !== 'placeholder' || d.severity !== 'warning').map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
  const todoStrings = text.split('\n').filter((line) => !line.trimStart().startsWith('#') && /"TODO/.test(line)).length;
  expect(found).toHaveLength(todoStrings);
  expect(todoStrings).toBeGreaterThan(0);
}

describe('skeleton plans', () => {
  for (const variant of builtinCatalogue.variants) {
    for (const area of builtinCatalogue.problemAreas) {
      it(`${variant.id} × ${area.id}: only placeholder warnings on the TODO texts, canonical layout`, () => {
        const text = skeleton({ variant, area, client: 'C-0142' });
        expectOnlyPlaceholders(text);
        expect(format(text)).toEqual({ text, changed: false });
        expect(text).toContain(`variant ${variant.id}`);
        expect(text).toContain(`focus ${area.id} `);
        expect(text).toContain('client "C-0142"');
        expect(text.includes('stage renegotiation')).toBe(area.id === 'role-dispute');
      });
    }
  }

  it('sizes the phases within each built-in variant\'s bounds, with a middle longer than termination', () => {
    for (const variant of builtinCatalogue.variants) {
      const shape = skeletonShape(variant);
      expect(shape.total).toBeGreaterThanOrEqual(variant.sessions.min);
      if (variant.sessions.max !== undefined) expect(shape.total).toBeLessThanOrEqual(variant.sessions.max);
      expect(shape.initial).toBeLessThanOrEqual(variant.initialMax);
      expect(shape.termination).toBeGreaterThanOrEqual(variant.termination.min);
      expect(shape.termination).toBeLessThanOrEqual(variant.termination.max);
      expect(shape.middle).toBeGreaterThan(shape.termination);
      expect(shape.initial + shape.middle + shape.termination).toBe(shape.total);
      expect(variant.cadences).toContain(shape.cadence);
    }
    expect(skeletonShape(builtinCatalogue.variants.find((v) => v.id === 'acute')!)).toEqual({ total: 16, cadence: 'weekly', initial: 3, middle: 10, termination: 3 });
    expect(skeletonShape(builtinCatalogue.variants.find((v) => v.id === 'brief')!)).toEqual({ total: 9, cadence: 'weekly', initial: 2, middle: 5, termination: 2 });
  });

  it('gives one-session phases every required task on one line', () => {
    const variant = { ...builtinCatalogue.variants[0], id: 'tiny', title: 'Tiny', sessions: { min: 3, max: 3 }, initialMax: 1, termination: { min: 1, max: 1 } };
    const text = skeleton({ variant, area: builtinCatalogue.problemAreas[0] });
    expect(text).toContain('phase initial sessions 1\n  session 1 "Assessment, diagnosis and the sick role; interpersonal inventory; formulation and treatment contract"\n    task symptom-review, sick-role, risk-review, interpersonal-inventory, formulation, treatment-contract\n');
    expect(text).toContain('phase middle sessions 2\n  session 2 "Work on the focus"');
    expect(text).toContain('targets G1, G2');
    expect(text).toContain('client "C-0000"');
  });
});

describe('ipt new', () => {
  it('prints the skeleton to stdout without -o', async () => {
    const dir = project({});
    const result = await runCli(['new', '--variant', 'acute', '--focus', 'grief', '--client', 'C-2207'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(skeleton({ variant: builtinCatalogue.variants[0], area: builtinCatalogue.problemAreas[0], client: 'C-2207' }));
  });

  it('writes the plan with -o, which then lints without errors (warnings on its TODOs), and never overwrites it', async () => {
    const dir = project({});
    const written = await runCli(['new', '--variant', 'brief', '--focus', 'role-dispute', '-o', 'c-1.ipt'], dir);
    expect(written.code).toBe(0);
    expect(written.stderr).toBe('Wrote c-1.ipt: a 9-session Brief IPT (IPT-B) plan for role dispute. Replace every TODO, then run `ipt lint c-1.ipt`.\n');
    const lint = await runCli(['lint', '--format', 'json', 'c-1.ipt'], dir);
    expect(lint.code).toBe(0);
    const [result] = JSON.parse(lint.stdout) as { diagnostics: { rule: string; severity: string }[] }[];
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.rule === 'placeholder' && d.severity === 'warning')).toBe(true);
    // With --max-warnings 0 (as in CI), an unfinished plan fails.
    expect((await runCli(['lint', '--max-warnings', '0', 'c-1.ipt'], dir)).code).toBe(1);

    writeFileSync(path.join(dir, 'c-1.ipt'), 'my edits');
    const again = await runCli(['new', '--variant', 'acute', '--focus', 'grief', '-o', 'c-1.ipt'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('ipt new: c-1.ipt already exists; `ipt new` never overwrites a plan. Choose another file name with -o.\n');
    expect(readFileSync(path.join(dir, 'c-1.ipt'), 'utf8')).toBe('my edits');
  });

  it('writes --start as the plan\'s start date, and rejects a date that does not exist', async () => {
    const dir = project({});
    const result = await runCli(['new', '--variant', 'maintenance', '--focus', 'grief', '--start', '2026-03-02'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  sessions 12 monthly\n  start 2026-03-02\n');
    expectOnlyPlaceholders(result.stdout);
    const bad = await runCli(['new', '--variant', 'acute', '--focus', 'grief', '--start', '2026-02-30'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('`--start 2026-02-30` is not a date');
  });

  it('suggests the closest variant or problem area for an unknown one', async () => {
    const dir = project({});
    const variant = await runCli(['new', '--variant', 'acut', '--focus', 'grief'], dir);
    expect(variant.code).toBe(2);
    expect(variant.stderr).toContain('`acut` is not a known variant. Did you mean `acute`?');
    const area = await runCli(['new', '--variant', 'acute', '--focus', 'role-transtion'], dir);
    expect(area.code).toBe(2);
    expect(area.stderr).toContain('`role-transtion` is not a known problem area. Did you mean `role-transition`?');
    expect(variant.stdout + area.stdout).toBe('');
  });

  it('accepts the alias interpersonal-sensitivity', async () => {
    const dir = project({});
    const result = await runCli(['new', '--variant', 'acute', '--focus', 'interpersonal-sensitivity'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('focus interpersonal-deficits ');
  });

  it('requires --variant and --focus, and a client code that cannot be a name', async () => {
    const dir = project({});
    expect((await runCli(['new', '--focus', 'grief'], dir)).stderr).toContain('`--variant` is required');
    expect((await runCli(['new', '--variant', 'acute'], dir)).stderr).toContain('`--focus` is required');
    const name = await runCli(['new', '--variant', 'acute', '--focus', 'grief', '--client', 'Jane Doe'], dir);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('is not a client code. Use a code such as C-0142');
  });

  it('uses variants and problem areas added by the nearest .iptrc.json', async () => {
    const dir = project({
      '.iptrc.json': JSON.stringify({
        variants: { ipsrt: { extends: 'acute', title: 'IPSRT', sessions: { min: 12, max: 20 } } },
        vocabulary: { problemAreas: ['loss-of-healthy-self'] },
      }),
    });
    const result = await runCli(['new', '--variant', 'ipsrt', '--focus', 'loss-of-healthy-self', '-o', 'plans/p.ipt'], dir);
    expect(result.code).toBe(0);
    const text = readFileSync(path.join(dir, 'plans', 'p.ipt'), 'utf8');
    expect(text).toContain('sessions 20 weekly');
    const lint = await runCli(['lint', '--format', 'json'], dir);
    const [linted] = JSON.parse(lint.stdout) as { file: string; diagnostics: { rule: string }[] }[];
    expect(linted.file).toBe('plans/p.ipt');
    expect(linted.diagnostics.every((d) => d.rule === 'placeholder')).toBe(true);
  });
});
