/** The plan-structure rules on the design's shared examples (reads ../shared; skipped when absent). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const examples = path.join(path.resolve(repoRoot, '..', 'shared'), 'design', 'examples');

const structureRules = new Set([
  'plan-header', 'variant', 'session-count', 'phase-order', 'phase-coverage',
  'phase-length', 'single-focus', 'session-dates', 'unknown-value', 'measure-schedule',
]);

describe.skipIf(!existsSync(examples))('plan-structure rules on the shared examples (reads ../shared/design/examples)', () => {
  const files = existsSync(examples) ? readdirSync(examples).filter((f) => f.endsWith('.ipt')) : [];
  it.each(files)('%s gives exactly its expected structure diagnostics', (file) => {
    const text = readFileSync(path.join(examples, file), 'utf8');
    const expected = (/^# expect: (.*)$/m.exec(text)?.[1] ?? '').split(/\s+/).filter((id) => structureRules.has(id));
    const found = analyse(text).diagnostics.filter((d) => structureRules.has(d.rule));
    expect(found.map((d) => `${d.rule}: ${d.message}`)).toHaveLength(expected.length);
    expect(found.map((d) => d.rule).sort()).toEqual(expected.sort());
  });
});
