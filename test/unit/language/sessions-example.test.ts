/** A `sessions` line written the wrong way gets an example built from its own values (issue 10). */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { applyEdits } from '../rules/plan-fixtures.js';

const syntax = (line: string) => {
  const text = `plan "C-0142 acute IPT"\n  ${line}\n`;
  return { text, found: analyse(text).diagnostics.filter((d) => d.rule === 'syntax') };
};

describe('sessions: the example uses the plan\'s own values', () => {
  it('`45 min` written apart: suggest `45min`, with a safe fix', () => {
    const { text, found } = syntax('sessions 14 biweekly 45 min');
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe('The session length is one word: write `45min`, not `45 min`. Write it as: sessions 14 biweekly 45min');
    expect(text.slice(found[0].span.start, found[0].span.end)).toBe('45 min');
    expect(found[0].fixes).toEqual([{ title: 'Write `45min`', edits: [{ span: found[0].span, newText: '45min' }], safe: true }]);
    expect(applyEdits(text, found[0].fixes![0].edits)).toBe('plan "C-0142 acute IPT"\n  sessions 14 biweekly 45min\n');
  });

  it.each([
    ['sessions 14 fortnightly 45 min', 'sessions 14 fortnightly 45min'],
    ['sessions 12 weekly 50 minutes', 'sessions 12 weekly 50min'],
    ['sessions 16 50 mins', 'sessions 16 50min'],
  ])('%s → %s', (line, example) => {
    const { found } = syntax(line);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(`Write it as: ${example}`);
  });

  it('other mistakes keep the example, with the plan\'s count and cadence where it has them', () => {
    const { found } = syntax('sessions 14 weekly 50min extra');
    expect(found[0].message).toContain('Write it as: sessions 14 weekly 50min');
  });
});
