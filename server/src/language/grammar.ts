/**
 * The statement grammar (Chevrotain CST parser). The language is one statement per line, so the
 * parser reads one line at a time (see parser.ts): a broken line can never swallow the next one.
 * Each statement keyword has its own rule; `statementRules` maps the keyword to it.
 */
import { CstParser, EOF, type CstNode, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens,
  AnyName,
  AnyString,
  Comma,
  DateLiteral,
  Decimal,
  Duration,
  Integer,
  Keyword as K,
  Range,
  type KeywordSpelling,
} from './lexer.js';

/** How each rule is written, for error messages ("write it as …"). */
export const statementExamples: Record<string, string> = {
  planStatement: 'plan "C-0142 acute IPT"',
  textHeader: 'client "C-0142"',
  variantStatement: 'variant acute',
  diagnosisStatement: 'diagnosis "Major depressive disorder, recurrent, moderate" code F33.1',
  sessionsStatement: 'sessions 16 weekly 50min',
  startStatement: 'start 2026-02-02',
  focusStatement: 'focus role-dispute "Conflict with partner about caring for their newborn"',
  stageStatement: 'stage renegotiation',
  goalStatement: 'goal G1 "State needs calmly during disagreements"',
  measureStatement: 'measure PHQ-9 every 4   or   measure HAM-D at 1, 16',
  riskStatement: 'risk low "Passive thoughts of death at intake; no plan or intent"',
  safetyPlanStatement: 'safety-plan "Warning signs, coping steps and contacts agreed; crisis line 988"',
  phaseStatement: 'phase middle sessions 4-13',
  sessionStatement: 'session 4-7 "Clarify the dispute"',
  listItem: 'task interpersonal-inventory, closeness-circle',
  textItem: 'note "Parent joins for psychoeducation"',
  scoreItem: 'score PHQ-9 18',
  dateItem: 'date 2026-02-09',
  statusItem: 'status held',
};

const tokenDescriptions: Record<string, string> = {
  AnyName: 'a name',
  Identifier: 'a name',
  AnyString: 'quoted text',
  String: 'quoted text',
  UnterminatedString: 'quoted text',
  Integer: 'a whole number',
  Decimal: 'a number',
  Range: 'a session range such as 4-13',
  Date: 'a date such as 2026-02-02',
  Duration: 'a session length such as 50min',
  Comma: 'a comma',
};

export function describeTokenType(type: TokenType): string {
  if (type === EOF) return 'the end of the line';
  if (type.name.startsWith('kw:')) return `\`${type.name.slice(3)}\``;
  return tokenDescriptions[type.name] ?? type.name;
}

export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the line';
  const image = token.image.length > 30 ? `${token.image.slice(0, 30)}…` : token.image;
  return `\`${image}\``;
}

function example(ruleName: string): string {
  const text = statementExamples[ruleName];
  return text ? ` Write it as: ${text}` : '';
}

/** Joins the descriptions of alternatives, merging the number forms into one plain phrase. */
function either(types: Iterable<TokenType>): string {
  const names = new Set<string>();
  for (const type of types) names.add(type.name);
  if (names.has('Range') && names.has('Integer')) {
    names.delete('Range');
    names.delete('Integer');
    names.add('SessionNumber');
  }
  if (names.has('Decimal') && names.has('Integer')) names.delete('Integer');
  const described = [...names].map((name) => (name === 'SessionNumber' ? 'a session number or range (such as 4 or 4-13)' : describeTokenType(allTokens.find((t) => t.name === name) ?? EOF)));
  return described.join(' or ');
}

/** Words left over after a complete statement. In a list the likely slip is a missing comma. */
function extraTokens(token: IToken, ruleName: string): string {
  if (ruleName === 'listItem' && token.tokenType.CATEGORIES?.includes(AnyName)) {
    return `Unexpected ${describeToken(token)}: separate the names in a list with commas.${example(ruleName)}`;
  }
  return `Unexpected ${describeToken(token)}: the statement is already complete. One fact per line — remove it or put it on its own line.${example(ruleName)}`;
}

/** Plain-language parser messages: what was expected, what was found, and how to write it. */
const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (expected === EOF) return extraTokens(actual, ruleName);
    const after = previous && previous.tokenType !== EOF ? ` after ${describeToken(previous)}` : '';
    return `Expected ${describeTokenType(expected)}${after}, found ${describeToken(actual)}.${example(ruleName)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }) {
    return extraTokens(firstRedundant, ruleName);
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const firsts = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]).filter((t) => t !== undefined));
    const after = previous && previous.tokenType !== EOF ? ` after ${describeToken(previous)}` : '';
    return `Expected ${either(firsts)}${after}, found ${describeToken(actual[0])}.${example(ruleName)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    const firsts = expectedIterationPaths.map((path) => path[0]).filter((t) => t !== undefined);
    const after = previous && previous.tokenType !== EOF ? ` after ${describeToken(previous)}` : '';
    return `Expected ${either(firsts)}${after}, found ${describeToken(actual[0])}.${example(ruleName)}`;
  },
};

export class PlanGrammar extends CstParser {
  constructor(options: { skipValidations?: boolean } = {}) {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 2,
      skipValidations: options.skipValidations ?? false,
      errorMessageProvider: messages,
    });
    this.performSelfAnalysis();
  }

  /** `4` or `4-13`; `idx` keeps the occurrences apart when a rule reads several. */
  private sessionNumber(label: string, idx: number) {
    this.or(idx, [
      { ALT: () => this.consume(idx, Range, { LABEL: label }) },
      { ALT: () => this.consume(idx, Integer, { LABEL: label }) },
    ]);
  }

  readonly planStatement = this.RULE('planStatement', () => {
    this.CONSUME(K.plan, { LABEL: 'keyword' });
    this.OPTION(() => this.CONSUME(AnyString, { LABEL: 'title' }));
  });

  readonly textHeader = this.RULE('textHeader', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.client, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(K.clinician, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(K.supervisor, { LABEL: 'keyword' }) },
    ]);
    this.CONSUME(AnyString, { LABEL: 'text' });
  });

  readonly variantStatement = this.RULE('variantStatement', () => {
    this.CONSUME(K.variant, { LABEL: 'keyword' });
    this.CONSUME(AnyName, { LABEL: 'name' });
  });

  readonly diagnosisStatement = this.RULE('diagnosisStatement', () => {
    this.CONSUME(K.diagnosis, { LABEL: 'keyword' });
    this.CONSUME(AnyString, { LABEL: 'text' });
    this.OPTION(() => {
      this.CONSUME(K.code, { LABEL: 'codeKeyword' });
      this.CONSUME(AnyName, { LABEL: 'code' });
    });
  });

  readonly sessionsStatement = this.RULE('sessionsStatement', () => {
    this.CONSUME(K.sessions, { LABEL: 'keyword' });
    this.CONSUME(Integer, { LABEL: 'count' });
    this.OPTION(() => this.CONSUME(AnyName, { LABEL: 'cadence' }));
    this.OPTION2(() => this.CONSUME(Duration, { LABEL: 'duration' }));
  });

  readonly startStatement = this.RULE('startStatement', () => {
    this.CONSUME(K.start, { LABEL: 'keyword' });
    this.CONSUME(DateLiteral, { LABEL: 'date' });
  });

  readonly focusStatement = this.RULE('focusStatement', () => {
    this.CONSUME(K.focus, { LABEL: 'keyword' });
    this.CONSUME(AnyName, { LABEL: 'area' });
    this.CONSUME(AnyString, { LABEL: 'text' });
  });

  readonly stageStatement = this.RULE('stageStatement', () => {
    this.CONSUME(K.stage, { LABEL: 'keyword' });
    this.CONSUME(AnyName, { LABEL: 'name' });
  });

  readonly goalStatement = this.RULE('goalStatement', () => {
    this.CONSUME(K.goal, { LABEL: 'keyword' });
    this.CONSUME(AnyName, { LABEL: 'id' });
    this.CONSUME(AnyString, { LABEL: 'text' });
  });

  readonly measureStatement = this.RULE('measureStatement', () => {
    this.CONSUME(K.measure, { LABEL: 'keyword' });
    this.CONSUME(AnyName, { LABEL: 'instrument' });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.at, { LABEL: 'at' });
          this.sessionNumber('sessions', 1);
          this.MANY(() => {
            this.CONSUME(Comma);
            this.sessionNumber('sessions', 2);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.every, { LABEL: 'every' });
          this.CONSUME(Integer, { LABEL: 'interval' });
        },
      },
    ]);
  });

  readonly riskStatement = this.RULE('riskStatement', () => {
    this.CONSUME(K.risk, { LABEL: 'keyword' });
    this.CONSUME(AnyName, { LABEL: 'level' });
    this.CONSUME(AnyString, { LABEL: 'text' });
    this.OPTION(() => {
      this.CONSUME(K['safety-plan'], { LABEL: 'safetyPlanKeyword' });
      this.CONSUME2(AnyString, { LABEL: 'safetyPlan' });
    });
  });

  readonly safetyPlanStatement = this.RULE('safetyPlanStatement', () => {
    this.CONSUME(K['safety-plan'], { LABEL: 'keyword' });
    this.CONSUME(AnyString, { LABEL: 'text' });
  });

  readonly phaseStatement = this.RULE('phaseStatement', () => {
    this.CONSUME(K.phase, { LABEL: 'keyword' });
    this.CONSUME(AnyName, { LABEL: 'name' });
    this.CONSUME(K.sessions, { LABEL: 'sessionsKeyword' });
    this.sessionNumber('range', 1);
  });

  readonly sessionStatement = this.RULE('sessionStatement', () => {
    this.CONSUME(K.session, { LABEL: 'keyword' });
    this.sessionNumber('number', 1);
    this.OPTION(() => this.CONSUME(AnyString, { LABEL: 'title' }));
  });

  readonly listItem = this.RULE('listItem', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.task, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(K.technique, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(K.targets, { LABEL: 'keyword' }) },
    ]);
    this.CONSUME1(AnyName, { LABEL: 'values' });
    this.MANY(() => {
      this.CONSUME(Comma);
      this.CONSUME2(AnyName, { LABEL: 'values' });
    });
  });

  readonly textItem = this.RULE('textItem', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.homework, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(K.note, { LABEL: 'keyword' }) },
    ]);
    this.CONSUME(AnyString, { LABEL: 'text' });
  });

  readonly scoreItem = this.RULE('scoreItem', () => {
    this.CONSUME(K.score, { LABEL: 'keyword' });
    this.CONSUME(AnyName, { LABEL: 'instrument' });
    this.OR([
      { ALT: () => this.CONSUME(Integer, { LABEL: 'value' }) },
      { ALT: () => this.CONSUME(Decimal, { LABEL: 'value' }) },
    ]);
  });

  readonly dateItem = this.RULE('dateItem', () => {
    this.CONSUME(K.date, { LABEL: 'keyword' });
    this.CONSUME(DateLiteral, { LABEL: 'date' });
  });

  readonly statusItem = this.RULE('statusItem', () => {
    this.CONSUME(K.status, { LABEL: 'keyword' });
    this.CONSUME(AnyName, { LABEL: 'value' });
  });
}

export type StatementRuleName = keyof typeof statementExamples;

/** Which rule parses a line that starts with this keyword (`code`, `at`, `every` start no statement). */
export const ruleForKeyword: Partial<Record<KeywordSpelling, StatementRuleName>> = {
  plan: 'planStatement',
  client: 'textHeader',
  clinician: 'textHeader',
  supervisor: 'textHeader',
  variant: 'variantStatement',
  diagnosis: 'diagnosisStatement',
  sessions: 'sessionsStatement',
  start: 'startStatement',
  focus: 'focusStatement',
  stage: 'stageStatement',
  goal: 'goalStatement',
  measure: 'measureStatement',
  risk: 'riskStatement',
  'safety-plan': 'safetyPlanStatement',
  phase: 'phaseStatement',
  session: 'sessionStatement',
  task: 'listItem',
  technique: 'listItem',
  targets: 'listItem',
  homework: 'textItem',
  note: 'textItem',
  score: 'scoreItem',
  date: 'dateItem',
  status: 'statusItem',
};

export type { CstNode };
