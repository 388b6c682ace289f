/** `session-dates`: Session `date`s increase and follow the cadence from `start` (±3 days). */
import type { Session, Word } from '../language/ast.js';
import { findEntry } from '../language/catalogue.js';
import { headerOf } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { lineNumberOf, soundSessions } from './structure-queries.js';

/** How far (in days) a date may be from the cadence: a session moved within the week is still on time. */
const TOLERANCE_DAYS = 3;
const DAY_MS = 86_400_000;
/** The cadences whose step this rule knows how to count. */
const KNOWN_CADENCES = ['weekly', 'biweekly', 'monthly'];
/**
 * The widest gap, in cadence periods per session, still taken as a break (a session moved whole
 * weeks later, a holiday) or a tapered ending. A wider one (a year typed wrong) is still reported.
 */
const MAX_STRETCH = 4;

/** A dated session: its first session number, the day (days since 1970) and the `date` word. */
interface Dated {
  k: number;
  day: number;
  word: Word;
  session: Session;
  /** Written under the termination phase, where sessions are often spaced out towards the end. */
  inTermination: boolean;
}

/** Where the cadence is counted from: the plan's `start` (as session 1) or a dated session. */
interface Anchor {
  k: number;
  day: number;
  describe: string;
}

export default {
  id: 'session-dates',
  defaultSeverity: 'warning',
  description: 'Session `date`s increase and follow the cadence from `start` (±3 days).',
  docsUrl: docsUrl('session-dates'),
  scope: 'plan',
  check(ctx) {
    const startWord = headerOf(ctx.file, 'start')?.date;
    const startDay = startWord ? calendarDay(ctx, startWord) : undefined;
    let cadence = cadenceOf(ctx);
    const dated = datedSessions(ctx);

    let anchor: Anchor | undefined = startWord && startDay !== undefined ? { k: 1, day: startDay, describe: `\`start\` (${startWord.value})` } : undefined;
    let previous: Dated | undefined;
    /** The next dated session with a higher number (without copying the rest of the list). */
    const nextDated = (index: number): Dated | undefined => {
      for (let i = index + 1; i < dated.length; i++) if (dated[i].k > dated[index].k) return dated[i];
      return undefined;
    };
    /** Whether the next dated session after `index` keeps the cadence counted from `from`. */
    const nextKeeps = (index: number, from: { k: number; day: number }): boolean => {
      const next = nextDated(index);
      return !!cadence && next !== undefined && Math.abs(next.day - addCadence(from.day, next.k - from.k, cadence)) <= TOLERANCE_DAYS;
    };
    /** After a reported date the rhythm may go on from it (all later dates moved): then it is the new anchor. */
    const reanchorIfFollowed = (index: number, entry: Dated): void => {
      if (!nextKeeps(index, entry)) return;
      anchor = { k: entry.k, day: entry.day, describe: describeSession(entry) };
      previous = entry;
    };
    for (const [index, entry] of dated.entries()) {
      if (previous && entry.k <= previous.k) continue; // the same session twice: `phase-coverage` reports it
      if (previous && entry.day <= previous.day) {
        ctx.report({
          span: entry.word.span,
          message: `Session ${entry.k} is dated ${entry.word.value}, which is not after session ${previous.k} (${previous.word.value}, line ${lineNumberOf(ctx.lines, previous.word.span.start)}). Dates must increase with the session number: check both dates.`,
          related: [{ span: previous.word.span, message: `Session ${previous.k}'s date.` }],
        });
        reanchorIfFollowed(index, entry);
        continue;
      }
      if (!previous && startDay !== undefined && entry.day < startDay) {
        ctx.report({
          span: entry.word.span,
          message: `Session ${entry.k} is dated ${entry.word.value}, before the plan's \`start\` (${startWord!.value}). Check this date or the \`start\` date.`,
          related: [{ span: startWord!.span, message: 'The plan starts here.' }],
        });
        reanchorIfFollowed(index, entry);
        continue;
      }

      // With `start`, the cadence runs from it; without, between consecutive dated sessions.
      const base: Anchor | undefined = startDay !== undefined ? anchor : previous && { k: previous.k, day: previous.day, describe: describeSession(previous) };
      if (cadence && base) {
        const expected = addCadence(base.day, entry.k - base.k, cadence);
        const off = entry.day - expected;
        // A session number so large that its expected date is off the calendar says nothing here.
        if (Number.isFinite(off) && Math.abs(off) > TOLERANCE_DAYS && isCalendarDay(expected)) {
          // A lone wrong date (the next dated session keeps the old rhythm) is not an anchor; a
          // rescheduled session is, so the sessions after it are not reported again.
          // Look at the next dated session to tell the three cases apart.
          const hasNext = nextDated(index) !== undefined;
          const lone = nextKeeps(index, base);
          const rescheduled = !lone && (!hasNext || nextKeeps(index, entry));
          // Normal practice, not mistakes: a session put off by whole cadence periods with the rhythm
          // going on from its new date (a reschedule or a break), and a tapered ending (termination
          // sessions spaced more and more widely, unless the next one keeps the old rhythm and shows
          // this date as a typo). Later dates are then checked from this one.
          if (off > 0 && ((rescheduled && delayedByWholePeriods(entry, base, cadence)) || (!lone && taperedEnding(entry, previous, cadence)))) {
            anchor = { k: entry.k, day: entry.day, describe: describeSession(entry) };
            previous = entry;
            continue;
          }
          const days = Math.abs(off) === 1 ? '1 day' : `${Math.abs(off)} days`;
          const head = `Session ${entry.k} is dated ${entry.word.value}, ${days} ${off > 0 ? 'later' : 'earlier'} than the ${cadence} cadence from ${base.describe} expects (${formatDay(expected)}, ±${TOLERANCE_DAYS} days).`;
          ctx.report({
            span: entry.word.span,
            message: lone
              ? `${head} The next dated session keeps that cadence, so this date is probably a typo: check it.`
              : rescheduled
                ? `${head} Check the date; if the session was rescheduled, keep it, and the later dates are checked from this one.`
                : `${head} The dates from here on do not keep a ${cadence} rhythm either: check them, or the cadence on the \`sessions\` line. (Later dates are not checked against the cadence.)`,
          });
          if (lone) continue;
          if (!rescheduled) cadence = undefined; // one report, not one per remaining session
          anchor = { k: entry.k, day: entry.day, describe: describeSession(entry) };
        }
      }
      previous = entry;
    }
  },
} satisfies Rule;

/** True when the session is later than expected by 1 to MAX_STRETCH whole cadence periods (±3 days). */
function delayedByWholePeriods(entry: Dated, base: { k: number; day: number }, cadence: string): boolean {
  for (let periods = 1; periods <= MAX_STRETCH; periods++) {
    if (Math.abs(entry.day - addCadence(base.day, entry.k - base.k + periods, cadence)) <= TOLERANCE_DAYS) return true;
  }
  return false;
}

/**
 * True for a termination session that follows a dated termination session more widely than the
 * cadence, but at most MAX_STRETCH periods per session apart: a tapered ending.
 */
function taperedEnding(entry: Dated, previous: Dated | undefined, cadence: string): boolean {
  if (!previous || !entry.inTermination || !previous.inTermination) return false;
  const steps = entry.k - previous.k;
  return entry.day > addCadence(previous.day, steps, cadence) && entry.day <= addCadence(previous.day, steps * MAX_STRETCH, cadence) + TOLERANCE_DAYS;
}

/** The cadence the plan declares, or the only one its variant allows; undefined when unknown or in question. */
function cadenceOf(ctx: RuleContext): string | undefined {
  const declared = headerOf(ctx.file, 'sessions')?.cadence?.value;
  const cadence = declared ?? (ctx.variant?.cadences.length === 1 ? ctx.variant.cadences[0] : undefined);
  if (cadence === undefined || !KNOWN_CADENCES.includes(cadence) || !findEntry(ctx.catalogue.cadences, cadence)) return undefined;
  // A cadence the variant does not allow is reported by `variant`; dates are not judged by it as well.
  if (ctx.variant && !ctx.variant.cadences.includes(cadence)) return undefined;
  return cadence;
}

/**
 * Dated sessions in session-number order. A `missed` or `cancelled` session shifts nothing and
 * its date (often the day it was called off) is not checked; nor is a session whose number is in doubt.
 */
function datedSessions(ctx: RuleContext): Dated[] {
  const dated: Dated[] = [];
  // A session whose number is in doubt (outside its phase, planned twice) is `phase-coverage`'s to report.
  const sound = soundSessions(ctx.file);
  for (const phase of ctx.file.phases) {
    for (const session of phase.sessions) {
      const word = firstDate(session);
      if (!word || !session.number || !sound.has(session)) continue;
      const day = calendarDay(ctx, word);
      if (day === undefined) continue;
      const status = session.items.find((item) => item.kind === 'status');
      const statusValue = status?.kind === 'status' ? status.value?.value : undefined;
      if (statusValue === 'missed' || statusValue === 'cancelled') continue;
      dated.push({ k: session.number.first, day, word, session, inTermination: phase.name?.value === 'termination' });
    }
  }
  return dated.sort((a, b) => a.k - b.k);
}

function firstDate(session: Session): Word | undefined {
  for (const item of session.items) if (item.kind === 'date' && item.date) return item.date;
  return undefined;
}

/** Days since 1970-01-01 for a YYYY-MM-DD word; reports (and returns undefined for) an impossible date. */
function calendarDay(ctx: RuleContext, word: Word): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word.value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    ctx.report({ span: word.span, message: `${word.value} is not a calendar date. Write a real date as YYYY-MM-DD.` });
    return undefined;
  }
  return Math.round(time / DAY_MS);
}

/** The day `steps` cadence steps after `day`; monthly steps are calendar months (31 Jan + 1 → 28/29 Feb). */
function addCadence(day: number, steps: number, cadence: string): number {
  if (cadence === 'weekly') return day + 7 * steps;
  if (cadence === 'biweekly') return day + 14 * steps;
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + steps;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / DAY_MS);
}

function isCalendarDay(day: number): boolean {
  return Number.isFinite(day) && !Number.isNaN(new Date(day * DAY_MS).getTime());
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function describeSession(entry: Dated): string {
  return `session ${entry.k} (${entry.word.value})`;
}
