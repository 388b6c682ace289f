import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../server/src/language/catalogue.js';
import { findEntry } from '../../../server/src/language/catalogue.js';
import { bandOf, describeSeries, scoreChartSvg, yRange } from '../../../server/src/render/chart-svg.js';
import type { ScoreSeries } from '../../../server/src/render/model.js';
import { unbalancedTags } from './html-check.js';

function series(id: string, points: [number, number][]): ScoreSeries {
  const entry = findEntry(builtinCatalogue.instruments, id);
  return {
    instrument: { id, title: entry?.title, description: entry?.description },
    entry,
    points: points.map(([session, value], i) => ({ session, sessionLabel: String(session), value, line: i })),
  };
}

/** The y pixel of each tick label, by value. */
function ticks(svg: string): Map<number, number> {
  return new Map([...svg.matchAll(/<text class="tick" x="[\d.]+" y="([\d.]+)" text-anchor="end"[^>]*>(\d+)<\/text>/g)].map((m) => [Number(m[2]), Number(m[1])]));
}

describe('score chart', () => {
  const phq = series('PHQ-9', [[1, 18], [5, 12], [9, 7], [16, 4]]);
  const svg = scoreChartSvg(phq, { id: 'c', lastSession: 16 });

  it('is well-formed, accessible SVG with a title and a description of every value', () => {
    expect(unbalancedTags(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg class="score-chart" xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="c-title c-desc"/);
    expect(svg).toContain('<title id="c-title">PHQ-9 scores by session</title>');
    expect(svg).toContain(
      '<desc id="c-desc">Patient Health Questionnaire-9 (PHQ-9), scale 0–27. Recorded scores: session 1: 18 (moderately severe); session 5: 12 (moderate); session 9: 7 (mild); session 16: 4 (none–minimal). Change from session 1 to session 16: −14 (−78%).</desc>',
    );
  });

  it('uses the instrument range from the catalogue for the y axis', () => {
    expect(yRange(phq)).toEqual({ min: 0, max: 27, known: true });
    const y = ticks(svg);
    expect([...y.keys()]).toEqual([0, 5, 10, 15, 20, 25]);
    expect(y.get(0)!).toBeGreaterThan(y.get(25)!);
  });

  it('shades one band per published severity band, labelled with its range', () => {
    expect(svg.match(/<rect class="band band-\d"/g)).toHaveLength(5);
    expect(svg).toContain('>moderately severe (15–19)</text>');
    expect(bandOf(phq, 15)).toBe('moderately severe');
    expect(bandOf(phq, 14)).toBe('moderate');
  });

  it('shades nothing for an instrument without bands, and says so', () => {
    const mfq = series('MFQ', [[1, 30]]);
    expect(scoreChartSvg(mfq, { id: 'h' })).not.toContain('class="band ');
    expect(yRange(mfq).max).toBe(68);
  });

  it('draws one dot per score and a line through them, left to right by session', () => {
    const dots = [...svg.matchAll(/<circle class="series-point" cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(dots).toHaveLength(4);
    expect(dots.map((d) => d[0])).toEqual([...dots.map((d) => d[0])].sort((a, b) => a - b));
    expect(dots[0][1]).toBeLessThan(dots[3][1]); // 18 is drawn higher than 4
    expect(svg).toContain('<polyline class="series-line"');
  });

  it('draws no line for a single score', () => {
    expect(scoreChartSvg(series('PHQ-9', [[1, 18]]), { id: 'one' })).not.toContain('<polyline');
  });

  it('keeps an off-scale score on the chart edge and marks it', () => {
    const off = scoreChartSvg(series('PHQ-9', [[1, 31]]), { id: 'off', lastSession: 12 });
    expect(off).toContain('class="series-point outside"');
    expect(off).toContain('31 (off scale)');
    expect(describeSeries(series('PHQ-9', [[1, 31]]))).toContain('session 1: 31 (outside the 0–27 scale)');
  });

  it('scales an instrument the catalogue does not know to its data', () => {
    const unknown = series('QIDS-SR', [[1, 14], [4, 9]]);
    expect(yRange(unknown)).toEqual({ min: 0, max: 15, known: false });
    expect(describeSeries(unknown)).toContain('QIDS-SR, range not in the catalogue.');
  });
});
