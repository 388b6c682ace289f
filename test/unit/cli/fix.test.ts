/** `ipt lint --fix`: every safe fix is applied, the result is formatted, and broken plans are never touched. */
import { lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { applyEdits, applySafeFixes, chooseEdits, MAX_FIX_PASSES } from '../../../server/src/rules/apply-fixes.js';
import { format } from '../../../server/src/format/format.js';
import type { Diagnostic } from '../../../server/src/language/diagnostic.js';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

const project = tempProjects();

/** The middle and termination blocks of the clean plan, as written (no trailing line break). */
function middleAndTermination(): string {
  return basePlan.slice(basePlan.indexOf('phase middle'), basePlan.length - 1);
}

/** One plan per fixable mistake: the rule, and how the clean plan is broken. */
const fixable: { rule: string; mistake: string; from: string; to: string; fixed: string; alone?: boolean }[] = [
  { rule: 'focus-area', mistake: 'a misspelt problem area', from: 'focus role-dispute', to: 'focus role-dispte', fixed: 'focus role-dispute' },
  { rule: 'dispute-stage', mistake: 'a misspelt dispute stage', from: 'stage renegotiation', to: 'stage renegotation', fixed: 'stage renegotiation' },
  { rule: 'task', mistake: 'a misspelt task', from: 'task interpersonal-inventory', to: 'task interpersonal-inventry', fixed: 'task interpersonal-inventory' },
  { rule: 'score-range', mistake: 'a misspelt instrument in a score', from: 'score PHQ-9 18', to: 'score PHQ9 18', fixed: 'score PHQ-9 18' },
  { rule: 'phase-order', mistake: 'a phase named by a synonym', from: 'phase initial sessions 1-3', to: 'phase opening sessions 1-3', fixed: 'phase initial sessions 1-3' },
  { rule: 'unknown-value', mistake: 'a misspelt cadence', from: 'sessions 16 weekly 50min', to: 'sessions 16 wekly 50min', fixed: 'sessions 16 weekly 50min' },
  { rule: 'variant', mistake: 'a misspelt variant', from: 'variant acute', to: 'variant acutte', fixed: 'variant acute' },
  { rule: 'technique', mistake: 'a misspelt technique', from: 'technique role-play, decision-analysis', to: 'technique role-paly, decision-analysis', fixed: 'technique role-play, decision-analysis' },
  {
    rule: 'phase-order',
    mistake: 'the termination phase written before the middle phase',
    // Moves whole blocks, so it cannot be combined with the other edits in one test plan.
    alone: true,
    from: middleAndTermination(),
    to: middleAndTermination().split('\n\n').reverse().join('\n\n'),
    fixed: middleAndTermination(),
  },
  {
    rule: 'unused-disable',
    mistake: 'a directive that suppresses nothing',
    from: '    task review-progress\n',
    to: '    # ipt-disable-next-line technique -- not needed\n    task review-progress\n',
    fixed: '    task review-progress\n',
  },
];

describe('ipt lint --fix on each fixable rule', () => {
  for (const { rule, mistake, from, to, fixed } of fixable) {
    it(`${rule}: repairs ${mistake}, re-lints clean of ${rule}, and leaves the plan formatted`, async () => {
      // Messy indentation as well, so the formatting step has work to do.
      const broken = replace(basePlan, from, to).replace('  client "C-0142"', '      client "C-0142"');
      const before = analyse(broken).diagnostics.filter((d) => d.rule === rule);
      expect(before.length).toBeGreaterThan(0);
      expect(before.some((d) => d.fixes?.some((f) => f.safe))).toBe(true);

      const dir = project({ 'plan.ipt': broken });
      const result = await runCli(['lint', '--fix'], dir);
      const after = readFileSync(path.join(dir, 'plan.ipt'), 'utf8');
      expect(after).toContain(fixed);
      expect(analyse(after).diagnostics.filter((d) => d.rule === rule)).toEqual([]);
      expect(format(after)).toEqual({ text: after, changed: false });
      expect(after).toBe(basePlan);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('no problems');
      expect(result.stderr).toMatch(/^ipt lint: --fix rewrote 1 plan \(\d+ fix(es)? applied, then formatted\)\.\n$/);
    });
  }

  it('fixes several mistakes in one plan in one run', async () => {
    let broken = basePlan;
    const combinable = fixable.filter((f) => !f.alone);
    for (const { from, to } of combinable) broken = replace(broken, from, to);
    const dir = project({ 'plan.ipt': broken });
    const result = await runCli(['lint', '--fix'], dir);
    expect(readFileSync(path.join(dir, 'plan.ipt'), 'utf8')).toBe(basePlan);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`ipt lint: --fix rewrote 1 plan (${combinable.length} fixes applied, then formatted).\n`);
  });

  it('reports what it could not fix, and counts what --fix would repair', async () => {
    const text = replace(replace(basePlan, 'focus role-dispute', 'focus role-dispte'), 'sessions 16 weekly', 'sessions 20 weekly');
    const dir = project({ 'plan.ipt': text });
    const dry = await runCli(['lint'], dir);
    expect(dry.stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
    expect(dry.stdout).toContain('1 error and 0 warnings potentially fixable with the `--fix` option.');
    const fixed = await runCli(['lint', '--fix'], dir);
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toContain('session-count');
    expect(fixed.stdout).not.toContain('focus-area');
    expect(fixed.stdout).not.toContain('potentially fixable');
  });

  it('formats a plan that has nothing to fix', async () => {
    const messy = basePlan.replace('    task review-progress', '\t\ttask review-progress   ');
    const dir = project({ 'plan.ipt': messy });
    await runCli(['lint', '--fix'], dir);
    expect(readFileSync(path.join(dir, 'plan.ipt'), 'utf8')).toBe(basePlan);
  });

  it('never touches a plan with syntax errors', async () => {
    const broken = replace(basePlan, 'focus role-dispute', 'focus role-dispte').replace('  goal G2 "State needs', '  goal G2 State "needs');
    expect(analyse(broken).diagnostics.some((d) => d.rule === 'syntax')).toBe(true);
    const dir = project({ 'plan.ipt': broken });
    const file = path.join(dir, 'plan.ipt');
    const modified = statSync(file).mtimeMs;
    const result = await runCli(['lint', '--fix'], dir);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(statSync(file).mtimeMs).toBe(modified);
    expect(result.stderr).toMatch(/plan\.ipt was not fixed: it has (a|\d+) syntax errors? \(first at \d+:\d+: .+\)\. Fix the syntax first\./);
    expect(result.code).toBe(1);
  });

  it('writes through a symbolic link to the plan, keeping the link', async () => {
    const dir = project({ 'store/plan.ipt': replace(basePlan, 'focus role-dispute', 'focus role-dispte') });
    symlinkSync(path.join(dir, 'store', 'plan.ipt'), path.join(dir, 'link.ipt'));
    await runCli(['lint', '--fix', 'link.ipt'], dir);
    expect(lstatSync(path.join(dir, 'link.ipt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'store', 'plan.ipt'), 'utf8')).toBe(basePlan);
    expect(readdirSync(path.join(dir, 'store'))).toEqual(['plan.ipt']);
  });

  it('does not write a plan that is already clean and formatted', async () => {
    const dir = project({ 'plan.ipt': basePlan });
    const file = path.join(dir, 'plan.ipt');
    const modified = statSync(file).mtimeMs;
    const result = await runCli(['lint', '--fix'], dir);
    expect(statSync(file).mtimeMs).toBe(modified);
    expect(result.stderr).toBe('ipt lint: --fix changed no plan.\n');
  });
});

describe('the fix applier', () => {
  const diagnostic = (start: number, end: number, newText: string, safe = true): Diagnostic => ({
    rule: 'test',
    severity: 'error',
    message: 'm',
    span: { start, end },
    range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
    fixes: [{ title: 't', edits: [{ span: { start, end }, newText }], safe }],
  });

  it('chooses safe, non-overlapping fixes in text order', () => {
    const chosen = chooseEdits([diagnostic(0, 3, 'A'), diagnostic(2, 5, 'B'), diagnostic(6, 8, 'C'), diagnostic(9, 10, 'D', false)]);
    expect(chosen.count).toBe(2);
    expect(chosen.edits.map((e) => e.newText)).toEqual(['A', 'C']);
    expect(applyEdits('0123456789', chosen.edits)).toBe('A345C89');
  });

  it('treats two insertions at one place as a conflict', () => {
    expect(chooseEdits([diagnostic(4, 4, 'x'), diagnostic(4, 4, 'y')]).count).toBe(1);
  });

  it(`stops after ${MAX_FIX_PASSES} passes when fixes keep coming`, () => {
    let passes = 0;
    const outcome = applySafeFixes('plan', {
      analyse: (text) => {
        passes++;
        return { ...analyse(basePlan), text, diagnostics: [diagnostic(0, 0, '#')] };
      },
      format: (text) => ({ text, changed: false }),
    });
    expect(outcome.applied).toBe(MAX_FIX_PASSES);
    expect(outcome.text).toBe(`${'#'.repeat(MAX_FIX_PASSES)}plan`);
    // One check for syntax errors first, then per pass: choose fixes, re-check the result.
    expect(passes).toBe(1 + 2 * MAX_FIX_PASSES);
  });

  it('keeps the last text that parsed when a fix would break the syntax', () => {
    const outcome = applySafeFixes(basePlan, {
      analyse: (text) => {
        const real = analyse(text);
        return text === basePlan ? { ...real, diagnostics: [diagnostic(0, 4, '"')] } : real;
      },
      format: (text) => ({ text, changed: false }),
    });
    expect(outcome.text).toBe(basePlan);
    expect(outcome.applied).toBe(0);
  });
});
