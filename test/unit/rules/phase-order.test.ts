import { describe, expect, it } from 'vitest';
import { applyEdits, basePlan, diagnosticsOf, lineRange, replace, ruleIds } from './plan-fixtures.js';

const id = 'phase-order';

// The base plan cut into its header part and its three phase blocks (each block without trailing blank lines).
const head = basePlan.slice(0, basePlan.indexOf('phase initial'));
const initial = basePlan.slice(basePlan.indexOf('phase initial'), basePlan.indexOf('phase middle')).trimEnd();
const middle = basePlan.slice(basePlan.indexOf('phase middle'), basePlan.indexOf('phase termination')).trimEnd();
const termination = basePlan.slice(basePlan.indexOf('phase termination')).trimEnd();
const phasesInOrder = (...blocks: string[]) => `${head}${blocks.join('\n\n')}\n`;

describe('phase-order', () => {
  it('accepts initial, middle and termination once each, in order', () => {
    expect(phasesInOrder(initial, middle, termination)).toBe(basePlan);
    expect(diagnosticsOf(id, basePlan)).toEqual([]);
  });

  it('reports a termination phase written before the middle phase, with a fix that moves it', () => {
    const text = phasesInOrder(initial, termination, middle);
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'The `termination` phase comes before the `middle` phase; phases run initial → middle → termination. Move this block after the middle phase.',
    );
    expect(d.range).toEqual(lineRange(29, 6, 17));
    expect(d.related?.[0].range).toEqual(lineRange(37, 0, 26));
    expect(d.fixes?.[0]).toMatchObject({ title: 'Move the termination phase after the middle phase', safe: true });
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
    // Session numbers are still contiguous: phase-coverage says nothing about the order of blocks.
    expect(ruleIds(text)).toEqual([id]);
  });

  it('moves an initial phase written last to the front, keeping the comment above it', () => {
    const text = phasesInOrder(middle, termination, `# Assessment first\n${initial}`);
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'The `initial` phase comes after the `middle` phase; phases run initial → middle → termination. Move this block before the middle phase.',
    );
    expect(d.range).toEqual(lineRange(38, 6, 13));
    expect(applyEdits(text, d.fixes![0].edits)).toBe(phasesInOrder(`# Assessment first\n${initial}`, middle, termination));
  });

  it('reports a missing phase next to where it belongs, once', () => {
    const text = phasesInOrder(initial, replace(middle, 'phase middle sessions 4-13', 'phase middle sessions 4-16').replace('session 8-13', 'session 8-16'));
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      'The plan has no `termination` phase; IPT ends with a termination phase that reviews progress and relapse warning signs and discusses the ending. Add a `phase termination sessions …` block after the middle phase.',
    );
    expect(d.range).toEqual(lineRange(29, 0, 12));
  });

  it('reports a misspelt phase name with a safe did-you-mean fix, and not as a missing phase', () => {
    const text = replace(basePlan, 'phase middle', 'phase midle');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('`midle` is not an IPT phase; the phases are `initial`, `middle` and `termination`. Did you mean `middle`?');
    expect(d.range).toEqual(lineRange(29, 6, 11));
    expect(d.fixes?.[0]).toMatchObject({ title: 'Replace with `middle`', safe: true });
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
  });

  it('maps another name for a phase to the one the language uses', () => {
    const text = replace(basePlan, 'phase termination', 'phase ending');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe('`ending` is not a phase name here: IPT Plan calls this phase `termination`. Rename it to `termination`.');
    expect(d.range).toEqual(lineRange(38, 6, 12));
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
  });

  it('reports a repeated phase once, as the missing phase it probably is', () => {
    const text = replace(basePlan, 'phase termination sessions', 'phase middle sessions');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'The plan has a `middle` phase on line 30 as well, and no `termination` phase. If this block is the termination phase, rename it to `termination`; otherwise move its sessions into the other middle phase.',
    );
    expect(d.range).toEqual(lineRange(38, 6, 12));
    expect(d.related?.[0].range).toEqual(lineRange(29, 0, 26));
  });

  it('reports a plan with no phases at all once, on the plan line', () => {
    const [d, ...rest] = diagnosticsOf(id, head.trimEnd() + '\n');
    expect(rest).toEqual([]);
    expect(d.message).toContain('The plan has no phases.');
    expect(d.range).toEqual(lineRange(0, 0, 23));
  });

  it('finds the misnamed block of a repeated phase by where the missing phase belongs', () => {
    // `phase initial` renamed `middle`: the first of the two middle blocks is the initial phase.
    const text = replace(basePlan, 'phase initial sessions 1-3', 'phase middle sessions 1-3');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.range).toEqual(lineRange(20, 6, 12));
    expect(d.fixes?.[0].title).toBe('Rename to `initial`');
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
  });
});
