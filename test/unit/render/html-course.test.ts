import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { render } from '../../../server/src/render/index.js';
import { unbalancedTags } from './html-check.js';
import { coursePlan } from './plans.js';

const html = (text: string) => render(analyse(text), { to: 'html', fragment: true });
const cells = (page: string) => [...page.matchAll(/<li class="course-cell([^"]*)"([^>]*)>([\s\S]*?)<\/li>/g)].map((m) => ({ classes: m[1].trim().split(/\s+/), attributes: m[2], inner: m[3] }));
const titleOf = (cell: { attributes: string }) => /title="([^"]*)"/.exec(cell.attributes)?.[1] ?? '';

describe('render html: the course strip (one cell per session)', () => {
  const page = html(coursePlan);
  const strip = cells(page);

  it('has one cell per planned session, balanced markup, before the phases', () => {
    expect(strip).toHaveLength(16);
    expect(strip.map((c) => /<span class="course-number">(\d+)<\/span>/.exec(c.inner)?.[1])).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    expect(unbalancedTags(page)).toEqual([]);
    expect(page.indexOf('class="course"')).toBeLessThan(page.indexOf('class="phase '));
  });

  it('colours each cell by its phase', () => {
    expect(strip.slice(0, 3).every((c) => c.classes.includes('phase-initial'))).toBe(true);
    expect(strip.slice(3, 13).every((c) => c.classes.includes('phase-middle'))).toBe(true);
    expect(strip.slice(13).every((c) => c.classes.includes('phase-termination'))).toBe(true);
  });

  it('dates cells: the written date, else the cadence date from start (marked planned)', () => {
    expect(strip[0].inner).toContain('<span class="course-date">02-02</span>');
    expect(titleOf(strip[0])).toContain('2026-02-02');
    expect(strip[5].inner).toContain('<span class="course-date planned">03-09</span>'); // session 6, weekly from 2026-02-02
    expect(titleOf(strip[5])).toContain('planned 2026-03-09');
  });

  it('marks scheduled measures and recorded scores', () => {
    expect(titleOf(strip[0])).toContain('scheduled: PHQ-9, HAM-D');
    expect(titleOf(strip[0])).toContain('recorded: PHQ-9 18, HAM-D 22');
    expect(strip[0].inner).toContain('class="course-mark course-measure"');
    expect(strip[0].inner).toContain('class="course-mark course-score"');
    expect(strip[1].inner).not.toContain('class="course-mark ');
    expect(titleOf(strip[4])).toContain('scheduled: PHQ-9'); // every 4: sessions 1, 5, 9, 13
    expect(titleOf(strip[15])).toContain('Session 16 · Termination phase · planned 2026-05-18 · scheduled: PHQ-9, HAM-D');
  });

  it('strikes missed and cancelled sessions', () => {
    const plan = coursePlan.replace('    date 2026-02-09\n    status held', '    date 2026-02-09\n    status missed').replace('    date 2026-02-16\n    status held', '    date 2026-02-16\n    status cancelled');
    const [, second, third] = cells(html(plan));
    expect(second.classes).toContain('course-missed');
    expect(third.classes).toContain('course-cancelled');
    expect(titleOf(second)).toContain('missed');
  });

  it('points each cell at its session line with data-goto-line (not data-line, which scroll sync reads)', () => {
    const line = coursePlan.split('\n').findIndex((l) => l.includes('session 2 "Interpersonal inventory"'));
    expect(strip[1].attributes).toContain(`data-goto-line="${line}"`);
    expect(strip.every((c) => !c.attributes.includes('data-line'))).toBe(true);
  });

  it('escapes a hostile phase name in titles', () => {
    const plan = coursePlan.replace('phase initial sessions 1-3', 'phase "x><img src=x onerror=alert(1)>" sessions 1-3');
    const page = html(plan);
    expect(page).not.toMatch(/<img/i);
  });

  it('draws nothing without sessions or phases', () => {
    expect(html('plan "C-0142"\n')).not.toContain('course-cell');
  });
});
