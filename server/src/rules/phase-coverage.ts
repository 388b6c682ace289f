/** `phase-coverage`: Phase ranges run contiguously from 1 to the planned total; session entries lie inside their phase; no session planned twice. */
import type { Phase, Session, SessionSpan } from '../language/ast.js';
import type { Fix, Report } from '../language/diagnostic.js';
import { headerOf, phaseNameOf } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { findClashes, subtract, type Interval } from './session-clashes.js';
import { lineNumberOf, numbersText, sessionsText, trustedTotal, variantName } from './structure-queries.js';

export default {
  id: 'phase-coverage',
  defaultSeverity: 'error',
  description: 'Phase ranges run contiguously from 1 to the planned total, no gap or overlap; each session entry lies inside its phase\'s range; no session number planned twice.',
  docsUrl: docsUrl('phase-coverage'),
  scope: 'plan',
  check(ctx) {
    // A second block of the same phase is `phase-order`'s to report; its range is not counted again.
    const seen = new Set<string>();
    const firsts = ctx.file.phases.filter((phase) => {
      const name = phaseNameOf(phase);
      if (!name) return true;
      if (seen.has(name)) return false;
      seen.add(name);
      return true;
    });
    const ranged = firsts.filter((phase) => phase.range && checkSpan(ctx, phase.range, 'phase'));
    const { overlapping, reported } = checkPhaseRanges(ctx, ranged);
    // Sessions of a phase whose range is already reported are not reported again; nor are sessions
    // while a phase line is missing (they now hang under the phase above; `phase-order` reports it).
    const judged = ctx.file.phases.length >= 3 ? ranged.filter((phase) => !reported.has(phase)) : [];
    const outside = checkSessionsInsidePhases(ctx, judged);
    checkPlannedTwice(ctx, outside, overlapping);
  },
} satisfies Rule;

const label = (phase: Phase) => (phase.name ? `the ${phase.name.value} phase` : 'this phase');

/** A backwards (`8-5`) or zero-based range is reported here and not used further. */
function checkSpan(ctx: RuleContext, span: SessionSpan, what: 'phase' | 'session'): boolean {
  if (span.first > span.last) {
    ctx.report({
      span: span.span,
      message: `The range \`${span.first}-${span.last}\` runs backwards. Write the lower session number first: \`${span.last}-${span.first}\`.`,
      fixes: [{ title: `Write \`${span.last}-${span.first}\``, edits: [{ span: span.span, newText: `${span.last}-${span.first}` }], safe: false }],
    });
    return false;
  }
  if (span.first < 1) {
    ctx.report({
      span: span.span,
      message: `Sessions are numbered from 1, so this ${what} cannot include session 0. Start it at session 1 or later.`,
    });
    return false;
  }
  return true;
}

/** The phase ranges: each problem once (see walkPhaseRanges), or one report for one mistyped range. */
function checkPhaseRanges(ctx: RuleContext, phases: Phase[]): { overlapping: Interval[]; reported: Set<Phase> } {
  // One mistyped range (`1-3` typed `13`) can make a gap and an overlap at once: when the walk finds
  // more than one problem and a single range explains them all, that range is the one report.
  const found: Report[] = [];
  const walked = walkPhaseRanges({ ...ctx, report: (report) => found.push(report) }, phases);
  if (found.length >= 2) {
    const misfit = singleMisfit(ctx, phases);
    if (misfit) {
      ctx.report(misfit.report);
      return { overlapping: [], reported: new Set([misfit.phase]) };
    }
  }
  for (const report of found) ctx.report(report);
  return walked;
}

/**
 * The one phase whose range, if it were what its neighbours leave for it, would make all three
 * ranges run from 1 to the planned total without gap or overlap; undefined when no single range
 * explains the problems (or the three phases are not there once each).
 */
function singleMisfit(ctx: RuleContext, phases: Phase[]): { phase: Phase; report: Report } | undefined {
  if (ctx.file.phases.length !== 3) return undefined;
  const named = (['initial', 'middle', 'termination'] as const).map((name) => phases.filter((phase) => phaseNameOf(phase) === name));
  if (named.some((list) => list.length !== 1)) return undefined;
  const ordered = named.map((list) => list[0]);
  const total = trustedTotal(ctx);
  const fits = (ranges: Interval[]) =>
    ranges.every((range, i) => range.first <= range.last && range.first === (i === 0 ? 1 : ranges[i - 1].last + 1)) && (total === undefined || ranges[2].last === total);
  const candidates = ordered.flatMap((phase, i) => {
    const ranges = ordered.map((p) => ({ first: p.range!.first, last: p.range!.last }));
    const expected = {
      first: i === 0 ? 1 : ranges[i - 1].last + 1,
      last: i === 2 ? (total ?? ranges[2].last) : ranges[i + 1].first - 1,
    };
    if (expected.first === ranges[i].first && expected.last === ranges[i].last) return [];
    ranges[i] = expected;
    return fits(ranges) ? [{ phase, index: i, expected }] : [];
  });
  if (candidates.length !== 1) return undefined;
  const { phase, index, expected } = candidates[0];
  const range = phase.range!;
  const problems: string[] = [];
  for (const neighbour of [ordered[index - 1], ordered[index + 1]]) {
    if (!neighbour) continue;
    const r = neighbour.range!;
    const first = Math.max(r.first, range.first);
    const last = Math.min(r.last, range.last);
    if (first <= last) problems.push(`it overlaps ${label(neighbour)} (${numbersText(r.first, r.last)})`);
  }
  const uncovered = subtract(expected, [{ first: range.first, last: range.last }]);
  if (uncovered.length > 0) problems.push(`it leaves ${uncovered.map((piece) => sessionsText(piece.first, piece.last)).join(' and ')} in no phase`);
  if (total !== undefined && range.last > total) problems.push(`it runs past the plan's ${total} sessions`);
  const written = ctx.text.slice(range.span.start, range.span.end);
  const meant = numbersText(expected.first, expected.last).replace('–', '-');
  return {
    phase,
    report: {
      span: range.span,
      message: `The range \`${written}\` of ${label(phase)} does not fit between the phases around it: ${problems.join(', and ')}. The other phases leave ${sessionsText(expected.first, expected.last)} for it: did you mean \`${meant}\`?`,
      fixes: [setRange(phase, expected.first, expected.last, `Write \`${meant}\``)],
    },
  };
}

/**
 * Walks the phase ranges in session order: a gap, an overlap, a start after 1 or an end other than
 * the planned total is reported once, on the range that shows it. Returns the session numbers in
 * overlapping ranges and the phases reported, so that what follows from them is not reported again.
 */
function walkPhaseRanges(ctx: RuleContext, phases: Phase[]): { overlapping: Interval[]; reported: Set<Phase> } {
  const overlapping: Interval[] = [];
  const reported = new Set<Phase>();
  const sorted = [...phases].sort((a, b) => a.range!.first - b.range!.first || a.span.start - b.span.start);
  // With a phase missing (or its range already reported), the sessions it would hold are a gap that
  // is reported elsewhere.
  const complete = ctx.file.phases.length >= 3 && phases.length === ctx.file.phases.length;
  let covered = 0;
  let coverer: Phase | undefined;
  for (const phase of sorted) {
    const range = phase.range!;
    if (range.first > covered + 1 && complete) {
      reported.add(phase);
      if (coverer) reported.add(coverer);
      ctx.report({
        span: range.span,
        message: coverer
          ? `${capital(sessionsText(covered + 1, range.first - 1))} ${covered + 1 === range.first - 1 ? 'belongs' : 'belong'} to no phase: ${label(coverer)} ends at session ${covered} and ${label(phase)} starts at ${range.first}. Start this phase at session ${covered + 1}, or extend ${label(coverer)}.`
          : `The first phase starts at session ${range.first}, so ${sessionsText(1, range.first - 1)} ${range.first === 2 ? 'belongs' : 'belong'} to no phase. Start it at session 1.`,
        related: coverer ? [{ span: coverer.range!.span, message: `${capital(label(coverer))} ends here.` }] : undefined,
        fixes: coverer
          ? [setRange(phase, covered + 1, range.last, `Start ${label(phase)} at session ${covered + 1}`), setRange(coverer, coverer.range!.first, range.first - 1, `Extend ${label(coverer)} to session ${range.first - 1}`)]
          : [setRange(phase, 1, range.last, `Start ${label(phase)} at session 1`)],
      });
    } else if (range.first <= covered && coverer) {
      const lastShared = Math.min(range.last, covered);
      overlapping.push({ first: range.first, last: lastShared });
      reported.add(phase);
      reported.add(coverer);
      ctx.report({
        span: range.span,
        message: `${capital(sessionsText(range.first, lastShared))} ${range.first === lastShared ? 'is' : 'are'} in both ${label(coverer)} (${numbersText(coverer.range!.first, coverer.range!.last)}) and ${label(phase)} (${numbersText(range.first, range.last)}); each session belongs to one phase. Start this phase at session ${covered + 1}, or end ${label(coverer)} earlier.`,
        related: [{ span: coverer.range!.span, message: `${capital(label(coverer))} covers ${sessionsText(coverer.range!.first, coverer.range!.last)}.` }],
        fixes: [
          ...(covered + 1 <= range.last ? [setRange(phase, covered + 1, range.last, `Start ${label(phase)} at session ${covered + 1}`)] : []),
          ...(range.first - 1 >= coverer.range!.first ? [setRange(coverer, coverer.range!.first, range.first - 1, `End ${label(coverer)} at session ${range.first - 1}`)] : []),
        ],
      });
    }
    if (range.last > covered) {
      covered = range.last;
      coverer = phase;
    }
  }

  // The planned total is needed from here on; a missing or out-of-range total is reported elsewhere.
  const total = trustedTotal(ctx);
  const count = headerOf(ctx.file, 'sessions')?.count;
  const setTotal = (n: number): Fix[] => (count ? [{ title: `Change \`sessions\` to ${n}`, edits: [{ span: count.span, newText: String(n) }], safe: false }] : []);
  // A last phase whose range is already reported (gap or overlap) is not reported again for its end.
  if (total === undefined || !coverer || reported.has(coverer)) return { overlapping, reported };
  if (covered > total) {
    reported.add(coverer);
    ctx.report({
      span: coverer.range!.span,
      message: `The phases run to session ${covered}, but the plan has ${total} sessions (\`sessions ${total}\`). End ${label(coverer)} at session ${total}, or change \`sessions\` to ${covered}.`,
      fixes: [...(total >= coverer.range!.first ? [setRange(coverer, coverer.range!.first, total, `End ${label(coverer)} at session ${total}`)] : []), ...setTotal(covered)],
    });
  } else if (covered < total && complete) {
    reported.add(coverer);
    ctx.report({
      span: coverer.range!.span,
      message: `The phases end at session ${covered}, but the plan has ${total} sessions (\`sessions ${total}\`), so ${sessionsText(covered + 1, total)} ${covered + 1 === total ? 'belongs' : 'belong'} to no phase. Extend ${label(coverer)} to session ${total}, or change \`sessions\` to ${covered}.`,
      fixes: [setRange(coverer, coverer.range!.first, total, `Extend ${label(coverer)} to session ${total}`), ...setTotal(covered)],
    });
  }
  return { overlapping, reported };
}

/** Each session entry must lie inside the range of the phase it is written under. */
function checkSessionsInsidePhases(ctx: RuleContext, phases: Phase[]): Set<Session> {
  const outside = new Set<Session>();
  for (const phase of ctx.file.phases) {
    for (const session of phase.sessions) {
      const number = session.number;
      if (!number) continue;
      if (!checkSpan(ctx, number, 'session')) {
        outside.add(session);
        continue;
      }
      const range = phase.range;
      if (!range || !phases.includes(phase)) continue;
      if (number.first >= range.first && number.last <= range.last) continue;
      outside.add(session);
      const what = sessionsText(number.first, number.last);
      const beyond = beyondPlanMessage(ctx, number, phases);
      ctx.report({
        span: number.span,
        message: beyond ?? `${capital(what)} ${number.first === number.last ? 'is' : 'are'} written under ${label(phase)}, which covers ${sessionsText(range.first, range.last)}. Move ${number.first === number.last ? 'it' : 'them'} to the phase that covers ${what}, or change this phase's range.`,
        related: [{ span: range.span, message: `${capital(label(phase))} covers ${sessionsText(range.first, range.last)}.` }],
      });
    }
  }
  return outside;
}

/**
 * For an entry numbered past the planned total that no phase covers, "move it to the phase that
 * covers it" would be impossible advice: say the plan ends earlier, and what to change instead.
 */
function beyondPlanMessage(ctx: RuleContext, number: SessionSpan, phases: Phase[]): string | undefined {
  const total = trustedTotal(ctx);
  if (total === undefined || number.last <= total) return undefined;
  if (phases.some((phase) => phase.range && phase.range.first <= number.last && number.first <= phase.range.last)) return undefined;
  const what = sessionsText(number.first, number.last);
  const head = `${capital(what)} ${number.first === number.last ? 'is' : 'are'} past the end of the plan, which has ${total} sessions (\`sessions ${total}\`).`;
  const max = ctx.variant?.sessions.max;
  if (max !== undefined && number.last > max) {
    return `${head} Renumber the session within 1–${total}; ${variantName(ctx.variant!)} has at most ${max} sessions.`;
  }
  return `${head} Renumber the session within 1–${total}, or raise \`sessions\` to ${number.last} and extend the last phase to cover it.`;
}

/**
 * No session number may be planned by two entries (an entry outside its phase is already reported,
 * and numbers in overlapping phase ranges too). Works on intervals and never lists pairs, so
 * `session 1-100000` costs no more than `session 1`, and thousands of `session 1` lines stay fast.
 */
function checkPlannedTwice(ctx: RuleContext, outside: Set<Session>, overlapping: Interval[]): void {
  const entries = ctx.file.phases.flatMap((phase) => phase.sessions).filter((session) => session.number && !outside.has(session));
  const clashes = findClashes(entries.map((session) => session.number!), overlapping);
  const handled = new Set<number>();
  // An entry whose range reaches into two or more later entries is most likely the one mistyped
  // (`session 4-8` over `session 6` and `session 7-9`): one report on it, not one per later entry.
  for (const { entry, later } of clashes.reachingInto) {
    for (const other of later) handled.add(other);
    const session = entries[entry];
    const names = later.map((other) => `\`${entryText(ctx, entries[other])}\` (line ${lineNumberOf(ctx.lines, entries[other].span.start)})`);
    ctx.report({
      span: session.number!.span,
      message: `\`${entryText(ctx, session)}\` plans sessions that ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} plan too. Give each session one entry: check this range.`,
      related: later.map((other) => ({ span: entries[other].span, message: 'Also plans some of these sessions.' })),
    });
  }
  entries.forEach((session, index) => {
    const earlier = clashes.firstEarlier[index];
    if (earlier === undefined || handled.has(index)) return;
    const shared = clashes.shared[index];
    const count = shared.reduce((sum, piece) => sum + piece.last - piece.first + 1, 0);
    const what = count === 1 ? `Session ${shared[0].first} is` : `Sessions ${shared.map((piece) => numbersText(piece.first, piece.last)).join(', ')} are`;
    ctx.report({
      span: session.number!.span,
      message: `${what} already planned by \`${entryText(ctx, entries[earlier])}\` on line ${lineNumberOf(ctx.lines, entries[earlier].span.start)}. Give each session one entry: merge the two, or renumber this one.`,
      related: [{ span: entries[earlier].span, message: 'The first entry for this session.' }],
    });
  });
}

/** `session 4-7` as written. */
function entryText(ctx: RuleContext, session: Session): string {
  return ctx.text.slice(session.keyword.start, session.number!.span.end);
}

/** A quick fix that rewrites a phase's range. Not applied by --fix: which number is wrong is a choice. */
function setRange(phase: Phase, first: number, last: number, title: string): Fix {
  return { title, edits: [{ span: phase.range!.span, newText: first === last ? `${first}` : `${first}-${last}` }], safe: false };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
