/** Semantic tokens, decoded from the LSP integer array back to readable tuples. */
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { semanticTokensData, semanticTokensLegend } from '../../../server/src/features/semantic-tokens.js';
import { PLAN } from './cursor.js';
import { decodeSemanticTokens } from './semantic-decode.js';

type Tuple = [line: number, text: string, type: string, ...modifiers: string[]];

/** Each token as [line, its text, type, modifiers…]. */
function decode(text: string, data: number[]): Tuple[] {
  const lines = text.split(/\r\n|\r|\n/);
  return decodeSemanticTokens(data).map((t): Tuple => [t.line, lines[t.line].slice(t.char, t.char + t.length), t.type, ...t.modifiers]);
}

function tokens(text: string, span?: { start: number; end: number }): Tuple[] {
  return decode(text, semanticTokensData(analyse(text), span));
}

describe('the legend', () => {
  test('standard LSP token types where they fit, and the modifiers', () => {
    expect(semanticTokensLegend.tokenTypes).toEqual(['keyword', 'type', 'enumMember', 'function', 'class', 'variable', 'number', 'string', 'comment', 'macro', 'decorator']);
    expect(semanticTokensLegend.tokenModifiers).toEqual([
      'declaration', 'unknown', 'nonIpt', 'date', 'variant', 'area', 'stage', 'phase', 'task', 'technique', 'instrument', 'cadence', 'risk', 'status',
    ]);
  });
});

describe('a whole plan', () => {
  test('header, focus, measure and a session', () => {
    const text = [
      '# C-0142, reviewed',
      'plan "C-0142 acute IPT"',
      '  variant acute',
      '  diagnosis "MDD" code F33.1',
      '  sessions 16 weekly 50min',
      '  start 2026-02-02',
      'focus role-dispute "Conflict"',
      '  stage renegotiation',
      '  goal G1 "Expectations"',
      'measure PHQ-9 every 4',
      'risk moderate "Thoughts" safety-plan "Agreed"',
      'phase initial sessions 1-3',
      '  session 1 "Assessment"',
      '    task sick-role, interpersonal-inventory',
      '    technique role-play',
      '    targets G1',
      '    score PHQ-9 18',
      '    date 2026-02-02',
      '    status held',
      '',
    ].join('\n');
    expect(tokens(text)).toEqual([
      [0, '# C-0142, reviewed', 'comment'],
      [1, 'plan', 'keyword'],
      [1, '"C-0142 acute IPT"', 'string'],
      [2, 'variant', 'keyword'],
      [2, 'acute', 'type', 'variant'],
      [3, 'diagnosis', 'keyword'],
      [3, '"MDD"', 'string'],
      [3, 'code', 'keyword'],
      [3, 'F33.1', 'enumMember'],
      [4, 'sessions', 'keyword'],
      [4, '16', 'number'],
      [4, 'weekly', 'enumMember', 'cadence'],
      [4, '50min', 'number'],
      [5, 'start', 'keyword'],
      [5, '2026-02-02', 'number', 'date'],
      [6, 'focus', 'keyword'],
      [6, 'role-dispute', 'type', 'area'],
      [6, '"Conflict"', 'string'],
      [7, 'stage', 'keyword'],
      [7, 'renegotiation', 'enumMember', 'stage'],
      [8, 'goal', 'keyword'],
      [8, 'G1', 'variable', 'declaration'],
      [8, '"Expectations"', 'string'],
      [9, 'measure', 'keyword'],
      [9, 'PHQ-9', 'class', 'instrument'],
      [9, 'every', 'keyword'],
      [9, '4', 'number'],
      [10, 'risk', 'keyword'],
      [10, 'moderate', 'enumMember', 'risk'],
      [10, '"Thoughts"', 'string'],
      [10, 'safety-plan', 'keyword'],
      [10, '"Agreed"', 'string'],
      [11, 'phase', 'keyword'],
      [11, 'initial', 'enumMember', 'phase'],
      [11, 'sessions', 'keyword'],
      [11, '1-3', 'number'],
      [12, 'session', 'keyword'],
      [12, '1', 'number'],
      [12, '"Assessment"', 'string'],
      [13, 'task', 'keyword'],
      [13, 'sick-role', 'function', 'task'],
      [13, 'interpersonal-inventory', 'function', 'task'],
      [14, 'technique', 'keyword'],
      [14, 'role-play', 'function', 'technique'],
      [15, 'targets', 'keyword'],
      [15, 'G1', 'variable'],
      [16, 'score', 'keyword'],
      [16, 'PHQ-9', 'class', 'instrument'],
      [16, '18', 'number'],
      [17, 'date', 'keyword'],
      [17, '2026-02-02', 'number', 'date'],
      [18, 'status', 'keyword'],
      [18, 'held', 'enumMember', 'status'],
    ]);
  });

  test('every token of the sample plan lies on one line and inside it', () => {
    const decoded = tokens(PLAN);
    expect(decoded.length).toBeGreaterThan(100);
    for (const [, text] of decoded) expect(text).not.toBe('');
  });
});

describe('unknown and non-IPT words', () => {
  test('a word the rules reported and the catalogue lacks is `unknown`; a non-IPT technique is `nonIpt`', () => {
    const text = 'plan "x"\nfocus grief "x"\n  goal G1 "y"\nphase initial sessions 1-3\n  session 1\n    task sick-rol, formulation\n    technique thought-record\n    targets G7\n';
    const words = tokens(text).filter(([line]) => line >= 5).map(([line, ...rest]): Tuple => [line - 2, ...rest]);
    expect(words).toEqual([
      [3, 'task', 'keyword'],
      [3, 'sick-rol', 'function', 'unknown', 'task'],
      [3, 'formulation', 'function', 'task'],
      [4, 'technique', 'keyword'],
      [4, 'thought-record', 'function', 'nonIpt', 'technique'],
      [5, 'targets', 'keyword'],
      [5, 'G7', 'variable', 'unknown'],
    ]);
  });

  test('a known task in the wrong phase is reported but not unknown', () => {
    const text = 'plan "x"\nphase termination sessions 1-3\n  session 1\n    task sick-role\n';
    expect(tokens(text).find(([, word]) => word === 'sick-role')).toEqual([3, 'sick-role', 'function', 'task']);
  });
});

describe('directives', () => {
  test('the directive word, its rule ids and the reason', () => {
    const text = 'plan "x"\n  # ipt-disable-next-line phi, task -- reviewed\n  client "C-1"\n';
    expect(tokens(text).filter(([line]) => line === 1)).toEqual([
      [1, '# ', 'comment'],
      [1, 'ipt-disable-next-line', 'macro'],
      [1, ' ', 'comment'],
      [1, 'phi', 'decorator'],
      [1, ', ', 'comment'],
      [1, 'task', 'decorator'],
      [1, ' -- reviewed', 'comment'],
    ]);
  });
});

describe('lines the parser could not read', () => {
  test('keep their keywords, strings, numbers and dates', () => {
    const text = 'plan "x"\nphase initial sessions 1-3\n  session 1 "a" "b"\n    date 2026-02-30\n    score PHQ-9 "x" 3\n';
    const decoded = tokens(text).filter(([line]) => line >= 2);
    expect(decoded).toEqual([
      [2, 'session', 'keyword'],
      [2, '1', 'number'],
      [2, '"a"', 'string'],
      [2, '"b"', 'string'],
      [3, 'date', 'keyword'],
      [3, '2026-02-30', 'number', 'date'],
      [4, 'score', 'keyword'],
      [4, '"x"', 'string'],
      [4, '3', 'number'],
    ]);
  });
});

describe('a range', () => {
  test('only the tokens of the lines asked for, encoded from the start of the document', () => {
    const start = PLAN.indexOf('phase termination');
    const end = PLAN.indexOf('  session 15');
    expect(tokens(PLAN, { start, end })).toEqual([
      [36, 'phase', 'keyword'],
      [36, 'termination', 'enumMember', 'phase'],
      [36, 'sessions', 'keyword'],
      [36, '14-16', 'number'],
      [37, 'session', 'keyword'],
      [37, '14', 'number'],
      [37, '"Review progress"', 'string'],
      [38, 'task', 'keyword'],
      [38, 'review-progress', 'function', 'task'],
    ]);
  });
});
