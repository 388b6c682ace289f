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

/** Each list's index by id and alias, built on first use (config can add hundreds of thousands of words). */
const indexes = new WeakMap<readonly CatalogueEntry[], { length: number; byName: Map<string, CatalogueEntry> }>();

/** Finds an entry by id or alias (exact match; ids are case-sensitive like the language). */
export function findEntry<T extends CatalogueEntry>(entries: readonly T[], id: string): T | undefined {
  if (entries.length < 16) {
    for (const entry of entries) {
      if (entry.id === id || entry.aliases?.includes(id)) return entry;
    }
    return undefined;
  }
  let index = indexes.get(entries);
  if (!index || index.length !== entries.length) {
    // The first entry that names a word wins, as in the scan above.
    const byName = new Map<string, CatalogueEntry>();
    for (const entry of entries) {
      if (!byName.has(entry.id)) byName.set(entry.id, entry);
      for (const alias of entry.aliases ?? []) if (!byName.has(alias)) byName.set(alias, entry);
    }
    indexes.set(entries, (index = { length: entries.length, byName }));
  }
  return index.byName.get(id) as T | undefined;
}
