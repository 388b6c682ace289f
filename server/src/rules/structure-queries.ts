/** Helpers shared by the plan-structure rules: where to point, how to name things, did-you-mean fixes. */
import type { Phase, PlanFile, Session, Word } from '../language/ast.js';
import type { PhaseName, VariantEntry } from '../language/catalogue-types.js';
import type { Fix } from '../language/diagnostic.js';
import type { LineIndex, Span } from '../language/span.js';
import { suggest, uniqueCandidates } from '../language/suggest.js';
import { clashingIntervals } from './session-clashes.js';
import { headerOf } from './plan-queries.js';

/**
 * Where a "the plan lacks X" diagnostic points: the `plan` line (keyword and title), or the first
 * line with text when the file has no `plan` line (an implicit plan stands in for it).
 */
export function planAnchor(file: PlanFile, text: string, lines: LineIndex): Span {
  if (file.plan && !file.plan.implicit) return file.plan.span;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    const content = text.slice(start, end);
    const indent = content.length - content.trimStart().length;
    if (content.trim() !== '') return { start: start + indent, end: start + content.trimEnd().length };
  }
  return { start: 0, end: 0 };
}

/** A variant's name for messages: its catalogue title ("Acute IPT"), or `name` for one without a title. */
export function variantName(variant: VariantEntry): string {
  return variant.title && variant.title !== variant.id ? variant.title : `\`${variant.id}\``;
}

/** "12–16", "at least 4" or "14" for a variant's session bounds. */
export function sessionBoundsText(bounds: { min: number; max?: number }): string {
  if (bounds.max === undefined) return `at least ${bounds.min}`;
  return bounds.min === bounds.max ? `${bounds.min}` : `${bounds.min}–${bounds.max}`;
}

/** "session 5" or "sessions 4–7". */
export function sessionsText(first: number, last: number): string {
  return first === last ? `session ${first}` : `sessions ${first}–${last}`;
}

/** "4–7" or "5" for a range of session numbers. */
export function numbersText(first: number, last: number): string {
  return first === last ? `${first}` : `${first}–${last}`;
}

/** 1-based line number of an offset, for messages that name another line. */
export function lineNumberOf(lines: LineIndex, offset: number): number {
  return lines.positionAt(offset).line + 1;
}

/** "`a`, `b` and `c`". */
export function listOf(words: readonly string[], conjunction = 'and'): string {
  const quoted = words.map((w) => `\`${w}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/**
 * Did-you-mean for a misspelt word: the message tail and a fix that replaces the word. The fix is
 * safe (applied by `ipt lint --fix`) only when the suggestion is the one close candidate: with two
 * plausible words, a person chooses.
 */
export function replacementSuggestion(word: Word, candidates: readonly string[]): { text: string; suggestion?: string; fixes?: Fix[] } {
  const unique = uniqueCandidates(candidates);
  const suggestion = suggest(word.value, unique);
  if (suggestion === undefined) return { text: '' };
  // Whether it is the one close candidate (a second one found stops the count).
  let close = 0;
  for (const candidate of unique) if (suggest(word.value, [candidate]) !== undefined && ++close > 1) break;
  return {
    text: ` Did you mean \`${suggestion}\`?`,
    suggestion,
    fixes: [{ title: `Replace with \`${suggestion}\``, edits: [{ span: word.span, newText: suggestion }], safe: close === 1 }],
  };
}

/**
 * The planned total when it can be trusted for cross-checks: undefined when `sessions` is missing
 * (`plan-header` reports it) or outside the variant's range (`session-count` reports it, and its fix
 * may change the total), so a wrong total gives one diagnostic, not one per phase and measure.
 */
export function trustedTotal(ctx: { plannedTotal: number | undefined; variant: VariantEntry | undefined }): number | undefined {
  const total = ctx.plannedTotal;
  const bounds = ctx.variant?.sessions;
  if (total === undefined || !bounds) return total;
  return total < bounds.min || (bounds.max !== undefined && total > bounds.max) ? undefined : total;
}

/**
 * True when the phase blocks' ranges, in session order, run from 1 without gap or overlap (and end
 * at `total`, when given). Rules that judge phase sizes stay silent otherwise: `phase-coverage`
 * reports the range at fault.
 */
export function phaseRangesContiguous(phases: readonly Phase[], total?: number): boolean {
  if (phases.length === 0 || phases.some((p) => !p.range || p.range.first > p.range.last)) return false;
  const sorted = [...phases].sort((a, b) => a.range!.first - b.range!.first);
  const contiguous = sorted.every((p, i) => p.range!.first === (i === 0 ? 1 : sorted[i - 1].range!.last + 1));
  return contiguous && (total === undefined || sorted[sorted.length - 1].range!.last === total);
}

/** "a" or "an" before a word, for messages ("an `initial` phase", "a `grief` focus"). */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * The phase block with this name when there is exactly one; undefined when it is missing or written
 * twice (which block is meant is then unclear, and `phase-order` reports it).
 */
export function uniquePhase(file: PlanFile, name: PhaseName): Phase | undefined {
  const matching = file.phases.filter((phase) => phase.name?.value === name);
  return matching.length === 1 ? matching[0] : undefined;
}

/** Every phase name written exactly once, with its block, in one pass (for rules that ask per phase). */
export function uniquePhases(file: PlanFile): Map<string, Phase> {
  const once = new Map<string, Phase>();
  const twice = new Set<string>();
  for (const phase of file.phases) {
    const name = phase.name?.value;
    if (name === undefined || twice.has(name)) continue;
    if (once.has(name)) {
      once.delete(name);
      twice.add(name);
    } else once.set(name, phase);
  }
  return once;
}

/**
 * Session entries whose number is beyond doubt: from 1, not backwards, inside the range of the phase
 * they are written under, and planned by no other entry. Rules that read a session's number for
 * something else (its date) skip the others: `phase-coverage` reports them.
 */
export function soundSessions(file: PlanFile): Set<Session> {
  const entries = file.phases.flatMap((phase) =>
    phase.sessions
      .filter((session) => {
        const n = session.number;
        if (!n || n.first < 1 || n.first > n.last) return false;
        const range = phase.range;
        return !range || range.first > range.last || (n.first >= range.first && n.last <= range.last);
      }),
  );
  const clashing = clashingIntervals(entries.map((session) => session.number!));
  return new Set(entries.filter((_, i) => !clashing.has(i)));
}

/**
 * True when the plan's cadence is one its variant allows (or is not given). A cadence the variant
 * does not allow (`variant` warns) may mean the variant itself is the wrong one, so rules that apply
 * the variant's bounds stay silent until it is settled.
 */
export function cadenceFitsVariant(ctx: { file: PlanFile; variant: VariantEntry | undefined }): boolean {
  const value = headerOf(ctx.file, 'sessions')?.cadence?.value;
  return !ctx.variant || value === undefined || ctx.variant.cadences.includes(value);
}
