/**
 * Edge cases of the server's pure features (server/src/features/), beside the protocol tests in
 * test/lsp/ that cover the usual cases through the built server.
 */
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { foldingRanges } from '../../../server/src/features/folding.js';
import { goalReferences, renameGoal } from '../../../server/src/features/goal-references.js';
import { sessionDateHints } from '../../../server/src/features/inlay-hints.js';
import { onTypeFormatEdits, rangeFormatEdits } from '../../../server/src/features/range-formatting.js';
import { renumberSessionEdits } from '../../../server/src/features/renumber-sessions.js';
import { selectionRangesAt } from '../../../server/src/features/selection-ranges.js';

const PHASES = `phase initial sessions 1-3
  session 1 "A"
    task symptom-review
  session 2 "B"
  session 3 "C"
phase middle sessions 4-5
  session 4-5 "D"
    targets G1
phase termination sessions 6-8
`;

describe('renumber sessions', () => {
  test('nothing to do when the numbering is already consecutive', () => {
    expect(renumberSessionEdits(analyse(PHASES))).toBeUndefined();
  });

  test('a phase without sessions keeps its length and moves along', () => {
    const text = PHASES.replace('  session 3 "C"\n', '');
    const edits = renumberSessionEdits(analyse(text))!;
    expect(edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText])).toEqual([
      ['1-3', '1-2'],
      ['4-5', '3-4'],
      ['4-5', '3-4'],
      ['6-8', '5-7'],
    ]);
  });

  test('refused with a syntax error (a session line cut short included) or a backwards range', () => {
    expect(renumberSessionEdits(analyse(PHASES.replace('"B"', '"B')))).toBeUndefined();
    expect(renumberSessionEdits(analyse(PHASES.replace('session 4-5 "D"', 'session 5-4 "D"')))).toBeUndefined();
  });
});

describe('goal references', () => {
  test('an id defined twice: both definitions are references and both are renamed', () => {
    const text = `focus grief "x"\n  goal G1 "a"\n  goal G1 "b"\n${PHASES}`;
    const analysis = analyse(text);
    const offset = text.indexOf('targets G1') + 9;
    expect(goalReferences(analysis, offset, true).map((s) => s.start)).toEqual([text.indexOf('G1'), text.indexOf('G1', text.indexOf('G1') + 1), offset - 1]);
    expect(renameGoal(analysis, offset, 'G7')).toEqual({ edits: goalReferences(analysis, offset, true).map((span) => ({ span, newText: 'G7' })) });
  });

  test('renaming to the same id changes nothing', () => {
    const text = `focus grief "x"\n  goal G1 "a"\n${PHASES}`;
    expect(renameGoal(analyse(text), text.indexOf('G1'), 'G1')).toEqual({ edits: [] });
  });
});

describe('folding and selection', () => {
  test('a comment after a statement on the same line does not start a comment fold', () => {
    const text = `${PHASES.replace('session 2 "B"', 'session 2 "B" # moved')}# one\n`;
    expect(foldingRanges(analyse(text)).filter((r) => r.kind === 'comment')).toEqual([]);
  });

  test('on a measure line: word → line → file', () => {
    const text = `measure PHQ-9 every 4\n${PHASES}`;
    const spans = selectionRangesAt(analyse(text), 9);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['PHQ-9', 'measure PHQ-9 every 4', text]);
  });
});

describe('inlay hints', () => {
  const header = (sessions: string) => `plan "x"\n  sessions ${sessions}\n  start 2026-01-31\n`;

  test('monthly sessions keep the day of the month, moved back at a short month', () => {
    const text = header('8 monthly') + PHASES;
    expect(sessionDateHints(analyse(text)).map((h) => h.label).slice(0, 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  test('none without a known cadence', () => {
    expect(sessionDateHints(analyse(header('8') + PHASES))).toEqual([]);
  });
});

describe('range and on-type formatting', () => {
  test('range formatting is refused while the plan has a syntax error', () => {
    const text = PHASES.replace('"B"', '"B');
    expect(rangeFormatEdits(text, { start: 0, end: text.length })).toHaveProperty('error');
  });

  test('after a comment line the new line keeps the comment’s indentation', () => {
    const text = `${PHASES}    # a note to self\n\n`;
    const offset = text.length - 1;
    expect(onTypeFormatEdits(text, offset, '\n')).toEqual([{ span: { start: offset, end: offset }, newText: '    ' }]);
  });

  test('other typed characters do nothing', () => {
    expect(onTypeFormatEdits(PHASES, 10, ' ')).toEqual([]);
  });
});
