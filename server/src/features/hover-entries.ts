/** Markdown for one catalogue entry: shared by hover and by completion's documentation. */
import { sourcesLine } from './hover-sources.js';
import type { CatalogueEntry, InstrumentEntry, NonIptTechniqueEntry, RequiredTask, TaskEntry, VariantEntry } from '../language/catalogue-types.js';

/** "12–16", or "4 or more" for a variant without an upper bound. */
export function sessionBounds(variant: VariantEntry): string {
  return variant.sessions.max === undefined ? `${variant.sessions.min} or more` : `${variant.sessions.min}–${variant.sessions.max}`;
}

/** The entry's title, description and facts (phases, score range, session bounds), then its sources. */
export function describeEntry(entry: CatalogueEntry): string {
  const lines = [`**${entry.title}** \`${entry.id}\``, '', entry.description];
  const task = entry as TaskEntry;
  if (task.phases) lines.push('', `Phase: ${task.phases.join(', ')}.${task.variants ? ` Used in: ${task.variants.join(', ')}.` : ''}`);
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
    lines.push('', `${sessionBounds(variant)} sessions (${variant.cadences.join(', ')}); initial phase at most ${variant.initialMax}; termination ${variant.termination.min}–${variant.termination.max}.`);
    if (variant.requiredTasks) {
      for (const phase of ['initial', 'termination'] as const) {
        const text = requiredText(variant.requiredTasks[phase]);
        if (text) lines.push(`${phase === 'initial' ? 'Initial' : 'Termination'} phase requires ${text}.`);
      }
    }
  }
  const cited = sourcesLine(entry.sources);
  if (cited) lines.push('', cited);
  return lines.join('\n');
}

/** "(error): `a` (or `b`), `c`; (warning): `d`" for a phase's required tasks, by severity. */
function requiredText(tasks: readonly RequiredTask[]): string {
  const groups = (['error', 'warning', 'info'] as const)
    .map((severity) => ({ severity, tasks: tasks.filter((task) => task.severity === severity) }))
    .filter((group) => group.tasks.length > 0);
  return groups
    .map((group) => `(${group.severity}): ${group.tasks.map((task) => `\`${task.id}\`${task.satisfiedBy?.length ? ` (or ${task.satisfiedBy.map((id) => `\`${id}\``).join(', ')})` : ''}`).join(', ')}`)
    .join('; ');
}
