/**
 * The properties every input must keep, through the whole product: analyse, the formatter, every
 * renderer and every editor feature. `checkInput` throws a plain Error naming the broken property
 * (fast-check then shrinks the input to a minimal reproducer and prints it with the seed).
 */
import { analyse, type Analysis } from '../../server/src/analyse.js';
import { codeActionsFor, fixAllEdits } from '../../server/src/features/code-actions.js';
import { phaseLenses } from '../../server/src/features/code-lens.js';
import { completionsAt } from '../../server/src/features/completion.js';
import { foldingRanges } from '../../server/src/features/folding.js';
import { goalDefinition, goalReferences, prepareGoalRename, renameGoal } from '../../server/src/features/goal-references.js';
import { hoverAt } from '../../server/src/features/hover.js';
import { sessionDateHints } from '../../server/src/features/inlay-hints.js';
import { planPreview } from '../../server/src/features/preview.js';
import { onTypeFormatEdits, rangeFormatEdits } from '../../server/src/features/range-formatting.js';
import { renumberSessionEdits } from '../../server/src/features/renumber-sessions.js';
import { selectionRangesAt } from '../../server/src/features/selection-ranges.js';
import { semanticTokensData } from '../../server/src/features/semantic-tokens.js';
import { planSummary } from '../../server/src/features/summary.js';
import { planSymbols, type PlanSymbol } from '../../server/src/features/symbols.js';
import { formatEdits } from '../../server/src/format/edits.js';
import { format } from '../../server/src/format/format.js';
import type { TextEdit } from '../../server/src/language/diagnostic.js';
import { lexPlan } from '../../server/src/language/lexer.js';
import type { Span } from '../../server/src/language/span.js';
import { render } from '../../server/src/render/index.js';
import { defaultConfig } from '../../server/src/rules/config.js';

export interface CheckOptions {
  /** Run position features at every offset up to this length; past it, at `sampledPositions` offsets. */
  everyPositionUpTo: number;
  sampledPositions: number;
  /** A hang detector, not a performance target: the whole check of one input must finish within it. */
  timeBoundMs: number;
}

export const defaultCheckOptions: CheckOptions = { everyPositionUpTo: 160, sampledPositions: 12, timeBoundMs: 5000 };

class PropertyBroken extends Error {}

function fail(what: string, detail?: unknown): never {
  throw new PropertyBroken(`${what}${detail === undefined ? '' : `: ${JSON.stringify(detail).slice(0, 400)}`}`);
}

function spanInside(span: Span, length: number, what: string) {
  if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end >= span.start && span.end <= length)) fail(`${what} outside the document`, span);
}

function editsInside(edits: readonly TextEdit[], length: number, what: string) {
  for (const edit of edits) {
    spanInside(edit.span, length, what);
    if (typeof edit.newText !== 'string') fail(`${what} without text`, edit);
  }
}

/** Applies non-overlapping edits (sorted here). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
}

export function checkAnalysis(text: string, analysis: Analysis) {
  const lineCount = analysis.lines.lineCount;
  for (const d of analysis.diagnostics) {
    spanInside(d.span, text.length, `diagnostic ${d.rule}`);
    for (const p of [d.range.start, d.range.end]) {
      if (!(p.line >= 0 && p.line < lineCount && p.character >= 0)) fail('diagnostic range outside the document', d);
      if (analysis.lines.offsetAt(p) > text.length) fail('diagnostic range past the end', d);
    }
    if (typeof d.message !== 'string' || d.message.length === 0) fail('empty message', d);
    if (d.rule === 'internal-error') fail('a rule threw', d.message);
    for (const fix of d.fixes ?? []) editsInside(fix.edits, text.length, `fix of ${d.rule}`);
    for (const related of d.related ?? []) spanInside(related.span, text.length, 'related information');
  }
}

/** The tokens (not line breaks) and comments a formatter must keep, in order. */
function meaning(text: string): { tokens: string[]; comments: string[] } {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const lexed = lexPlan(body);
  return {
    tokens: lexed.tokens.filter((t) => t.tokenType.name !== 'Newline').map((t) => t.image),
    comments: lexed.comments.map((c) => `#${c.text}`.replace(/[ \t\f\v\u00a0\ufeff]+$/, '')),
  };
}

/** What the rules say, without where (formatting moves lines, never meaning: "on line 2" may become "line 3"). */
export function ruleFindings(analysis: Analysis): string[] {
  return analysis.diagnostics.map((d) => `${d.rule}|${d.severity}|${d.message.replace(/\blines? \d+(?:[–-]\d+)?/g, 'line N')}`).sort();
}

function checkFormatting(text: string, analysis: Analysis) {
  const hasSyntaxErrors = analysis.diagnostics.some((d) => d.rule === 'syntax');
  const result = format(text);
  const edits = formatEdits(text);
  if (hasSyntaxErrors) {
    if (!('error' in result)) fail('the formatter changed a file with syntax errors');
    if (!('error' in edits)) fail('formatEdits changed a file with syntax errors');
    return;
  }
  if ('error' in result) fail('the formatter refused a file without syntax errors', result.error);
  const again = format(result.text);
  if ('error' in again) fail('the formatted text has syntax errors', again.error);
  if (again.text !== result.text) fail('formatting is not idempotent', { once: result.text, twice: again.text });
  const before = meaning(text);
  const after = meaning(result.text);
  if (before.tokens.join('\u0000') !== after.tokens.join('\u0000')) fail('formatting changed a token', { before: before.tokens, after: after.tokens });
  if (before.comments.join('\u0000') !== after.comments.join('\u0000')) fail('formatting changed a comment', { before: before.comments, after: after.comments });
  if ('error' in edits) fail('formatEdits refused what format accepted', edits.error);
  editsInside(edits.edits, text.length, 'format edit');
  if (applyEdits(text, edits.edits) !== result.text) fail('formatEdits do not give the formatted text');
  const findings = ruleFindings(analysis);
  const formattedFindings = ruleFindings(analyse(result.text));
  if (findings.join('\n') !== formattedFindings.join('\n')) fail('formatting changed what the rules say', { before: findings, after: formattedFindings });
}

/** Elements and attributes the renderer never writes itself: any found came from an unescaped plan string. */
const forbiddenElement = /^<(script|img|iframe|object|embed|link|base|form|input|math)\b/i;
const forbiddenAttribute = /\son[a-z]+\s*=|\s(href|src|action|xlink:href|formaction)\s*=\s*["']?\s*javascript:/i;

function checkRendering(analysis: Analysis) {
  const html = render(analysis, { to: 'html' });
  const fragment = planPreview(analysis, defaultConfig).html;
  for (const [name, page] of [['html', html], ['preview', fragment]] as const) {
    // Only real tags count: an escaped payload is text (`&lt;img …&gt;`) and cannot run.
    for (const tag of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
      if (forbiddenElement.test(tag[0]) || forbiddenAttribute.test(tag[0])) fail(`${name} rendering lets markup through`, tag[0]);
    }
    // One <style> element (the page's own, in the full page) and no stray closing tag.
    if ((page.match(/<\/style/gi)?.length ?? 0) !== (name === 'html' ? 1 : 0)) fail(`${name} rendering has a stray </style>`);
  }
  const markdown = render(analysis, { to: 'markdown' });
  // Code spans show their text literally (GFM), so only the text outside them can carry HTML or links.
  const outsideCode = markdown.replace(/(`+)[^`]*?\1/g, '');
  const tag = /<(script|img|iframe|svg|object|embed|style|a)\b/i.exec(outsideCode);
  if (tag) fail('markdown rendering lets HTML through', outsideCode.slice(Math.max(0, tag.index - 80), tag.index + 80));
  if (/(^|[^\\])\]\(\s*javascript:/i.test(outsideCode)) fail('markdown rendering makes a javascript: link');
  const fhir = render(analysis, { to: 'fhir' });
  try {
    JSON.parse(fhir);
  } catch (error) {
    fail('FHIR rendering is not JSON', String(error));
  }
}

function checkSymbols(symbols: PlanSymbol[], length: number) {
  for (const s of symbols) {
    spanInside(s.span, length, 'symbol');
    spanInside(s.selection, length, 'symbol selection');
    if (s.selection.start < s.span.start || s.selection.end > s.span.end) fail('symbol selection outside its symbol', s);
    checkSymbols(s.children, length);
  }
}

function checkWholeDocumentFeatures(text: string, analysis: Analysis) {
  const length = text.length;
  const lineCount = analysis.lines.lineCount;
  checkSymbols(planSymbols(analysis), length);
  for (const r of foldingRanges(analysis)) if (!(r.startLine >= 0 && r.startLine < r.endLine && r.endLine < lineCount)) fail('folding range outside the document', r);
  const tokens = semanticTokensData(analysis, undefined, defaultConfig);
  if (tokens.length % 5 !== 0) fail('semantic tokens not in fives');
  let line = 0;
  for (let i = 0; i < tokens.length; i += 5) {
    line += tokens[i];
    if (line >= lineCount || tokens[i + 2] <= 0) fail('semantic token outside the document', tokens.slice(i, i + 5));
  }
  const whole = { start: 0, end: length };
  for (const action of codeActionsFor(analysis, { span: whole, config: defaultConfig })) editsInside(action.edits, length, `code action "${action.title}"`);
  editsInside(fixAllEdits(analysis, defaultConfig), length, 'fix-all edit');
  for (const lens of phaseLenses(analysis)) spanInside(lens.span, length, 'code lens');
  for (const hint of sessionDateHints(analysis)) if (!(hint.offset >= 0 && hint.offset <= length)) fail('inlay hint outside the document', hint);
  editsInside(renumberSessionEdits(analysis) ?? [], length, 'renumber edit');
  const summary = planSummary(analysis);
  if (summary.errors + summary.warnings + summary.infos !== analysis.diagnostics.length) fail('summary counts differ from the diagnostics', summary);
  const ranged = rangeFormatEdits(text, { start: Math.floor(length / 3), end: Math.floor((2 * length) / 3) });
  if (!('error' in ranged)) editsInside(ranged.edits, length, 'range format edit');
}

function checkAt(text: string, analysis: Analysis, offset: number) {
  const length = text.length;
  for (const item of completionsAt(analysis, offset, defaultConfig)) {
    if (item.replace) spanInside(item.replace, length, 'completion replace span');
    if (typeof item.label !== 'string' || item.label === '') fail('completion without a label', item);
  }
  const hover = hoverAt(analysis, offset, defaultConfig);
  if (hover) spanInside(hover.span, length, 'hover span');
  const selections = selectionRangesAt(analysis, offset);
  for (let i = 0; i < selections.length; i++) {
    spanInside(selections[i], length, 'selection range');
    const outer = selections[i + 1];
    if (outer && (outer.start > selections[i].start || outer.end < selections[i].end)) fail('selection ranges not nested', selections);
  }
  for (const span of goalDefinition(analysis, offset)) spanInside(span, length, 'definition');
  for (const span of goalReferences(analysis, offset, true)) spanInside(span, length, 'reference');
  const rename = prepareGoalRename(analysis, offset);
  if (!('error' in rename)) {
    spanInside(rename.span, length, 'rename range');
    const renamed = renameGoal(analysis, offset, 'G99');
    if (!('error' in renamed)) editsInside(renamed.edits, length, 'rename edit');
  }
  editsInside(onTypeFormatEdits(text, offset, '\n'), length, 'on-type format edit');
}

/** Positions to ask at: every offset of a short text; else the ends and a spread of others. */
function positions(length: number, options: CheckOptions): number[] {
  if (length <= options.everyPositionUpTo) return Array.from({ length: length + 1 }, (_, i) => i);
  const out = new Set([0, length]);
  for (let i = 1; out.size < options.sampledPositions + 2; i++) out.add(Math.floor((i * 7919 * length) / (options.sampledPositions * 7919 + 1)) % (length + 1));
  return [...out];
}

/** Runs the input through everything; throws naming the first broken property. */
export function checkInput(text: string, options: CheckOptions = defaultCheckOptions): void {
  const started = performance.now();
  const analysis = analyse(text);
  checkAnalysis(text, analysis);
  checkFormatting(text, analysis);
  checkRendering(analysis);
  checkWholeDocumentFeatures(text, analysis);
  for (const offset of positions(text.length, options)) checkAt(text, analysis, offset);
  const elapsed = performance.now() - started;
  if (elapsed > options.timeBoundMs) fail(`one input took ${Math.round(elapsed)} ms (bound ${options.timeBoundMs} ms)`, text.slice(0, 200));
}
