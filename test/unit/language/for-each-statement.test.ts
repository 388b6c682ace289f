/** forEachStatement (the rules' walk, and statements()) visits every statement once, in text order, blocks before their children. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachStatement, statements, type PlanFile, type Statement } from '../../../server/src/language/ast.js';
import { parsePlan } from '../../../server/src/language/parser.js';
import { repoRoot } from '../contract/helpers.js';

const samples = path.join(repoRoot, 'samples');
const plans = readdirSync(samples).filter((file) => file.endsWith('.ipt'));

describe('forEachStatement', () => {
  it('has samples to walk', () => {
    expect(plans.length).toBeGreaterThan(3);
  });

  for (const plan of plans) {
    it(`visits every statement once, in text order: ${plan}`, () => {
      const { file } = parsePlan(readFileSync(path.join(samples, plan), 'utf8'));
      const visited: Statement[] = [];
      forEachStatement(file, (statement) => visited.push(statement));
      expect(new Set(visited).size).toBe(statementCount(file));
      expect(visited.length).toBe(statementCount(file));
      // Text order, a block before its children: each statement starts after the one before.
      const starts = visited.map((statement) => statement.span.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(new Set(starts).size).toBe(starts.length);
      expect(statements(file)).toEqual(visited);
      expect(visited.length).toBeGreaterThan(10);
    });
  }
});

/** How many statements the tree holds, counted from its shape. */
function statementCount(file: PlanFile): number {
  let count = file.plan ? 1 + file.plan.headers.length : 0;
  for (const section of file.sections) {
    count++;
    if (section.kind === 'focus') count += section.stages.length + section.goals.length;
    if (section.kind === 'risk') count += section.safetyPlans.length;
    if (section.kind === 'phase') for (const session of section.sessions) count += 1 + session.items.length;
  }
  return count;
}
