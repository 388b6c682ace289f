/**
 * Completion: what may be written at the cursor, from the parse position (see completion-context.ts)
 * rather than from patterns over the line. Statement keywords valid in the block, catalogue values
 * for the slot being written (with their description), goal ids, the next free session number, the
 * session's expected date, and snippets for a plan, a phase and a session.
 */
import type { TokenType } from 'chevrotain';
import type { Analysis } from '../analyse.js';
import { pushAll } from '../language/arrays.js';
import type { Comment, Goal, Phase, SessionsHeader, StartHeader } from '../language/ast.js';
import type { CatalogueEntry, PhaseName, TaskEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import { clampSession, sessionNumbers } from '../language/limits.js';
import { statementExamples, ruleForKeyword } from '../language/grammar.js';
import { AnyName, DateLiteral, Integer, keywordSpellings, Range, type KeywordSpelling } from '../language/lexer.js';
import type { Span } from '../language/span.js';
import { estimatedEnd } from '../render/course-dates.js';
import type { ResolvedConfig } from '../rules/config.js';
import { allRules } from '../rules/registry.js';
import { parseDirective } from '../rules/suppressions.js';
import { completionContext, type CompletionContext } from './completion-context.js';
import { missingPhase, nextPhaseRange, phaseSnippet, planSnippet, rangeText, sessionSnippet, type SnippetItem } from './completion-snippets.js';
import { describeEntry } from './hover-entries.js';

export interface PlanCompletion {
  label: string;
  kind: 'keyword' | 'value' | 'goal' | 'session-number' | 'date' | 'snippet';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText?: string;
  isSnippet?: boolean;
  /** The span the item replaces; default: an empty span at the offset. */
  replace?: Span;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  deprecated?: boolean;
}

/** Typing a space or a comma is when the next word is wanted. */
export const completionTriggerCharacters: string[] = [' ', ','];

/** What each statement keyword is for (one line, shown next to the keyword). */
const keywordPurpose: Partial<Record<KeywordSpelling, string>> = {
  plan: 'Opens the plan; the title follows',
  client: "The client's code, never a name",
  clinician: 'Who delivers the therapy',
  supervisor: 'Who supervises the therapy',
  variant: 'Which IPT format the plan follows',
  diagnosis: 'The working diagnosis, with an optional code',
  sessions: 'The planned number of sessions, cadence and length',
  start: 'The date of the first session',
  focus: 'The one interpersonal problem area',
  stage: 'The stage of the role dispute',
  goal: 'A goal, with an id that sessions target',
  measure: 'An outcome measure and when it is given',
  risk: 'The suicide-risk assessment',
  'safety-plan': 'The safety plan agreed with the client',
  phase: 'A phase of treatment and its sessions',
  session: 'A session (or a run of sessions) and its work',
  task: 'Tasks of the phase done in this session',
  technique: 'IPT techniques used in this session',
  targets: 'The goals this session works on',
  homework: 'Work agreed for between sessions',
  note: 'A note about this session',
  score: 'A score recorded in this session',
  date: 'The date this session is (or was) held',
  status: 'Planned, held, missed or cancelled',
};

/** Keywords inside a statement. */
const innerKeywordPurpose: Partial<Record<KeywordSpelling, string>> = {
  code: 'The diagnosis code, e.g. F33.1',
  at: 'Given at the sessions listed, e.g. at 1, 8, 16',
  every: 'Given every N sessions, from the first to the last',
  sessions: 'The sessions this phase covers, e.g. 4-13',
  'safety-plan': 'The safety plan, on the risk line',
};

const headerKeywords: KeywordSpelling[] = ['client', 'clinician', 'supervisor', 'variant', 'diagnosis', 'sessions', 'start'];
const itemKeywords: KeywordSpelling[] = ['task', 'technique', 'targets', 'homework', 'note', 'score', 'date', 'status'];

export function completionsAt(analysis: Analysis, offset: number, config: ResolvedConfig): PlanCompletion[] {
  const context = completionContext(analysis, offset);
  const place = context.place;
  let items: PlanCompletion[];
  switch (place.kind) {
    case 'statement-start':
      items = statementStart(analysis, context, config);
      break;
    case 'in-statement':
      items = inStatement(analysis, context, config, place.keyword as KeywordSpelling, place.expected, place.before.map((t) => t.image));
      break;
    case 'comment':
      items = inComment(analysis, place.comment);
      break;
    case 'none':
      items = [];
  }
  return items.map((item, index) => ({ ...item, replace: item.replace ?? context.replace, sortText: item.sortText ?? String(index).padStart(4, '0') }));
}

// ---------------------------------------------------------------- statement keywords

function keywordItem(keyword: KeywordSpelling, group: number): PlanCompletion {
  const rule = ruleForKeyword[keyword];
  const example = rule ? statementExamples[rule] : undefined;
  return {
    label: keyword,
    kind: 'keyword',
    detail: keywordPurpose[keyword],
    documentation: example ? `\`\`\`ipt\n${example}\n\`\`\`` : undefined,
    insertText: `${keyword} `,
    sortText: `${group}-${String(keywordSpellings.indexOf(keyword)).padStart(2, '0')}`,
  };
}

function snippetItem(snippet: SnippetItem, group: number, index: number): PlanCompletion {
  return { ...snippet, kind: 'snippet', isSnippet: true, sortText: `${group}-${String(index).padStart(3, '0')}` };
}

/** The section keywords a new line may start (a plan has one focus and one risk). */
function sectionKeywords(analysis: Analysis, context: CompletionContext): KeywordSpelling[] {
  const file = analysis.ast;
  const elsewhere = (list: readonly { span: Span }[]) => list.some((s) => !onLine(s, context));
  const out: KeywordSpelling[] = [];
  if (!elsewhere(file.focuses)) out.push('focus');
  out.push('measure');
  if (!elsewhere(file.risks)) out.push('risk');
  out.push('phase');
  return out;
}

function statementStart(analysis: Analysis, context: CompletionContext, config: ResolvedConfig): PlanCompletion[] {
  const file = analysis.ast;
  const block = context.block;
  const items: PlanCompletion[] = [];
  const keywords = (list: KeywordSpelling[], group: number) => pushAll(items, list.map((k) => keywordItem(k, group)));
  const sections = () => keywords(sectionKeywords(analysis, context), 2);

  switch (block.kind) {
    case 'top':
      if (!file.plan) {
        keywords(['plan'], 0);
        let index = 0;
        for (const variant of config.catalogue.variants) {
          for (const area of config.catalogue.problemAreas) items.push(snippetItem(planSnippet(variant, area), 3, index++));
        }
      }
      return items;
    case 'plan': {
      const used = new Set(block.plan.headers.filter((h) => !onLine(h, context)).map((h) => h.kind));
      keywords(headerKeywords.filter((k) => !used.has(k as never)), 0);
      sections();
      break;
    }
    case 'focus': {
      const area = block.focus.area ? findEntry(config.catalogue.problemAreas, block.focus.area.value) : undefined;
      keywords(area?.id === 'role-dispute' && !block.focus.stages.some((st) => !onLine(st, context)) ? ['stage', 'goal'] : ['goal'], 0);
      sections();
      break;
    }
    case 'risk':
      if (!block.risk.safetyPlans.some((plan) => !onLine(plan, context))) keywords(['safety-plan'], 0);
      sections();
      break;
    case 'measure':
      sections();
      break;
    case 'phase':
      keywords(['session'], 0);
      sections();
      break;
    case 'session': {
      const present = new Set(block.session.items.filter((i) => !onLine(i, context)).map((i) => i.kind));
      // A session has one date and one status; the other items may repeat.
      keywords(itemKeywords.filter((k) => !((k === 'date' || k === 'status') && present.has(k))), 0);
      keywords(['session'], 1);
      sections();
      break;
    }
  }

  if (block.kind === 'phase' || block.kind === 'session') {
    const next = nextSessionNumber(analysis, block.phase, context);
    items.push(snippetItem(sessionSnippet(next, phaseName(block.phase)), 3, 0));
  }
  const name = missingPhase(file);
  if (name) items.push(snippetItem(phaseSnippet(name, nextPhaseRange(name, file, context.lineStart, analysis.variant, plannedTotal(analysis))), 3, 1));
  return items;
}

// ---------------------------------------------------------------- inside a statement

function inStatement(
  analysis: Analysis,
  context: CompletionContext,
  config: ResolvedConfig,
  keyword: KeywordSpelling,
  expected: TokenType[],
  written: string[],
): PlanCompletion[] {
  const items: PlanCompletion[] = [];
  for (const type of expected) {
    if (!type.name.startsWith('kw:')) continue;
    const inner = type.name.slice(3) as KeywordSpelling;
    items.push({ ...keywordItem(inner, 0), detail: innerKeywordPurpose[inner] ?? keywordPurpose[inner], documentation: undefined });
  }
  if (expected.includes(AnyName)) pushAll(items, namesFor(analysis, context, config, keyword, alreadyListed(context, keyword, written)));
  if (expected.includes(Integer) || expected.includes(Range)) pushAll(items, numbersFor(analysis, context, keyword, written));
  if (expected.includes(DateLiteral) && keyword === 'date') pushAll(items, sessionDate(analysis, context));
  return items;
}

/**
 * Values a list line should not offer again: those written before the cursor on this line and, for
 * tasks and techniques, those on the session's other lines of the same kind.
 */
function alreadyListed(context: CompletionContext, keyword: KeywordSpelling, written: string[]): Set<string> {
  const listed = new Set(written.slice(1));
  if (context.block.kind === 'session' && (keyword === 'task' || keyword === 'technique' || keyword === 'targets')) {
    for (const item of context.block.session.items) {
      if (item.kind !== keyword || onLine(item, context)) continue;
      for (const value of item.values) listed.add(value.value);
    }
  }
  return listed;
}

function valueItem(entry: CatalogueEntry, detail?: string): PlanCompletion {
  return { label: entry.id, kind: 'value', detail: detail ?? entry.title, documentation: describeEntry(entry) };
}

/** The catalogue values (or goal ids) for the name slot of the statement `keyword` starts. */
function namesFor(analysis: Analysis, context: CompletionContext, config: ResolvedConfig, keyword: KeywordSpelling, listed: Set<string>): PlanCompletion[] {
  const catalogue = config.catalogue;
  const block = context.block;
  const fresh = <T extends CatalogueEntry>(entries: readonly T[]) => entries.filter((e) => !listed.has(e.id));
  switch (keyword) {
    case 'variant':
      return catalogue.variants.map((v) => valueItem(v));
    case 'sessions': {
      // Offer the cadences the plan's variant allows (another one is a `variant` warning).
      const allowed = analysis.variant?.cadences;
      return catalogue.cadences.filter((c) => !allowed || allowed.includes(c.id)).map((c) => valueItem(c));
    }
    case 'focus':
      return catalogue.problemAreas.map((a) => valueItem(a));
    case 'stage': {
      const focus = block.kind === 'focus' ? block.focus : analysis.ast.focuses[0];
      const area = focus?.area ? findEntry(catalogue.problemAreas, focus.area.value) : undefined;
      // Stages belong to a role dispute only; under another area a stage is an error.
      return area?.id === 'role-dispute' ? catalogue.stages.map((s) => valueItem(s)) : [];
    }
    case 'goal':
      return [nextGoalId(analysis)];
    case 'measure':
      return catalogue.instruments.map((i) => valueItem(i));
    case 'score': {
      // Instruments the plan measures come first.
      const measured = new Set(analysis.ast.measures.map((m) => m.instrument?.value));
      const items = catalogue.instruments.map((i) => valueItem(i));
      return [...items.filter((i) => measured.has(i.label)), ...items.filter((i) => !measured.has(i.label))];
    }
    case 'risk':
      return catalogue.riskLevels.map((r) => valueItem(r));
    case 'phase': {
      const own = analysis.ast.phases.find((p) => onLine(p, context));
      const written = new Set(analysis.ast.phases.filter((p) => p !== own).map((p) => p.name?.value));
      const missing = catalogue.phases.filter((p) => !written.has(p.id));
      return (missing.length > 0 ? missing : catalogue.phases).map((p) => valueItem(p));
    }
    case 'status':
      return catalogue.statuses.map((s) => valueItem(s));
    case 'task': {
      const phase = block.kind === 'session' || block.kind === 'phase' ? phaseName(block.phase) : undefined;
      // A task of some variants only (IPT-A's parent involvement) is offered in their plans.
      const variant = analysis.variant?.id;
      const tasks = fresh(catalogue.tasks).filter((t) => (!phase || t.phases.includes(phase)) && (!t.variants || (variant !== undefined && t.variants.includes(variant))));
      return tasks.map((t) => valueItem(t, taskDetail(t)));
    }
    case 'technique':
      // IPT techniques only: the non-IPT ones are in the catalogue to be flagged, never offered.
      return fresh(catalogue.techniques).map((t) => valueItem(t));
    case 'targets':
      return goalItems(analysis, listed);
    default:
      return [];
  }
}

function taskDetail(task: TaskEntry): string {
  return `${task.title} · ${task.phases.join(', ')}`;
}

function goals(analysis: Analysis): Goal[] {
  return analysis.ast.focuses.flatMap((f) => f.goals);
}

function goalItems(analysis: Analysis, listed: Set<string>): PlanCompletion[] {
  const targeting = new Map<string, number[]>();
  for (const phase of analysis.ast.phases) {
    for (const session of phase.sessions) {
      for (const item of session.items) {
        if (item.kind !== 'targets' || !session.number) continue;
        for (const value of item.values) {
          const list = targeting.get(value.value) ?? [];
          list.push(session.number.first);
          targeting.set(value.value, list);
        }
      }
    }
  }
  const seen = new Set<string>();
  const items: PlanCompletion[] = [];
  for (const goal of goals(analysis)) {
    const id = goal.id?.value;
    if (!id || seen.has(id) || listed.has(id)) continue;
    seen.add(id);
    const text = goal.text?.value ?? '';
    const sessions = targeting.get(id);
    items.push({
      label: id,
      kind: 'goal',
      detail: text,
      documentation: `**Goal ${id}**\n\n${text}\n\n${sessions ? `Targeted in session${sessions.length > 1 ? 's' : ''} ${sessions.join(', ')}.` : 'No session targets it yet.'}`,
    });
  }
  return items;
}

/** `G<n>` one past the highest numbered goal id, when the plan numbers its goals that way. */
function nextGoalId(analysis: Analysis): PlanCompletion {
  let highest = 0;
  const ids = new Set<string>();
  for (const goal of goals(analysis)) {
    const id = goal.id?.value;
    if (!id) continue;
    ids.add(id);
    const match = /^G(\d+)$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  let next = highest + 1;
  while (ids.has(`G${next}`)) next++;
  return { label: `G${next}`, kind: 'goal', detail: 'The next free goal id' };
}

// ---------------------------------------------------------------- numbers and dates

/** Whether a statement is the one on the cursor's line (it is being edited, so it does not count). */
function onLine(statement: { span: Span }, context: CompletionContext): boolean {
  return statement.span.start >= context.lineStart && statement.span.start <= context.lineEnd;
}

function plannedTotal(analysis: Analysis): number | undefined {
  return analysis.ast.plan?.headers.find((h): h is SessionsHeader => h.kind === 'sessions')?.count?.value;
}

function phaseName(phase: Phase): PhaseName | undefined {
  const name = phase.name?.value;
  return name === 'initial' || name === 'middle' || name === 'termination' ? name : undefined;
}

/** The session numbers that some session other than the one on the cursor's line already covers. */
function usedSessionNumbers(analysis: Analysis, context: CompletionContext): Set<number> {
  const used = new Set<number>();
  for (const phase of analysis.ast.phases) {
    for (const session of phase.sessions) {
      if (!session.number || onLine(session, context)) continue;
      for (const n of sessionNumbers(session.number.first, session.number.last)) used.add(n);
    }
  }
  return used;
}

/** The first session number after the sessions above the cursor in its phase that no session uses. */
function nextSessionNumber(analysis: Analysis, phase: Phase, context: CompletionContext): number {
  let previous = phase.range ? phase.range.first - 1 : 0;
  for (const session of phase.sessions) {
    if (session.span.start < context.lineStart && session.number) previous = Math.max(previous, session.number.last);
  }
  const used = usedSessionNumbers(analysis, context);
  let next = previous + 1;
  while (used.has(next)) next++;
  return next;
}

function numbersFor(analysis: Analysis, context: CompletionContext, keyword: KeywordSpelling, written: string[]): PlanCompletion[] {
  const block = context.block;
  if (keyword === 'session' && written.length === 1) {
    const phase = block.kind === 'phase' || block.kind === 'session' ? block.phase : undefined;
    if (!phase) return [];
    const next = nextSessionNumber(analysis, phase, context);
    const range = phase.range;
    const outside = range && (next < range.first || next > range.last);
    const items: PlanCompletion[] = [
      {
        label: String(next),
        kind: 'session-number',
        detail: outside ? `The next free session number (outside this phase's sessions ${range.first}–${range.last})` : 'The next free session number',
        preselect: true,
      },
    ];
    if (range && !outside && range.last > next) {
      const used = usedSessionNumbers(analysis, context);
      let last = next;
      const end = clampSession(range.last);
      while (last < end && !used.has(last + 1)) last++;
      if (last > next) items.push({ label: rangeText(next, last), kind: 'session-number', detail: `Sessions ${next}–${last}: the rest of this phase, planned together` });
    }
    return items;
  }
  if (keyword === 'phase' && written.length === 3) {
    const name = written[1] as PhaseName;
    if (name !== 'initial' && name !== 'middle' && name !== 'termination') return [];
    const range = nextPhaseRange(name, analysis.ast, context.lineStart, analysis.variant, plannedTotal(analysis));
    return [{ label: rangeText(range.first, range.last), kind: 'session-number', detail: `Sessions ${range.first}–${range.last}, after the phases above`, preselect: true }];
  }
  if (keyword === 'sessions' && written.length === 1 && analysis.variant) {
    const { min, max } = analysis.variant.sessions;
    if (max === undefined || max - min > 20) return [{ label: String(min), kind: 'value', detail: `At least ${min} sessions for ${analysis.variant.title}` }];
    const counts: PlanCompletion[] = [];
    for (let n = max; n >= min; n--) counts.push({ label: String(n), kind: 'value', detail: `Within ${analysis.variant.title}'s ${min}–${max} sessions`, preselect: n === max });
    return counts;
  }
  return [];
}

/** After `date`: the session's expected date from `start` and the cadence. */
function sessionDate(analysis: Analysis, context: CompletionContext): PlanCompletion[] {
  if (context.block.kind !== 'session') return [];
  const session = context.block.session;
  const headers = analysis.ast.plan?.headers ?? [];
  const start = headers.find((h): h is StartHeader => h.kind === 'start')?.date?.value;
  const cadence = headers.find((h): h is SessionsHeader => h.kind === 'sessions')?.cadence?.value;
  const number = session.number?.first;
  const date = estimatedEnd(start, number, cadence);
  if (!date || number === undefined) return [];
  return [
    {
      label: date,
      kind: 'date',
      detail: `Session ${number}, ${cadence} from ${start}`,
      documentation: `The date session ${number} falls on when session 1 is on ${start} (\`start\`) and every session keeps the ${cadence} cadence.`,
      preselect: true,
    },
  ];
}

// ---------------------------------------------------------------- comments

const directiveWords = ['ipt-disable-next-line', 'ipt-disable', 'ipt-enable'] as const;
const notSuppressible = new Set(['syntax', 'internal-error', 'unused-disable']);

const directivePurpose: Record<(typeof directiveWords)[number], string> = {
  'ipt-disable-next-line': 'Disable rules for the next line',
  'ipt-disable': 'Disable rules until `ipt-enable` (or the end of the file)',
  'ipt-enable': 'Enable rules again after `ipt-disable`',
};

/** In a comment, read as the suppression pass reads directives: the directive word, then rule ids. */
function inComment(analysis: Analysis, comment: Comment): PlanCompletion[] {
  const cursor = comment.span.end;
  const directive = parseDirective(comment, analysis.lines);
  const directiveItems = (replace: Span) =>
    directiveWords.map((word): PlanCompletion => ({ label: word, kind: 'keyword', detail: directivePurpose[word], insertText: `${word} `, replace }));
  if (!directive) {
    // The start of `ipt-` (not a bare `#`, or every comment would pop up a list).
    const typed = comment.text.trimStart();
    if (typed === '' || !directiveWords.some((word) => word.startsWith(typed))) return [];
    return directiveItems({ start: cursor - typed.length, end: cursor });
  }
  if ('unknownWord' in directive) return directive.span.end === cursor ? directiveItems(directive.span) : [];
  if (directive.keyword.end === cursor) return directiveItems(directive.keyword);
  // After ` -- ` comes the free-text reason.
  if (/(^|\s)--(\s|$)/.test(comment.text.slice(directive.keyword.end - comment.span.start - 1))) return [];
  const last = directive.names[directive.names.length - 1];
  const partial = last && last.span.end === cursor ? last : undefined;
  const named = new Set(directive.names.filter((n) => n !== partial).map((n) => n.id));
  const replace = partial ? partial.span : { start: cursor, end: cursor };
  return allRules
    .filter((rule) => !notSuppressible.has(rule.id) && !named.has(rule.id))
    .map((rule) => ({
      label: rule.id,
      kind: 'value',
      detail: rule.description,
      documentation: `[docs/rules/${rule.id}.md](${rule.docsUrl}) · default severity: ${rule.defaultSeverity}`,
      replace,
    }));
}

