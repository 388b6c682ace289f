/** forEachStatement (the rules' walk) visits exactly what statements() yields, in the same order. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachStatement, statements, type Statement } from '../../../server/src/language/ast.js';
import { parsePlan } from '../../../server/src/language/parser.js';
import { repoRoot } from '../contract/helpers.js';

const samples = path.join(repoRoot, 'samples');
const plans = readdirSync(samples).filter((file) => file.endsWith('.ipt'));

describe('forEachStatement', () => {
  it('has samples to walk', () => {
    expect(plans.length).toBeGreaterThan(3);
  });

  for (const plan of plans) {
    it(`visits what statements() yields, in order: ${plan}`, () => {
      const { file } = parsePlan(readFileSync(path.join(samples, plan), 'utf8'));
      const visited: Statement[] = [];
      forEachStatement(file, (statement) => visited.push(statement));
      expect(visited).toEqual([...statements(file)]);
      expect(visited.length).toBeGreaterThan(10);
    });
  }
});
