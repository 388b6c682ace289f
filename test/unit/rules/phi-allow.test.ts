/**
 * `phi.allow` (issue 17): a finding is allowed when one occurrence of an allowed text covers it,
 * decided by the compiled automaton exactly as the definition says (checked against a brute force
 * on random lists and texts), in time linear in the text plus the list: 2,000 entries and a 50 KB
 * note took over a minute and 5.3 GB; 600,000 entries ran out of memory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { allowList } from '../../../server/src/rules/phi-allow.js';
import { linearGrowth } from './linear-time.js';

/** The definition: some occurrence of some entry starts at or before `start` and ends at or after `end`. */
function coveredByDefinition(entries: string[], text: string, start: number, end: number): boolean {
  return entries.some((entry) => {
    if (entry === '') return false;
    for (let at = text.indexOf(entry); at >= 0 && at <= start; at = text.indexOf(entry, at + 1)) if (at + entry.length >= end) return true;
    return false;
  });
}

describe('phi.allow: which findings an allow list covers', () => {
  it('agrees with the definition on random lists and texts (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '5', '-', '😀'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', '5', '-', '😀'), maxLength: 40 }), (entries, text) => {
        const coverage = allowList([...entries]).coverage(text);
        for (let start = 0; start < text.length; start++) {
          for (let end = start + 1; end <= text.length; end++) {
            expect(coverage(start, end), `${JSON.stringify(entries)} on ${JSON.stringify(text)} [${start}, ${end})`).toBe(coveredByDefinition(entries, text, start, end));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers exact membership (the client and title checks), as `includes` would (property)', () => {
    const list = allowList(['Front Desk', 'C-0142 Clinic']);
    expect(list.has('Front Desk')).toBe(true);
    expect(list.has('Front')).toBe(false);
    const unit = fc.constantFrom('a', 'b', '5', ' ', '😀');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 5 }), { maxLength: 10 }), fc.string({ unit, maxLength: 5 }), (entries, text) => {
        expect(allowList([...entries]).has(text)).toBe(text !== '' && entries.includes(text));
      }),
      { numRuns: 300 },
    );
  });

  it('a number in the list is not reported; the same number with one more digit is', () => {
    const config = resolveConfig({ phi: { allow: ['(617) 555-0100', ...Array.from({ length: 2000 }, (_, i) => `x${i}`)] } });
    const text = 'plan "C-0142 x"\nrisk low "r"\n  safety-plan "front desk (617) 555-0100; mobile (617) 555-0143"\n';
    expect(analyse(text, { config }).diagnostics.filter((d) => d.rule === 'phi').map((d) => text.slice(d.span.start, d.span.end))).toEqual(['(617) 555-0143']);
  });
});

describe('phi.allow: cost (issue 17)', () => {
  const plan = (note: string) => `plan "C-0142 x"\nphase initial sessions 1-3\n  session 1\n    note "${note}"\n`;

  it('linear in the note: 2,000 entries that each occur everywhere in it (`a`, `aa`, … against a note of `a`s)', () => {
    const config = resolveConfig({ phi: { allow: Array.from({ length: 2000 }, (_, i) => 'a'.repeat(i + 1)) } });
    const text = (size: number) => plan(`${'a'.repeat(size)} call 555-0143`);
    expect(linearGrowth(text, (t) => analyse(t, { config }))).toBeLessThan(30);
  }, 120_000);

  it('linear in the note plus the list: ten times the entries and ten times the note cost ten times as much', () => {
    const input = (size: number) => ({
      config: resolveConfig({ phi: { allow: Array.from({ length: Math.round(size / 8) }, (_, i) => `a${i}`) } }),
      text: plan(`${'a1 '.repeat(Math.round(size / 3))} call 555-0143`),
    });
    // A new list each time: compiling it is part of the cost (a configuration compiles it once).
    const check = ({ config, text }: ReturnType<typeof input>) => analyse(text, { config: { ...config, phi: { ...config.phi, allow: [...config.phi.allow] } } });
    expect(linearGrowth(input, check)).toBeLessThan(30);
  }, 120_000);

  it('600,000 short entries (8 MB of config) load and check a plan', () => {
    const config = resolveConfig({ phi: { allow: Array.from({ length: 600_000 }, (_, i) => `a${i}`) } });
    const text = plan(`${'a1 '.repeat(10_000)} call 555-0143, a599999 (617) 555-0143`);
    expect(analyse(text, { config }).diagnostics.filter((d) => d.rule === 'phi')).toHaveLength(2);
  }, 60_000);
});
