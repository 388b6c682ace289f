import { describe, expect, test } from 'vitest';
import { lexPlan, stringValue } from '../../../server/src/language/lexer.js';

/** Token type names and images, without line breaks. */
function lex(text: string) {
  const result = lexPlan(text);
  return {
    tokens: result.tokens.filter((t) => t.tokenType.name !== 'Newline').map((t) => [t.tokenType.name, t.image]),
    errors: result.errors,
    comments: result.comments,
  };
}

describe('lexer', () => {
  test('every keyword is its own token', () => {
    const keywords = ['plan', 'client', 'clinician', 'supervisor', 'variant', 'diagnosis', 'code', 'sessions', 'start', 'focus', 'stage', 'goal', 'measure', 'at', 'every', 'risk', 'safety-plan', 'phase', 'session', 'task', 'technique', 'targets', 'homework', 'note', 'score', 'date', 'status'];
    for (const keyword of keywords) {
      expect(lex(keyword).tokens, keyword).toEqual([[`kw:${keyword}`, keyword]]);
    }
  });

  test('keywords never swallow identifiers', () => {
    expect(lex('sessionsX').tokens).toEqual([['Identifier', 'sessionsX']]);
    expect(lex('session').tokens).toEqual([['kw:session', 'session']]);
    expect(lex('sessions').tokens).toEqual([['kw:sessions', 'sessions']]);
    expect(lex('planned').tokens).toEqual([['Identifier', 'planned']]);
    expect(lex('at-home').tokens).toEqual([['Identifier', 'at-home']]);
    expect(lex('safety-planning').tokens).toEqual([['Identifier', 'safety-planning']]);
    expect(lex('task-list').tokens).toEqual([['Identifier', 'task-list']]);
  });

  test('identifiers with dashes, dots and digits', () => {
    expect(lex('role-dispute PHQ-9 G1 sick-role F33.1 BDI-II').tokens).toEqual([
      ['Identifier', 'role-dispute'],
      ['Identifier', 'PHQ-9'],
      ['Identifier', 'G1'],
      ['Identifier', 'sick-role'],
      ['Identifier', 'F33.1'],
      ['Identifier', 'BDI-II'],
    ]);
  });

  test('numbers, ranges, dates and durations', () => {
    expect(lex('16 12.5 1-3 4-13 2026-02-02 50min 4-').tokens).toEqual([
      ['Integer', '16'],
      ['Decimal', '12.5'],
      ['Range', '1-3'],
      ['Range', '4-13'],
      ['Date', '2026-02-02'],
      ['Duration', '50min'],
      ['Range', '4-'],
    ]);
  });

  test('strings on one line with \\" and \\\\ escapes', () => {
    const result = lexPlan('note "She said \\"no\\" \\\\ twice"');
    const string = result.tokens[1];
    expect(string.tokenType.name).toBe('String');
    expect(stringValue(string)).toBe('She said "no" \\ twice');
    expect(result.errors).toEqual([]);
  });

  test('an unterminated string is one token to the end of the line, not a cascade', () => {
    const result = lexPlan('note "never closed, at all\nsession 2 "ok"');
    const names = result.tokens.map((t) => t.tokenType.name);
    expect(names).toEqual(['kw:note', 'UnterminatedString', 'Newline', 'kw:session', 'Integer', 'String']);
    expect(result.errors).toEqual([]);
  });

  test('comments run from # to the end of the line and are kept aside', () => {
    const result = lex('task formulation # agreed with client\n# ipt-disable-next-line phi -- reason');
    expect(result.tokens).toEqual([
      ['kw:task', 'task'],
      ['Identifier', 'formulation'],
    ]);
    expect(result.comments.map((c) => c.text)).toEqual([' agreed with client', ' ipt-disable-next-line phi -- reason']);
    expect(result.comments[0].span).toEqual({ start: 17, end: 37 });
  });

  test('commas, line breaks of every kind, tabs and a byte-order mark', () => {
    const result = lexPlan('\ufefftask a,\tb\r\nnote "x"\rstatus held\n');
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(['kw:task', 'Identifier', 'Comma', 'Identifier', 'Newline', 'kw:note', 'String', 'Newline', 'kw:status', 'Identifier', 'Newline']);
    expect(result.errors).toEqual([]);
  });

  test('tokens carry exact offsets', () => {
    const result = lexPlan('  goal G1 "Text"');
    expect(result.tokens.map((t) => [t.startOffset, t.image.length])).toEqual([
      [2, 4],
      [7, 2],
      [10, 6],
    ]);
  });

  test('an unknown character is one lexing error with its exact span', () => {
    const result = lexPlan('score PHQ-9 @@ 12');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].span).toEqual({ start: 12, end: 14 });
    expect(result.errors[0].message).toContain('`@@`');
  });
});
