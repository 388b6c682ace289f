/**
 * The FHIR R4 (4.0.1) rendering: one CarePlan with contained Condition, Goal and Observation
 * resources, following research/ipt-domain.md §8.3. The mapping and its decisions are documented in
 * docs/rendering.md. Only codings we can verify are emitted: ICD-10 for the diagnosis code, and
 * local code systems for the variant, phase and problem area; instruments are text only.
 */
import { cadencePeriod, estimatedEnd } from './course-dates.js';
import type { PhaseView, PlanView, SessionView } from './model.js';
import { STATUSES_WITHOUT_SCORES } from '../language/catalogue/schedule.js';

export const VARIANT_SYSTEM = 'https://ipt-plan.dev/fhir/CodeSystem/ipt-variant';
export const PHASE_SYSTEM = 'https://ipt-plan.dev/fhir/CodeSystem/ipt-phase';
export const PROBLEM_AREA_SYSTEM = 'https://ipt-plan.dev/fhir/CodeSystem/ipt-problem-area';
export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';

type Json = Record<string, unknown>;
type Reference = { reference: string };

export function renderFhir(view: PlanView): string {
  return `${JSON.stringify(carePlan(view), null, 2)}\n`;
}

export function carePlan(view: PlanView): Json {
  const subject = view.client !== undefined && view.client !== ''
    ? { identifier: { value: view.client } }
    : { display: 'Client code not stated in the plan' };
  const contained: Json[] = [];

  const addresses: Reference[] = [];
  if (view.diagnosis && (view.diagnosis.text || view.diagnosis.code)) {
    contained.push(
      prune({
        resourceType: 'Condition',
        id: 'diagnosis',
        code: prune({
          coding: view.diagnosis.code ? [{ system: ICD10_SYSTEM, code: view.diagnosis.code }] : undefined,
          text: view.diagnosis.text,
        }),
        subject,
      }),
    );
    addresses.push({ reference: '#diagnosis' });
  }

  const goalRefs: Reference[] = [];
  const usedIds = new Set<string>();
  for (const focus of view.focuses) {
    for (const goal of focus.goals) {
      const description = goal.text || goal.id;
      if (!description) continue;
      const id = uniqueId(`goal-${goal.id ?? 'unnamed'}`, usedIds);
      contained.push(
        prune({
          resourceType: 'Goal',
          id,
          identifier: goal.id ? [{ value: goal.id }] : undefined,
          lifecycleStatus: 'active',
          category: focus.area
            ? [prune({ coding: [prune({ system: PROBLEM_AREA_SYSTEM, code: focus.area.id, display: focus.area.title })], text: focus.area.title ?? focus.area.id })]
            : undefined,
          description: { text: description },
          subject,
          addresses: addresses.length ? addresses : undefined,
        }),
      );
      goalRefs.push({ reference: `#${id}` });
    }
  }

  const cadence = view.sessions?.cadence?.id;
  let scoreCount = 0;
  const activity = view.phases.map((phase) => {
    const outcomes: Reference[] = [];
    for (const session of phase.sessions) {
      for (const score of session.scores) {
        const id = `score-${++scoreCount}`;
        contained.push(observation(id, score.instrument, score.value, session, subject));
        outcomes.push({ reference: `#${id}` });
      }
    }
    return prune({
      outcomeReference: outcomes.length ? outcomes : undefined,
      detail: prune({
        kind: 'Appointment',
        code: phaseCode(phase),
        goal: phase.name?.id === 'middle' && goalRefs.length ? goalRefs : undefined,
        status: phaseStatus(phase),
        scheduledTiming: timing(phase, cadence, view.sessions?.minutes),
        description: phaseDescription(phase),
      }),
    });
  });

  const notes: { text: string }[] = [];
  for (const risk of view.risks) {
    const level = risk.level ? (risk.level.title ?? risk.level.id) : 'level not stated';
    notes.push({ text: `Suicide risk: ${level}${risk.text ? ` — ${risk.text}` : ''}` });
    for (const plan of risk.safetyPlans) notes.push({ text: `Safety plan: ${plan}` });
  }

  const variant = view.variant;
  const focus = view.focuses[0];
  return prune({
    resourceType: 'CarePlan',
    contained: contained.length ? contained : undefined,
    status: view.phases.some((p) => p.sessions.some((s) => s.status?.id === 'held')) ? 'active' : 'draft',
    intent: 'plan',
    category: variant
      ? [prune({ coding: [prune({ system: VARIANT_SYSTEM, code: variant.id, display: variant.title })], text: variant.title ?? variant.id })]
      : undefined,
    title: view.title,
    description: focus
      ? [focus.area ? `IPT focus: ${focus.area.title ?? focus.area.id}` : undefined, focus.description].filter((x) => x).join(' — ') || undefined
      : undefined,
    subject,
    period: view.start ? prune({ start: view.start, end: estimatedEnd(view.start, view.sessions?.count, cadence) }) : undefined,
    author: view.clinician ? { display: view.clinician } : undefined,
    addresses: addresses.length ? addresses : undefined,
    goal: goalRefs.length ? goalRefs : undefined,
    activity: activity.length ? activity : undefined,
    note: notes.length ? notes : undefined,
  });
}

function observation(id: string, instrument: string, value: number, session: SessionView, subject: Json): Json {
  // A score on a session marked planned, missed or cancelled contradicts the session (the
  // `session-status` rule reports it): never exported as a final result.
  const status = session.status?.id;
  const contradicted = status !== undefined && STATUSES_WITHOUT_SCORES.has(status);
  return prune({
    resourceType: 'Observation',
    id,
    status: contradicted ? 'preliminary' : 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey' }] }],
    code: { text: instrument },
    subject,
    effectiveDateTime: session.date,
    ...(Number.isInteger(value) ? { valueInteger: value } : { valueQuantity: { value } }),
    note: [
      { text: `Recorded at session ${session.label}` },
      ...(contradicted ? [{ text: `The session is marked ${status}, so this score is not a final result.` }] : []),
    ],
  });
}

function phaseCode(phase: PhaseView): Json | undefined {
  if (!phase.name) return undefined;
  const known = phase.name.title !== undefined;
  return prune({
    coding: known ? [{ system: PHASE_SYSTEM, code: phase.name.id, display: phase.name.title }] : undefined,
    text: phase.name.title ?? phase.name.id,
  });
}

/**
 * R4 CarePlanActivityStatus from the session entries: completed when every entry is held, missed or
 * cancelled and at least one was held; in-progress when some are held; cancelled when all are;
 * scheduled when some entry has a date; otherwise not-started.
 */
export function phaseStatus(phase: PhaseView): string {
  const statuses = phase.sessions.map((s) => s.status?.id);
  const done = (s: string | undefined) => s === 'held' || s === 'missed' || s === 'cancelled';
  if (statuses.length > 0 && statuses.every(done) && statuses.includes('held')) return 'completed';
  if (statuses.includes('held')) return 'in-progress';
  if (statuses.length > 0 && statuses.every((s) => s === 'cancelled')) return 'cancelled';
  if (phase.sessions.some((s) => s.date !== undefined)) return 'scheduled';
  return 'not-started';
}

function timing(phase: PhaseView, cadence: string | undefined, minutes: number | undefined): Json | undefined {
  const count = phase.first !== undefined && phase.last !== undefined && phase.last >= phase.first ? phase.last - phase.first + 1 : undefined;
  const period = cadencePeriod(cadence);
  const repeat = prune({
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

/** A FHIR id ([A-Za-z0-9-.]{1,64}) from any text, unique within the resource. */
function uniqueId(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 60) || 'id';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/**
 * Drops undefined members, empty strings and empty arrays (FHIR forbids empty elements); returns
 * undefined for an empty object.
 */
function prune<T extends Json>(object: T): T {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return (Object.keys(out).length ? out : undefined) as T;
}
