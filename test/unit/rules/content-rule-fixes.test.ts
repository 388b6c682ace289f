/** Every quick fix of the plan-content rules leaves a plan that parses and no longer has that problem. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { applyEdits, basePlan, remove, replace } from './plan-fixtures.js';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'samples', 'rules');
const contentRules = new Set([
  'focus-area', 'dispute-stage', 'initial-tasks', 'termination-tasks', 'goal-reference',
  'technique', 'task', 'score-range', 'risk-assessment', 'phi',
]);

const brokenPlans: [string, string][] = [
  ...['focus-area', 'dispute-stage', 'initial-tasks', 'termination-tasks'].map(
    (id): [string, string] => [`samples/rules/${id}.ipt`, readFileSync(path.join(samples, `${id}.ipt`), 'utf8')],
  ),
  ['initial phase with only a psychoeducation session', replace(basePlan, `  session 2 "Interpersonal inventory"
    task interpersonal-inventory
  session 3 "Formulation and treatment contract"
    task formulation, treatment-contract
`, '')],
  // Titled by week, so no title says a task in words (words count, issue 18).
  ['termination phase missing all three tasks', replace(replace(replace(basePlan.replace(/session (1[456]) "[^"]*"/g, 'session $1 "Week $1"'), 'task review-progress', 'note "Look back"'), 'task relapse-prevention', 'note "Next month"'), 'task discuss-ending, maintenance-plan', 'task maintenance-plan')],
  ['stage under a grief focus', replace(basePlan, 'focus role-dispute', 'focus grief')],
  ['misspelt stage, technique, task, instrument and goal', replace(replace(replace(replace(replace(basePlan, 'stage renegotiation', 'stage disolution'), 'technique role-play', 'technique role-pley'), 'task relapse-prevention', 'task relapse-prevension'), 'score PHQ-9 18', 'score phq-9 18'), 'targets G2', 'targets g2')],
  ['undefined goal and a task written as a technique', replace(replace(basePlan, 'targets G2', 'targets G2, G3'), '    targets G1\n', '    targets G1\n    technique mood-event-review\n')],
  ['role dispute without a stage, in a CRLF file', remove(basePlan, '  stage renegotiation\n').replace(/\n/g, '\r\n')],
];

describe('plan-content rule fixes', () => {
  it.each(brokenPlans)('%s: each fix parses and removes its diagnostic', (_name, text) => {
    const diagnostics = analyse(text).diagnostics.filter((d) => contentRules.has(d.rule) && d.fixes?.length);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of diagnostics) {
      for (const fix of diagnostic.fixes!) {
        const fixed = applyEdits(text, fix.edits);
        const after = analyse(fixed).diagnostics;
        expect(after.filter((d) => d.rule === 'syntax'), fix.title).toEqual([]);
        const same = (d: { rule: string; message: string }) => d.rule === diagnostic.rule && d.message === diagnostic.message;
        expect(after.filter(same).length, `${diagnostic.rule}: ${fix.title}`).toBeLessThan(analyse(text).diagnostics.filter(same).length);
        if (text.includes('\r\n')) expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
      }
    }
  });
});
