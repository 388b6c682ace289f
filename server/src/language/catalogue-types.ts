/** Shapes of the IPT vocabulary (see catalogue.ts for the data). */
import type { Severity } from './diagnostic.js';

/** Where a fact comes from: a tag of research/ipt-domain.md's source list, e.g. "S3" or "seed 002". */
export type SourceTag = string;

export interface CatalogueEntry {
  id: string;
  /** A short title for hover and completion, e.g. "Role dispute". */
  title: string;
  /** Plain-language description (two or three sentences) used by hover, completion and docs. */
  description: string;
  sources: SourceTag[];
  /** Other spellings accepted as the same entry (e.g. interpersonal-sensitivity). */
  aliases?: string[];
}

export type PhaseName = 'initial' | 'middle' | 'termination';

export interface TaskEntry extends CatalogueEntry {
  /** The phases the task belongs to. */
  phases: PhaseName[];
  /** The variants whose plans use it, when not every variant's (completion offers it only there). */
  variants?: string[];
}

export interface NonIptTechniqueEntry extends CatalogueEntry {
  /** Why it is not IPT, and what to use instead; shown in the `technique` diagnostic. */
  reason: string;
}

export interface SeverityBand {
  min: number;
  max: number;
  label: string;
}

export interface InstrumentEntry extends CatalogueEntry {
  min: number;
  max: number;
  /** Severity bands covering min..max, when the instrument has published ones. */
  bands?: SeverityBand[];
  /** e.g. "PHQ-9 < 5" */
  remission?: string;
}

export interface VariantEntry extends CatalogueEntry {
  sessions: { min: number; max?: number };
  cadences: string[];
  initialMax: number;
  termination: { min: number; max: number };
  /** What `initial-tasks` and `termination-tasks` require of this variant's phases. */
  requiredTasks: RequiredTasks;
}

/** A task a phase must hold, how much it matters, and the tasks that do the same job. */
export interface RequiredTask {
  id: string;
  severity: Severity;
  /** Other task ids that count as this one (e.g. `psychoeducation` gives the sick role). */
  satisfiedBy?: string[];
  /** Why the variant needs it, when that differs from acute IPT (replaces the rule's usual reason). */
  why?: string;
}

export interface RequiredTasks {
  initial: RequiredTask[];
  termination: RequiredTask[];
}

export interface Catalogue {
  problemAreas: CatalogueEntry[];
  stages: CatalogueEntry[];
  phases: CatalogueEntry[];
  tasks: TaskEntry[];
  techniques: CatalogueEntry[];
  nonIptTechniques: NonIptTechniqueEntry[];
  instruments: InstrumentEntry[];
  variants: VariantEntry[];
  cadences: CatalogueEntry[];
  riskLevels: CatalogueEntry[];
  statuses: CatalogueEntry[];
}
