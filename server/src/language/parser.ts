/**
 * Text → PlanFile, one line at a time (a statement is one line, so a broken line never swallows the
 * next one), then each statement hung on the nearest block opener above it. One bad line gives one
 * diagnostic; every other line still reaches the tree.
 *
 * Two paths read a line, with one result:
 *   - the fast path (scanner.ts + fast-path.ts) reads a well-formed line straight into its node;
 *   - the Chevrotain path (lexer.ts + grammar.ts, the grammar of record) reads every other line: it
 *     recovers, and words the one diagnostic of the line.
 * `parsePlan(text, { fastPath: false })` reads every line the Chevrotain way; the differential test
 * (test/unit/language/fast-path.test.ts) proves both give the same tree and the same diagnostics.
 */
import { EOF, type CstNode, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { Comment, Focus, Goal, Header, ListItem, Measure, Phase, PlanBlock, PlanFile, Risk, SafetyPlan, Session, SessionSpan, Stage, Statement, TextHeader, TextItem, Word } from './ast.js';
import type { Report } from './diagnostic.js';
import { fastStatement } from './fast-path.js';
import { PlanGrammar, ruleForKeyword, type StatementRuleName } from './grammar.js';
import { Keyword, keywordOf, keywordSpellings, lexLine, StringLiteral, UnterminatedString } from './lexer.js';
import * as nodes from './nodes.js';
import { beginText, scanLine, scanned } from './scanner.js';
import type { LimitedNumber } from './limits.js';
import type { Span } from './span.js';
import { suggest } from './suggest.js';
import { sessionsReport } from './sessions-example.js';
import { dateWordAt, durationWordAt, numberWordAt, sessionSpanAt, stringWordAt, wordAt, type Reporter } from './values.js';

let grammar: PlanGrammar | undefined;

/** The one parser instance, made when a line first needs it (grammar validations are skipped in the production bundle). */
export function planGrammar(): PlanGrammar {
  grammar ??= new PlanGrammar({ skipValidations: process.env.IPT_SKIP_GRAMMAR_VALIDATION === '1' });
  return grammar;
}

export interface ParseResult {
  file: PlanFile;
  /** `syntax` diagnostics: at most one per line. */
  errors: Report[];
  comments: Comment[];
  /** How many lines the Chevrotain path read (the rest were well formed, blank or comments). */
  chevrotainLines: number;
  /** Where each line starts (as LineIndex counts lines: after \n, \r\n or a lone \r). */
  lineStarts: number[];
}

export interface ParseOptions {
  /** Read well-formed lines on the fast path (default true); false reads every line with Chevrotain. */
  fastPath?: boolean;
}

const statementKeywords = keywordSpellings.filter((k) => ruleForKeyword[k] !== undefined);

export function parsePlan(text: string, options: ParseOptions = {}): ParseResult {
  const fastPath = options.fastPath !== false;
  const builder = new TreeBuilder(text);
  const errors: Report[] = [];
  const comments: Comment[] = [];
  // The first problem found on the current line; later ones on the same line are consequences.
  let lineError: Report | undefined;
  const reportOnLine: Reporter = (report) => {
    lineError ??= report;
  };

  let chevrotainLines = 0;
  const lineStarts = [0];
  let lineStart = 0;
  beginText();
  for (;;) {
    lineError = undefined;
    const understood = scanLine(text, lineStart);
    const lineEnd = scanned.end;
    const statement = fastPath && understood && scanned.count > 0 ? fastStatement(text) : undefined;
    if (fastPath && understood && (statement || scanned.count === 0)) {
      // A well-formed line, a blank line, or only a comment.
      if (scanned.comment >= 0) comments.push({ text: text.slice(scanned.comment + 1, lineEnd), span: { start: scanned.comment, end: lineEnd } });
      if (statement) builder.add(statement, reportOnLine);
    } else {
      chevrotainLine(text, lineStart, lineEnd, builder, errors, comments, reportOnLine);
      chevrotainLines++;
    }
    if (lineError) errors.push(lineError);
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
    lineStarts.push(lineStart);
  }

  errors.sort((a, b) => a.span.start - b.span.start);
  const file = builder.finish(comments);
  return { file, errors, comments, chevrotainLines, lineStarts };
}

/**
 * One line the Chevrotain way: lex it, parse its tokens with the statement's grammar rule, and turn
 * the CST into a node. A lexing error is the line's one diagnostic (a line with no tokens keeps all
 * of its lexing errors: nothing else will be said about it).
 */
function chevrotainLine(text: string, start: number, end: number, builder: TreeBuilder, errors: Report[], comments: Comment[], report: Reporter): void {
  const lexed = lexLine(text, start, end);
  for (const comment of lexed.comments) comments.push(comment);
  const tokens = lexed.tokens;
  if (tokens.length === 0) {
    for (const error of lexed.errors) errors.push(error);
    return;
  }
  if (lexed.errors.length > 0) report(lexed.errors[0]);
  const last = tokens[tokens.length - 1];
  const lineSpan = { start: tokens[0].startOffset, end: last.startOffset + last.image.length };
  const statement = parseLine(text, planGrammar(), tokens, lineSpan, report);
  if (statement) builder.add(statement, report);
  else builder.lost();
}

const ignore: Reporter = () => undefined;

/** The rule that parses a line starting with a token type (only statement keywords have one). */
const ruleForTokenType = new Map<TokenType, StatementRuleName>(
  keywordSpellings.filter((k) => ruleForKeyword[k] !== undefined).map((k) => [Keyword[k], ruleForKeyword[k]!]),
);

function parseLine(text: string, parser: PlanGrammar, line: IToken[], lineSpan: Span, report: Reporter): Statement | undefined {
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
  return toStatement(text, ruleName, cst, lineSpan, parseError !== undefined || unclosed !== undefined, report);
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

const endOf = (token: IToken) => token.startOffset + token.image.length;

function word(text: string, token: IToken | undefined): Word | undefined {
  return token ? wordAt(text, token.startOffset, endOf(token)) : undefined;
}

function stringWord(text: string, token: IToken | undefined): Word | undefined {
  return token ? stringWordAt(text, token.startOffset, endOf(token), token.tokenType === StringLiteral) : undefined;
}

function numberWord(text: string, token: IToken | undefined, kind: LimitedNumber, report: Reporter): Word<number> | undefined {
  return token ? numberWordAt(text, token.startOffset, endOf(token), token.image.includes('.'), kind, report) : undefined;
}

function sessionSpan(text: string, token: IToken | undefined, report: Reporter): SessionSpan | undefined {
  return token ? sessionSpanAt(text, token.startOffset, endOf(token), report) : undefined;
}

function toStatement(text: string, ruleName: StatementRuleName, cst: CstNode, span: Span, hadError: boolean, report: Reporter): Statement | undefined {
  const c = cst.children as Children;
  const keywordToken = tokenAt(c, 'keyword');
  if (!keywordToken) return undefined;
  const node = buildStatement(text, ruleName, c, span, tokenSpan(keywordToken), keywordToken.image, report);
  // Set only when true, so complete nodes keep one shape (and print without the flag).
  if (node && (hadError || cst.recoveredNode)) node.incomplete = true;
  return node;
}

/** The node of a statement from its CST (nodes.ts makes it, the same as the fast path does). */
function buildStatement(text: string, ruleName: StatementRuleName, c: Children, span: Span, keyword: Span, keywordImage: string, report: Reporter): Statement | undefined {
  switch (ruleName) {
    case 'planStatement':
      return nodes.planNode(span, keyword, stringWord(text, tokenAt(c, 'title')));
    case 'textHeader':
      return nodes.textHeaderNode(keywordImage as TextHeader['kind'], span, keyword, stringWord(text, tokenAt(c, 'text')));
    case 'variantStatement':
      return nodes.variantNode(span, keyword, word(text, tokenAt(c, 'name')));
    case 'diagnosisStatement': {
      const codeKeyword = tokenAt(c, 'codeKeyword');
      return nodes.diagnosisNode(span, keyword, stringWord(text, tokenAt(c, 'text')), codeKeyword ? tokenSpan(codeKeyword) : undefined, word(text, tokenAt(c, 'code')));
    }
    case 'sessionsStatement': {
      const duration = tokenAt(c, 'duration');
      return nodes.sessionsNode(span, keyword, numberWord(text, tokenAt(c, 'count'), 'count', report), word(text, tokenAt(c, 'cadence')), duration ? durationWordAt(text, duration.startOffset, endOf(duration), report) : undefined);
    }
    case 'startStatement':
    case 'dateItem': {
      const token = tokenAt(c, 'date');
      const date = token ? dateWordAt(text, token.startOffset, endOf(token), report) : undefined;
      return ruleName === 'startStatement' ? nodes.startNode(span, keyword, date) : nodes.dateNode(span, keyword, date);
    }
    case 'focusStatement':
      return nodes.focusNode(span, keyword, word(text, tokenAt(c, 'area')), stringWord(text, tokenAt(c, 'text')));
    case 'stageStatement':
      return nodes.stageNode(span, keyword, word(text, tokenAt(c, 'name')));
    case 'goalStatement':
      return nodes.goalNode(span, keyword, word(text, tokenAt(c, 'id')), stringWord(text, tokenAt(c, 'text')));
    case 'measureStatement': {
      const at = tokenAt(c, 'at');
      const every = tokenAt(c, 'every');
      let schedule: Measure['schedule'];
      if (at) {
        const sessions: SessionSpan[] = [];
        for (const token of tokensAt(c, 'sessions')) {
          const session = sessionSpan(text, token, report);
          if (session) sessions.push(session);
        }
        schedule = nodes.atScheduleNode(tokenSpan(at), sessions);
      } else if (every) {
        schedule = nodes.everyScheduleNode(tokenSpan(every), numberWord(text, tokenAt(c, 'interval'), 'interval', report));
      }
      return nodes.measureNode(span, keyword, word(text, tokenAt(c, 'instrument')), schedule);
    }
    case 'riskStatement': {
      const safetyKeyword = tokenAt(c, 'safetyPlanKeyword');
      const safetyPlans: SafetyPlan[] = [];
      if (safetyKeyword) {
        const safetyText = tokenAt(c, 'safetyPlan');
        const end = safetyText ? endOf(safetyText) : endOf(safetyKeyword);
        safetyPlans.push(nodes.safetyPlanNode({ start: safetyKeyword.startOffset, end }, tokenSpan(safetyKeyword), stringWord(text, safetyText)));
      }
      return nodes.riskNode(span, keyword, word(text, tokenAt(c, 'level')), stringWord(text, tokenAt(c, 'text')), safetyPlans);
    }
    case 'safetyPlanStatement':
      return nodes.safetyPlanNode(span, keyword, stringWord(text, tokenAt(c, 'text')));
    case 'phaseStatement': {
      const sessionsKeyword = tokenAt(c, 'sessionsKeyword');
      return nodes.phaseNode(span, keyword, word(text, tokenAt(c, 'name')), sessionsKeyword ? tokenSpan(sessionsKeyword) : undefined, sessionSpan(text, tokenAt(c, 'range'), report));
    }
    case 'sessionStatement':
      return nodes.sessionNode(span, keyword, sessionSpan(text, tokenAt(c, 'number'), report), stringWord(text, tokenAt(c, 'title')));
    case 'listItem': {
      const values: Word[] = [];
      for (const token of tokensAt(c, 'values')) values.push(wordAt(text, token.startOffset, endOf(token)));
      return nodes.listItemNode(keywordImage as ListItem['kind'], span, keyword, values);
    }
    case 'textItem':
      return nodes.textItemNode(keywordImage as TextItem['kind'], span, keyword, stringWord(text, tokenAt(c, 'text')));
    case 'scoreItem':
      return nodes.scoreNode(span, keyword, word(text, tokenAt(c, 'instrument')), numberWord(text, tokenAt(c, 'value'), 'score', report));
    case 'statusItem':
      return nodes.statusNode(span, keyword, word(text, tokenAt(c, 'value')));
  }
  return undefined;
}

// ------------------------------------------------------------------ statements → tree


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
    switch (kind) {
      case 'plan':
        return this.addPlan(statement, report);
      case 'client':
      case 'clinician':
      case 'supervisor':
      case 'variant':
      case 'diagnosis':
      case 'sessions':
      case 'start':
        return this.addHeader(statement, report);
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
    // A session item: task, technique, targets, homework, note, score, date, status.
    if (this.opener?.kind !== 'session') return this.misplaced(report, misplaced(statement, '`session`', 'a `session N "title"` line', this.opener));
    this.opener.items.push(statement);
    this.extend(this.opener, statement);
    if (this.phase) this.extend(this.phase, statement);
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
