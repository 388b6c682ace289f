/** Did-you-mean: the closest known word to a misspelt one, for messages and quick fixes. */
import type { Fix } from './diagnostic.js';
import type { Span } from './span.js';

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
    // The distance is at least the difference in length: skip what cannot be close enough or closer.
    const gap = Math.abs(candidate.length - word.length);
    if (gap > limit || gap >= bestDistance) continue;
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
  const unique = [...new Set(candidates)];
  const best = suggest(word, unique);
  if (best === undefined) return undefined;
  const bestDistance = editDistance(word, best);
  const tied = unique.filter((candidate) => Math.abs(candidate.length - word.length) <= bestDistance && editDistance(word, candidate) === bestDistance);
  return tied.length === 1 ? best : undefined;
}

/** The ids and aliases of catalogue entries: every accepted spelling, for did-you-mean. */
export function namesOf(entries: readonly { id: string; aliases?: string[] }[]): string[] {
  return entries.flatMap((entry) => [entry.id, ...(entry.aliases ?? [])]);
}

/** The quick fix "Change to `x`" that replaces one word; `safe` ones are applied by `ipt lint --fix`. */
export function changeTo(word: { span: Span }, replacement: string, safe = true): Fix {
  return { title: `Change to \`${replacement}\``, edits: [{ span: word.span, newText: replacement }], safe };
}
