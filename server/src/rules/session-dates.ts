/**
 * `session-dates`: Session `date`s increase and follow the cadence from `start` (±3 days). Monthly
 * sessions may keep the same day of the month or the same weekday of the month (the second
 * Wednesday) as `start`. Normal practice is silent: a session put off by whole cadence periods when a
 * later date shows the new rhythm, a session whose note or title says it moved (whatever the next
 * session does: back on the usual day or on from the new one), a tapered ending, a missed or
 * cancelled session. A date before `start` says so, whichever session it is. A break longer than the frame allows inside the initial phase of weekly
 * IPT, and a late last dated session (nothing after it shows a new rhythm), are reported.
 */
import type { Session, Word } from '../language/ast.js';
import { findEntry } from '../language/catalogue.js';
import { dayNumber, isCalendarDate } from '../language/values.js';
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
/**
 * Inside the initial phase of weekly-only IPT (acute, IPT-A, IPT-B, group) the frame allows less: the
 * assessment, inventory and formulation take the first few weeks, and a month's gap among them is
 * worth a look. Two weeks late is still a break.
 */
const MAX_INITIAL_BREAK_WEEKLY = 2;
/** Words in a session's note or title that say it moved, or why: then a late date is explained. */
const MOVED_WORDS =
  /\b(?:mov(?:e|ed)|re-?schedul\w*|re-?arrang\w*|postpon\w*|put off|delay(?:ed)?|brought forward|break|holidays?|half-term|vacation|leave|illness|ill|sick(?! role)|hospital\w*|away|travel\w*|strike|closure|closed|snow)\b/i;
/**
 * Words that say the session itself was moved. A date off the rhythm whose next session keeps the old
 * rhythm (a one-off move, back on the usual day next time) is explained only by these: a reason
 * alone ("sick", "holiday") could as well describe the session's content.
 */
const MOVED_EXPLICITLY = /\b(?:mov(?:e|ed)|re-?schedul\w*|re-?arrang\w*|postpon\w*|put off|delay(?:ed)?|brought forward)\b/i;

/** A dated session: its first session number, the day (days since 1970) and the `date` word. */
interface Dated {
  k: number;
  day: number;
  word: Word;
  session: Session;
  /** Written under the termination phase, where sessions are often spaced out towards the end. */
  inTermination: boolean;
  /** Written under the initial phase, where weekly IPT allows no long break. */
  inInitial: boolean;
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
    const rhythm = cadence === 'monthly' ? monthlyRhythm(dated, startDay) : 'day';

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
      return !!cadence && next !== undefined && Math.abs(next.day - expectedDay(from.day, next.k - from.k, cadence, rhythm)) <= TOLERANCE_DAYS;
    };
    /** After a reported date the rhythm may go on from it (all later dates moved): then it is the new anchor. */
    const reanchorIfFollowed = (index: number, entry: Dated): void => {
      if (!nextKeeps(index, entry)) return;
      anchor = { k: entry.k, day: entry.day, describe: describeSession(entry) };
      previous = entry;
    };
    for (const [index, entry] of dated.entries()) {
      if (previous && entry.k <= previous.k) continue; // the same session twice: `phase-coverage` reports it
      // Before `start`, whichever session it is (a year typed wrong, 2025 for 2026): say so, not "check both dates".
      if (startDay !== undefined && entry.day < startDay) {
        ctx.report({
          span: entry.word.span,
          message: `Session ${entry.k} is dated ${entry.word.value}, before the plan's \`start\` (${startWord!.value}). Check this date (a year typed wrong?) or the \`start\` date.`,
          related: [{ span: startWord!.span, message: 'The plan starts here.' }],
        });
        if (!previous) reanchorIfFollowed(index, entry);
        continue;
      }
      if (previous && entry.day <= previous.day) {
        ctx.report({
          span: entry.word.span,
          message: `Session ${entry.k} is dated ${entry.word.value}, which is not after session ${previous.k} (${previous.word.value}, line ${lineNumberOf(ctx.lines, previous.word.span.start)}). Dates must increase with the session number: check both dates.`,
          related: [{ span: previous.word.span, message: `Session ${previous.k}'s date.` }],
        });
        reanchorIfFollowed(index, entry);
        continue;
      }

      // With `start`, the cadence runs from it; without, between consecutive dated sessions.
      const base: Anchor | undefined = startDay !== undefined ? anchor : previous && { k: previous.k, day: previous.day, describe: describeSession(previous) };
      if (cadence && base) {
        const expected = expectedDay(base.day, entry.k - base.k, cadence, rhythm);
        const off = entry.day - expected;
        // A session number so large that its expected date is off the calendar says nothing here.
        if (Number.isFinite(off) && Math.abs(off) > TOLERANCE_DAYS && isCalendarDay(expected)) {
          // A lone wrong date (the next dated session keeps the old rhythm) is not an anchor; a
          // rescheduled session is, so the sessions after it are not reported again.
          // Look at the next dated session to tell the cases apart.
          const hasNext = nextDated(index) !== undefined;
          const lone = nextKeeps(index, base);
          const rescheduled = !lone && (!hasNext || nextKeeps(index, entry));
          // The frame's limit on a silent break: shorter inside the initial phase of weekly-only IPT.
          const longest = entry.inInitial && weeklyOnly(ctx, cadence) ? MAX_INITIAL_BREAK_WEEKLY : MAX_STRETCH;
          const wholePeriods = off > 0 && delayedByWholePeriods(entry, base, cadence, rhythm, MAX_STRETCH);
          const withinFrame = off > 0 && delayedByWholePeriods(entry, base, cadence, rhythm, longest);
          // Normal practice, not mistakes: a session put off by whole cadence periods when a later
          // dated session shows the rhythm going on from its new date, or the session itself says it
          // moved (a reschedule or a break); and a tapered ending (termination sessions spaced more
          // and more widely, unless the next one keeps the old rhythm and shows this date as a typo).
          // Later dates are then checked from this one.
          const shownByLater = hasNext && rescheduled && withinFrame;
          // A session whose note or title says it moved is silent, whatever the next session does:
          // when the next keeps the old rhythm (a one-off move), the old rhythm stays the anchor.
          if (saysMoved(entry.session, lone ? MOVED_EXPLICITLY : MOVED_WORDS) && entry.day > (previous?.day ?? -Infinity)) {
            if (!lone) {
              anchor = { k: entry.k, day: entry.day, describe: describeSession(entry) };
              previous = entry;
            }
            continue;
          }
          if (shownByLater || (off > 0 && !lone && taperedEnding(entry, previous, cadence, rhythm))) {
            anchor = { k: entry.k, day: entry.day, describe: describeSession(entry) };
            previous = entry;
            continue;
          }
          const days = Math.abs(off) === 1 ? '1 day' : `${Math.abs(off)} days`;
          const head = `Session ${entry.k} is dated ${entry.word.value}, ${days} ${off > 0 ? 'later' : 'earlier'} than the ${cadence} cadence from ${base.describe} expects (${describeExpected(base.day, expected, cadence, rhythm)}, ±${TOLERANCE_DAYS} days).`;
          ctx.report({
            span: entry.word.span,
            message: lone
              ? `${head} The next dated session keeps that cadence, so this date is probably a typo: check it.`
              : rescheduled && !hasNext && off > 0
                ? `${head} It is the last dated session, so no later date shows a new rhythm: check it for a typo, or if there was a break, say so in a \`note\` on this session.`
                : rescheduled && wholePeriods && !withinFrame
                  ? `${head} A break that long inside the initial phase is more than weekly IPT's frame allows without a reason: check the date, or say why in a \`note\` on this session. (The later dates are checked from this one.)`
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

/** True when the session is later than expected by 1 to `longest` whole cadence periods (±3 days). */
function delayedByWholePeriods(entry: Dated, base: { k: number; day: number }, cadence: string, rhythm: Rhythm, longest: number): boolean {
  for (let periods = 1; periods <= longest; periods++) {
    if (Math.abs(entry.day - expectedDay(base.day, entry.k - base.k + periods, cadence, rhythm)) <= TOLERANCE_DAYS) return true;
  }
  return false;
}

/** True when the plan's variant allows only weekly sessions (acute, IPT-A, IPT-B, group): its frame allows no long break early on. */
function weeklyOnly(ctx: RuleContext, cadence: string): boolean {
  return cadence === 'weekly' && !!ctx.variant && ctx.variant.cadences.length === 1 && ctx.variant.cadences[0] === 'weekly';
}

/**
 * True for a termination session that follows a dated termination session more widely than the
 * cadence, but at most MAX_STRETCH periods per session apart: a tapered ending.
 */
function taperedEnding(entry: Dated, previous: Dated | undefined, cadence: string, rhythm: Rhythm): boolean {
  if (!previous || !entry.inTermination || !previous.inTermination) return false;
  const steps = entry.k - previous.k;
  return (
    entry.day > expectedDay(previous.day, steps, cadence, rhythm) &&
    entry.day <= expectedDay(previous.day, steps * MAX_STRETCH, cadence, rhythm) + TOLERANCE_DAYS
  );
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
      dated.push({
        k: session.number.first,
        day,
        word,
        session,
        inTermination: phase.name?.value === 'termination',
        inInitial: phase.name?.value === 'initial',
      });
    }
  }
  return dated.sort((a, b) => a.k - b.k);
}

/** The session's note or title says it moved (or why: a break, a holiday, an illness). Asked only of a date off the rhythm. */
function saysMoved(session: Session, words: RegExp): boolean {
  if (session.title && words.test(session.title.value)) return true;
  return session.items.some((item) => item.kind === 'note' && item.text !== undefined && words.test(item.text.value));
}

function firstDate(session: Session): Word | undefined {
  for (const item of session.items) if (item.kind === 'date' && item.date) return item.date;
  return undefined;
}

/**
 * Days since 1970-01-01 for a YYYY-MM-DD word; reports (and returns undefined for) an impossible
 * date, and for a year before 100, which the day count leaves out (as Date.UTC, which reads such a year as 19xx).
 */
function calendarDay(ctx: RuleContext, word: Word): number | undefined {
  if (!hasDateShape(word.value)) return undefined;
  const day = isCalendarDate(word.value, 0) ? dayNumber(word.value) : undefined;
  if (day === undefined) ctx.report({ span: word.span, message: `${word.value} is not a calendar date. Write a real date as YYYY-MM-DD.` });
  return day;
}

/** Exactly YYYY-MM-DD: ten characters, digits with dashes at 4 and 7. */
function hasDateShape(value: string): boolean {
  if (value.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = value.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
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

/**
 * The same weekday of the month `steps` months after `day`: the same occurrence (the second
 * Wednesday), or the last one when `day` is in its month's last seven days (the last Friday).
 */
function sameWeekdayOfMonth(day: number, steps: number): number {
  const date = new Date(day * DAY_MS);
  const weekday = date.getUTCDay();
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const last = date.getUTCDate() + 7 > daysInMonth;
  const occurrence = Math.ceil(date.getUTCDate() / 7);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + steps;
  if (last) {
    const end = new Date(Date.UTC(year, month + 1, 0));
    return Math.round(end.getTime() / DAY_MS) - ((end.getUTCDay() - weekday + 7) % 7);
  }
  const first = new Date(Date.UTC(year, month, 1));
  return Math.round(first.getTime() / DAY_MS) + ((weekday - first.getUTCDay() + 7) % 7) + 7 * (occurrence - 1);
}

/** Which monthly rhythm the plan keeps: the same day of the month, or the same weekday of the month. */
type Rhythm = 'day' | 'weekday';

/** The expected day of the session `steps` cadence steps after `day`, in the plan's monthly rhythm. */
function expectedDay(day: number, steps: number, cadence: string, rhythm: Rhythm): number {
  const sameDay = addCadence(day, steps, cadence);
  if (cadence !== 'monthly' || rhythm === 'day' || !isCalendarDay(sameDay)) return sameDay;
  return sameWeekdayOfMonth(day, steps);
}

/**
 * Monthly IPT is booked on the same day of the month or on the same weekday of the month (the second
 * Wednesday). The plan's rhythm is the one more of its dated sessions keep, counted from `start` (or
 * the first dated session); the day of the month on a tie. One rhythm for the whole plan, so a date
 * typed wrong cannot happen to fit the other one and move the anchor.
 */
function monthlyRhythm(dated: readonly Dated[], start: number | undefined): Rhythm {
  const anchor = start !== undefined ? { k: 1, day: start } : dated[0];
  if (!anchor) return 'day';
  let day = 0;
  let weekday = 0;
  for (const entry of dated) {
    if (entry.k <= anchor.k) continue;
    if (Math.abs(entry.day - expectedDay(anchor.day, entry.k - anchor.k, 'monthly', 'day')) <= TOLERANCE_DAYS) day++;
    if (Math.abs(entry.day - expectedDay(anchor.day, entry.k - anchor.k, 'monthly', 'weekday')) <= TOLERANCE_DAYS) weekday++;
  }
  return weekday > day ? 'weekday' : 'day';
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2026-06-10", or on the weekday rhythm "2026-06-10 on the second-Wednesday rhythm". */
function describeExpected(anchorDay: number, expected: number, cadence: string, rhythm: Rhythm): string {
  if (cadence !== 'monthly' || rhythm === 'day') return formatDay(expected);
  const date = new Date(anchorDay * DAY_MS);
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const which = date.getUTCDate() + 7 > daysInMonth ? 'last' : ORDINALS[Math.ceil(date.getUTCDate() / 7) - 1];
  return `${formatDay(expected)} on the ${which}-${WEEKDAYS[date.getUTCDay()]} rhythm`;
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
