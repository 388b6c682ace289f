/**
 * The IPT vocabulary as data (LANGUAGE.md "Vocabulary"). Hover, completion, docs and rules read it.
 * Each list lives in its own file under ./catalogue/; the descriptions are written from
 * research/ipt-domain.md, and `sources` carries its tags so a reader can check every fact.
 */
import type { Catalogue, CatalogueEntry } from './catalogue-types.js';
import { problemAreas, stages } from './catalogue/focus.js';
import { instruments } from './catalogue/instruments.js';
import { phases } from './catalogue/phases.js';
import { riskLevels } from './catalogue/risk.js';
import { cadences, statuses } from './catalogue/schedule.js';
import { tasks } from './catalogue/tasks.js';
import { nonIptTechniques, techniques } from './catalogue/techniques.js';
import { variants } from './catalogue/variants.js';

export const builtinCatalogue: Catalogue = {
  problemAreas,
  stages,
  phases,
  tasks,
  techniques,
  nonIptTechniques,
  instruments,
  variants,
  cadences,
  riskLevels,
  statuses,
};

/** Finds an entry by id or alias (exact match; ids are case-sensitive like the language). */
export function findEntry<T extends CatalogueEntry>(entries: readonly T[], id: string): T | undefined {
  for (const entry of entries) {
    if (entry.id === id || entry.aliases?.includes(id)) return entry;
  }
  return undefined;
}
