import { describe, expect, it } from 'vitest';
import { applyEdits, basePlan, diagnosticsOf, lineRange, replace, ruleIds } from './plan-fixtures.js';

const id = 'unknown-value';

describe('unknown-value', () => {
  it('accepts known cadences, risk levels and session statuses', () => {
    const text = replace(basePlan, '    task review-progress\n', '    task review-progress\n    status held\n');
    expect(diagnosticsOf(id, text)).toEqual([]);
  });

  it('reports a misspelt cadence with a safe did-you-mean fix', () => {
    const text = replace(basePlan, '16 weekly', '16 weekley');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(
      '`weekley` is not a session cadence; use one of `weekly`, `biweekly` or `monthly`, e.g. `sessions 16 weekly 50min`. Did you mean `weekly`?',
    );
    expect(d.range).toEqual(lineRange(6, 14, 21));
    expect(d.fixes![0]).toMatchObject({ title: 'Replace with `weekly`', safe: true });
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
    expect(ruleIds(text)).toEqual([id]);
  });

  it('reports an unknown risk level', () => {
    const [d] = diagnosticsOf(id, replace(basePlan, 'risk low', 'risk lo'));
    expect(d.severity).toBe('error');
    expect(d.message).toBe('`lo` is not a risk level; use one of `none`, `low`, `moderate` or `high`, e.g. `risk low "…"`. Did you mean `low`?');
    expect(d.range).toEqual(lineRange(17, 5, 7));
  });

  it('reports an unknown session status, without a fix when nothing is close', () => {
    const text = replace(basePlan, '    task review-progress\n', '    task review-progress\n    status postponed\n');
    const [d] = diagnosticsOf(id, text);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('`postponed` is not a session status; use one of `planned`, `held`, `missed` or `cancelled`, e.g. `status held`.');
    expect(d.range).toEqual(lineRange(41, 11, 20));
    expect(d.fixes).toBeUndefined();
  });

  it('offers the replacement as a choice, not a safe fix, when two values are close', () => {
    // `bweekly` is one edit from both `weekly` and `biweekly`.
    const [d] = diagnosticsOf(id, replace(basePlan, '16 weekly', '16 bweekly'));
    expect(d.range).toEqual(lineRange(6, 14, 21));
    expect(d.fixes).toHaveLength(1);
    expect(d.fixes![0].safe).toBe(false);
  });

  it.each([
    ['sessions 16 weekly', 'sessions 16 fortnightly', 'biweekly'],
    ['sessions 16 weekly', 'sessions 16 every-two-weeks', 'biweekly'],
    ['risk low', 'risk medium', 'moderate'],
    ['    task review-progress\n', '    task review-progress\n    status attended\n', 'held'],
    ['    task review-progress\n', '    task review-progress\n    status done\n', 'held'],
    ['    task review-progress\n', '    task review-progress\n    status Completed\n', 'held'],
    ['    task review-progress\n', '    task review-progress\n    status canceled\n', 'cancelled'],
    ['    task review-progress\n', '    task review-progress\n    status no-show\n', 'missed'],
    ['    task review-progress\n', '    task review-progress\n    status DNA\n', 'missed'],
    ['    task review-progress\n', '    task review-progress\n    status scheduled\n', 'planned'],
  ])('turns a synonym into the plan word with a safe fix (%s → %s)', (from, to, word) => {
    const text = replace(basePlan, from, to);
    const written = /(\S+)\n?$/.exec(to)![1];
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toContain(`\`${written}\` is not a`);
    expect(d.message).toContain(`the plan's word for it is \`${word}\``);
    expect(d.fixes).toEqual([{ title: `Replace with \`${word}\``, edits: [{ span: expect.anything(), newText: word }], safe: true }]);
    expect(diagnosticsOf(id, applyEdits(text, d.fixes![0].edits))).toEqual([]);
  });

  it('uses a synonym only for the list it belongs to (`medium` is no cadence)', () => {
    const [d] = diagnosticsOf(id, replace(basePlan, '16 weekly', '16 medium'));
    expect(d.message).not.toContain("plan's word");
  });
});
