/**
 * Semantic tokens: what each word of a plan is, for the editor's colours. Built from the analysis'
 * syntax tree (keywords, vocabulary words by kind, goal ids, numbers, dates, strings), its comments
 * (with `ipt-disable…` directives and their rule ids), and, for the lines the parser could not read,
 * from the tokens of that line alone.
 *
 * Vocabulary words get a standard LSP token type (so every theme colours them) plus a modifier for
 * their kind. A word is marked `unknown` only when a rule reported that exact word and the catalogue
 * does not know it, so a word added by config is never shown as unknown.
 */
import type { Analysis } from '../analyse.js';
import type { PlanFile, SessionSpan, Statement, Word } from '../language/ast.js';
import { statements } from '../language/ast.js';
import type { Catalogue, CatalogueEntry } from '../language/catalogue-types.js';
import { builtinCatalogue } from '../language/catalogue.js';
import { keywordOf, lexPlan } from '../language/lexer.js';
import { ruleForKeyword } from '../language/grammar.js';
import type { Span } from '../language/span.js';
import type { ResolvedConfig } from '../rules/config.js';
import { parseDirective } from '../rules/suppressions.js';

const tokenTypes = [
  'keyword',
  'type', // variant, problem area
  'enumMember', // phase name, stage, cadence, risk level, session status
  'function', // task, technique: what is done in a session
  'class', // instrument
  'variable', // goal id
  'number', // counts, session numbers and ranges, scores, durations, dates
  'string',
  'comment',
  'macro', // an `ipt-disable…` directive word
  'decorator', // a rule id in a directive
] as const;

const tokenModifiers = [
  'declaration', // a goal id where it is defined
  'unknown', // a vocabulary word or goal id that the rules reported as unknown
  'nonIpt', // a known technique that is not part of IPT
  'date',
  'variant',
  'area',
  'stage',
  'phase',
  'task',
  'technique',
  'instrument',
  'cadence',
  'risk',
  'status',
] as const;

export type SemanticTokenType = (typeof tokenTypes)[number];
export type SemanticTokenModifier = (typeof tokenModifiers)[number];

export const semanticTokensLegend: { tokenTypes: string[]; tokenModifiers: string[] } = {
  tokenTypes: [...tokenTypes],
  tokenModifiers: [...tokenModifiers],
};

const typeIndex = Object.fromEntries(tokenTypes.map((t, i) => [t, i])) as Record<SemanticTokenType, number>;
const modifierBit = Object.fromEntries(tokenModifiers.map((m, i) => [m, 1 << i])) as Record<SemanticTokenModifier, number>;

type Vocabulary = 'variant' | 'area' | 'stage' | 'phase' | 'task' | 'technique' | 'instrument' | 'cadence' | 'risk' | 'status';

const vocabularyType: Record<Vocabulary, SemanticTokenType> = {
  variant: 'type',
  area: 'type',
  stage: 'enumMember',
  phase: 'enumMember',
  task: 'function',
  technique: 'function',
  instrument: 'class',
  cadence: 'enumMember',
  risk: 'enumMember',
  status: 'enumMember',
};

function entriesOf(catalogue: Catalogue, kind: Vocabulary): CatalogueEntry[] {
  switch (kind) {
    case 'variant':
      return catalogue.variants;
    case 'area':
      return catalogue.problemAreas;
    case 'stage':
      return catalogue.stages;
    case 'phase':
      return catalogue.phases;
    case 'task':
      return catalogue.tasks;
    case 'technique':
      return catalogue.techniques;
    case 'instrument':
      return catalogue.instruments;
    case 'cadence':
      return catalogue.cadences;
    case 'risk':
      return catalogue.riskLevels;
    case 'status':
      return catalogue.statuses;
  }
}

/** Id and alias sets per vocabulary kind, built once per catalogue. */
const nameSets = new WeakMap<Catalogue, Map<string, Set<string>>>();

function namesOf(catalogue: Catalogue, kind: Vocabulary | 'nonIpt'): Set<string> {
  let sets = nameSets.get(catalogue);
  if (!sets) {
    sets = new Map();
    nameSets.set(catalogue, sets);
  }
  let names = sets.get(kind);
  if (!names) {
    names = new Set();
    for (const entry of kind === 'nonIpt' ? catalogue.nonIptTechniques : entriesOf(catalogue, kind)) {
      names.add(entry.id);
      for (const alias of entry.aliases ?? []) names.add(alias);
    }
    sets.set(kind, names);
  }
  return names;
}

/**
 * Collects tokens as a flat list (start, end, type, modifier bits), only those overlapping the
 * range. The tree yields statements in text order and comments are flushed in before the statement
 * that follows them, so pushes normally stay sorted; `sorted` notes when they did not.
 */
class TokenCollector {
  /** Four numbers per token; grown by doubling (a typed array keeps pushes cheap on big plans). */
  flat = new Int32Array(1024);
  length = 0;
  sorted = true;
  /** Diagnostic spans: start → ends. */
  private readonly reported = new Map<number, number[]>();
  private readonly goals = new Set<string>();

  constructor(
    analysis: Analysis,
    private readonly catalogue: Catalogue,
    private readonly range: Span,
  ) {
    for (const d of analysis.diagnostics) {
      const ends = this.reported.get(d.span.start);
      if (ends) ends.push(d.span.end);
      else this.reported.set(d.span.start, [d.span.end]);
    }
    for (const focus of analysis.ast.focuses) for (const goal of focus.goals) if (goal.id) this.goals.add(goal.id.value);
  }

  push(span: Span | undefined, type: SemanticTokenType, modifiers = 0): void {
    if (!span || span.end <= span.start || span.end <= this.range.start || span.start >= this.range.end) return;
    let flat = this.flat;
    const at = this.length;
    if (at + 4 > flat.length) {
      flat = new Int32Array(flat.length * 2);
      flat.set(this.flat);
      this.flat = flat;
    }
    if (at > 0 && flat[at - 4] > span.start) this.sorted = false;
    flat[at] = span.start;
    flat[at + 1] = span.end;
    flat[at + 2] = typeIndex[type];
    flat[at + 3] = modifiers;
    this.length = at + 4;
  }

  private wasReported(span: Span): boolean {
    return this.reported.get(span.start)?.includes(span.end) ?? false;
  }

  vocabulary(word: Word | undefined, kind: Vocabulary): void {
    if (!word) return;
    let bits = modifierBit[kind];
    if (kind === 'technique' && namesOf(this.catalogue, 'nonIpt').has(word.value)) bits |= modifierBit.nonIpt;
    else if (this.wasReported(word.span) && !namesOf(this.catalogue, kind).has(word.value)) bits |= modifierBit.unknown;
    this.push(word.span, vocabularyType[kind], bits);
  }

  goal(word: Word | undefined, declaration: boolean): void {
    if (!word) return;
    if (declaration) return this.push(word.span, 'variable', modifierBit.declaration);
    const unknown = this.wasReported(word.span) && !this.goals.has(word.value);
    this.push(word.span, 'variable', unknown ? modifierBit.unknown : 0);
  }

  number(part: Word<number> | SessionSpan | undefined): void {
    if (part) this.push(part.span, 'number');
  }

  date(word: Word | undefined): void {
    if (word) this.push(word.span, 'number', modifierBit.date);
  }

  string(word: Word | undefined): void {
    if (word) this.push(word.span, 'string');
  }
}

function addStatement(out: TokenCollector, statement: Statement): void {
  // An implicit plan block (header lines without a `plan` line) has an empty keyword span: push skips it.
  out.push(statement.keyword, 'keyword');
  switch (statement.kind) {
    case 'plan':
      return out.string(statement.title);
    case 'client':
    case 'clinician':
    case 'supervisor':
    case 'homework':
    case 'note':
    case 'safety-plan':
      return out.string(statement.text);
    case 'variant':
      return out.vocabulary(statement.name, 'variant');
    case 'diagnosis':
      out.string(statement.text);
      out.push(statement.codeKeyword, 'keyword');
      // An ICD/DSM code is a name from another code system, not IPT vocabulary.
      if (statement.code) out.push(statement.code.span, 'enumMember');
      return;
    case 'sessions':
      out.number(statement.count);
      out.vocabulary(statement.cadence, 'cadence');
      return out.number(statement.duration);
    case 'start':
    case 'date':
      return out.date(statement.date);
    case 'focus':
      out.vocabulary(statement.area, 'area');
      return out.string(statement.description);
    case 'stage':
      return out.vocabulary(statement.name, 'stage');
    case 'goal':
      out.goal(statement.id, true);
      return out.string(statement.text);
    case 'measure':
      out.vocabulary(statement.instrument, 'instrument');
      if (!statement.schedule) return;
      out.push(statement.schedule.keyword, 'keyword');
      if (statement.schedule.kind === 'at') for (const s of statement.schedule.sessions) out.number(s);
      else out.number(statement.schedule.interval);
      return;
    case 'risk':
      out.vocabulary(statement.level, 'risk');
      // A `safety-plan` on the risk line is in `safetyPlans`, which the tree walk yields next.
      return out.string(statement.text);
    case 'phase':
      out.vocabulary(statement.name, 'phase');
      out.push(statement.sessionsKeyword, 'keyword');
      return out.number(statement.range);
    case 'session':
      out.number(statement.number);
      return out.string(statement.title);
    case 'task':
    case 'technique':
      for (const value of statement.values) out.vocabulary(value, statement.kind);
      return;
    case 'targets':
      for (const value of statement.values) out.goal(value, false);
      return;
    case 'score':
      out.vocabulary(statement.instrument, 'instrument');
      return out.number(statement.value);
    case 'status':
      return out.vocabulary(statement.value, 'status');
  }
}

/** A comment: the directive word and its rule ids get their own tokens, the rest is comment. */
function addComment(out: TokenCollector, comment: { text: string; span: Span }, analysis: Analysis): void {
  const directive = parseDirective(comment, analysis.lines);
  if (!directive || !('names' in directive)) return out.push(comment.span, 'comment');
  let at = comment.span.start;
  const gap = (end: number) => {
    if (end > at) out.push({ start: at, end }, 'comment');
  };
  gap(directive.keyword.start);
  out.push(directive.keyword, 'macro');
  at = directive.keyword.end;
  for (const name of directive.names) {
    gap(name.span.start);
    out.push(name.span, 'decorator');
    at = name.span.end;
  }
  gap(comment.span.end);
}

/** Keywords that stand inside a statement rather than at its start. */
const innerKeywords = new Set(['code', 'at', 'every', 'sessions', 'safety-plan']);

/** Tokens of a line the parser could not read, from the lexer alone (no vocabulary kinds). */
function addUnreadLine(out: TokenCollector, text: string, start: number, end: number): void {
  const tokens = lexPlan(text.slice(start, end)).tokens;
  tokens.forEach((token, index) => {
    const span = { start: start + token.startOffset, end: start + token.startOffset + token.image.length };
    const keyword = keywordOf(token);
    const name = token.tokenType.name;
    if (keyword) {
      if (index === 0 ? ruleForKeyword[keyword] !== undefined : innerKeywords.has(keyword)) out.push(span, 'keyword');
    } else if (name === 'String' || name === 'UnterminatedString') out.push(span, 'string');
    else if (name === 'Date') out.push(span, 'number', modifierBit.date);
    else if (name === 'Integer' || name === 'Decimal' || name === 'Range' || name === 'Duration') out.push(span, 'number');
  });
}

/** The lines holding a `syntax` diagnostic: their statement may be missing from the tree. */
function unreadLines(analysis: Analysis, span: Span): number[] {
  const lines: number[] = [];
  for (const d of analysis.diagnostics) {
    if (d.rule !== 'syntax' || d.span.end < span.start || d.span.start > span.end) continue;
    const line = d.range.start.line;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return lines;
}

/** Statements that may overlap `span`, skipping whole sections outside it. */
function* statementsIn(file: PlanFile, span: Span): Generator<Statement> {
  if (span.start === 0 && span.end >= file.span.end) return yield* statements(file);
  if (file.plan && file.plan.blockSpan.start <= span.end && file.plan.blockSpan.end >= span.start) {
    yield file.plan;
    yield* file.plan.headers;
  }
  for (const section of file.sections) {
    const block = 'blockSpan' in section ? section.blockSpan : section.span;
    if (block.end < span.start) continue;
    if (block.start > span.end) break;
    yield section;
    if (section.kind === 'focus') yield* [...section.stages, ...section.goals].sort((a, b) => a.span.start - b.span.start);
    else if (section.kind === 'risk') yield* section.safetyPlans;
    else if (section.kind === 'phase') {
      for (const session of section.sessions) {
        if (session.blockSpan.end < span.start) continue;
        if (session.blockSpan.start > span.end) break;
        yield session;
        yield* session.items;
      }
    }
  }
}

/**
 * The LSP semantic tokens of the document (or of the lines overlapping `span`): the relative
 * integer encoding `[deltaLine, deltaStart, length, type, modifiers]` per token.
 * `config` gives the catalogue that config extended; without it the built-in one is used (only for
 * the `unknown` and `nonIpt` modifiers, which also need a diagnostic on the word).
 */
export function semanticTokensData(analysis: Analysis, span?: Span, config?: ResolvedConfig): number[] {
  const range = span ?? { start: 0, end: analysis.text.length };
  const out = new TokenCollector(analysis, config?.catalogue ?? builtinCatalogue, range);
  const lines = analysis.lines;
  const text = analysis.text;

  const unread = unreadLines(analysis, range);
  const unreadStarts = new Set(unread.map((line) => lines.lineStarts[line]));
  const comments = analysis.ast.comments;
  let nextComment = 0;
  let nextUnread = 0;
  /** Comments and unread lines before `offset` go in first, so the list stays in text order. */
  const flushBefore = (offset: number) => {
    while (nextComment < comments.length && comments[nextComment].span.start < offset) addComment(out, comments[nextComment++], analysis);
    while (nextUnread < unread.length && lines.lineStarts[unread[nextUnread]] < offset) {
      const line = unread[nextUnread++];
      addUnreadLine(out, text, lines.lineStarts[line], lines.lineEnd(line));
    }
  };
  while (nextComment < comments.length && comments[nextComment].span.end <= range.start) nextComment++;
  for (const statement of statementsIn(analysis.ast, range)) {
    flushBefore(statement.span.start);
    if (unreadStarts.size > 0 && unreadStarts.has(lines.lineStarts[lines.positionAt(statement.span.start).line])) continue;
    addStatement(out, statement);
  }
  flushBefore(range.end + 1);
  return encode(out, analysis);
}

/** Relative encoding; tokens never span lines (strings and comments are one line). */
function encode(out: TokenCollector, analysis: Analysis): number[] {
  const flat = out.flat;
  const count = out.length / 4;
  let order: number[] | undefined;
  if (!out.sorted) {
    order = Array.from({ length: count }, (_, i) => i);
    order.sort((a, b) => flat[a * 4] - flat[b * 4]);
  }
  const data: number[] = new Array(count * 5);
  let i = 0;
  const starts = analysis.lines.lineStarts;
  let line = count > 0 ? analysis.lines.positionAt(flat[order ? order[0] * 4 : 0]).line : 0;
  let previousLine = 0;
  let previousChar = 0;
  for (let k = 0; k < count; k++) {
    const at = (order ? order[k] : k) * 4;
    const start = flat[at];
    while (line + 1 < starts.length && starts[line + 1] <= start) line++;
    const char = start - starts[line];
    data[i++] = line - previousLine;
    data[i++] = line === previousLine ? char - previousChar : char;
    data[i++] = flat[at + 1] - start;
    data[i++] = flat[at + 2];
    data[i++] = flat[at + 3];
    previousLine = line;
    previousChar = char;
  }
  return data;
}
