/**
 * Which session entries plan the same session numbers, in n log n: a plan of thousands of entries
 * that all say `session 1` has n² clashing pairs, so nothing here lists pairs. Entries are intervals
 * of session numbers, indexed in text order; `excluded` numbers (sessions in overlapping phase
 * ranges, already reported) never make a clash.
 */

export interface Interval {
  first: number;
  last: number;
}

export interface Clashes {
  /** For each entry, the earliest earlier entry sharing a number with it (outside `excluded`). */
  firstEarlier: (number | undefined)[];
  /** The numbers entry i shares with its `firstEarlier` entry, in order (empty when none). */
  shared: Interval[][];
  /**
   * Entries whose numbers reach into two or more later entries, in text order, each with those later
   * entries (text order). A later entry is listed under the first such entry only.
   */
  reachingInto: { entry: number; later: number[] }[];
}

export function findClashes(intervals: readonly Interval[], excluded: readonly Interval[] = []): Clashes {
  // Almost every plan plans each session once: one sorting sweep proves it, and the trees are skipped.
  // (Excluded numbers only take clashes away, so no clash before excluding means none after.)
  if (clashingIntervals(intervals).size === 0) return { firstEarlier: intervals.map(() => undefined), shared: intervals.map(() => []), reachingInto: [] };
  const pieces = intervals.map((interval) => subtract(interval, excluded));
  return { ...firstEarlierClashes(pieces), reachingInto: reachingInto(pieces) };
}

/**
 * Indices of the intervals that share a number with any other (ignoring nothing). A sweep in order of
 * first number: an interval starting before the furthest end seen so far overlaps the interval
 * holding that end, so both clash.
 */
export function clashingIntervals(intervals: readonly Interval[]): Set<number> {
  const order = intervals.map((_, i) => i).sort((a, b) => intervals[a].first - intervals[b].first || a - b);
  const clashing = new Set<number>();
  let furthest = -Infinity;
  let holder = -1;
  for (const i of order) {
    const { first, last } = intervals[i];
    if (first > last) continue;
    if (first <= furthest) {
      clashing.add(i);
      clashing.add(holder);
    }
    if (last > furthest) {
      furthest = last;
      holder = i;
    }
  }
  return clashing;
}

/** The parts of `interval` outside every one of `holes`, in order (empty when the interval is empty). */
export function subtract(interval: Interval, holes: readonly Interval[]): Interval[] {
  let pieces = interval.first <= interval.last ? [interval] : [];
  for (const hole of holes) {
    pieces = pieces.flatMap((piece) => {
      if (hole.last < piece.first || hole.first > piece.last) return [piece];
      return [
        { first: piece.first, last: hole.first - 1 },
        { first: hole.last + 1, last: piece.last },
      ].filter((part) => part.first <= part.last);
    });
  }
  return pieces.sort((a, b) => a.first - b.first);
}

function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const first = Math.max(x.first, y.first);
      const last = Math.min(x.last, y.last);
      if (first <= last) out.push({ first, last });
    }
  }
  return out.sort((p, q) => p.first - q.first);
}

// ---------------------------------------------------------------- earliest earlier entry

/**
 * Entries in text order over compressed session numbers: each number remembers the first entry that
 * planned it (a range "minimum" update with ever larger indices only fills numbers not yet planned),
 * and an entry's earliest clash is the smallest index over its numbers.
 */
function firstEarlierClashes(pieces: readonly Interval[][]): Pick<Clashes, 'firstEarlier' | 'shared'> {
  const points = [...new Set(pieces.flatMap((list) => list.flatMap((p) => [p.first, p.last + 1])))].sort((a, b) => a - b);
  const slot = new Map(points.map((point, i) => [point, i]));
  const tree = new MinTree(Math.max(1, points.length - 1));
  const firstEarlier: (number | undefined)[] = [];
  const shared: Interval[][] = [];
  pieces.forEach((list, index) => {
    let earliest = Infinity;
    for (const piece of list) earliest = Math.min(earliest, tree.min(slot.get(piece.first)!, slot.get(piece.last + 1)!));
    const found = Number.isFinite(earliest) ? earliest : undefined;
    firstEarlier.push(found);
    shared.push(found === undefined ? [] : intersect(pieces[found], list));
    for (const piece of list) tree.lower(slot.get(piece.first)!, slot.get(piece.last + 1)!, index);
  });
  return { firstEarlier, shared };
}

/** Range "lower to at most v" and range minimum over [from, to), each in log n. */
class MinTree {
  private readonly size: number;
  private readonly low: number[];
  private readonly pending: number[];

  constructor(size: number) {
    this.size = size;
    this.low = new Array(4 * size).fill(Infinity);
    this.pending = new Array(4 * size).fill(Infinity);
  }

  lower(from: number, to: number, value: number, node = 1, left = 0, right = this.size): void {
    if (to <= left || right <= from) return;
    if (from <= left && right <= to) {
      this.low[node] = Math.min(this.low[node], value);
      this.pending[node] = Math.min(this.pending[node], value);
      return;
    }
    this.push(node);
    const mid = (left + right) >> 1;
    this.lower(from, to, value, 2 * node, left, mid);
    this.lower(from, to, value, 2 * node + 1, mid, right);
    this.low[node] = Math.min(this.low[2 * node], this.low[2 * node + 1]);
  }

  min(from: number, to: number, node = 1, left = 0, right = this.size): number {
    if (to <= left || right <= from) return Infinity;
    if (from <= left && right <= to) return this.low[node];
    this.push(node);
    const mid = (left + right) >> 1;
    return Math.min(this.min(from, to, 2 * node, left, mid), this.min(from, to, 2 * node + 1, mid, right));
  }

  private push(node: number): void {
    const value = this.pending[node];
    if (value === Infinity) return;
    for (const child of [2 * node, 2 * node + 1]) {
      this.low[child] = Math.min(this.low[child], value);
      this.pending[child] = Math.min(this.pending[child], value);
    }
    this.pending[node] = Infinity;
  }
}

// ---------------------------------------------------------------- entries reaching into later ones

/**
 * Walks the entries in text order. The pieces of the entries still to come and not yet listed sit in
 * a tree ordered by first number that knows the furthest last number below each node, so finding the
 * later entries that overlap a range costs log n per entry found. An entry is listed (and removed)
 * at most once, so the whole walk is n log n.
 */
function reachingInto(pieces: readonly Interval[][]): Clashes['reachingInto'] {
  const items = pieces.flatMap((list, entry) => list.map((piece) => ({ ...piece, entry })));
  items.sort((a, b) => a.first - b.first || a.entry - b.entry);
  const firsts = items.map((item) => item.first);
  const tree = new MaxTree(items.map((item) => item.last));
  const itemsOf: number[][] = pieces.map(() => []);
  items.forEach((item, i) => itemsOf[item.entry].push(i));
  const removeEntry = (entry: number) => {
    for (const i of itemsOf[entry]) tree.clear(i);
  };

  const result: Clashes['reachingInto'] = [];
  pieces.forEach((list, entry) => {
    removeEntry(entry); // only later entries stay in the tree
    const overlapping = (limit: number): Set<number> => {
      const found = new Set<number>();
      for (const piece of list) {
        const end = upperBound(firsts, piece.last); // items starting at or before piece.last
        tree.visit(0, end, piece.first, (i) => {
          found.add(items[i].entry);
          return found.size < limit;
        });
        if (found.size >= limit) break;
      }
      return found;
    };
    if (overlapping(2).size < 2) return;
    const later = [...overlapping(Infinity)].sort((a, b) => a - b);
    for (const other of later) removeEntry(other);
    result.push({ entry, later });
  });
  return result;
}

/** Index of the first value greater than `value` in an ascending list. */
function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Maximum over positions, with positions cleared for good; visits the positions whose value is at least a bound. */
class MaxTree {
  private readonly size: number;
  private readonly high: number[];

  constructor(values: readonly number[]) {
    this.size = Math.max(1, values.length);
    this.high = new Array(4 * this.size).fill(-Infinity);
    values.forEach((value, i) => this.set(i, value));
  }

  clear(position: number): void {
    this.set(position, -Infinity);
  }

  /** Calls `visit(i)` for positions in [from, to) whose value is ≥ bound, while it returns true. */
  visit(from: number, to: number, bound: number, visit: (position: number) => boolean): boolean {
    return this.walk(from, to, bound, visit, 1, 0, this.size);
  }

  private walk(from: number, to: number, bound: number, visit: (position: number) => boolean, node: number, left: number, right: number): boolean {
    if (to <= left || right <= from || this.high[node] < bound) return true;
    if (right - left === 1) return visit(left);
    const mid = (left + right) >> 1;
    return this.walk(from, to, bound, visit, 2 * node, left, mid) && this.walk(from, to, bound, visit, 2 * node + 1, mid, right);
  }

  private set(position: number, value: number, node = 1, left = 0, right = this.size): void {
    if (right - left === 1) {
      this.high[node] = value;
      return;
    }
    const mid = (left + right) >> 1;
    if (position < mid) this.set(position, value, 2 * node, left, mid);
    else this.set(position, value, 2 * node + 1, mid, right);
    this.high[node] = Math.max(this.high[2 * node], this.high[2 * node + 1]);
  }
}
