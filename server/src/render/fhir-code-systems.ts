/**
 * IPT Plan's own FHIR code systems — the variant, phase and problem-area codes of a CarePlan export —
 * as CodeSystem resources, so a reviewer can resolve the codes (load them into a terminology server,
 * or read them). scripts/build.mjs writes them to docs/fhir/ (in the repository and the npm package).
 *
 * They hold the built-in vocabulary, which is what the export codes: a variant or problem area that a
 * workspace adds in `.iptrc.json` is exported as text only, because no published code system defines
 * it; and a code's display is always the one published here, whatever a workspace renames it to.
 */
import type { CodeSystem } from 'fhir/r4';
import type { CatalogueEntry } from '../language/catalogue-types.js';
import { builtinCatalogue, findEntry } from '../language/catalogue.js';
import { TOOL_HOME, TOOL_VERSION } from '../version.js';
import { type Coding, PHASE_SYSTEM, PROBLEM_AREA_SYSTEM, VARIANT_SYSTEM } from './fhir-codes.js';
import { narrative } from './fhir-narrative.js';

interface OwnSystem {
  url: string;
  id: string;
  name: string;
  title: string;
  description: string;
  entries: readonly CatalogueEntry[];
}

const ownSystems: readonly OwnSystem[] = [
  {
    url: VARIANT_SYSTEM,
    id: 'ipt-variant',
    name: 'IptVariant',
    title: 'IPT Plan variants of Interpersonal Psychotherapy',
    description: 'The IPT formats a plan follows (`variant` in a plan); CarePlan.category of an IPT Plan export.',
    entries: builtinCatalogue.variants,
  },
  {
    url: PHASE_SYSTEM,
    id: 'ipt-phase',
    name: 'IptPhase',
    title: 'IPT Plan phases of Interpersonal Psychotherapy',
    description: 'The three phases of an IPT course (`phase` in a plan); CarePlan.activity.detail.code of an IPT Plan export.',
    entries: builtinCatalogue.phases,
  },
  {
    url: PROBLEM_AREA_SYSTEM,
    id: 'ipt-problem-area',
    name: 'IptProblemArea',
    title: 'IPT Plan problem areas of Interpersonal Psychotherapy',
    description: 'The interpersonal problem area a plan focuses on (`focus` in a plan); Goal.category of an IPT Plan export.',
    entries: builtinCatalogue.problemAreas,
  },
];

/** The code systems as FHIR R4 CodeSystem resources, in a fixed order. */
export function ownCodeSystems(): CodeSystem[] {
  return ownSystems.map((system) => ({
    resourceType: 'CodeSystem',
    id: system.id,
    text: narrative([
      { lead: `${system.title}.`, text: system.description },
      { items: system.entries.map((entry) => `${entry.id}: ${entry.title}`) },
    ]),
    url: system.url,
    version: TOOL_VERSION,
    name: system.name,
    title: system.title,
    status: 'active',
    experimental: false,
    publisher: `IPT Plan (${TOOL_HOME})`,
    description: `${system.description} The definitions come from the sources listed in IPT Plan's docs/sources.md.`,
    caseSensitive: true,
    content: 'complete',
    count: system.entries.length,
    concept: system.entries.map((entry) => ({ code: entry.id, display: entry.title, definition: entry.description })),
  }));
}

/**
 * The coding of a built-in word in one of these systems — its code (an alias such as
 * `interpersonal-sensitivity` gives the word's own id) and published display — or undefined for a
 * word no published system defines.
 */
export function ownCoding(system: string, word: string): Coding | undefined {
  const entries = ownSystems.find((s) => s.url === system)?.entries;
  const entry = entries ? findEntry(entries, word) : undefined;
  return entry ? { system, code: entry.id, display: entry.title } : undefined;
}
