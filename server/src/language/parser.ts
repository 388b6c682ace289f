/**
 * Text → PlanFile. Lexes the whole text once, then parses one line at a time with a single reused
 * Chevrotain parser (`parser.input = lineTokens`), turns each line's CST into a typed statement, and
 * hangs statements on the nearest block opener above them. One bad line gives one diagnostic; every
 * other line still reaches the tree.
 */
import { EOF, type CstNode, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type {
  Comment,
  DiagnosisHeader,
  Focus,
  Goal,
  Header,
  ListItem,
  Measure,
  Phase,
  PlanBlock,
  PlanFile,
  Risk,
  SafetyPlan,
  ScoreItem,
  Session,
  SessionItem,
  SessionSpan,
  SessionsHeader,
  Stage,
  Statement,
  TextHeader,
  TextItem,
  Word,
} from './ast.js';
import type { Report } from './diagnostic.js';
import { PlanGrammar, ruleForKeyword, type StatementRuleName } from './grammar.js';
import { Keyword, keywordOf, keywordSpellings, lexPlan, Newline, stringValue, UnterminatedString } from './lexer.js';
import { numberLimitProblem, type LimitedNumber } from './limits.js';
import type { Span } from './span.js';
import { suggest } from './suggest.js';
import { sessionsReport } from './sessions-example.js';

let grammar: PlanGrammar | undefined;

/** The one parser instance (grammar validations are skipped in the production bundle). */
export function planGrammar(): PlanGrammar {
  grammar ??= new PlanGrammar({ skipValidations: process.env.IPT_SKIP_GRAMMAR_VALIDATION === '1' });
  return grammar;
}

export interface ParseResult {
  file: PlanFile;
  /** `syntax` diagnostics: at most one per line. */
  errors: Report[];
  comments: Comment[];
}

const statementKeywords = keywordSpellings.filter((k) => ruleForKeyword[k] !== undefined);

export function parsePlan(text: string): ParseResult {
  const lexed = lexPlan(text);
  const builder = new TreeBuilder(text);
  const parser = planGrammar();
  const errors: Report[] = [];
  const lexErrors = lexed.errors;
  let nextLexError = 0;

  const tokens = lexed.tokens;
  // The first problem found on the current line; later ones on the same line are consequences.
  let lineError: Report | undefined;
  const reportOnLine: Reporter = (report) => {
    lineError ??= report;
  };
  let lineStart = 0;
  let lineTextStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i].tokenType !== Newline) continue;
    if (i > lineStart) {
      const line = tokens.slice(lineStart, i);
      const last = line[line.length - 1];
      const lineSpan = { start: line[0].startOffset, end: last.startOffset + last.image.length };
      lineError = undefined;
      // A lexing error on this line is the line's one diagnostic; earlier ones stood on lines with no tokens.
      const lineTextEnd = i < tokens.length ? tokens[i].startOffset : text.length;
      while (nextLexError < lexErrors.length && lexErrors[nextLexError].span.start < lineTextEnd) {
        const lexError = lexErrors[nextLexError++];
        if (lexError.span.start >= lineTextStart) lineError ??= lexError;
        else errors.push(lexError);
      }
      const statement = parseLine(parser, line, lineSpan, reportOnLine);
      if (statement) builder.add(statement, reportOnLine);
      else builder.lost();
      if (lineError) errors.push(lineError);
    }
    lineStart = i + 1;
    if (i < tokens.length) lineTextStart = tokens[i].startOffset + tokens[i].image.length;
  }
  while (nextLexError < lexErrors.length) errors.push(lexErrors[nextLexError++]);

  errors.sort((a, b) => a.span.start - b.span.start);
  const file = builder.finish(lexed.comments);
  return { file, errors, comments: lexed.comments };
}

type Reporter = (report: Report) => void;
const ignore: Reporter = () => undefined;

/** The rule that parses a line starting with a token type (only statement keywords have one). */
const ruleForTokenType = new Map<TokenType, StatementRuleName>(
  keywordSpellings.filter((k) => ruleForKeyword[k] !== undefined).map((k) => [Keyword[k], ruleForKeyword[k]!]),
);

function parseLine(parser: PlanGrammar, line: IToken[], lineSpan: Span, report: Reporter): Statement | undefined {
  const first = line[0];
  const ruleName = ruleForTokenType.get(first.tokenType);
  if (!ruleName) {
    report(unknownStatement(first, keywordOf(first)));
    return undefined;
  }
  parser.input = line;
  const cst = (parser[ruleName as keyof PlanGrammar] as unknown as () => CstNode).call(parser);
  let unclosed: IToken | undefined;
  for (let i = 0; i < line.length && !unclosed; i++) if (line[i].tokenType === UnterminatedString) unclosed = line[i];
  if (unclosed) {
    report({
      span: tokenSpan(unclosed),
      message: 'This text has no closing quote. Add `"` at the end of it (write `\\"` for a quote inside the text).',
    });
  }
  const parseError = parser.errors[0];
  if (parseError) {
    const generic = recognitionReport(parseError, lineSpan);
    // A `sessions` line gets an example from its own values (`45 min` → `45min`).
    report(ruleName === 'sessionsStatement' ? sessionsReport(line, generic) : generic);
  }
  if (!cst) return undefined;
  return toStatement(ruleName, cst, lineSpan, parseError !== undefined || unclosed !== undefined, report);
}

function unknownStatement(first: IToken, keyword: string | undefined): Report {
  const span = tokenSpan(first);
  if (keyword) {
    return { span, message: `\`${keyword}\` cannot start a line: it belongs inside a statement (e.g. \`diagnosis "…" code F33.1\`, \`measure PHQ-9 at 1, 16\`).` };
  }
  const guess = first.tokenType.name === 'Identifier' ? suggest(first.image, statementKeywords) : undefined;
  const hint = guess ? ` Did you mean \`${guess}\`?` : '';
  const fixes = guess ? [{ title: `Change to \`${guess}\``, edits: [{ span, newText: guess }], safe: true }] : undefined;
  return {
    span,
    message: `A line starts with a statement keyword such as \`session\`, \`task\` or \`goal\`; \`${first.image}\` is not one.${hint}`,
    ...(fixes ? { fixes } : {}),
  };
}

function recognitionReport(error: IRecognitionException, lineSpan: Span): Report {
  const token = error.token;
  const atEnd = token.tokenType === EOF || Number.isNaN(token.startOffset) || token.startOffset === undefined;
  if ((error.name === 'NotAllInputParsedException' || error.message.startsWith('Unexpected')) && !atEnd) {
    return { span: { start: token.startOffset, end: lineSpan.end }, message: error.message };
  }
  // Something is missing at the end of the line: the statement as a whole is at fault.
  return { span: atEnd ? lineSpan : tokenSpan(token), message: error.message };
}

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

// ------------------------------------------------------------------ CST → statement

type Children = Record<string, (IToken | CstNode)[] | undefined>;

/** The first real (not recovery-inserted) token under a label. */
function tokenAt(children: Children, label: string, index = 0): IToken | undefined {
  const token = children[label]?.[index] as IToken | undefined;
  return token && !token.isInsertedInRecovery && token.image !== undefined && !Number.isNaN(token.startOffset) ? token : undefined;
}

function tokensAt(children: Children, label: string): IToken[] {
  return ((children[label] ?? []) as IToken[]).filter((t) => !t.isInsertedInRecovery && !Number.isNaN(t.startOffset));
}

function word(token: IToken | undefined): Word | undefined {
  return token ? { value: token.image, span: tokenSpan(token) } : undefined;
}

function stringWord(token: IToken | undefined): Word | undefined {
  return token ? { value: stringValue(token), span: tokenSpan(token) } : undefined;
}

function numberWord(token: IToken | undefined, kind: LimitedNumber, report: Reporter): Word<number> | undefined {
  return token ? bounded({ value: Number(token.image), span: tokenSpan(token) }, kind, token.image, report) : undefined;
}

function durationWord(token: IToken | undefined, report: Reporter): Word<number> | undefined {
  return token ? bounded({ value: Number.parseInt(token.image, 10), span: tokenSpan(token) }, 'minutes', token.image, report) : undefined;
}

/** The number, or undefined after reporting it when it is beyond what a plan can mean (limits.ts). */
function bounded(word: Word<number>, kind: LimitedNumber, written: string, report: Reporter): Word<number> | undefined {
  const problem = numberLimitProblem(kind, word.value, written);
  if (!problem) return word;
  report({ span: word.span, message: problem });
  return undefined;
}

function sessionSpan(token: IToken | undefined, report: Reporter): SessionSpan | undefined {
  if (!token) return undefined;
  const span = tokenSpan(token);
  const dash = token.image.indexOf('-');
  if (dash < 0) {
    const n = Number(token.image);
    const problem = numberLimitProblem('session', n, token.image);
    if (problem) {
      report({ span, message: problem });
      return undefined;
    }
    return { first: n, last: n, span };
  }
  const first = Number(token.image.slice(0, dash));
  const lastText = token.image.slice(dash + 1);
  if (lastText === '') {
    report({ span, message: `The range \`${token.image}\` has no end. Write both ends, e.g. \`${first}-${first + 3}\`, or a single session number.` });
    return undefined;
  }
  const last = Number(lastText);
  const problem = numberLimitProblem('session', Math.max(first, last), first > last ? token.image.slice(0, dash) : lastText);
  if (problem) {
    report({ span, message: problem });
    return undefined;
  }
  if (last < first) {
    report({ span, message: `The range \`${token.image}\` runs backwards. Write the lower number first: \`${last}-${first}\`.`, fixes: [{ title: `Change to ${last}-${first}`, edits: [{ span, newText: `${last}-${first}` }], safe: true }] });
    return undefined;
  }
  return { first, last, span };
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date token whose day exists in its month (the lexer only checks the YYYY-MM-DD shape). */
function dateWord(token: IToken | undefined, report: Reporter): Word | undefined {
  if (!token) return undefined;
  const image = token.image;
  const year = Number(image.slice(0, 4));
  const month = Number(image.slice(5, 7));
  const day = Number(image.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lastDay = month === 2 && leap ? 29 : daysInMonth[month - 1];
  if (month < 1 || month > 12 || day < 1 || day > lastDay) {
    report({ span: tokenSpan(token), message: `\`${image}\` is not a calendar date. Write a real date as YYYY-MM-DD.` });
    return undefined;
  }
  return word(token);
}

function toStatement(ruleName: StatementRuleName, cst: CstNode, span: Span, hadError: boolean, report: Reporter): Statement | undefined {
  const c = cst.children as Children;
  const keywordToken = tokenAt(c, 'keyword');
  if (!keywordToken) return undefined;
  const node = buildStatement(ruleName, c, span, tokenSpan(keywordToken), keywordToken.image, report);
  // Set only when true, so complete nodes keep one shape (and print without the flag).
  if (node && (hadError || cst.recoveredNode)) node.incomplete = true;
  return node;
}

/** One object literal per statement kind: spreads and optional-field juggling cost more than the parse. */
function buildStatement(ruleName: StatementRuleName, c: Children, span: Span, keyword: Span, keywordImage: string, report: Reporter): Statement | undefined {
  switch (ruleName) {
    case 'planStatement':
      return { kind: 'plan', span, keyword, blockSpan: { start: span.start, end: span.end }, title: stringWord(tokenAt(c, 'title')), headers: [] } satisfies PlanBlock;
    case 'textHeader':
      return { kind: keywordImage as TextHeader['kind'], span, keyword, text: stringWord(tokenAt(c, 'text')) } satisfies TextHeader;
    case 'variantStatement':
      return { kind: 'variant', span, keyword, name: word(tokenAt(c, 'name')) };
    case 'diagnosisStatement': {
      const codeKeyword = tokenAt(c, 'codeKeyword');
      return {
        kind: 'diagnosis',
        span,
        keyword,
        text: stringWord(tokenAt(c, 'text')),
        codeKeyword: codeKeyword ? tokenSpan(codeKeyword) : undefined,
        code: word(tokenAt(c, 'code')),
      } satisfies DiagnosisHeader;
    }
    case 'sessionsStatement':
      return {
        kind: 'sessions',
        span,
        keyword,
        count: numberWord(tokenAt(c, 'count'), 'count', report),
        cadence: word(tokenAt(c, 'cadence')),
        duration: durationWord(tokenAt(c, 'duration'), report),
      } satisfies SessionsHeader;
    case 'startStatement':
      return { kind: 'start', span, keyword, date: dateWord(tokenAt(c, 'date'), report) };
    case 'focusStatement':
      return { kind: 'focus', span, keyword, blockSpan: { start: span.start, end: span.end }, area: word(tokenAt(c, 'area')), description: stringWord(tokenAt(c, 'text')), stages: [], goals: [] } satisfies Focus;
    case 'stageStatement':
      return { kind: 'stage', span, keyword, name: word(tokenAt(c, 'name')) } satisfies Stage;
    case 'goalStatement':
      return { kind: 'goal', span, keyword, id: word(tokenAt(c, 'id')), text: stringWord(tokenAt(c, 'text')) } satisfies Goal;
    case 'measureStatement': {
      const at = tokenAt(c, 'at');
      const every = tokenAt(c, 'every');
      let schedule: Measure['schedule'];
      if (at) {
        const sessions: SessionSpan[] = [];
        for (const token of tokensAt(c, 'sessions')) {
          const session = sessionSpan(token, report);
          if (session) sessions.push(session);
        }
        schedule = { kind: 'at', keyword: tokenSpan(at), sessions };
      } else if (every) {
        schedule = { kind: 'every', keyword: tokenSpan(every), interval: numberWord(tokenAt(c, 'interval'), 'interval', report) };
      }
      return { kind: 'measure', span, keyword, instrument: word(tokenAt(c, 'instrument')), schedule } satisfies Measure;
    }
    case 'riskStatement': {
      const safetyKeyword = tokenAt(c, 'safetyPlanKeyword');
      const safetyPlans: SafetyPlan[] = [];
      if (safetyKeyword) {
        const text = tokenAt(c, 'safetyPlan');
        const end = text ? text.startOffset + text.image.length : safetyKeyword.startOffset + safetyKeyword.image.length;
        safetyPlans.push({ kind: 'safety-plan', span: { start: safetyKeyword.startOffset, end }, keyword: tokenSpan(safetyKeyword), text: stringWord(text) });
      }
      return { kind: 'risk', span, keyword, blockSpan: { start: span.start, end: span.end }, level: word(tokenAt(c, 'level')), text: stringWord(tokenAt(c, 'text')), safetyPlans } satisfies Risk;
    }
    case 'safetyPlanStatement':
      return { kind: 'safety-plan', span, keyword, text: stringWord(tokenAt(c, 'text')) } satisfies SafetyPlan;
    case 'phaseStatement': {
      const sessionsKeyword = tokenAt(c, 'sessionsKeyword');
      return {
        kind: 'phase',
        span,
        keyword,
        blockSpan: { start: span.start, end: span.end },
        name: word(tokenAt(c, 'name')),
        sessionsKeyword: sessionsKeyword ? tokenSpan(sessionsKeyword) : undefined,
        range: sessionSpan(tokenAt(c, 'range'), report),
        sessions: [],
      } satisfies Phase;
    }
    case 'sessionStatement':
      return { kind: 'session', span, keyword, blockSpan: { start: span.start, end: span.end }, number: sessionSpan(tokenAt(c, 'number'), report), title: stringWord(tokenAt(c, 'title')), items: [] } satisfies Session;
    case 'listItem': {
      const values: Word[] = [];
      for (const token of tokensAt(c, 'values')) values.push({ value: token.image, span: tokenSpan(token) });
      return { kind: keywordImage as ListItem['kind'], span, keyword, values } satisfies ListItem;
    }
    case 'textItem':
      return { kind: keywordImage as TextItem['kind'], span, keyword, text: stringWord(tokenAt(c, 'text')) } satisfies TextItem;
    case 'scoreItem':
      return { kind: 'score', span, keyword, instrument: word(tokenAt(c, 'instrument')), value: numberWord(tokenAt(c, 'value'), 'score', report) } satisfies ScoreItem;
    case 'dateItem':
      return { kind: 'date', span, keyword, date: dateWord(tokenAt(c, 'date'), report) };
    case 'statusItem':
      return { kind: 'status', span, keyword, value: word(tokenAt(c, 'value')) };
  }
  return undefined;
}

// ------------------------------------------------------------------ statements → tree

const headerKinds = new Set(['client', 'clinician', 'supervisor', 'variant', 'diagnosis', 'sessions', 'start']);
const itemKinds = new Set(['task', 'technique', 'targets', 'homework', 'note', 'score', 'date', 'status']);

/** Hangs each statement on the nearest block opener above it (LANGUAGE.md: indentation is not significant). */
class TreeBuilder {
  private plan: PlanBlock | undefined;
  private opener: PlanBlock | Focus | Risk | Phase | Session | Measure | undefined;
  private phase: Phase | undefined;
  /** Set after a line that could not be read at all: its children must not also be reported as misplaced. */
  private afterLostLine = false;
  private readonly file: PlanFile;

  constructor(text: string) {
    this.file = { kind: 'file', sections: [], focuses: [], measures: [], risks: [], phases: [], comments: [], span: { start: 0, end: text.length } };
  }

  /** The line just read gave no statement (its one diagnostic is already out). */
  lost(): void {
    this.afterLostLine = true;
  }

  add(statement: Statement, reportError: Reporter): void {
    const kind = statement.kind;
    if (kind === 'plan' || kind === 'focus' || kind === 'risk' || kind === 'phase' || kind === 'session') this.afterLostLine = false;
    // Misplaced lines right after an unreadable one are its consequences: stay quiet about them.
    const report: Reporter = this.afterLostLine ? ignore : reportError;
    if (kind === 'plan') return this.addPlan(statement, report);
    if (headerKinds.has(kind)) return this.addHeader(statement as Header, report);
    switch (kind) {
      case 'focus':
        this.file.focuses.push(statement);
        return this.openSection(statement);
      case 'risk':
        this.file.risks.push(statement);
        return this.openSection(statement);
      case 'phase':
        this.file.phases.push(statement);
        this.phase = statement;
        return this.openSection(statement);
      case 'measure':
        // A measure is a one-line section: like every section line it ends the block above it.
        this.file.measures.push(statement);
        this.file.sections.push(statement);
        this.opener = statement;
        this.phase = undefined;
        return;
      case 'stage':
      case 'goal':
        if (this.opener?.kind !== 'focus') return this.misplaced(report, misplaced(statement, '`focus`', 'a `focus` line', this.opener));
        (kind === 'stage' ? this.opener.stages : this.opener.goals).push(statement as Stage & Goal);
        return this.extend(this.opener, statement);
      case 'safety-plan':
        if (this.opener?.kind !== 'risk') return this.misplaced(report, misplaced(statement, '`risk`', 'a `risk` line', this.opener));
        this.opener.safetyPlans.push(statement);
        return this.extend(this.opener, statement);
      case 'session':
        if (!this.phase || (this.opener !== this.phase && this.opener?.kind !== 'session')) {
          return this.misplaced(report, misplaced(statement, '`phase`', 'a `phase NAME sessions RANGE` line', this.opener));
        }
        this.phase.sessions.push(statement);
        this.opener = statement;
        return this.extend(this.phase, statement);
    }
    if (itemKinds.has(kind)) {
      if (this.opener?.kind !== 'session') return this.misplaced(report, misplaced(statement, '`session`', 'a `session N "title"` line', this.opener));
      this.opener.items.push(statement as SessionItem);
      this.extend(this.opener, statement);
      if (this.phase) this.extend(this.phase, statement);
    }
  }

  /** Reports a statement outside its block; the lines after it that share its problem stay quiet. */
  private misplaced(report: Reporter, problem: Report): void {
    report(problem);
    this.afterLostLine = true;
  }

  private addPlan(plan: PlanBlock, report: Reporter): void {
    if (this.plan) {
      return report({ span: plan.keyword, message: 'A file holds one plan, and this is a second `plan` line. Remove it, or move the second plan to a file of its own.' });
    }
    if (this.file.sections.length > 0) {
      return report({ span: plan.keyword, message: 'The `plan` line and its header come first, before any focus, measure, risk or phase. Move it to the top of the file.' });
    }
    this.plan = plan;
    this.file.plan = plan;
    this.opener = plan;
  }

  private addHeader(header: Header, report: Reporter): void {
    if (!this.plan && this.file.sections.length === 0) {
      // Header lines with no `plan` line above them: keep them (plan-header reports the missing line).
      this.plan = { kind: 'plan', span: { start: header.span.start, end: header.span.start }, keyword: { start: header.span.start, end: header.span.start }, blockSpan: { start: header.span.start, end: header.span.end }, headers: [], implicit: true };
      this.file.plan = this.plan;
      this.opener = this.plan;
    }
    if (!this.plan || this.opener !== this.plan) {
      return report({
        span: header.keyword,
        message: `\`${header.kind}\` is a plan header field: move it up into the header, under the \`plan\` line and above the first focus, measure, risk or phase.`,
      });
    }
    this.plan.headers.push(header);
    this.extend(this.plan, header);
  }

  private openSection(section: Focus | Risk | Phase): void {
    this.file.sections.push(section);
    this.opener = section;
    if (section.kind !== 'phase') this.phase = undefined;
  }

  /** Grows a block to its last child (each block owns its blockSpan object, so it can grow in place). */
  private extend(block: { blockSpan: Span }, child: { span: Span }): void {
    if (child.span.end > block.blockSpan.end) block.blockSpan.end = child.span.end;
  }

  finish(comments: Comment[]): PlanFile {
    this.file.comments = comments;
    return this.file;
  }
}

function misplaced(statement: Statement, parent: string, opener: string, current: Statement | undefined): Report {
  const where =
    current?.kind === 'measure'
      ? 'a `measure` line above it ends the block (move the `measure` line out of the block, or this line above it)'
      : current
        ? `the nearest block above it is a \`${current.kind}\``
        : 'there is no block above it';
  return {
    span: statement.keyword,
    message: `\`${statement.kind}\` belongs under a ${parent}, but ${where}. Move this line below ${opener}.`,
  };
}
