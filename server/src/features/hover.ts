/** Hover: what the IPT word under the cursor means, from the catalogue (a pure function over an analysis). */
import type { Analysis } from '../analyse.js';
import type { Statement, Word } from '../language/ast.js';
import { statements } from '../language/ast.js';
import type { Catalogue, CatalogueEntry, InstrumentEntry, NonIptTechniqueEntry, TaskEntry, VariantEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import type { Span } from '../language/span.js';
import type { ResolvedConfig } from '../rules/config.js';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  /** The span the hover is about (the editor highlights it). */
  span: Span;
}

/** The catalogue words a statement holds, each with the list it is looked up in. */
function wordsOf(statement: Statement, catalogue: Catalogue): [Word | undefined, CatalogueEntry[]][] {
  switch (statement.kind) {
    case 'variant':
      return [[statement.name, catalogue.variants]];
    case 'sessions':
      return [[statement.cadence, catalogue.cadences]];
    case 'focus':
      return [[statement.area, catalogue.problemAreas]];
    case 'stage':
      return [[statement.name, catalogue.stages]];
    case 'measure':
    case 'score':
      return [[statement.instrument, catalogue.instruments]];
    case 'risk':
      return [[statement.level, catalogue.riskLevels]];
    case 'phase':
      return [[statement.name, catalogue.phases]];
    case 'status':
      return [[statement.value, catalogue.statuses]];
    case 'task':
      return statement.values.map((w) => [w, catalogue.tasks]);
    case 'technique':
      return statement.values.map((w) => [w, [...catalogue.techniques, ...catalogue.nonIptTechniques]]);
    default:
      return [];
  }
}

function describe(entry: CatalogueEntry): string {
  const lines = [`**${entry.title}** \`${entry.id}\``, '', entry.description];
  const task = entry as TaskEntry;
  if (task.phases) lines.push('', `Phase: ${task.phases.join(', ')}.`);
  const nonIpt = entry as NonIptTechniqueEntry;
  if (nonIpt.reason) lines.push('', `⚠ Not an IPT technique. ${nonIpt.reason}`);
  const instrument = entry as InstrumentEntry;
  if (instrument.max !== undefined && instrument.min !== undefined) {
    lines.push('', `Score range ${instrument.min}–${instrument.max}.`);
    if (instrument.bands?.length) lines.push(`Bands: ${instrument.bands.map((b) => `${b.min}–${b.max} ${b.label}`).join('; ')}.`);
    if (instrument.remission) lines.push(`Remission: ${instrument.remission}.`);
  }
  const variant = entry as VariantEntry;
  if (variant.sessions && variant.termination) {
    const sessions = variant.sessions.max === undefined ? `${variant.sessions.min} or more` : `${variant.sessions.min}–${variant.sessions.max}`;
    lines.push('', `${sessions} sessions (${variant.cadences.join(', ')}); initial phase at most ${variant.initialMax}; termination ${variant.termination.min}–${variant.termination.max}.`);
  }
  if (entry.sources.length) lines.push('', `_Sources: ${entry.sources.join(', ')} (see docs/language.md)._`);
  return lines.join('\n');
}

export function hoverAt(analysis: Analysis, offset: number, config: ResolvedConfig): HoverResult | undefined {
  const catalogue = config.catalogue;
  for (const statement of statements(analysis.ast)) {
    if (offset < statement.span.start || offset > statement.span.end) continue;
    for (const [word, entries] of wordsOf(statement, catalogue)) {
      if (!word || offset < word.span.start || offset > word.span.end) continue;
      const entry = findEntry(entries, word.value);
      if (entry) return { contents: describe(entry), span: word.span };
    }
  }
  return undefined;
}
