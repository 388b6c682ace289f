/** Each plan-structure diagnostic can be silenced by a directive on the line above the place it points at. */
import { describe, expect, it } from 'vitest';
import { basePlan, replace, ruleIds } from './plan-fixtures.js';

const disable = (id: string) => `# ipt-disable-next-line ${id} -- agreed in supervision\n`;

/** [rule, the mistake, the line (as written after the mistake) that the directive goes above] */
const cases: [string, (text: string) => string, string][] = [
  ['plan-header', (t) => replace(t, '  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1\n', ''), 'plan "C-0142 acute IPT"'],
  ['variant', (t) => replace(t, '16 weekly', '16 biweekly'), '  sessions 16 biweekly 50min'],
  ['session-count', (t) => replace(t, 'sessions 16', 'sessions 20'), '  sessions 20 weekly 50min'],
  ['phase-order', (t) => replace(t, 'phase middle', 'phase midle'), 'phase midle sessions 4-13'],
  ['phase-coverage', (t) => replace(t, 'phase middle sessions 4-13', 'phase middle sessions 5-13'), 'phase middle sessions 5-13'],
  ['phase-length', (t) => replace(replace(replace(t, 'initial sessions 1-3', 'initial sessions 1-4'), 'middle sessions 4-13', 'middle sessions 5-13'), 'session 4-7', 'session 5-7'), 'phase initial sessions 1-4'],
  ['single-focus', (t) => replace(t, '\nmeasure PHQ-9', '\nfocus grief "Death of a grandparent last year"\n\nmeasure PHQ-9'), 'focus grief "Death of a grandparent last year"'],
  ['session-dates', (t) => replace(t, '    score PHQ-9 18\n', '    score PHQ-9 18\n    date 2026-01-20\n'), '    date 2026-01-20'],
  ['unknown-value', (t) => replace(t, 'risk low', 'risk lo'), 'risk lo "Passive thoughts of death at intake; no plan or intent"'],
  ['measure-schedule', (t) => replace(replace(t, 'measure PHQ-9 every 4\n', ''), 'HAM-D at 1, 16', 'HAM-D at 1, 8'), 'measure HAM-D at 1, 8'],
];

describe('plan-structure diagnostics and inline directives', () => {
  it.each(cases)('%s: one diagnostic, silenced by a directive above the line it points at', (id, mistake, line) => {
    const text = mistake(basePlan);
    expect(ruleIds(text)).toEqual([id]);
    expect(ruleIds(replace(text, `${line}\n`, `${disable(id)}${line}\n`))).toEqual([]);
  });
});
