/** Lexing errors: one per line (not one per stray character), found in time linear in the text. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';

const syntax = (text: string) => analyse(text).diagnostics.filter((d) => d.rule === 'syntax');

describe('lexing errors', () => {
  it('a line of stray characters is one diagnostic that counts the rest', () => {
    const [only, ...rest] = syntax('plan "C-0142"\n@ @ @ @\n  sessions 16\n');
    expect(rest).toEqual([]);
    expect(only.range.start).toEqual({ line: 1, character: 0 });
    expect(only.message).toMatch(/^Unexpected character `@`\. .* \(3 more unexpected characters follow on this line\.\)$/);
  });

  it('each line with stray characters has its own diagnostic', () => {
    expect(syntax('@\n@ @\n$\n').map((d) => d.range.start.line)).toEqual([0, 1, 2]);
  });

  it('curly quotes stay one diagnostic with one fix for the whole line', () => {
    const [d, ...rest] = syntax('plan \u201cC-0142\u201d\n');
    expect(rest).toEqual([]);
    expect(d.fixes?.[0].edits).toHaveLength(2);
  });

  it('500,000 stray characters on one line take about a second, not minutes (issue 13: 259 s)', () => {
    const started = performance.now();
    const found = syntax(`${'@ '.repeat(500_000)}\n`);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('499,999 more unexpected characters follow');
    // A hang detector with a wide margin (measured: 1.4 s); the growth itself is checked in test/unit/reliability.
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
