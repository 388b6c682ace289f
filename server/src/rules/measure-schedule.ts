/** `measure-schedule`: At least one measure; one scheduled in the initial phase and one in the termination phase; scheduled sessions within 1..total; known instrument. */
import { maxOf, pushAll } from '../language/arrays.js';
import type { Measure, Phase } from '../language/ast.js';
import { findEntry } from '../language/catalogue.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { listOf, phaseRangesContiguous, planAnchor, replacementSuggestion, sessionsText, trustedTotal, uniquePhase } from './structure-queries.js';
import { namesOf } from '../language/suggest.js';

export default {
  id: 'measure-schedule',
  defaultSeverity: 'warning',
  description: 'At least one measure; one scheduled in the initial phase and one in the termination phase; scheduled sessions within 1..total; known instrument.',
  docsUrl: docsUrl('measure-schedule'),
  scope: 'plan',
  check(ctx) {
    const measures = ctx.file.measures;
    if (measures.length === 0) {
      // A severity scale at baseline and repeated through treatment [S2] [S19] [S20].
      ctx.report({
        span: planAnchor(ctx.file, ctx.text, ctx.lines),
        message:
          'The plan schedules no outcome measure. IPT rates symptoms at the start and repeats the rating through treatment: add e.g. `measure PHQ-9 every 4` (sessions 1, 5, 9, … and the last).',
      });
      return;
    }

    const scheduled: Scheduled[] = [];
    let wrongSchedule = false;
    for (const measure of measures) {
      checkInstrument(ctx, measure);
      const result = scheduledSessions(ctx, measure);
      pushAll(scheduled, result.sessions);
      wrongSchedule ||= result.reported;
    }
    // A schedule already reported, or phase ranges in question (`phase-coverage` reports them), would
    // make the phase checks below repeat the same mistake.
    if (wrongSchedule || !phaseRangesContiguous(ctx.file.phases, trustedTotal(ctx))) return;

    // A baseline is any rating up to the end of the initial phase; an end-of-treatment rating is
    // any from the start of the termination phase to the last session (so a range error, which
    // phase-coverage reports, does not also read as a missing measure).
    const total = trustedTotal(ctx);
    const initial = uniquePhase(ctx.file, 'initial');
    if (usableRange(initial) && !hasSessionIn(scheduled, 1, initial!.range!.last)) {
      const { first, last } = initial!.range!;
      ctx.report({
        span: measures[0].span,
        message: `No measure is scheduled in the initial phase (${sessionsText(first, last)}), so treatment has no baseline score. Schedule one there, e.g. add session ${first} to a measure (\`at ${first}, …\`) or use \`every N\`, which starts at session 1.`,
      });
    }
    const termination = uniquePhase(ctx.file, 'termination');
    if (usableRange(termination) && !hasSessionIn(scheduled, termination!.range!.first, Math.max(termination!.range!.last, total ?? 0))) {
      const { first, last } = termination!.range!;
      ctx.report({
        span: measures[0].span,
        message: `No measure is scheduled in the termination phase (${sessionsText(first, last)}), so response and remission at the end cannot be judged. Add session ${last} to a measure (\`at …, ${last}\`).`,
      });
    }
  },
} satisfies Rule;

/** An instrument the catalogue (built in or from config) does not know. */
function checkInstrument(ctx: RuleContext, measure: Measure): void {
  const instrument = measure.instrument;
  const instruments = ctx.catalogue.instruments;
  if (!instrument || findEntry(instruments, instrument.value)) return;
  const hint = replacementSuggestion(instrument, namesOf(instruments));
  ctx.report({
    span: instrument.span,
    message: `\`${instrument.value}\` is not a known instrument; the known ones are ${listOf(instruments.map((i) => i.id))}.${hint.text} To use another scale, add it under \`vocabulary.instruments\` in .iptrc.json.`,
    fixes: hint.fixes,
  });
}

/**
 * Where a measure is scheduled, as ranges and progressions (never one number at a time, so a huge
 * number costs nothing): `at 1, 4-6` is two ranges; `every N` is 1, 1+N, 1+2N, … up to the last session.
 */
type Scheduled = { kind: 'range'; first: number; last: number } | { kind: 'every'; interval: number; last: number };

/**
 * The sessions a measure is scheduled at. `every N` means 1, 1+N, 1+2N, … and the last session.
 * Scheduled sessions outside 1..total are reported (only when the total is known).
 */
function scheduledSessions(ctx: RuleContext, measure: Measure): { sessions: Scheduled[]; reported: boolean } {
  const schedule = measure.schedule;
  const total = trustedTotal(ctx);
  // When the phases end elsewhere than the total, `phase-coverage` reports that; which of the two is
  // right is unknown, so sessions past the total are not reported here as well.
  const phasesEnd = maxOf(ctx.file.phases.map((p) => p.range?.last ?? 0), 0);
  const rangeCheck = total !== undefined && (phasesEnd === 0 || phasesEnd === total);
  const sessions: Scheduled[] = [];
  let reported = false;
  if (!schedule) return { sessions, reported };
  if (schedule.kind === 'every') {
    const interval = schedule.interval;
    if (!interval) return { sessions, reported };
    if (interval.value < 1) {
      ctx.report({
        span: interval.span,
        message: `\`every ${interval.value}\` schedules nothing. Use a positive number of sessions between ratings, e.g. \`every 4\`.`,
      });
      return { sessions, reported: true };
    }
    // Without a trusted planned total, the last phase's end stands for the last session.
    const last = Math.max(1, total ?? phasesEnd);
    sessions.push({ kind: 'every', interval: interval.value, last }, { kind: 'range', first: last, last });
    return { sessions, reported };
  }
  for (const entry of schedule.sessions) {
    if (entry.first > entry.last) continue; // a backwards range has no sessions to schedule
    if (entry.first < 1) {
      ctx.report({ span: entry.span, message: 'Sessions are numbered from 1, so a measure cannot be scheduled at session 0. Use session 1 for the baseline.' });
      reported = true;
      continue;
    }
    if (rangeCheck && total !== undefined && entry.last > total) {
      ctx.report({
        span: entry.span,
        message: `${entry.first === entry.last ? `Session ${entry.first} is` : `Sessions ${entry.first}–${entry.last} run`} past the plan's last session (${total}). Schedule the measure within sessions 1–${total}.`,
      });
      reported = true;
      continue;
    }
    sessions.push({ kind: 'range', first: entry.first, last: entry.last });
  }
  return { sessions, reported };
}

/** A phase that exists with a forward range (others are `phase-order`'s or `phase-coverage`'s to report). */
function usableRange(phase: Phase | undefined): boolean {
  return !!phase?.range && phase.range.first <= phase.range.last;
}

/** Whether any scheduled session lies in first..last. */
function hasSessionIn(scheduled: Scheduled[], first: number, last: number): boolean {
  return scheduled.some((s) => {
    if (s.kind === 'range') return s.first <= last && first <= s.last;
    // The first session of the progression 1, 1+N, 1+2N, … at or after `first`.
    const next = first <= 1 ? 1 : 1 + Math.ceil((first - 1) / s.interval) * s.interval;
    return next <= Math.min(last, s.last);
  });
}
