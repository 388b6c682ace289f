/**
 * `phi.allow`: exact texts that are never reported, wherever they appear. A finding is allowed when
 * one occurrence of an allowed text covers it. Finding every occurrence of every entry built a span
 * for each (2,000 entries and a 50 KB note: 5.3 GB and over a minute; 600,000 entries: out of
 * memory), so the list is compiled once per configuration into an Aho–Corasick automaton, and each
 * text is read once: at every position, the longest allowed text ending there is the one that starts
 * earliest, and a running minimum from the end says how far back an allowed text reaches over each
 * place. The cost is linear in the text plus the list, and the memory is 14 bytes per distinct
 * prefix of the entries (typed arrays), never per occurrence; the exact texts (the client and title
 * checks) are looked up in the same automaton.
 */

export interface AllowList {
  /** True when `text` is exactly one of the entries. */
  has(text: string): boolean;
  /** For one text: whether [start, end) lies inside one occurrence of an entry. */
  coverage(text: string): (start: number, end: number) => boolean;
}

const compiled = new WeakMap<readonly string[], AllowList>();

/** The allow list for a configuration's entries, compiled on first use and kept with them. */
export function allowList(entries: readonly string[]): AllowList {
  let list = compiled.get(entries);
  if (!list) compiled.set(entries, (list = compileAllowList(entries)));
  return list;
}

const NOTHING_ALLOWED: AllowList = { has: () => false, coverage: () => () => false };

function compileAllowList(entries: readonly string[]): AllowList {
  // The default sort orders by UTF-16 code units, as the automaton needs; repeats end up side by side.
  const sorted = entries.filter((entry) => entry !== '').sort();
  const words = sorted.filter((word, i) => i === 0 || word !== sorted[i - 1]);
  if (words.length === 0) return NOTHING_ALLOWED;
  const automaton = buildAutomaton(words);
  return {
    has: (text) => isEntry(automaton, text),
    coverage: (text) => {
      const reach = earliestCoveringStart(automaton, text);
      return (start, end) => end > start && end <= text.length && reach[end - 1] <= start;
    },
  };
}

/**
 * The automaton's states are the distinct prefixes of the entries, numbered breadth first (the root,
 * 0, is the empty prefix) with each state's children numbered consecutively in code-unit order, so
 * a state's children are `firstChild[s] … firstChild[s + 1] - 1` and a step is a binary search.
 */
interface Automaton {
  /** The code unit that leads into each state. */
  unit: Uint16Array;
  /** The first child of each state; one more entry closes the last state's children. */
  firstChild: Int32Array;
  /** The longest proper suffix of each state's prefix that is also a prefix (Aho–Corasick failure link). */
  fail: Int32Array;
  /** The length of the longest entry that ends each state's prefix (0: none). */
  longest: Int32Array;
}

/**
 * Builds the automaton level by level from the sorted entries: at depth d, the entries at least d
 * long that share their first d code units form one state (consecutive in sorted order, found with
 * the common prefix of neighbours), so every step touches one code unit of one entry: linear in the
 * list's length.
 */
function buildAutomaton(words: readonly string[]): Automaton {
  // Common prefix of each entry with the one before it, and the number of states (distinct prefixes).
  const common = new Int32Array(words.length);
  let states = 1;
  for (let i = 0; i < words.length; i++) {
    if (i > 0) {
      const a = words[i - 1];
      const b = words[i];
      let k = 0;
      while (k < a.length && k < b.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
      common[i] = k;
    }
    states += words[i].length - common[i];
  }
  const unit = new Uint16Array(states);
  const firstChild = new Int32Array(states + 1);
  const fail = new Int32Array(states);
  const longest = new Int32Array(states);

  // The entries still long enough at this depth, in sorted order, and the state each stands in.
  let active = Int32Array.from(words.keys());
  let at = new Int32Array(words.length); // all at the root
  let activeCount = words.length;
  let next = 1; // the next state number
  let parentsDone = 0; // states whose children have all been numbered
  for (let depth = 1; activeCount > 0; depth++) {
    const levelStart = next;
    const stillActive = new Int32Array(activeCount);
    const stillAt = new Int32Array(activeCount);
    let still = 0;
    let previous = -1;
    let state = -1;
    for (let k = 0; k < activeCount; k++) {
      const w = active[k];
      const word = words[w];
      // A new state unless this entry shares its first `depth` units with the previous active one.
      if (previous !== w - 1 || common[w] < depth) {
        state = next++;
        const parent = at[k];
        // Close the children of every state numbered before this one's parent: they have none left.
        while (parentsDone <= parent) firstChild[parentsDone++] = state;
        unit[state] = word.charCodeAt(depth - 1);
        fail[state] = depth === 1 ? 0 : step({ unit, firstChild, fail, longest }, fail[parent], unit[state]);
      }
      if (word.length === depth) longest[state] = depth;
      else {
        stillActive[still] = w;
        stillAt[still++] = state;
      }
      previous = w;
    }
    // Longest entry ending here: this state's own, else its failure link's (numbered earlier).
    for (let s = levelStart; s < next; s++) if (longest[s] === 0) longest[s] = longest[fail[s]];
    active = stillActive;
    at = stillAt;
    activeCount = still;
  }
  while (parentsDone <= states) firstChild[parentsDone++] = states;
  return { unit, firstChild, fail, longest };
}

/** The child of `state` reached by `code`, or -1 (a binary search: children are in code-unit order). */
function child(automaton: Automaton, state: number, code: number): number {
  const { unit, firstChild } = automaton;
  let low = firstChild[state];
  let high = firstChild[state + 1] - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (unit[mid] === code) return mid;
    if (unit[mid] < code) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** True when `text` is exactly one of the entries: its path from the root ends in a state an entry ends in. */
function isEntry(automaton: Automaton, text: string): boolean {
  let state = 0;
  for (let i = 0; i < text.length && state >= 0; i++) state = child(automaton, state, text.charCodeAt(i));
  return state > 0 && automaton.longest[state] === text.length;
}

/** The state after reading `code` in `state`, following failure links (the root reads anything). */
function step(automaton: Automaton, state: number, code: number): number {
  for (;;) {
    const next = child(automaton, state, code);
    if (next >= 0) return next;
    if (state === 0) return 0;
    state = automaton.fail[state];
  }
}

/** Past any position: "no allowed text reaches here". */
const NONE = 0x7fffffff;

/**
 * For each position p of the text: the earliest start of an allowed text that ends at p or later
 * (NONE when none does). [start, end) is covered exactly when reach[end - 1] <= start.
 */
function earliestCoveringStart(automaton: Automaton, text: string): Int32Array {
  const reach = new Int32Array(text.length);
  let state = 0;
  for (let p = 0; p < text.length; p++) {
    state = step(automaton, state, text.charCodeAt(p));
    const length = automaton.longest[state];
    reach[p] = length > 0 ? p + 1 - length : NONE;
  }
  for (let p = text.length - 2; p >= 0; p--) if (reach[p + 1] < reach[p]) reach[p] = reach[p + 1];
  return reach;
}
