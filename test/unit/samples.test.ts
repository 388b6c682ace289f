/** The realistic plans in samples/ (top level only; samples/rules/ shows each rule firing) must be clean. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/src/analyse.js';
import { format } from '../../server/src/format/format.js';

const samplesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');
const samples = readdirSync(samplesDir, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ipt'))
  .map((entry) => entry.name)
  .sort();

describe('samples', () => {
  it('has realistic plans for every problem area and variant', () => {
    const texts = samples.map((name) => readFileSync(path.join(samplesDir, name), 'utf8'));
    for (const area of ['grief', 'role-dispute', 'role-transition', 'interpersonal-deficits']) {
      expect(texts.some((text) => new RegExp(`^focus ${area} `, 'm').test(text)), area).toBe(true);
    }
    for (const variant of ['acute', 'adolescent', 'brief', 'group', 'maintenance']) {
      expect(texts.some((text) => new RegExp(`^\\s*variant ${variant}$`, 'm').test(text)), variant).toBe(true);
    }
    expect(samples.length).toBeGreaterThanOrEqual(7);
  });

  for (const name of samples) {
    it(`${name} analyses with no diagnostics`, () => {
      const analysis = analyse(readFileSync(path.join(samplesDir, name), 'utf8'));
      const found = analysis.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.rule}: ${d.message}`);
      expect(found).toEqual([]);
      // The plan really was read: a clean result must come from a whole tree, not an empty one.
      expect(analysis.ast.plan?.title?.value).toMatch(/^C-\d{4} /);
      expect(analysis.ast.phases.map((phase) => phase.name?.value)).toEqual(['initial', 'middle', 'termination']);
      expect(analysis.variant).toBeDefined();
    });

    it(`${name} is already in the formatter's canonical layout`, () => {
      const text = readFileSync(path.join(samplesDir, name), 'utf8');
      expect(format(text)).toEqual({ text, changed: false });
    });
  }
});
