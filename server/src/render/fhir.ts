/**
 * The FHIR R4 (4.0.1) rendering: one CarePlan with contained Condition, Goal, Observation and
 * RiskAssessment resources. The mapping and its decisions (and which US Core must-support elements
 * it fills) are documented in docs/rendering.md; the codes used, and where each was checked, in
 * fhir-codes.ts; the project's own code systems in fhir-code-systems.ts.
 * Every resource carries a generated narrative. Typed with @types/fhir (R4); only strings leave this
 * module, so the library's declarations do not depend on those types.
 */
import type {
  CarePlan,
  CarePlanActivity,
  CodeableConcept,
  Condition,
  FhirResource,
  Goal,
  Observation,
  Period,
  Reference,
  RiskAssessment,
  Timing,
} from 'fhir/r4';
import { cadencePeriod, estimatedEnd, parseDay } from './course-dates.js';
import {
  clinicalStatus,
  CONDITION_CATEGORY_SYSTEM,
  DEFAULT_CLIENT_IDENTIFIER_SYSTEM,
  DEFAULT_DIAGNOSIS_CODE_SYSTEM,
  DIAGNOSIS_SYSTEMS,
  type DiagnosisCodeSystem,
  INSTRUMENT_LOINC,
  OBSERVATION_CATEGORY_SYSTEM,
  PHASE_SYSTEM,
  PLAN_IDENTIFIER_SYSTEM,
  PROBLEM_AREA_SYSTEM,
  RISK_PROBABILITY,
  UCUM_SYSTEM,
  US_CORE_CAREPLAN_CATEGORY,
  VARIANT_SYSTEM,
} from './fhir-codes.js';
import { ownCoding } from './fhir-code-systems.js';
import { narrative, type NarrativeBlock } from './fhir-narrative.js';
import type { PhaseView, PlanView, RiskView, ScoreView, SessionView } from './model.js';
import { STATUSES_WITHOUT_SCORES } from '../language/catalogue/schedule.js';

export { PHASE_SYSTEM, PROBLEM_AREA_SYSTEM, VARIANT_SYSTEM } from './fhir-codes.js';

/** What `.iptrc.json` `fhir` sets (docs/config.md). */
export interface FhirOptions {
  /** The identifier system of the client code (an absolute URI). Default: https://ipt-plan.dev/fhir/sid/client-code. */
  clientIdentifierSystem?: string;
  /** The code system of `diagnosis … code`: "icd-10" (WHO, the default) or "icd-10-cm" (United States). */
  diagnosisCodeSystem?: DiagnosisCodeSystem;
}

/**
 * Session statuses whose scores are not taken as measured at that session (never a `final`
 * Observation); the `session-status` rule reports such a score in the editor.
 */
const UNCONFIRMED_STATUSES = STATUSES_WITHOUT_SCORES;

export function renderFhir(view: PlanView, options: FhirOptions = {}): string {
  return `${JSON.stringify(carePlan(view, options), fhirStrings, 2)}\n`;
}

/**
 * FHIR strings hold no white space but space, tab, CR and LF (the R4 schema's `^[ \r\n\t\S]+$`), and
 * SHOULD hold no other control characters: a no-break space pasted into a plan becomes a space, a
 * control character U+FFFD. (Narrative divs are already safe XML.)
 */
function fhirStrings(key: string, value: unknown): unknown {
  if (typeof value !== 'string' || key === 'div') return value;
  return value.replace(/(?![ \t\r\n])\s/g, ' ').replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '\uFFFD');
}

function carePlan(view: PlanView, options: FhirOptions): CarePlan {
  const codeSystem = options.diagnosisCodeSystem ?? DEFAULT_DIAGNOSIS_CODE_SYSTEM;
  const subject = subjectReference(view.client, options.clientIdentifierSystem ?? DEFAULT_CLIENT_IDENTIFIER_SYSTEM);
  const contained: FhirResource[] = [];
  const used = new IdPool();

  const addresses: Reference[] = [];
  if (view.diagnosis && (view.diagnosis.text || view.diagnosis.code)) {
    contained.push(condition(uniqueId('diagnosis', used), view.diagnosis, codeSystem, subject));
    addresses.push({ reference: `#${contained[contained.length - 1].id}` });
  }

  const goalRefs: Reference[] = [];
  for (const focus of view.focuses) {
    const category = focus.area ? [ownConcept(PROBLEM_AREA_SYSTEM, focus.area)] : undefined;
    for (const goal of focus.goals) {
      const description = goal.text || goal.id;
      if (!description) continue;
      const id = uniqueId(`goal-${goal.id ?? 'unnamed'}`, used);
      contained.push(
        prune<Goal>({
          resourceType: 'Goal',
          id,
          text: narrative([{ lead: `Goal${goal.id ? ` ${goal.id}` : ''}:`, text: description }, ...(focus.area ? [{ lead: 'Problem area:', text: focus.area.title ?? focus.area.id }] : [])]),
          identifier: goal.id ? [{ value: goal.id }] : undefined,
          lifecycleStatus: 'active',
          category,
          description: { text: description },
          subject,
          addresses: addresses.length ? addresses : undefined,
        }),
      );
      goalRefs.push({ reference: `#${id}` });
    }
  }

  const cadence = view.sessions?.cadence?.id;
  const start = parseDay(view.start) ? view.start : undefined;
  let scores = 0;
  // The goals are the middle phase's work: its activity names them, once (a plan that writes
  // `phase middle` 2,000 times would otherwise list every goal 2,000 times).
  const middle = view.phases.find((phase) => phase.name?.id === 'middle');
  const activity = view.phases.map((phase): CarePlanActivity => {
    const outcomes: Reference[] = [];
    for (const session of phase.sessions) {
      for (const score of session.scores) {
        const id = uniqueId(`score-${++scores}`, used);
        contained.push(observation(id, score, session, subject));
        outcomes.push({ reference: `#${id}` });
      }
    }
    return prune<CarePlanActivity>({
      outcomeReference: outcomes.length ? outcomes : undefined,
      detail: prune({
        kind: 'Appointment',
        code: phaseCode(phase),
        goal: phase === middle && goalRefs.length ? goalRefs : undefined,
        status: phaseStatus(phase),
        scheduledTiming: timing(phase, start, cadence, view.sessions?.minutes),
        description: phaseDescription(phase),
      }) as CarePlanActivity['detail'],
    });
  });

  const risks: Reference[] = [];
  for (const risk of view.risks) {
    const id = uniqueId(`risk-${risks.length + 1}`, used);
    contained.push(riskAssessment(id, risk, subject));
    risks.push({ reference: `#${id}` });
  }

  const variant = view.variant;
  const focus = view.focuses[0];
  const focusText = focus ? [focus.area ? `IPT focus: ${focus.area.title ?? focus.area.id}` : undefined, focus.description].filter((x) => x).join(' — ') : '';
  const period = start ? prune<Period>({ start, end: estimatedEnd(start, view.sessions?.count, cadence) }) : undefined;
  const status = view.phases.some((p) => p.sessions.some((s) => s.status?.id === 'held')) ? 'active' : 'draft';

  return prune<CarePlan>({
    resourceType: 'CarePlan',
    text: carePlanNarrative(view, { status, focusText, period, activity }),
    contained: contained.length ? contained : undefined,
    identifier: planIdentifier(view.client, start),
    status,
    intent: 'plan',
    category: [{ coding: [US_CORE_CAREPLAN_CATEGORY], text: US_CORE_CAREPLAN_CATEGORY.display }, ...(variant ? [ownConcept(VARIANT_SYSTEM, variant)] : [])],
    title: view.title,
    description: focusText || undefined,
    subject,
    period,
    author: view.clinician ? { display: view.clinician } : undefined,
    addresses: addresses.length ? addresses : undefined,
    supportingInfo: risks.length ? risks : undefined,
    goal: goalRefs.length ? goalRefs : undefined,
    activity: activity.length ? activity : undefined,
  });
}

/**
 * The plan's business identifier, when the plan states what identifies it: the client code and the
 * start date (one client's courses start on different days). Exports of the same plan keep it as the
 * plan is revised; a plan without either has none.
 */
function planIdentifier(client: string | undefined, start: string | undefined): CarePlan['identifier'] {
  return client && start ? [{ use: 'usual', system: PLAN_IDENTIFIER_SYSTEM, value: `${client}/${start}` }] : undefined;
}

/** The client by code only, never a name; a Reference with a display when the plan has no code (subject is 1..1). */
function subjectReference(client: string | undefined, system: string): Reference {
  return client !== undefined && client !== ''
    ? { type: 'Patient', identifier: { system, value: client } }
    : { type: 'Patient', display: 'Client code not stated in the plan' };
}

function condition(id: string, diagnosis: { text?: string; code?: string }, system: DiagnosisCodeSystem, subject: Reference): Condition {
  const coding = diagnosis.code ? [{ system: DIAGNOSIS_SYSTEMS[system], code: diagnosis.code }] : undefined;
  const status = clinicalStatus(diagnosis.code, system);
  return prune<Condition>({
    resourceType: 'Condition',
    id,
    text: narrative([
      { lead: 'Diagnosis:', text: [diagnosis.text, diagnosis.code ? `(${system.toUpperCase()} ${diagnosis.code})` : undefined].filter((x) => x).join(' ') },
      { lead: 'Clinical status:', text: status.display! },
    ]),
    clinicalStatus: { coding: [status] },
    category: [{ coding: [{ system: CONDITION_CATEGORY_SYSTEM, code: 'problem-list-item', display: 'Problem List Item' }] }],
    code: prune<CodeableConcept>({ coding, text: diagnosis.text }),
    subject,
  });
}

/**
 * A recorded score. `final` only for a session that was held (or has no status); a score on a
 * planned, missed or cancelled session is `preliminary`, without that session's date, and says why.
 */
function observation(id: string, score: ScoreView, session: SessionView, subject: Reference): Observation {
  const status = session.status?.id;
  const unconfirmed = status !== undefined && UNCONFIRMED_STATUSES.has(status);
  const date = !unconfirmed && parseDay(session.date) ? session.date : undefined;
  const loinc = INSTRUMENT_LOINC[score.instrument];
  const where = `Recorded at session ${session.label}`;
  const caution = unconfirmed ? `Session ${session.label} is marked ${status}, so this score is not confirmed as measured then.` : undefined;
  return prune<Observation>({
    resourceType: 'Observation',
    id,
    text: narrative([
      { lead: `${score.instrument}:`, text: `${score.value}` },
      { text: [where, date ? `on ${date}` : undefined].filter((x) => x).join(' ') + '.' },
      ...(caution ? [{ text: caution }] : []),
    ]),
    status: unconfirmed ? 'preliminary' : 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] }],
    code: prune<CodeableConcept>({ coding: loinc ? [loinc] : undefined, text: score.instrument }),
    subject,
    effectiveDateTime: date,
    valueQuantity: { value: score.value, unit: '{score}', system: UCUM_SYSTEM, code: '{score}' },
    note: [{ text: where }, ...(caution ? [{ text: caution }] : [])],
  });
}

/** A `risk` statement: the qualitative suicide risk, the assessment as a note, the safety plan as mitigation. */
function riskAssessment(id: string, risk: RiskView, subject: Reference): RiskAssessment {
  const levelText = risk.level ? (risk.level.title ?? risk.level.id) : 'Level not stated';
  const coding = risk.level ? RISK_PROBABILITY[risk.level.id] : undefined;
  const safetyPlan = risk.safetyPlans.join(' ');
  return prune<RiskAssessment>({
    resourceType: 'RiskAssessment',
    id,
    text: narrative([
      { lead: 'Suicide risk:', text: `${levelText}${risk.text ? ` — ${risk.text}` : ''}` },
      { lead: 'Safety plan:', text: safetyPlan || 'none written' },
    ]),
    status: 'final',
    code: { text: 'Suicide risk assessment' },
    subject,
    prediction: [{ outcome: { text: 'Suicide' }, qualitativeRisk: prune<CodeableConcept>({ coding: coding ? [coding] : undefined, text: levelText }) }],
    mitigation: safetyPlan || undefined,
    note: risk.text ? [{ text: risk.text }] : undefined,
  });
}

function carePlanNarrative(view: PlanView, facts: { status: string; focusText: string; period?: Period; activity: CarePlanActivity[] }): CarePlan['text'] {
  const blocks: NarrativeBlock[] = [{ lead: 'IPT treatment plan', text: view.title || '(untitled)' }];
  const about = [
    `Client code: ${view.client || 'not stated'}`,
    view.variant ? `Format: ${view.variant.title ?? view.variant.id}` : undefined,
    view.sessions?.count !== undefined ? `Sessions: ${view.sessions.count}${view.sessions.cadence ? ` ${view.sessions.cadence.id}` : ''}` : undefined,
    `Status: ${facts.status}`,
  ];
  blocks.push({ text: about.filter((x) => x).join('. ') + '.' });
  if (view.diagnosis?.text || view.diagnosis?.code) blocks.push({ lead: 'Diagnosis:', text: [view.diagnosis.text, view.diagnosis.code].filter((x) => x).join(' ') });
  if (facts.focusText) blocks.push({ lead: 'Focus:', text: facts.focusText });
  if (facts.period) blocks.push({ lead: 'Period:', text: `from ${facts.period.start}${facts.period.end ? ` to about ${facts.period.end}` : ''}` });
  for (const risk of view.risks) {
    blocks.push({ lead: 'Suicide risk:', text: `${risk.level ? (risk.level.title ?? risk.level.id) : 'level not stated'}${risk.safetyPlans.length ? '; safety plan written' : ''}` });
  }
  blocks.push({ items: view.phases.map((phase, i) => `${phase.name ? (phase.name.title ?? phase.name.id) : 'Phase'}${phase.range ? `, sessions ${phase.range}` : ''}: ${facts.activity[i]?.detail?.status ?? 'not-started'}`) });
  return narrative(blocks);
}

/** A word of the plan: coded when one of IPT Plan's published code systems defines it, its title (or the word) as text either way. */
function ownConcept(system: string, word: { id: string; title?: string }): CodeableConcept {
  const coding = ownCoding(system, word.id);
  return prune<CodeableConcept>({ coding: coding ? [coding] : undefined, text: word.title ?? word.id });
}

function phaseCode(phase: PhaseView): CodeableConcept | undefined {
  return phase.name ? ownConcept(PHASE_SYSTEM, phase.name) : undefined;
}

/**
 * R4 CarePlanActivityStatus from the session entries: completed when every entry is held, missed or
 * cancelled and at least one was held; in-progress when some are held; cancelled when all are;
 * scheduled when some entry has a date; otherwise not-started.
 */
export function phaseStatus(phase: PhaseView): 'completed' | 'in-progress' | 'cancelled' | 'scheduled' | 'not-started' {
  const statuses = phase.sessions.map((s) => s.status?.id);
  const done = (s: string | undefined) => s === 'held' || s === 'missed' || s === 'cancelled';
  if (statuses.length > 0 && statuses.every(done) && statuses.includes('held')) return 'completed';
  if (statuses.includes('held')) return 'in-progress';
  if (statuses.length > 0 && statuses.every((s) => s === 'cancelled')) return 'cancelled';
  if (phase.sessions.some((s) => s.date !== undefined)) return 'scheduled';
  return 'not-started';
}

/**
 * The phase's Timing: how many sessions, how often and how long, and with a `start`, the dates its
 * first and last sessions fall on if every session keeps the cadence (without a cadence, only the
 * phase that holds session 1 gets a start).
 */
function timing(phase: PhaseView, start: string | undefined, cadence: string | undefined, minutes: number | undefined): Timing | undefined {
  const count = phase.first !== undefined && phase.last !== undefined && phase.last >= phase.first ? phase.last - phase.first + 1 : undefined;
  const period = cadencePeriod(cadence);
  let bounds: Period | undefined;
  if (start && phase.first !== undefined && phase.first >= 1) {
    const first = phase.first === 1 ? start : estimatedEnd(start, phase.first, cadence);
    const last = count !== undefined ? estimatedEnd(start, phase.last, cadence) : undefined;
    bounds = first ? prune<Period>({ start: first, end: last }) : undefined;
  }
  const repeat = prune<NonNullable<Timing['repeat']>>({
    boundsPeriod: bounds,
    count,
    duration: minutes,
    durationUnit: minutes !== undefined ? 'min' : undefined,
    frequency: period ? 1 : undefined,
    period: period?.period,
    periodUnit: period?.periodUnit,
  });
  return repeat ? { repeat } : undefined;
}

function phaseDescription(phase: PhaseView): string | undefined {
  const titled = phase.sessions.filter((s) => s.title !== undefined).map((s) => `${s.label}: ${s.title}`);
  const range = phase.range ? `Sessions ${phase.range}` : undefined;
  return [range, titled.join('; ')].filter((x) => x).join('. ') || undefined;
}

/**
 * The ids given out in one resource, and for each stem the next number to try: 20,000 goals sharing
 * one id are numbered in one pass (counting from 2 for each of them made the export quadratic).
 */
class IdPool {
  readonly used = new Set<string>();
  readonly next = new Map<string, number>();
}

/**
 * A FHIR id ([A-Za-z0-9-.]{1,64}) from any text, unique within the resource: the text itself, or
 * when that is taken, its first 57 characters and `-N` (at most 7 more: a plan holds fewer than a
 * million statements). A stem's counter only grows, so each id is tried at most once per stem.
 */
function uniqueId(wanted: string, pool: IdPool): string {
  const base = wanted.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 60) || 'id';
  let id = base;
  if (pool.used.has(id)) {
    const stem = base.slice(0, 57);
    let n = pool.next.get(stem) ?? 2;
    while (pool.used.has((id = `${stem}-${n}`))) n++;
    pool.next.set(stem, n + 1);
  }
  pool.used.add(id);
  return id;
}

/**
 * Drops undefined members, empty strings and empty arrays (FHIR forbids empty elements); returns
 * undefined for an empty object.
 */
function prune<T extends object>(object: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return (Object.keys(out).length ? out : undefined) as T;
}
