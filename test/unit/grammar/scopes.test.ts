/**
 * Token-by-token scopes of hand-written lines, one class of token at a time, through the real
 * engine (vscode-textmate + vscode-oniguruma) and the grammar file the extension ships.
 * Scopes are shown without the `.ipt` suffix and without the `meta.statement.*` line scope;
 * whitespace between tokens is left out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { iptGrammar, tokenizeLines } from './textmate.js';

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await iptGrammar();
});

type Shown = [text: string, scopes: string];

function show(scopes: string[]): string {
  return scopes
    .filter((s) => !s.startsWith('meta.statement.'))
    .map((s) => s.replace(/\.ipt$/, ''))
    .join(' ');
}

/** Each token of each line as [text, scopes]; whitespace-only tokens with no scope of their own are left out. */
function tokens(text: string): Shown[] {
  return tokenizeLines(grammar, text)
    .flat()
    .map((t): Shown => [t.text, show(t.scopes)])
    .filter(([text, scopes]) => !(text.trim() === '' && (scopes === '' || scopes === 'meta.directive' || scopes === 'comment.line.number-sign meta.directive')));
}

const kw = (word: string): Shown => [word, `keyword.control.${word}`];
const str = (inner: string): Shown[] => [
  ['"', 'string.quoted.double punctuation.definition.string.begin'],
  ...(inner ? [[inner, 'string.quoted.double'] as Shown] : []),
  ['"', 'string.quoted.double punctuation.definition.string.end'],
];
const enumOf = (kind: string, word: string, constant = 'constant.language'): Shown => [word, `${constant}.${kind} variable.other.enummember.${kind}`];

describe('statement keywords', () => {
  it('scopes the keyword that starts a line as keyword.control.<keyword>, indented or not', () => {
    expect(tokens('plan "C-0142 acute IPT"')).toEqual([kw('plan'), ...str('C-0142 acute IPT')]);
    expect(tokens('    client "C-0142"')).toEqual([kw('client'), ...str('C-0142')]);
    expect(tokens('\tclinician "J. Rivera, LCSW"')).toEqual([kw('clinician'), ...str('J. Rivera, LCSW')]);
    expect(tokens('supervisor "M. Okafor, PhD"')).toEqual([kw('supervisor'), ...str('M. Okafor, PhD')]);
    for (const word of ['homework', 'note', 'safety-plan']) expect(tokens(`${word} "x"`)).toEqual([kw(word), ...str('x')]);
  });

  it('needs the whole word: `sessionsX`, `planned` and `safety-plan2` are names, not keywords', () => {
    expect(tokens('sessionsX 5')).toEqual([['sessionsX', ''], ['5', 'constant.numeric.integer']]);
    expect(tokens('planned "x"')).toEqual([['planned', ''], ...str('x')]);
    expect(tokens('safety-plan2 "x"')).toEqual([['safety-plan2', ''], ...str('x')]);
    expect(tokens('session.1 "x"')).toEqual([['session.1', ''], ...str('x')]);
  });

  it('tells `session` from `sessions`, and a keyword is followed directly by a string or a comment', () => {
    expect(tokens('session 4-7 "Clarify"')).toEqual([kw('session'), ['4-7', 'constant.numeric.range'], ...str('Clarify')]);
    expect(tokens('sessions 16')).toEqual([kw('sessions'), ['16', 'constant.numeric.integer']]);
    expect(tokens('plan"x"')).toEqual([kw('plan'), ...str('x')]);
    expect(tokens('plan# c')).toEqual([kw('plan'), ['#', 'comment.line.number-sign punctuation.definition.comment'], [' c', 'comment.line.number-sign']]);
  });

  it('does not treat a keyword later in a line as a statement: `task diagnosis` is a task', () => {
    expect(tokens('task diagnosis, symptom-review')).toEqual([
      kw('task'),
      ['diagnosis', 'entity.name.function.task'],
      [',', 'punctuation.separator.comma'],
      ['symptom-review', 'entity.name.function.task'],
    ]);
    expect(tokens('note "x" client')).toEqual([kw('note'), ...str('x'), ['client', '']]);
  });

  it('leaves a line that starts with no statement keyword uncoloured (the parser reports it)', () => {
    expect(tokens('tas symptom-review')).toEqual([['tas', ''], ['symptom-review', '']]);
    expect(tokens('code F33.1')).toEqual([['code', ''], ['F33.1', '']]);
  });
});

describe('vocabulary words, by the keyword before them', () => {
  it('variant and problem area: entity.name.type.*', () => {
    expect(tokens('variant adolescent')).toEqual([kw('variant'), ['adolescent', 'entity.name.type.variant']]);
    expect(tokens('focus role-dispute "Conflict"')).toEqual([kw('focus'), ['role-dispute', 'entity.name.type.problem-area'], ...str('Conflict')]);
  });

  it('stage, phase, cadence, risk level and status: enum members, with constant.language for themes without them', () => {
    expect(tokens('stage impasse')).toEqual([kw('stage'), enumOf('stage', 'impasse')]);
    expect(tokens('phase middle sessions 4-13')).toEqual([kw('phase'), enumOf('phase', 'middle'), kw('sessions'), ['4-13', 'constant.numeric.range']]);
    expect(tokens('sessions 16 biweekly 50min')).toEqual([
      kw('sessions'),
      ['16', 'constant.numeric.integer'],
      enumOf('cadence', 'biweekly'),
      ['50', 'constant.numeric.duration'],
      ['min', 'constant.numeric.duration keyword.other.unit.minutes'],
    ]);
    expect(tokens('risk high "Plan and intent"')).toEqual([kw('risk'), enumOf('risk-level', 'high'), ...str('Plan and intent')]);
    expect(tokens('status cancelled')).toEqual([kw('status'), enumOf('status', 'cancelled')]);
  });

  it('a diagnosis code after `code`', () => {
    expect(tokens('diagnosis "MDD" code F33.1')).toEqual([kw('diagnosis'), ...str('MDD'), kw('code'), enumOf('diagnosis-code', 'F33.1', 'constant.other')]);
  });

  it('tasks and techniques: entity.name.function.*; instruments: entity.name.type.class.instrument', () => {
    expect(tokens('technique role-play,communication-analysis')).toEqual([
      kw('technique'),
      ['role-play', 'entity.name.function.technique'],
      [',', 'punctuation.separator.comma'],
      ['communication-analysis', 'entity.name.function.technique'],
    ]);
    expect(tokens('score PHQ-9 18')).toEqual([kw('score'), ['PHQ-9', 'entity.name.type.class.instrument'], ['18', 'constant.numeric.integer']]);
    expect(tokens('score BDI-II 12.5')).toEqual([kw('score'), ['BDI-II', 'entity.name.type.class.instrument'], ['12.5', 'constant.numeric.decimal']]);
  });

  it('a keyword spelling is a value where a name stands: `phase sessions …`, `measure at at 1`', () => {
    expect(tokens('measure at at 1')).toEqual([kw('measure'), ['at', 'entity.name.type.class.instrument'], kw('at'), ['1', 'constant.numeric.integer']]);
    expect(tokens('focus task "x"')).toEqual([kw('focus'), ['task', 'entity.name.type.problem-area'], ...str('x')]);
  });

  it('unknown words get the scope of their place too (the rules say they are unknown)', () => {
    expect(tokens('variant acutee')).toEqual([kw('variant'), ['acutee', 'entity.name.type.variant']]);
  });

  it('a second name where the statement has one is left uncoloured', () => {
    expect(tokens('variant acute brief')).toEqual([kw('variant'), ['acute', 'entity.name.type.variant'], ['brief', '']]);
  });
});

describe('goal ids', () => {
  it('after `goal` (the definition) and in `targets` lists (references)', () => {
    expect(tokens('goal G1 "State needs calmly"')).toEqual([kw('goal'), ['G1', 'entity.name.variable.goal'], ...str('State needs calmly')]);
    expect(tokens('targets G1, G2')).toEqual([
      kw('targets'),
      ['G1', 'variable.other.readwrite.goal'],
      [',', 'punctuation.separator.comma'],
      ['G2', 'variable.other.readwrite.goal'],
    ]);
  });
});

describe('numbers, ranges, dates and durations', () => {
  it('measure schedules: `at` lists and `every`', () => {
    expect(tokens('measure HAM-D at 1, 8-9, 16')).toEqual([
      kw('measure'),
      ['HAM-D', 'entity.name.type.class.instrument'],
      kw('at'),
      ['1', 'constant.numeric.integer'],
      [',', 'punctuation.separator.comma'],
      ['8-9', 'constant.numeric.range'],
      [',', 'punctuation.separator.comma'],
      ['16', 'constant.numeric.integer'],
    ]);
    expect(tokens('measure PHQ-9 every 4')).toEqual([kw('measure'), ['PHQ-9', 'entity.name.type.class.instrument'], kw('every'), ['4', 'constant.numeric.integer']]);
  });

  it('dates in `start` and `date`', () => {
    expect(tokens('start 2026-02-02')).toEqual([kw('start'), ['2026-02-02', 'constant.numeric.date']]);
    expect(tokens('  date 2026-12-31')).toEqual([kw('date'), ['2026-12-31', 'constant.numeric.date']]);
  });

  it('reads numbers as the lexer does: `4-` is a range, `16weekly` a number then a name, `50mins` a duration then a name', () => {
    expect(tokens('session 4-')).toEqual([kw('session'), ['4-', 'constant.numeric.range']]);
    expect(tokens('sessions 16weekly')).toEqual([kw('sessions'), ['16', 'constant.numeric.integer'], enumOf('cadence', 'weekly')]);
    expect(tokens('sessions 16 weekly 50mins')).toEqual([
      kw('sessions'),
      ['16', 'constant.numeric.integer'],
      enumOf('cadence', 'weekly'),
      ['50', 'constant.numeric.duration'],
      ['min', 'constant.numeric.duration keyword.other.unit.minutes'],
      enumOf('cadence', 's'),
    ]);
  });

  it('marks a negative number and a date with slashes as invalid (the server explains each)', () => {
    expect(tokens('score PHQ-9 -2')).toEqual([kw('score'), ['PHQ-9', 'entity.name.type.class.instrument'], ['-2', 'invalid.illegal.negative-number']]);
    expect(tokens('date 09/03/2026')).toEqual([kw('date'), ['09/03/2026', 'invalid.illegal.date']]);
    expect(tokens('score PHQ-9 -1.5')).toEqual([kw('score'), ['PHQ-9', 'entity.name.type.class.instrument'], ['-1.5', 'invalid.illegal.negative-number']]);
  });
});

describe('strings', () => {
  it('has begin and end punctuation, and escapes for \\" and \\\\', () => {
    expect(tokens('note "She called it \\"the quiet war\\" \\\\ ok"')).toEqual([
      kw('note'),
      ['"', 'string.quoted.double punctuation.definition.string.begin'],
      ['She called it ', 'string.quoted.double'],
      ['\\"', 'string.quoted.double constant.character.escape'],
      ['the quiet war', 'string.quoted.double'],
      ['\\"', 'string.quoted.double constant.character.escape'],
      [' ', 'string.quoted.double'],
      ['\\\\', 'string.quoted.double constant.character.escape'],
      [' ok', 'string.quoted.double'],
      ['"', 'string.quoted.double punctuation.definition.string.end'],
    ]);
  });

  it('keeps `#` inside a string, and a comment after it is a comment', () => {
    expect(tokens('note "Call #2 went well" # checked')).toEqual([
      kw('note'),
      ...str('Call #2 went well'),
      ['#', 'comment.line.number-sign punctuation.definition.comment'],
      [' checked', 'comment.line.number-sign'],
    ]);
  });

  it('an empty string', () => {
    expect(tokens('homework ""')).toEqual([kw('homework'), ...str('')]);
  });

  it('an unclosed string ends at the end of its line, its last character marked, and the next line is read afresh', () => {
    expect(tokens('note "no closing quote\nstatus held')).toEqual([
      kw('note'),
      ['"', 'string.quoted.double punctuation.definition.string.begin'],
      ['no closing quot', 'string.quoted.double'],
      ['e', 'string.quoted.double invalid.illegal.unclosed-string'],
      kw('status'),
      enumOf('status', 'held'),
    ]);
  });

  it('an escaped quote at the end of a line does not close the string; a lone backslash at the end is the unclosed mark', () => {
    expect(tokens('note "ends with \\"')).toEqual([
      kw('note'),
      ['"', 'string.quoted.double punctuation.definition.string.begin'],
      ['ends with ', 'string.quoted.double'],
      ['\\"', 'string.quoted.double constant.character.escape'],
    ]);
    expect(tokens('note "ends with \\')).toEqual([
      kw('note'),
      ['"', 'string.quoted.double punctuation.definition.string.begin'],
      ['ends with ', 'string.quoted.double'],
      ['\\', 'string.quoted.double invalid.illegal.unclosed-string'],
    ]);
  });

  it('other backslashes are plain text, as the lexer keeps them', () => {
    expect(tokens('note "a\\b"')).toEqual([kw('note'), ...str('a\\b')]);
  });
});

describe('comments and inline directives', () => {
  it('a comment line, indented or not', () => {
    expect(tokens('  # reviewed with supervisor')).toEqual([
      ['#', 'comment.line.number-sign punctuation.definition.comment'],
      [' reviewed with supervisor', 'comment.line.number-sign'],
    ]);
    expect(tokens('#')).toEqual([['#', 'comment.line.number-sign punctuation.definition.comment']]);
  });

  const directive = (word: string): Shown => [word, 'comment.line.number-sign meta.directive entity.name.function.preprocessor.directive'];
  const rule = (id: string): Shown => [id, 'comment.line.number-sign meta.directive entity.name.function.rule-id entity.name.decorator.rule-id'];
  const comma: Shown = [',', 'comment.line.number-sign meta.directive punctuation.separator.comma'];
  const hash: Shown = ['#', 'comment.line.number-sign punctuation.definition.comment'];

  it('a directive with several rule ids (commas and/or spaces) and a reason', () => {
    expect(tokens('# ipt-disable-next-line phase-length, task session-dates -- our service runs 4 initial sessions')).toEqual([
      hash,
      directive('ipt-disable-next-line'),
      rule('phase-length'),
      comma,
      rule('task'),
      rule('session-dates'),
      ['--', 'comment.line.number-sign meta.directive punctuation.separator.reason'],
      [' our service runs 4 initial sessions', 'comment.line.number-sign meta.directive meta.directive.reason'],
    ]);
  });

  it('ipt-disable and ipt-enable, also right after `#` and after a statement', () => {
    expect(tokens('#ipt-disable phi')).toEqual([hash, directive('ipt-disable'), rule('phi')]);
    expect(tokens('# ipt-enable phi,task')).toEqual([hash, directive('ipt-enable'), rule('phi'), comma, rule('task')]);
    expect(tokens('date 2026-05-18 # ipt-disable-next-line session-dates')).toEqual([
      kw('date'),
      ['2026-05-18', 'constant.numeric.date'],
      hash,
      directive('ipt-disable-next-line'),
      rule('session-dates'),
    ]);
  });

  it('reads words as the suppressions module does: a `--` inside a word is part of a rule id, a digit ends the directive word', () => {
    expect(tokens('# ipt-disable a--b --c')).toEqual([hash, directive('ipt-disable'), rule('a--b'), rule('--c')]);
    // The server reads `2` as a (unknown) rule id and says so.
    expect(tokens('# ipt-disable-next-line2 phi')).toEqual([hash, directive('ipt-disable-next-line'), rule('2'), rule('phi')]);
  });

  it('a bare directive, and a reason with no rule ids', () => {
    expect(tokens('# ipt-disable')).toEqual([hash, directive('ipt-disable')]);
    expect(tokens('# ipt-disable -- why')).toEqual([
      hash,
      directive('ipt-disable'),
      ['--', 'comment.line.number-sign meta.directive punctuation.separator.reason'],
      [' why', 'comment.line.number-sign meta.directive meta.directive.reason'],
    ]);
  });

  it('is not a directive: a misspelt or unknown word, or the word later in the comment', () => {
    for (const text of ['# ipt-disable-line phi', '# ipt-disabled phi', '# ipt-disable-next phi', '# see ipt-disable phi', '# ipt-other']) {
      expect(tokens(text), text).toEqual([hash, [text.slice(1), 'comment.line.number-sign']]);
    }
  });
});

describe('characters the lexer cannot read', () => {
  it('are invalid.illegal one by one, and the rest of the line is still read', () => {
    expect(tokens('note “curly” @ ok')).toEqual([
      kw('note'),
      ['“', 'invalid.illegal.character'],
      ['curly', ''],
      ['”', 'invalid.illegal.character'],
      ['@', 'invalid.illegal.character'],
      ['ok', ''],
    ]);
    expect(tokens('task a-, b.')).toEqual([
      kw('task'),
      ['a', 'entity.name.function.task'],
      ['-', 'invalid.illegal.character'],
      [',', 'punctuation.separator.comma'],
      ['b', 'entity.name.function.task'],
      ['.', 'invalid.illegal.character'],
    ]);
  });

  it('the lexer\'s whitespace (tab, no-break space) is whitespace; other spaces are not', () => {
    expect(tokens('status\t\u00a0held')).toEqual([kw('status'), enumOf('status', 'held')]);
    expect(tokens('status\u2003held')).toEqual([kw('status'), ['\u2003', 'invalid.illegal.character'], ['held', '']]);
  });
});

describe('the whole line shape', () => {
  it('risk with its safety plan on the same line', () => {
    expect(tokens('risk moderate "Thoughts" safety-plan "Agreed"')).toEqual([
      kw('risk'),
      enumOf('risk-level', 'moderate'),
      ...str('Thoughts'),
      kw('safety-plan'),
      ...str('Agreed'),
    ]);
  });

  it('puts each statement in meta.statement.<keyword>, which ends with the line', () => {
    const [first, second] = tokenizeLines(grammar, '  phase initial sessions 1-3\nsession 1');
    expect(first.every((t) => t.scopes[0] === 'meta.statement.phase.ipt')).toBe(true);
    expect(second.every((t) => t.scopes[0] === 'meta.statement.session.ipt')).toBe(true);
  });
});
