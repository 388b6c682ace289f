/**
 * A plain summary of an analysed plan that every renderer reads: values resolved, catalogue titles
 * looked up, session lists expanded, and the 0-based source line of each part (for `data-line`).
 * Every field may be missing: an incomplete plan still renders.
 */
import type { Analysis } from '../analyse.js';
import type { Header, Measure, Phase, PlanFile, Session, TextHeader, Word } from '../language/ast.js';
import type { Catalogue, CatalogueEntry, InstrumentEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import type { Diagnostic } from '../language/diagnostic.js';
import { maxOf, pushAll } from '../language/arrays.js';
import { clampSession, sessionNumbers } from '../language/limits.js';
import type { Span } from '../language/span.js';

export interface Named {
  id: string;
  /** The catalogue title, when the word is in the catalogue. */
  title?: string;
  description?: string;
}

export interface GoalView {
  id?: string;
  text?: string;
  line: number;
  /** Session labels (e.g. "4–7") whose `targets` name this goal, each once. */
  targetedIn: string[];
  /**
   * The line of an earlier goal with the same id (an error the rules report): `targets` lines mean
   * that one, so this goal lists no sessions (listing them again for each of 20,000 copies made
   * the page grow with the square of the plan).
   */
  sameIdAs?: number;
}

export interface FocusView {
  area?: Named;
  description?: string;
  stage?: Named;
  goals: GoalView[];
  line: number;
}

export interface MeasureView {
  instrument?: Named;
  /** Plain words, e.g. "every 4 sessions" or "at sessions 1, 16". */
  schedule?: string;
  /** The session numbers the schedule names (for `every`, up to the planned total). */
  sessions: number[];
  line: number;
}

export interface RiskView {
  level?: Named;
  text?: string;
  safetyPlans: string[];
  line: number;
}

export interface ScoreView {
  instrument: string;
  value: number;
  line: number;
}

export interface SessionView {
  first?: number;
  last?: number;
  /** "4" or "4–7"; "?" when the number is missing. */
  label: string;
  title?: string;
  date?: string;
  status?: Named;
  tasks: Named[];
  techniques: Named[];
  targets: string[];
  homework: string[];
  notes: string[];
  scores: ScoreView[];
  line: number;
}

export interface PhaseView {
  name?: Named;
  first?: number;
  last?: number;
  /** "1–3"; undefined when the range is missing. */
  range?: string;
  sessions: SessionView[];
  line: number;
}

/** One recorded score, placed at the first session of its entry. */
export interface ScorePoint {
  session: number;
  sessionLabel: string;
  value: number;
  date?: string;
  line: number;
}

export interface ScoreSeries {
  instrument: Named;
  entry?: InstrumentEntry;
  points: ScorePoint[];
}

export interface PlanView {
  title?: string;
  client?: string;
  clinician?: string;
  supervisor?: string;
  /** The variant the plan names, or the default one the rules used. */
  variant?: Named & { declared: boolean };
  diagnosis?: { text?: string; code?: string };
  sessions?: { count?: number; cadence?: Named; minutes?: number };
  start?: string;
  headerLine: number;
  focuses: FocusView[];
  measures: MeasureView[];
  risks: RiskView[];
  phases: PhaseView[];
  series: ScoreSeries[];
  diagnostics: (Diagnostic & { line: number })[];
  /** The highest session number the plan mentions (planned total, or a phase or session beyond it). */
  lastSession?: number;
}

export function planView(analysis: Analysis, catalogue: Catalogue): PlanView {
  const { ast } = analysis;
  const lineOf = (span: Span | undefined) => (span ? analysis.lines.positionAt(span.start).line : 0);
  const named = (word: Word | undefined, entries: readonly CatalogueEntry[]): Named | undefined => {
    if (!word) return undefined;
    const entry = findEntry(entries, word.value);
    return { id: word.value, title: entry?.title, description: entry?.description };
  };
  const header = <K extends Header['kind']>(kind: K) =>
    ast.plan?.headers.find((h): h is Extract<Header, { kind: K }> => h.kind === kind);
  const textHeader = (kind: TextHeader['kind']) => ast.plan?.headers.find((h): h is TextHeader => h.kind === kind);

  const variantHeader = header('variant');
  const variantWord = variantHeader?.name;
  const variant = variantWord
    ? { ...named(variantWord, catalogue.variants)!, declared: true }
    : analysis.variant
      ? { id: analysis.variant.id, title: analysis.variant.title, description: analysis.variant.description, declared: false }
      : undefined;

  const sessionsHeader = header('sessions');
  const diagnosisHeader = header('diagnosis');
  const plannedTotal = sessionsHeader?.count?.value;

  const phases = ast.phases.map((phase) => phaseView(phase, catalogue, lineOf));
  const sessions = phases.flatMap((p) => p.sessions);
  // Goal id → the labels of the sessions that target it, in one pass (not one search per goal).
  const targeting = new Map<string, Set<string>>();
  for (const s of sessions) {
    for (const id of s.targets) {
      const labels = targeting.get(id);
      if (labels) labels.add(s.label);
      else targeting.set(id, new Set([s.label]));
    }
  }
  const firstLine = new Map<string, number>();
  const goalView = (goal: (typeof ast.focuses)[number]['goals'][number]): GoalView => {
    const id = goal.id?.value;
    const line = lineOf(goal.span);
    const earlier = id === undefined ? undefined : firstLine.get(id);
    if (id !== undefined && earlier === undefined) firstLine.set(id, line);
    if (earlier !== undefined) return { id, text: goal.text?.value, line, targetedIn: [], sameIdAs: earlier };
    return { id, text: goal.text?.value, line, targetedIn: id === undefined ? [] : [...(targeting.get(id) ?? [])] };
  };
  const focuses = ast.focuses.map((focus) => ({
    area: named(focus.area, catalogue.problemAreas),
    description: focus.description?.value,
    stage: named(focus.stages[0]?.name, catalogue.stages),
    goals: focus.goals.map(goalView),
    line: lineOf(focus.span),
  }));

  const numbers = [plannedTotal, ...phases.map((p) => p.last), ...sessions.map((s) => s.last)].filter(
    (n): n is number => typeof n === 'number' && Number.isFinite(n),
  );
  const lastSession = numbers.length > 0 ? clampSession(maxOf(numbers)) : undefined;

  return {
    title: ast.plan?.title?.value,
    client: textHeader('client')?.text?.value,
    clinician: textHeader('clinician')?.text?.value,
    supervisor: textHeader('supervisor')?.text?.value,
    variant,
    diagnosis: diagnosisHeader ? { text: diagnosisHeader.text?.value, code: diagnosisHeader.code?.value } : undefined,
    sessions: sessionsHeader
      ? {
          count: plannedTotal,
          cadence: named(sessionsHeader.cadence, catalogue.cadences),
          minutes: sessionsHeader.duration?.value,
        }
      : undefined,
    start: header('start')?.date?.value,
    headerLine: lineOf(ast.plan?.span),
    focuses,
    measures: ast.measures.map((measure) => measureView(measure, plannedTotal, catalogue, lineOf)),
    risks: ast.risks.map((risk) => ({
      level: named(risk.level, catalogue.riskLevels),
      text: risk.text?.value,
      safetyPlans: risk.safetyPlans.map((s) => s.text?.value).filter((t): t is string => t !== undefined),
      line: lineOf(risk.span),
    })),
    phases,
    series: scoreSeries(phases, ast, catalogue),
    diagnostics: analysis.diagnostics.map((d) => ({ ...d, line: d.range.start.line })),
    lastSession,
  };
}

export function sessionLabel(first: number | undefined, last: number | undefined): string {
  if (first === undefined) return '?';
  return last === undefined || last === first ? String(first) : `${first}–${last}`;
}

function phaseView(phase: Phase, catalogue: Catalogue, lineOf: (span: Span | undefined) => number): PhaseView {
  return {
    name: phase.name ? { id: phase.name.value, ...entryText(findEntry(catalogue.phases, phase.name.value)) } : undefined,
    first: phase.range?.first,
    last: phase.range?.last,
    range: phase.range ? sessionLabel(phase.range.first, phase.range.last) : undefined,
    sessions: phase.sessions.map((session) => sessionView(session, catalogue, lineOf)),
    line: lineOf(phase.span),
  };
}

function sessionView(session: Session, catalogue: Catalogue, lineOf: (span: Span | undefined) => number): SessionView {
  const view: SessionView = {
    first: session.number?.first,
    last: session.number?.last,
    label: sessionLabel(session.number?.first, session.number?.last),
    title: session.title?.value,
    tasks: [],
    techniques: [],
    targets: [],
    homework: [],
    notes: [],
    scores: [],
    line: lineOf(session.span),
  };
  const lookUp = (value: string, entries: readonly CatalogueEntry[], more: readonly CatalogueEntry[] = []): Named => ({
    id: value,
    ...entryText(findEntry(entries, value) ?? findEntry(more, value)),
  });
  for (const item of session.items) {
    switch (item.kind) {
      case 'task':
        pushAll(view.tasks, item.values.map((w) => lookUp(w.value, catalogue.tasks)));
        break;
      case 'technique':
        pushAll(view.techniques, item.values.map((w) => lookUp(w.value, catalogue.techniques, catalogue.nonIptTechniques)));
        break;
      case 'targets':
        pushAll(view.targets, item.values.map((w) => w.value));
        break;
      case 'homework':
        if (item.text) view.homework.push(item.text.value);
        break;
      case 'note':
        if (item.text) view.notes.push(item.text.value);
        break;
      case 'score':
        if (item.instrument && item.value && Number.isFinite(item.value.value)) {
          view.scores.push({ instrument: item.instrument.value, value: item.value.value, line: lineOf(item.span) });
        }
        break;
      case 'date':
        view.date ??= item.date?.value;
        break;
      case 'status':
        if (item.value && !view.status) view.status = lookUp(item.value.value, catalogue.statuses);
        break;
    }
  }
  return view;
}

function entryText(entry: CatalogueEntry | undefined): { title?: string; description?: string } {
  return entry ? { title: entry.title, description: entry.description } : {};
}

function measureView(
  measure: Measure,
  plannedTotal: number | undefined,
  catalogue: Catalogue,
  lineOf: (span: Span | undefined) => number,
): MeasureView {
  const instrument = measure.instrument
    ? { id: measure.instrument.value, ...entryText(findEntry(catalogue.instruments, measure.instrument.value)) }
    : undefined;
  const schedule = measure.schedule;
  let sessions: number[] = [];
  let words: string | undefined;
  if (schedule?.kind === 'at') {
    const listed = new Set<number>();
    for (const s of schedule.sessions) for (const n of sessionNumbers(s.first, s.last)) listed.add(n);
    sessions = [...listed].sort((a, b) => a - b);
    words = schedule.sessions.length > 0 ? `at session${sessions.length === 1 ? '' : 's'} ${schedule.sessions.map((s) => sessionLabel(s.first, s.last)).join(', ')}` : undefined;
  } else if (schedule?.kind === 'every' && schedule.interval && schedule.interval.value > 0) {
    const step = schedule.interval.value;
    words = step === 1 ? 'every session' : `every ${step} sessions`;
    const total = plannedTotal === undefined ? 0 : clampSession(plannedTotal);
    if (total > 0 && step >= 1) {
      for (let n = 1; n <= total; n += step) sessions.push(n);
      if (sessions[sessions.length - 1] !== total) sessions.push(total);
    }
  }
  return { instrument, schedule: words, sessions, line: lineOf(measure.span) };
}

function scoreSeries(phases: PhaseView[], ast: PlanFile, catalogue: Catalogue): ScoreSeries[] {
  const byInstrument = new Map<string, ScoreSeries>();
  // Instruments in the order the plan measures them, then any others in the order they are scored.
  for (const measure of ast.measures) {
    const id = measure.instrument?.value;
    if (id !== undefined && !byInstrument.has(id)) byInstrument.set(id, newSeries(id, catalogue));
  }
  for (const phase of phases) {
    for (const session of phase.sessions) {
      if (session.first === undefined) continue;
      for (const score of session.scores) {
        if (!byInstrument.has(score.instrument)) byInstrument.set(score.instrument, newSeries(score.instrument, catalogue));
        byInstrument.get(score.instrument)!.points.push({
          session: session.first,
          sessionLabel: session.label,
          value: score.value,
          date: session.date,
          line: score.line,
        });
      }
    }
  }
  for (const series of byInstrument.values()) series.points.sort((a, b) => a.session - b.session || a.line - b.line);
  return [...byInstrument.values()].filter((s) => s.points.length > 0);
}

function newSeries(id: string, catalogue: Catalogue): ScoreSeries {
  const entry = findEntry(catalogue.instruments, id);
  return { instrument: { id, title: entry?.title, description: entry?.description }, entry, points: [] };
}
