/** samples/rules/<id>.ipt for the plan-content rules: each triggers its own rule and nothing else. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { format } from '../../../server/src/format/format.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'samples', 'rules');
const ids = ['focus-area', 'dispute-stage', 'initial-tasks', 'termination-tasks', 'goal-reference', 'technique', 'task', 'score-range', 'risk-assessment', 'phi', 'session-status', 'placeholder'];

describe('samples/rules for the plan-content rules', () => {
  it.each(ids)('%s.ipt triggers only its rule, and is in canonical layout', (id) => {
    const text = readFileSync(path.join(dir, `${id}.ipt`), 'utf8');
    expect(text.split('\n')[0]).toBe(`# expect: ${id}`);
    const found = analyse(text).diagnostics;
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((d) => `${d.rule}: ${d.message}`).filter((line) => !line.startsWith(`${id}: `))).toEqual([]);
    expect(format(text)).toEqual({ text, changed: false });
  });
});
