/**
 * The TextMate grammar of `.ipt` plans (syntaxes/ipt.tmLanguage.json, scope `source.ipt`).
 *
 * One statement per line, keyword first (docs/language.md), so the grammar is a set of one-line
 * regions: a line that starts with a statement keyword opens `meta.statement.<keyword>.ipt`, whose
 * patterns know what each name on that line is (`focus grief` → a problem area, `task diagnosis`
 * → a task). Nothing carries over to the next line, so a broken line never colours the rest of the
 * file. Inside a line the patterns mirror the lexer token for token, in the lexer's order, and
 * every character the lexer cannot read is `invalid.illegal`.
 *
 * The scopes are the ones VS Code falls back to for the semantic token types the language server
 * sends (server/src/features/semantic-tokens.ts; VS Code's tokenClassificationRegistry): keyword →
 * keyword.control, type → entity.name.type, class → entity.name.type.class, function →
 * entity.name.function, enumMember → variable.other.enummember, variable → variable.other.readwrite
 * or entity.name.variable, number → constant.numeric, macro → entity.name.function.preprocessor,
 * decorator → entity.name.decorator or else entity.name.function. So a word has the same colour
 * before and after the server's tokens arrive, in any theme. docs/editor.md lists them.
 */
import type { KeywordSpelling } from '../../server/src/language/lexer.js';
import { NAME, NOT_WS, WS, keywordPattern } from './patterns.js';

/** What a name is, by where it stands. */
export type NameKind =
  | 'variant'
  | 'problem-area'
  | 'stage'
  | 'goal-definition'
  | 'goal'
  | 'instrument'
  | 'risk-level'
  | 'phase'
  | 'cadence'
  | 'status'
  | 'task'
  | 'technique'
  | 'diagnosis-code';

/** A word from a fixed list: the LSP `enumMember` scope, with `constant.*` under it for themes that lack it. */
function enumScope(kind: string, constant = 'constant.language'): string {
  return `${constant}.${kind}.ipt variable.other.enummember.${kind}.ipt`;
}

export const nameScopes: Record<NameKind, string> = {
  variant: 'entity.name.type.variant.ipt',
  'problem-area': 'entity.name.type.problem-area.ipt',
  instrument: 'entity.name.type.class.instrument.ipt',
  task: 'entity.name.function.task.ipt',
  technique: 'entity.name.function.technique.ipt',
  stage: enumScope('stage'),
  phase: enumScope('phase'),
  cadence: enumScope('cadence'),
  'risk-level': enumScope('risk-level'),
  status: enumScope('status'),
  'diagnosis-code': enumScope('diagnosis-code', 'constant.other'),
  'goal-definition': 'entity.name.variable.goal.ipt',
  goal: 'variable.other.readwrite.goal.ipt',
};

/** Keywords that stand inside a statement (`code`, `at`, `every`) never start one. */
export type StatementKeyword = Exclude<KeywordSpelling, 'code' | 'at' | 'every'>;

interface StatementShape {
  /** The kind of the first name after the keyword (`focus grief "…"`). Later names are plain. */
  first?: NameKind;
  /** The kind of every name on the line (`task sick-role, diagnosis`). */
  names?: NameKind;
  /** Keywords inside the statement, and the kind of the name right after one. */
  inner?: { keyword: KeywordSpelling; then?: NameKind }[];
}

/** Each statement of docs/language.md "Statements": what its names are. */
export const statementShapes: Record<StatementKeyword, StatementShape> = {
  plan: {},
  client: {},
  clinician: {},
  supervisor: {},
  variant: { first: 'variant' },
  diagnosis: { inner: [{ keyword: 'code', then: 'diagnosis-code' }] },
  sessions: { names: 'cadence' },
  start: {},
  focus: { first: 'problem-area' },
  stage: { first: 'stage' },
  goal: { first: 'goal-definition' },
  measure: { first: 'instrument', inner: [{ keyword: 'at' }, { keyword: 'every' }] },
  risk: { first: 'risk-level', inner: [{ keyword: 'safety-plan' }] },
  'safety-plan': {},
  phase: { first: 'phase', inner: [{ keyword: 'sessions' }] },
  session: {},
  task: { names: 'task' },
  technique: { names: 'technique' },
  targets: { names: 'goal' },
  homework: {},
  note: {},
  score: { first: 'instrument' },
  date: {},
  status: { first: 'status' },
};

export function keywordScope(keyword: KeywordSpelling): string {
  return `keyword.control.${keyword}.ipt`;
}

type Rule = Record<string, unknown>;

function statementRule(keyword: StatementKeyword, shape: StatementShape): Rule {
  const first = shape.first ? `(?:${WS}*(${NAME}))?` : '';
  const beginCaptures: Record<string, { name: string }> = { 1: { name: keywordScope(keyword) } };
  if (shape.first) beginCaptures[2] = { name: nameScopes[shape.first] };
  const inner = (shape.inner ?? []).map(({ keyword: word, then }): Rule => {
    const captures: Record<string, { name: string }> = { 1: { name: keywordScope(word) } };
    if (then) captures[2] = { name: nameScopes[then] };
    return { match: `(${keywordPattern(word)})${then ? `(?:${WS}*(${NAME}))?` : ''}`, captures };
  });
  return {
    begin: `^${WS}*(${keywordPattern(keyword)})${first}`,
    beginCaptures,
    end: '$',
    name: `meta.statement.${keyword}.ipt`,
    patterns: [
      { include: '#comment' },
      { include: '#string' },
      ...inner,
      { include: '#numbers' },
      { include: '#comma' },
      shape.names ? { match: NAME, name: nameScopes[shape.names] } : { include: '#name' },
      { include: '#invalid' },
    ],
  };
}

export const directiveWords = ['ipt-disable-next-line', 'ipt-disable', 'ipt-enable'] as const;

/** The grammar as a JSON-ready object. */
export function iptGrammar(): Rule {
  const statements = Object.entries(statementShapes) as [StatementKeyword, StatementShape][];
  const repository: Record<string, Rule> = {
    statements: { patterns: statements.map(([keyword]) => ({ include: `#statement-${keyword}` })) },
    ...Object.fromEntries(statements.map(([keyword, shape]) => [`statement-${keyword}`, statementRule(keyword, shape)])),
    comment: {
      begin: '#',
      beginCaptures: { 0: { name: 'punctuation.definition.comment.ipt' } },
      end: '$',
      name: 'comment.line.number-sign.ipt',
      patterns: [{ include: '#directive' }],
    },
    // server/src/rules/suppressions.ts parseDirective: the word right after `#`, rule ids separated
    // by commas and/or spaces, and a free-text reason after a ` -- `.
    directive: {
      begin: `\\G\\s*(${directiveWords.join('|')})(?![A-Za-z-])`,
      beginCaptures: { 1: { name: 'entity.name.function.preprocessor.directive.ipt' } },
      end: '$',
      name: 'meta.directive.ipt',
      patterns: [
        {
          match: '(?<=\\s)(--)(?=\\s|$)(.*)',
          captures: { 1: { name: 'punctuation.separator.reason.ipt' }, 2: { name: 'meta.directive.reason.ipt' } },
        },
        { match: ',', name: 'punctuation.separator.comma.ipt' },
        { match: '[^\\s,]+', name: 'entity.name.function.rule-id.ipt entity.name.decorator.rule-id.ipt' },
      ],
    },
    // A string ends at the next unescaped `"`, or (unclosed: a syntax error) at the end of the line,
    // whose last character is then marked.
    string: {
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.ipt' } },
      end: '(")|(.?)$',
      endCaptures: { 1: { name: 'punctuation.definition.string.end.ipt' }, 2: { name: 'invalid.illegal.unclosed-string.ipt' } },
      name: 'string.quoted.double.ipt',
      patterns: [{ match: '\\\\["\\\\]', name: 'constant.character.escape.ipt' }],
    },
    // The lexer's order: date, duration, range, decimal, integer. Two common slips are marked whole:
    // a date written with slashes and a negative number (the server says how to fix each).
    // `(?<![0-9])`: a search never starts inside a run of digits, which would make a long run
    // quadratic. (The lexer could start a number there only right after a date, `2026-02-0212`, a
    // syntax error either way; the grammar then reads an integer where the lexer reads a range.)
    numbers: {
      patterns: [
        { match: '[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4}', name: 'invalid.illegal.date.ipt' },
        { match: '[0-9]{4}-[0-9]{2}-[0-9]{2}', name: 'constant.numeric.date.ipt' },
        { match: '(?<![0-9])[0-9]+(min)', name: 'constant.numeric.duration.ipt', captures: { 1: { name: 'keyword.other.unit.minutes.ipt' } } },
        { match: '(?<![0-9])[0-9]+-[0-9]*', name: 'constant.numeric.range.ipt' },
        { match: '(?<![0-9])[0-9]+\\.[0-9]+', name: 'constant.numeric.decimal.ipt' },
        { match: '[0-9]+', name: 'constant.numeric.integer.ipt' },
        { match: '-[0-9]+(?:\\.[0-9]+)?', name: 'invalid.illegal.negative-number.ipt' },
      ],
    },
    comma: { match: ',', name: 'punctuation.separator.comma.ipt' },
    // A name where the statement has none (or a line that starts with no keyword): the parser
    // reports it; the grammar leaves it uncoloured rather than guess, and reads it whole.
    name: { match: NAME },
    invalid: { match: NOT_WS, name: 'invalid.illegal.character.ipt' },
  };
  return {
    information_for_contributors: [
      'Generated from syntaxes/src/grammar.ts by `npm run build`: edit that file, not this one.',
      'The scopes are listed in docs/editor.md.',
    ],
    name: 'IPT Plan',
    scopeName: 'source.ipt',
    fileTypes: ['ipt'],
    patterns: [
      { include: '#statements' },
      { include: '#comment' },
      { include: '#string' },
      { include: '#numbers' },
      { include: '#comma' },
      { include: '#name' },
      { include: '#invalid' },
    ],
    repository,
  };
}
