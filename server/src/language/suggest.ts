/** Did-you-mean: the closest known word to a misspelt one, for messages and quick fixes; and the choices a message lists. */
import type { Fix } from './diagnostic.js';
import type { Span } from './span.js';

/**
 * Did-you-mean compares a word with every candidate, and both can grow with the input: 3,000
 * undefined `targets` ids against 3,000 goal ids, or a plan's unknown techniques against a config's
 * 400,000-word vocabulary. So an analysis (or a config resolution) gives did-you-mean a budget of
 * edit-distance table cells, spent across all its rules (and its slices, when the analysis runs in
 * steps); once it is spent, words get their message without a suggestion. A plan with a few
 * mistakes uses a few thousand cells.
 */
export const SUGGESTION_BUDGET_CELLS = 4_000_000;

export interface SuggestionBudget {
  cells: number;
}

/** A fresh budget, for one analysis or config resolution. */
export function suggestionBudget(): SuggestionBudget {
  return { cells: SUGGESTION_BUDGET_CELLS };
}

/** The budget in force (none outside an analysis: did-you-mean then runs unbounded, as for the CLI's options). */
let current: SuggestionBudget | undefined;

/** Runs `run` with did-you-mean drawing on `budget`. */
export function withSuggestionBudget<T>(budget: SuggestionBudget, run: () => T): T {
  const outer = current;
  current = budget;
  try {
    return run();
  } finally {
    current = outer;
  }
}

/** Takes `cells` from the budget in force; false when they are not left (and from then on, none are). */
function spend(cells: number): boolean {
  if (!current) return true;
  if (cells > current.cells) {
    current.cells = 0;
    return false;
  }
  current.cells -= cells;
  return true;
}

/** The cells of one comparison's table. */
const tableCells = (a: string, b: string) => (a.length + 1) * (b.length + 1);

const uniques = new WeakMap<readonly string[], readonly string[]>();

/** The candidates without repeats; for an array (a catalogue's names), worked out once. */
function uniqueOf(candidates: Iterable<string>): readonly string[] {
  if (!Array.isArray(candidates)) return [...new Set(candidates)];
  let unique = uniques.get(candidates);
  if (!unique) uniques.set(candidates, (unique = [...new Set(candidates as string[])]));
  return unique;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The closest candidate within a distance that grows with the word's length (1 for short words,
 * up to a third of the length), or undefined when nothing is close enough to be a likely typo.
 * A candidate that starts with the word (`inventory` → `interpersonal-inventory` does not) or
 * equals it ignoring case also counts.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Looking at a candidate costs a cell, comparing it its table; out of budget, no guess rather
    // than a half-searched one.
    if (!spend(1)) return undefined;
    // The distance is at least the difference in length: skip what cannot be close enough or closer.
    const gap = Math.abs(candidate.length - word.length);
    if (gap > limit || gap >= bestDistance) continue;
    if (!spend(tableCells(word, candidate))) return undefined;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** "Did you mean `x`?" or an empty string, for the end of a message. */
export function didYouMean(word: string, candidates: Iterable<string>): { text: string; suggestion?: string } {
  const suggestion = suggest(word, candidates);
  return suggestion ? { text: ` Did you mean \`${suggestion}\`?`, suggestion } : { text: '' };
}

/**
 * Like `suggest`, but only when exactly one candidate is the closest: with ids like G1, G2, G3 a
 * misspelt `G4` is equally close to all of them, and guessing one would be wrong. Use it for safe fixes.
 */
export function suggestUnique(word: string, candidates: Iterable<string>): string | undefined {
  const unique = uniqueOf(candidates);
  const best = suggest(word, unique);
  if (best === undefined) return undefined;
  const bestDistance = editDistance(word, best);
  let tied = 0;
  for (const candidate of unique) {
    if (!spend(1)) return undefined;
    if (Math.abs(candidate.length - word.length) > bestDistance) continue;
    if (!spend(tableCells(word, candidate))) return undefined;
    if (editDistance(word, candidate) === bestDistance && ++tied > 1) return undefined;
  }
  return best;
}

const names = new WeakMap<readonly object[], readonly string[]>();

/** The ids and aliases of catalogue entries: every accepted spelling, for did-you-mean (worked out once per list). */
export function namesOf(entries: readonly { id: string; aliases?: string[] }[]): readonly string[] {
  let list = names.get(entries);
  if (!list) names.set(entries, (list = entries.flatMap((entry) => [entry.id, ...(entry.aliases ?? [])])));
  return list;
}

/** `uniqueOf` for callers that look at each candidate themselves. */
export function uniqueCandidates(candidates: Iterable<string>): readonly string[] {
  return uniqueOf(candidates);
}

/** The quick fix "Change to `x`" that replaces one word; `safe` ones are applied by `ipt lint --fix`. */
export function changeTo(word: { span: Span }, replacement: string, safe = true): Fix {
  return { title: `Change to \`${replacement}\``, edits: [{ span: word.span, newText: replacement }], safe };
}

/** The most choices a message lists: every built-in list fits; a config's or a plan's longer list is cut. */
export const MAX_LISTED_CHOICES = 12;

/**
 * "`a`, `b`, `c`" (plain without `quote`), cut after MAX_LISTED_CHOICES with the count of the rest:
 * a message per unknown word that listed all 3,000 goal ids of a plan made the output quadratic.
 * `total` is the number of choices when `choices` holds only the first ones.
 */
export function choicesText(choices: readonly (string | { id: string })[], quote = true, total = choices.length): string {
  const shown = choices.slice(0, MAX_LISTED_CHOICES).map((choice) => {
    const id = typeof choice === 'string' ? choice : choice.id;
    return quote ? `\`${id}\`` : id;
  });
  const more = total - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` (and ${more.toLocaleString('en-US')} more)` : ''}`;
}
