/**
 * The bounds a plan's numbers and size stay within, taken from what a plan can mean. The parser
 * checks every number where it reads it (a value beyond its bound is a `syntax` error and is left
 * out of the tree, like a backwards range); renderers and editor features clamp with the same
 * constants, so no loop, array or string is ever sized by an unchecked number from the text.
 * docs/reliability.md gives the reasons and the measured costs.
 */

/**
 * The most sessions a plan can number. Acute IPT is 12–16 sessions; maintenance IPT runs weekly to
 * monthly "possibly over years" (a trial ran 2 years: at most 104 weekly sessions). 500 is nearly
 * ten years of weekly sessions, so no real plan reaches it, and a chart or course strip of 500
 * sessions is still small.
 */
export const MAX_SESSIONS = 500;

/**
 * The highest score a scale can give. The built-in instruments top out at 63 (BDI-II); longer
 * scales a team may add reach a few hundred (SCL-90-R totals 0–360). Config instruments must
 * stay within it too.
 */
export const MAX_SCORE = 1000;

/** The longest session, in minutes: a day. (Sessions run 45–120 minutes.) */
export const MAX_SESSION_MINUTES = 24 * 60;

/**
 * The largest plan read, in UTF-16 code units. A long real plan is well under 100 KB; at 1 MB the
 * whole analysis still takes about a second (docs/reliability.md), so the language server stays
 * responsive. A larger file gets one `syntax` error and is not parsed.
 */
export const MAX_PLAN_CHARS = 1024 * 1024;

/**
 * The largest plan file worth reading, in bytes. UTF-8 spends at most 3 bytes on one UTF-16 code
 * unit (a character outside the BMP is 4 bytes for 2 units; an invalid byte sequence decodes to one
 * U+FFFD from at most 3 bytes), so a file of more than 3 bytes per unit of MAX_PLAN_CHARS can never
 * fit: it is refused unread (workspace/read-plan.ts, and the web build's Validate Workspace).
 */
export const MAX_PLAN_BYTES = 3 * MAX_PLAN_CHARS;

/**
 * The one diagnostic of a file past MAX_PLAN_CHARS, or undefined when it is within it. `length` is in
 * code units, or bytes for a file refused unread; `atLeast` when only a part was read (a stream).
 */
export function planSizeProblem(length: number, atLeast = false): string | undefined {
  if (length <= MAX_PLAN_CHARS) return undefined;
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `This file is ${atLeast ? 'more than ' : ''}${mb(length)}; IPT Plan reads plans up to ${mb(MAX_PLAN_CHARS)} (a long plan is under 100 KB), so it was not checked. Split it into one plan per file, or check that it is a plan.`;
}

/**
 * The largest `.iptrc.json` read, in characters (and in bytes on disk, a stricter bound): a
 * vocabulary of 400,000 words is about 5 MB. (Here rather than in rules/config-shape.ts so the
 * extension's client can read the bound without bundling the JSON scanner.)
 */
export const MAX_CONFIG_CHARS = 16 * 1024 * 1024;

export type LimitedNumber = 'session' | 'count' | 'interval' | 'score' | 'minutes';

/** A plain-words problem when `value` is beyond the bound for its kind, else undefined. */
export function numberLimitProblem(kind: LimitedNumber, value: number, written: string): string | undefined {
  switch (kind) {
    case 'session':
      return value <= MAX_SESSIONS ? undefined : `A plan has at most ${MAX_SESSIONS} sessions, so \`${written}\` cannot be a session number. Check the number, or split the plan.`;
    case 'count':
      return value <= MAX_SESSIONS ? undefined : `A plan has at most ${MAX_SESSIONS} sessions, so \`sessions ${written}\` cannot be the planned total. Check the number.`;
    case 'interval':
      return value <= MAX_SESSIONS ? undefined : `A plan has at most ${MAX_SESSIONS} sessions, so \`every ${written}\` would never repeat. Check the number, or list the sessions with \`at\`.`;
    case 'score':
      return value <= MAX_SCORE ? undefined : `No scale scores above ${MAX_SCORE}, so \`${written}\` cannot be a score. Check the number.`;
    case 'minutes':
      return value <= MAX_SESSION_MINUTES ? undefined : `A session lasts at most ${MAX_SESSION_MINUTES} minutes (a day), so \`${written}\` cannot be its length. Check the number.`;
  }
}

/** A session number clamped into 0..MAX_SESSIONS, for loops and sizes (NaN becomes 0). */
export function clampSession(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(MAX_SESSIONS, Math.floor(n))) : n > 0 ? MAX_SESSIONS : 0;
}

/**
 * The session numbers from `first` to `last` that a plan can have (0..MAX_SESSIONS): the one way to
 * expand a range (`4-13`) into numbers, safe for any input (NaN, Infinity, 2^53, backwards). Numbers
 * past the limit are left out, never moved to it.
 */
export function sessionNumbers(first: number, last: number): number[] {
  const out: number[] = [];
  if (!(first <= MAX_SESSIONS)) return out; // also NaN
  const to = Math.min(MAX_SESSIONS, Math.floor(last));
  for (let n = Math.max(0, Math.ceil(first)); n <= to; n++) out.push(n);
  return out;
}
