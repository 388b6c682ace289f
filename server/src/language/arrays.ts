/**
 * Array helpers that stay safe for arrays as long as a plan can make them. `Math.max(...xs)` and
 * `out.push(...xs)` pass every element as a call argument and throw a RangeError past roughly
 * 100,000 of them (a plan of 150,000 lines is enough); these loop instead.
 */

/** Appends every item of `items` to `target` and returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values` (and of `floor`, when given); -Infinity for none. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The smallest of `values` (and of `ceiling`, when given); Infinity for none. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const value of values) if (value < min) min = value;
  return min;
}
