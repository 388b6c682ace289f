/**
 * A static check of the regular expressions a team writes in `.iptrc.json` (`phi.patterns`).
 * JavaScript has no regex timeout, so a pattern that backtracks catastrophically (`(a+)+$` on
 * "aaaa…b") would hang the linter and the editor. Refused, with a reason and a safer form:
 * - a group repeated without bound (`*`, `+`, `{n,}`) that itself repeats without bound or has
 *   alternatives (`(a+)+`, `(\w*)*`, `(a|ab)*`): exponential backtracking;
 * - backreferences (`\1`, `\k<name>`): no linear-time bound at all.
 * Bounded repetition (`(\d{3}-){2}`) and quantified single items (`\d+`, `[A-Z]{2,}`) are fine.
 */

interface Frame {
  /** An unbounded quantifier somewhere inside (nested groups included). */
  unbounded: boolean;
  alternation: boolean;
}

/** Why the pattern may backtrack catastrophically, or undefined when it is safe to run. */
export function catastrophicBacktracking(pattern: string): string | undefined {
  const stack: Frame[] = [{ unbounded: false, alternation: false }];
  /** What the next quantifier applies to: a closed group (its frame) or a single item. */
  let last: Frame | 'item' | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) {
        return 'it uses a backreference, which can take exponential time; match the text again explicitly instead';
      }
      i += next === 'u' && pattern[i + 2] === '{' ? pattern.indexOf('}', i) - i : 1;
      last = 'item';
      continue;
    }
    if (c === '[') {
      // A character class is one item; skip to its closing bracket (escapes and a leading `]` included).
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      for (; j < pattern.length && pattern[j] !== ']'; j++) if (pattern[j] === '\\') j++;
      i = j;
      last = 'item';
      continue;
    }
    if (c === '(') {
      stack.push({ unbounded: false, alternation: false });
      last = undefined;
      continue;
    }
    if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { unbounded: false, alternation: false };
      const parent = stack[stack.length - 1];
      parent.unbounded ||= group.unbounded;
      last = group;
      continue;
    }
    if (c === '|') {
      stack[stack.length - 1].alternation = true;
      last = undefined;
      continue;
    }
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.exec(pattern.slice(i, i + 24));
    if (quantifier) {
      const q = quantifier[0];
      const unbounded = q === '*' || q === '+' || /^\{\d+,\}$/.test(q);
      i += q.length - 1;
      if (pattern[i + 1] === '?') i++; // lazy: the same backtracking, in another order
      if (unbounded) {
        if (typeof last === 'object' && (last.unbounded || last.alternation)) {
          return 'a group that repeats without bound itself repeats or has alternatives (like `(a+)+` or `(a|ab)*`), which can take exponential time on a long text; repeat a single item or a character class instead (e.g. `[ab]+`)';
        }
        stack[stack.length - 1].unbounded = true;
      }
      last = undefined;
      continue;
    }
    last = 'item';
  }
  return undefined;
}
