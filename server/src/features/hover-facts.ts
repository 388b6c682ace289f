/**
 * The plan facts hover shows beyond the catalogue: what a goal is and who targets it, what a phase
 * plans, when a session falls, what a score means against the baseline, which sessions a measure
 * schedules. Each returns markdown; each walks only what it needs (hover runs on every mouse move).
 */
import type { Analysis } from '../analyse.js';
import type { Goal, Measure, Phase, ScoreItem, Session, SessionsHeader, StartHeader } from '../language/ast.js';
import type { Catalogue, InstrumentEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import { clampSession, sessionNumbers } from '../language/limits.js';
import { cadencePeriod, estimatedEnd } from '../render/course-dates.js';

const dash = '–';

function label(first: number, last: number): string {
  return first === last ? `${first}` : `${first}${dash}${last}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The header facts the calendar needs. */
export interface Course {
  start?: string;
  cadence?: string;
  total?: number;
}

export function courseOf(analysis: Analysis): Course {
  const headers = analysis.ast.plan?.headers ?? [];
  const sessions = headers.find((h): h is SessionsHeader => h.kind === 'sessions');
  return {
    start: headers.find((h): h is StartHeader => h.kind === 'start')?.date?.value,
    cadence: sessions?.cadence?.value,
    total: sessions?.count?.value,
  };
}

/** The expected calendar date of session `n`, when `start` and a known cadence are set. */
export function expectedDate(course: Course, n: number): string | undefined {
  return estimatedEnd(course.start, n, course.cadence);
}

function dateSpan(course: Course, first: number, last: number): string | undefined {
  const from = expectedDate(course, first);
  if (!from) return undefined;
  const to = first === last ? undefined : expectedDate(course, last);
  return to ? `${from} to ${to}` : from;
}

/** The planned course: its length against the variant's bounds, and when it ends if every session keeps the cadence. */
export function courseFacts(analysis: Analysis): string {
  const course = courseOf(analysis);
  const variant = analysis.variant;
  const lines = [course.total !== undefined ? `**${plural(course.total, 'session')}**${course.cadence ? `, ${course.cadence}` : ''}` : '**Sessions**'];
  if (variant) {
    const bounds = variant.sessions.max === undefined ? `${variant.sessions.min} or more` : `${variant.sessions.min}${dash}${variant.sessions.max}`;
    lines.push('', `${variant.title} plans ${bounds} sessions (${variant.cadences.join(', ')}).`);
  }
  const end = course.total !== undefined ? expectedDate(course, course.total) : undefined;
  if (end) lines.push('', `From \`start\` ${course.start}, the last session falls on ${end}.`);
  else if (!course.start) lines.push('', 'Add `start YYYY-MM-DD` to see when the course ends.');
  return lines.join('\n');
}

// ---------------------------------------------------------------- goals

/** The sessions whose `targets` name `id`, in text order. */
function sessionsTargeting(analysis: Analysis, id: string): Session[] {
  const found: Session[] = [];
  for (const phase of analysis.ast.phases) {
    for (const session of phase.sessions) {
      if (session.items.some((item) => item.kind === 'targets' && item.values.some((v) => v.value === id))) found.push(session);
    }
  }
  return found;
}

export function goalFacts(analysis: Analysis, id: string): string {
  const goal: Goal | undefined = analysis.ast.focuses.flatMap((f) => f.goals).find((g) => g.id?.value === id);
  if (!goal) return `**Goal \`${id}\`** is not defined in this plan: add \`goal ${id} "…"\` under the focus, or target a defined goal.`;
  const lines = [`**Goal ${id}**`, '', goal.text ? goal.text.value : '_(no text yet)_', ''];
  const sessions = sessionsTargeting(analysis, id).filter((s) => s.number);
  lines.push(
    sessions.length > 0
      ? `Targeted in ${sessions.length === 1 && sessions[0].number!.first === sessions[0].number!.last ? 'session' : 'sessions'} ${sessions.map((s) => label(s.number!.first, s.number!.last)).join(', ')}.`
      : 'No session targets it yet.',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------- phases and sessions

export function phaseFacts(analysis: Analysis, phase: Phase, catalogue: Catalogue): string {
  const name = phase.name?.value;
  const entry = name ? findEntry(catalogue.phases, name) : undefined;
  const title = entry ? entry.title : name ? `Phase \`${name}\`` : 'Phase';
  const lines: string[] = [];
  if (phase.range) {
    const { first, last } = phase.range;
    const dates = dateSpan(courseOf(analysis), first, last);
    lines.push(`**${title}** · sessions ${label(first, last)} (${plural(last - first + 1, 'session')})${dates ? ` · ${dates}` : ''}`);
  } else lines.push(`**${title}** · no session range yet`);
  const numbered = phase.sessions.filter((s) => s.number);
  const planned = new Set<number>();
  for (const s of numbered) for (const n of sessionNumbers(s.number!.first, s.number!.last)) planned.add(n);
  const entries = phase.sessions.length;
  lines.push('', `${entries} session ${entries === 1 ? 'entry' : 'entries'} covering ${plural(planned.size, 'session')}.`);
  const tasks = distinct(phase.sessions, 'task');
  const techniques = distinct(phase.sessions, 'technique');
  const targets = distinct(phase.sessions, 'targets');
  if (tasks.length) lines.push('', `Tasks planned: ${tasks.map(code).join(', ')}.`);
  if (techniques.length) lines.push('', `Techniques: ${techniques.map(code).join(', ')}.`);
  if (targets.length) lines.push('', `Goals targeted: ${targets.join(', ')}.`);
  if (!tasks.length && !techniques.length) lines.push('', 'No tasks or techniques planned yet.');
  return lines.join('\n');
}

function code(text: string): string {
  return `\`${text}\``;
}

function distinct(sessions: Session[], kind: 'task' | 'technique' | 'targets'): string[] {
  const seen = new Set<string>();
  for (const session of sessions) for (const item of session.items) if (item.kind === kind) for (const v of item.values) seen.add(v.value);
  return [...seen];
}

export function sessionFacts(analysis: Analysis, session: Session, phase: Phase): string {
  const number = session.number;
  const course = courseOf(analysis);
  const head = number ? (number.first === number.last ? `**Session ${number.first}**` : `**Sessions ${number.first}${dash}${number.last}**`) : '**Session**';
  const where = phase.name ? ` · ${phase.name.value} phase` : '';
  const lines = [`${head}${where}${session.title ? ` · ${session.title.value}` : ''}`, ''];
  const dated = session.items.find((i) => i.kind === 'date');
  const expected = number ? dateSpan(course, number.first, number.last) : undefined;
  if (dated?.kind === 'date' && dated.date) {
    lines.push(`Dated ${dated.date.value}${expected ? ` (the ${course.cadence} cadence from \`start\` gives ${expected})` : ''}.`);
  } else if (expected) {
    lines.push(`${number!.first === number!.last ? 'Falls on' : 'Fall on'} ${expected}: ${course.cadence} from \`start\` ${course.start}.`);
  } else if (!course.start) {
    lines.push('Add `start YYYY-MM-DD` to the plan header to see calendar dates.');
  } else if (cadencePeriod(course.cadence) && number) {
    lines.push('No calendar date: dates are worked out for the first 1,000 sessions only.');
  } else {
    lines.push('No calendar date: the `sessions` line has no known cadence.');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- measures

/** The sessions a measure schedules: `at` lists them; `every N` is 1, 1+N, … and the last session. */
export function scheduledSessions(measure: Measure, total: number | undefined): number[] | undefined {
  const schedule = measure.schedule;
  if (!schedule) return undefined;
  const sessions: number[] = [];
  if (schedule.kind === 'at') {
    for (const s of schedule.sessions) for (const n of sessionNumbers(s.first, s.last)) sessions.push(n);
    return [...new Set(sessions)].sort((a, b) => a - b);
  }
  const step = schedule.interval?.value;
  if (!step || step < 1 || total === undefined || total < 1) return undefined;
  const last = clampSession(total);
  for (let n = 1; n <= last; n += step) sessions.push(n);
  if (sessions[sessions.length - 1] !== last) sessions.push(last);
  return sessions;
}

const shownSessions = 16;

export function measureFacts(analysis: Analysis, measure: Measure): string {
  const course = courseOf(analysis);
  const name = measure.instrument?.value ?? 'This measure';
  const sessions = scheduledSessions(measure, course.total);
  if (!sessions) {
    if (measure.schedule?.kind === 'every' && course.total === undefined) return `**${name}** · every ${measure.schedule.interval?.value ?? 'N'} sessions: add \`sessions N\` to the header to see which.`;
    return `**${name}** · no schedule yet: write \`at 1, 16\` or \`every 4\`.`;
  }
  const listed = sessions.slice(0, shownSessions).map((n) => {
    const date = expectedDate(course, n);
    return date ? `${n} (${date})` : `${n}`;
  });
  const more = sessions.length > shownSessions ? `, … (${sessions.length} in all, the last ${sessions[sessions.length - 1]})` : '';
  const how = measure.schedule?.kind === 'every' ? ` (every ${measure.schedule.interval?.value}, from session 1, and the last session)` : '';
  return `**${name}** is given in ${plural(sessions.length, 'session')}${how}:\n\n${sessions.length === 1 ? 'Session' : 'Sessions'} ${listed.join(', ')}${more}.`;
}

// ---------------------------------------------------------------- scores

interface Threshold {
  strict: boolean;
  value: number;
  text: string;
}

/** Reads the catalogue's remission text, e.g. "PHQ-9 < 5" or "HAM-D ≤ 7". */
function remissionOf(entry: InstrumentEntry): Threshold | undefined {
  const match = entry.remission ? /([<≤])\s*(\d+(?:\.\d+)?)/.exec(entry.remission) : null;
  return match && entry.remission ? { strict: match[1] === '<', value: Number(match[2]), text: entry.remission } : undefined;
}

/** The first score of an instrument in session order (the baseline), with its session. */
function baselineOf(analysis: Analysis, instrument: string): { score: ScoreItem; session: Session } | undefined {
  let best: { score: ScoreItem; session: Session } | undefined;
  for (const phase of analysis.ast.phases) {
    for (const session of phase.sessions) {
      if (!session.number) continue;
      for (const item of session.items) {
        if (item.kind !== 'score' || item.instrument?.value !== instrument || !item.value) continue;
        if (!best || session.number.first < best.session.number!.first) best = { score: item, session };
        break;
      }
    }
  }
  return best;
}

function signed(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0';
}

export function scoreFacts(analysis: Analysis, score: ScoreItem, catalogue: Catalogue): string | undefined {
  const instrument = score.instrument?.value;
  const value = score.value?.value;
  if (instrument === undefined || value === undefined) return undefined;
  const entry = findEntry(catalogue.instruments, instrument);
  const lines = [`**${instrument} ${value}**${entry ? ` · range ${entry.min}${dash}${entry.max}` : ''}`];
  if (entry && (value < entry.min || value > entry.max)) {
    lines.push('', `Outside the ${instrument} range ${entry.min}${dash}${entry.max}.`);
    return lines.join('\n');
  }
  const band = entry?.bands?.find((b) => value >= b.min && value <= b.max);
  if (band) lines.push('', `Band: **${band.label}** (${band.min}${dash}${band.max}).`);
  else if (entry && !entry.bands?.length) lines.push('', `The catalogue gives no severity bands for ${instrument}.`);

  const baseline = baselineOf(analysis, instrument);
  const remission = entry ? remissionOf(entry) : undefined;
  if (baseline && baseline.score !== score && baseline.score.value) {
    const from = baseline.score.value.value;
    const change = value - from;
    const percent = from > 0 ? ` (${signed((change / from) * 100)} %)` : '';
    lines.push('', `Change from baseline (session ${baseline.session.number!.first}: ${from}): **${signed(change)}**${percent}.`);
    // Response, a fall of 50 % or more from baseline, where the catalogue defines remission for the scale.
    if (remission && from > 0) {
      const responded = value <= from / 2;
      lines.push('', `Response (a fall of 50 % or more, to ${Math.floor((from / 2) * 10) / 10} or less): ${responded ? 'reached' : 'not reached'}.`);
    }
  } else if (baseline?.score === score) {
    lines.push('', `This is the baseline: the first ${instrument} score in the plan.`);
  }
  if (remission) {
    const met = remission.strict ? value < remission.value : value <= remission.value;
    lines.push('', `Remission (${remission.text}): ${met ? 'met' : 'not met'}.`);
  }
  return lines.join('\n');
}
