/** Each plan-structure rule's sample in samples/rules/ triggers that rule and no other. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';

const samples = path.resolve(__dirname, '..', '..', '..', 'samples', 'rules');
const ids = [
  'plan-header', 'variant', 'session-count', 'phase-order', 'phase-coverage',
  'phase-length', 'single-focus', 'session-dates', 'unknown-value', 'measure-schedule',
];

describe('samples/rules for the plan-structure rules', () => {
  it.each(ids)('samples/rules/%s.ipt gives exactly one diagnostic, from its rule', (id) => {
    const text = readFileSync(path.join(samples, `${id}.ipt`), 'utf8');
    const diagnostics = analyse(text).diagnostics;
    expect(diagnostics.map((d) => d.rule)).toEqual([id]);
    // Samples are written as clinicians would write them: the header comment names the rule.
    expect(text.split('\n')[0]).toContain(`\`${id}\``);
  });
});
