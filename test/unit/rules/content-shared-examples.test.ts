/** The plan-content rules on the design's shared examples (reads ../shared; skipped when absent). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const examples = path.join(path.resolve(repoRoot, '..', 'shared'), 'design', 'examples');

const contentRules = new Set([
  'focus-area', 'dispute-stage', 'initial-tasks', 'termination-tasks', 'goal-reference',
  'technique', 'task', 'score-range', 'risk-assessment', 'phi',
]);

/** Where each expected content diagnostic points, as `rule line:character "text"` (1-based lines). */
const expectedPlaces: Record<string, string[]> = {
  'invalid-missing-inventory.ipt': ['initial-tasks 23:0 "phase initial"'],
  'invalid-phi.ipt': ['phi 40:53 "(617) 555-0143"'],
  'invalid-score-and-technique.ipt': ['score-range 26:16 "31"', 'technique 37:44 "cognitive-restructuring"'],
  'invalid-undefined-goal.ipt': ['goal-reference 38:16 "G3"'],
};

describe.skipIf(!existsSync(examples))('plan-content rules on the shared examples (reads ../shared/design/examples)', () => {
  const files = existsSync(examples) ? readdirSync(examples).filter((f) => f.endsWith('.ipt')) : [];
  it.each(files)('%s gives exactly its expected content diagnostics, at the right words', (file) => {
    const text = readFileSync(path.join(examples, file), 'utf8');
    const expected = (/^# expect: (.*)$/m.exec(text)?.[1] ?? '').split(/\s+/).filter((id) => contentRules.has(id));
    const found = analyse(text).diagnostics.filter((d) => contentRules.has(d.rule));
    expect(found.map((d) => d.rule).sort()).toEqual(expected.sort());
    const places = found.map((d) => `${d.rule} ${d.range.start.line + 1}:${d.range.start.character} "${text.slice(d.span.start, d.span.end)}"`);
    expect(places).toEqual(expectedPlaces[file] ?? []);
  });
});
