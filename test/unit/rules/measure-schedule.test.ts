import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { applyEdits, basePlan, diagnosticsOf, lineRange, remove, replace, ruleIds } from './plan-fixtures.js';

const id = 'measure-schedule';
const measures = 'measure PHQ-9 every 4\nmeasure HAM-D at 1, 16\n';

describe('measure-schedule', () => {
  it('accepts `every 4` (sessions 1, 5, 9, 13 and the last) and `at 1, 16`', () => {
    expect(diagnosticsOf(id, basePlan)).toEqual([]);
    expect(diagnosticsOf(id, replace(basePlan, measures, 'measure PHQ-9 every 4\n'))).toEqual([]);
  });

  it('warns when the plan has no measure at all', () => {
    const text = remove(basePlan, `${measures}\n`);
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'The plan schedules no outcome measure. IPT rates symptoms at the start and repeats the rating through treatment: add e.g. `measure PHQ-9 every 4` (sessions 1, 5, 9, … and the last).',
    );
    expect(d.range).toEqual(lineRange(0, 0, 23));
  });

  it('warns when no measure falls in the initial phase', () => {
    const text = replace(basePlan, measures, 'measure PHQ-9 at 6, 16\n');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'No measure is scheduled in the initial phase (sessions 1–3), so treatment has no baseline score. Schedule one there, e.g. add session 1 to a measure (`at 1, …`) or use `every N`, which starts at session 1.',
    );
    expect(d.range).toEqual(lineRange(14, 0, 22));
  });

  it('warns when no measure falls in the termination phase', () => {
    const text = replace(basePlan, measures, 'measure PHQ-9 at 1, 8\n');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'No measure is scheduled in the termination phase (sessions 14–16), so response and remission at the end cannot be judged. Add session 16 to a measure (`at …, 16`).',
    );
    expect(d.range).toEqual(lineRange(14, 0, 21));
  });

  it('warns about a scheduled session after the last one, and only about that', () => {
    const text = replace(basePlan, 'measure HAM-D at 1, 16', 'measure HAM-D at 1, 18');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe("Session 18 is past the plan's last session (16). Schedule the measure within sessions 1–16.");
    expect(d.range).toEqual(lineRange(15, 20, 22));
    expect(ruleIds(text)).toEqual([id]);
  });

  it('leaves a total that disagrees with the phases to phase-coverage', () => {
    const text = replace(basePlan, 'sessions 16 weekly', 'sessions 14 weekly');
    expect(diagnosticsOf(id, text)).toEqual([]);
    expect(ruleIds(text)).toEqual(['phase-coverage']);
  });

  it('warns about an unknown instrument with a did-you-mean fix', () => {
    const text = replace(basePlan, 'measure PHQ-9 every 4', 'measure PHQ9 every 4');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      '`PHQ9` is not a known instrument; the known ones are `PHQ-9`, `HAM-D`, `BDI-II`, `EPDS`, `GAD-7`, `CDRS-R`, `MFQ`, `MFQ-C`, `MFQ-P` and `SMFQ`. Did you mean `PHQ-9`? To use another scale, add it under `vocabulary.instruments` in .iptrc.json.',
    );
    expect(d.range).toEqual(lineRange(14, 8, 12));
    expect(d.fixes?.[0]).toMatchObject({ title: 'Replace with `PHQ-9`', safe: true });
    expect(applyEdits(text, d.fixes![0].edits)).toBe(basePlan);
  });

  it('accepts an instrument that config adds to the catalogue', () => {
    const base = resolveConfig(undefined);
    const config = {
      ...base,
      catalogue: {
        ...base.catalogue,
        instruments: [...base.catalogue.instruments, { id: 'QIDS-SR', title: 'QIDS-SR', description: '', sources: [], min: 0, max: 27 }],
      },
    };
    const text = replace(basePlan, 'measure HAM-D at 1, 16', 'measure QIDS-SR at 1, 16');
    expect(diagnosticsOf(id, text)).toHaveLength(1);
    expect(diagnosticsOf(id, text, { config })).toEqual([]);
  });
});
