import { Lexer } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { PlanGrammar, ruleForKeyword, statementExamples } from '../../../server/src/language/grammar.js';
import { allTokens, keywordSpellings } from '../../../server/src/language/lexer.js';
import { parsePlan } from '../../../server/src/language/parser.js';

describe('grammar', () => {
  test('passes Chevrotain grammar validations (skipped only in the production bundle)', () => {
    expect(() => new PlanGrammar({ skipValidations: false })).not.toThrow();
  });

  test('the lexer is fully optimised (ensureOptimizations throws otherwise)', () => {
    expect(() => new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyOffset' })).not.toThrow();
  });

  test('every statement keyword has a rule, and every rule an example that parses cleanly', () => {
    const starters = keywordSpellings.filter((k) => !['code', 'at', 'every'].includes(k));
    expect(starters.every((k) => ruleForKeyword[k] !== undefined)).toBe(true);
    for (const [rule, example] of Object.entries(statementExamples)) {
      for (const line of example.split('   or   ')) {
        // Items need a session, sessions a phase, goals a focus: wrap each example where it may stand.
        const wrapped = ['listItem', 'textItem', 'scoreItem', 'dateItem', 'statusItem'].includes(rule)
          ? `phase initial sessions 1\n  session 1\n    ${line}\n`
          : rule === 'sessionStatement'
            ? `phase middle sessions 4-7\n  ${line}\n`
            : ['stageStatement', 'goalStatement'].includes(rule)
              ? `focus grief "x"\n  ${line}\n`
              : rule === 'safetyPlanStatement'
                ? `risk low "x"\n  ${line}\n`
                : `${line}\n`;
        expect(parsePlan(wrapped).errors, `${rule}: ${line}`).toEqual([]);
      }
    }
  });
});
