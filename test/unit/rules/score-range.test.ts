import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { applyEdits, basePlan, diagnosticsOf, rangeOfText, replace } from './plan-fixtures.js';

const withScore = (line: string) => replace(basePlan, '    score PHQ-9 18\n', `    ${line}\n`);

describe('score-range', () => {
  it('accepts scores within range, including both ends', () => {
    expect(diagnosticsOf('score-range', basePlan)).toEqual([]);
    for (const line of ['score PHQ-9 0', 'score PHQ-9 27', 'score HAM-D 52', 'score BDI-II 63', 'score EPDS 30', 'score GAD-7 21', 'score HAM-D 12.5', 'score CDRS-R 17', 'score CDRS-R 113', 'score MFQ 66', 'score SMFQ 26']) {
      expect(diagnosticsOf('score-range', withScore(line))).toEqual([]);
    }
  });

  it('reports a score above the range at the number', () => {
    const plan = withScore('score PHQ-9 31');
    const [d, ...rest] = diagnosticsOf('score-range', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('error');
    expect(d.message).toBe('PHQ-9 scores run 0–27; 31 is out of range. Check the total.');
    expect(d.range).toEqual(rangeOfText(plan, '31'));
  });

  it('reports a score above a config instrument range', () => {
    const config = resolveConfig({ vocabulary: { instruments: [{ id: 'QIDS-SR', min: 0, max: 27 }] } });
    const plan = withScore('score QIDS-SR 28');
    const [d] = diagnosticsOf('score-range', plan, { config });
    expect(d.severity).toBe('error');
    expect(d.message).toBe('QIDS-SR scores run 0–27; 28 is out of range. Check the total.');
    expect(d.range).toEqual(rangeOfText(plan, '28'));
  });

  it('warns about a decimal total on a questionnaire scored in whole numbers', () => {
    const plan = withScore('score PHQ-9 12.5');
    const [d, ...rest] = diagnosticsOf('score-range', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'PHQ-9 totals are whole numbers (the sum of its item scores); 12.5 cannot be a PHQ-9 total. Check the scoring and record the whole-number total.',
    );
    expect(d.range).toEqual(rangeOfText(plan, '12.5'));
  });

  it('warns about an unknown instrument in a score, with a did-you-mean', () => {
    const plan = withScore('score PHQ9 18');
    const [d, ...rest] = diagnosticsOf('score-range', plan);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('`PHQ9` is not a known instrument, so this score cannot be checked. Did you mean `PHQ-9`?');
    expect(d.range).toEqual(rangeOfText(plan, 'PHQ9'));
    expect(applyEdits(plan, d.fixes![0].edits)).toBe(basePlan);
  });

  it('lists the known instruments when nothing is close', () => {
    const plan = withScore('score MADRS 18');
    const [d] = diagnosticsOf('score-range', plan);
    expect(d.message).toBe(
      '`MADRS` is not a known instrument, so this score cannot be checked. Use one of `PHQ-9`, `HAM-D`, `BDI-II`, `EPDS`, `GAD-7`, `CDRS-R`, `MFQ`, `MFQ-C`, `MFQ-P`, `SMFQ`, or add it with its score range to `vocabulary.instruments` in .iptrc.json.',
    );
    expect(d.fixes).toBeUndefined();
  });

  it('gives one diagnostic, from `score-range` alone, for this mistake', () => {
    const plan = replace(basePlan, '    score PHQ-9 18\n', '    score PHQ-9 31\n');
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe('score-range');
    expect(d.severity).toBe('error');
    expect(d.range).toEqual(rangeOfText(plan, '31'));
  });

  it.each([
    ['CDRS-R 12', 'CDRS-R scores run 17–113; 12 is out of range. Check the total.'],
    // A bare MFQ may be either form: the parent form's 67–68 are valid totals (issue 18).
    ['MFQ 70', 'MFQ scores run 0–68; 70 is out of range. Check the total.'],
    ['MFQ-C 67', 'MFQ-C scores run 0–66; 67 is out of range. Check the total.'],
    ['MFQ-P 69', 'MFQ-P scores run 0–68; 69 is out of range. Check the total.'],
    ['SMFQ 27', 'SMFQ scores run 0–26; 27 is out of range. Check the total.'],
  ])('knows the IPT-A measures: score %s', (score, message) => {
    const plan = replace(basePlan, '    score PHQ-9 18\n', `    score ${score}\n`);
    expect(diagnosticsOf('score-range', plan).map((d) => d.message)).toEqual([message]);
  });

  it('accepts a parent-form total of 67 or 68 on a bare MFQ and on MFQ-P', () => {
    for (const score of ['MFQ 68', 'MFQ-P 67', 'MFQ-C 66']) {
      expect(diagnosticsOf('score-range', replace(basePlan, '    score PHQ-9 18\n', `    score ${score}\n`)), score).toEqual([]);
    }
  });
});
