/**
 * The R4 CarePlan rules the FHIR rendering must keep (required elements, required value sets,
 * contained references, no empty elements). Written from FHIR R4 4.0.1 as summarised in
 * research/ipt-domain.md §8; returns the problems found, [] when none.
 */
type Json = Record<string, unknown>;

export const carePlanStatus = ['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown'];
export const carePlanIntent = ['proposal', 'plan', 'order', 'option'];
export const activityStatus = ['not-started', 'scheduled', 'in-progress', 'on-hold', 'completed', 'cancelled', 'stopped', 'unknown', 'entered-in-error'];
export const activityKind = ['Appointment', 'CommunicationRequest', 'DeviceRequest', 'MedicationRequest', 'NutritionOrder', 'Task', 'ServiceRequest', 'VisionPrescription'];
export const goalLifecycle = ['proposed', 'planned', 'accepted', 'active', 'on-hold', 'completed', 'cancelled', 'entered-in-error', 'rejected'];
export const observationStatus = ['registered', 'preliminary', 'final', 'amended', 'corrected', 'cancelled', 'entered-in-error', 'unknown'];
const timeUnits = ['s', 'min', 'h', 'd', 'wk', 'mo', 'a'];
const fhirId = /^[A-Za-z0-9\-.]{1,64}$/;
const fhirDate = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function carePlanProblems(plan: Json): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, problem: string) => {
    if (!ok) problems.push(problem);
  };
  need(plan.resourceType === 'CarePlan', 'resourceType is not CarePlan');
  need(carePlanStatus.includes(plan.status as string), `status ${String(plan.status)} is not in the CarePlanStatus value set`);
  need(carePlanIntent.includes(plan.intent as string), `intent ${String(plan.intent)} is not in the CarePlanIntent value set`);
  need(isReference(plan.subject), 'subject (1..1) is missing or not a Reference');

  const contained = (plan.contained ?? []) as Json[];
  const ids = contained.map((r) => r.id as string);
  need(new Set(ids).size === ids.length, 'contained ids are not unique');
  for (const resource of contained) {
    need(typeof resource.resourceType === 'string', 'a contained resource has no resourceType');
    need(fhirId.test(String(resource.id)), `contained id ${String(resource.id)} is not a valid FHIR id`);
    need(!('contained' in resource), 'a contained resource contains resources');
    if (resource.resourceType === 'Goal') {
      need(goalLifecycle.includes(resource.lifecycleStatus as string), `Goal ${String(resource.id)} lifecycleStatus is not valid`);
      need(typeof (resource.description as Json | undefined)?.text === 'string', `Goal ${String(resource.id)} has no description`);
      need(isReference(resource.subject), `Goal ${String(resource.id)} has no subject`);
    }
    if (resource.resourceType === 'Observation') {
      need(observationStatus.includes(resource.status as string), `Observation ${String(resource.id)} status is not valid`);
      need(resource.code !== undefined, `Observation ${String(resource.id)} has no code`);
      need('valueInteger' in resource || 'valueQuantity' in resource, `Observation ${String(resource.id)} has no value`);
    }
    if (resource.resourceType === 'Condition') need(isReference(resource.subject), 'Condition has no subject');
  }

  // Every local reference resolves, and every contained resource is referenced (dom-3).
  const references = localReferences(plan);
  for (const reference of references) need(ids.includes(reference.slice(1)), `reference ${reference} does not resolve`);
  for (const id of ids) need(references.includes(`#${id}`), `contained resource ${id} is not referenced`);

  for (const activity of (plan.activity ?? []) as Json[]) {
    const detail = activity.detail as Json | undefined;
    need(detail !== undefined || activity.reference !== undefined, 'an activity has neither detail nor reference');
    if (!detail) continue;
    need(activityStatus.includes(detail.status as string), `activity status ${String(detail.status)} is not valid`);
    if (detail.kind !== undefined) need(activityKind.includes(detail.kind as string), `activity kind ${String(detail.kind)} is not valid`);
    const repeat = (detail.scheduledTiming as Json | undefined)?.repeat as Json | undefined;
    if (repeat) {
      if (repeat.periodUnit !== undefined) need(timeUnits.includes(repeat.periodUnit as string), 'periodUnit is not a UCUM time unit');
      if (repeat.durationUnit !== undefined) need(timeUnits.includes(repeat.durationUnit as string), 'durationUnit is not a UCUM time unit');
      if (repeat.duration !== undefined) need(repeat.durationUnit !== undefined, 'duration without durationUnit');
      if (repeat.period !== undefined) need(repeat.periodUnit !== undefined && repeat.frequency !== undefined, 'period without periodUnit or frequency');
      if (repeat.count !== undefined) need(Number.isInteger(repeat.count) && (repeat.count as number) > 0, 'count is not a positive integer');
    }
  }
  const period = plan.period as Json | undefined;
  if (period?.start !== undefined) need(fhirDate.test(String(period.start)), 'period.start is not a FHIR date');
  if (period?.end !== undefined) need(fhirDate.test(String(period.end)) && String(period.end) >= String(period.start ?? ''), 'period.end is not a date after the start');
  problems.push(...emptyElements(plan, 'CarePlan'));
  return problems;
}

function isReference(value: unknown): boolean {
  const r = value as Json | undefined;
  return r !== undefined && (typeof r.reference === 'string' || typeof (r.identifier as Json | undefined)?.value === 'string' || typeof r.display === 'string');
}

function localReferences(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(localReferences);
  if (value && typeof value === 'object') {
    return Object.entries(value as Json).flatMap(([key, v]) => (key === 'reference' && typeof v === 'string' && v.startsWith('#') ? [v] : localReferences(v)));
  }
  return [];
}

/** FHIR forbids empty objects, arrays and strings, and nulls. */
function emptyElements(value: unknown, path: string): string[] {
  if (value === null || value === '') return [`${path} is empty`];
  if (Array.isArray(value)) return value.length === 0 ? [`${path} is an empty array`] : value.flatMap((v, i) => emptyElements(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Json);
    return entries.length === 0 ? [`${path} is an empty object`] : entries.flatMap(([k, v]) => emptyElements(v, `${path}.${k}`));
  }
  return [];
}
