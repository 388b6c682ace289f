/**
 * The IPT vocabulary as data (LANGUAGE.md "Vocabulary"). Hover, completion, docs and rules read it.
 * SCAFFOLD: ids, phases, ranges and variant bounds are final; titles/descriptions/sources are being
 * written from research/ipt-domain.md.
 */
import type { Catalogue, CatalogueEntry, InstrumentEntry, NonIptTechniqueEntry, TaskEntry, VariantEntry } from './catalogue-types.js';

const e = (id: string, extra: Partial<CatalogueEntry> = {}): CatalogueEntry => ({ id, title: id, description: '', sources: [], ...extra });

const problemAreas: CatalogueEntry[] = [
  e('grief'),
  e('role-dispute'),
  e('role-transition'),
  e('interpersonal-deficits', { aliases: ['interpersonal-sensitivity'] }),
];

const stages: CatalogueEntry[] = [e('renegotiation'), e('impasse'), e('dissolution')];

const phases: CatalogueEntry[] = [e('initial'), e('middle'), e('termination')];

const t = (id: string, phaseList: TaskEntry['phases']): TaskEntry => ({ ...e(id), phases: phaseList });
const tasks: TaskEntry[] = [
  t('symptom-review', ['initial']),
  t('diagnosis', ['initial']),
  t('sick-role', ['initial']),
  t('psychoeducation', ['initial']),
  t('medication-review', ['initial']),
  t('onset-review', ['initial']),
  t('interpersonal-inventory', ['initial']),
  t('closeness-circle', ['initial']),
  t('formulation', ['initial']),
  t('treatment-contract', ['initial']),
  t('risk-review', ['initial', 'middle', 'termination']),
  t('mood-event-review', ['middle']),
  t('review-progress', ['termination']),
  t('relapse-prevention', ['termination']),
  t('discuss-ending', ['termination']),
  t('maintenance-plan', ['termination']),
  t('non-response-plan', ['termination']),
];

const techniques: CatalogueEntry[] = [
  e('exploratory-questioning'),
  e('encouragement-of-affect'),
  e('clarification'),
  e('communication-analysis'),
  e('decision-analysis'),
  e('role-play'),
  e('therapeutic-relationship'),
  e('interpersonal-incident'),
  e('mood-event-linking'),
  e('work-at-home'),
];

const n = (id: string, reason: string): NonIptTechniqueEntry => ({ ...e(id), reason });
const nonIptTechniques: NonIptTechniqueEntry[] = [
  n('cognitive-restructuring', 'a CBT technique'),
  n('thought-record', 'a CBT technique'),
  n('exposure', 'a behavioural technique'),
  n('behavioural-activation', 'a behavioural technique'),
  n('guided-imagery', 'not an IPT technique'),
  n('mindfulness', 'not an IPT technique'),
  n('bodywork', 'not an IPT technique'),
  n('transference-interpretation', 'a psychodynamic technique'),
];

const i = (id: string, min: number, max: number, extra: Partial<InstrumentEntry> = {}): InstrumentEntry => ({ ...e(id), min, max, ...extra });
const instruments: InstrumentEntry[] = [
  i('PHQ-9', 0, 27, {
    bands: [
      { min: 0, max: 4, label: 'none–minimal' },
      { min: 5, max: 9, label: 'mild' },
      { min: 10, max: 14, label: 'moderate' },
      { min: 15, max: 19, label: 'moderately severe' },
      { min: 20, max: 27, label: 'severe' },
    ],
    remission: 'PHQ-9 < 5',
  }),
  i('HAM-D', 0, 52, { remission: 'HAM-D ≤ 7' }),
  i('BDI-II', 0, 63, {
    bands: [
      { min: 0, max: 13, label: 'minimal' },
      { min: 14, max: 19, label: 'mild' },
      { min: 20, max: 28, label: 'moderate' },
      { min: 29, max: 63, label: 'severe' },
    ],
  }),
  i('EPDS', 0, 30),
  i('GAD-7', 0, 21),
];

const v = (id: string, sessions: VariantEntry['sessions'], cadences: string[], initialMax: number, termination: VariantEntry['termination']): VariantEntry => ({
  ...e(id),
  sessions,
  cadences,
  initialMax,
  termination,
});
const variants: VariantEntry[] = [
  v('acute', { min: 12, max: 16 }, ['weekly'], 3, { min: 2, max: 4 }),
  v('adolescent', { min: 12, max: 16 }, ['weekly'], 4, { min: 2, max: 4 }),
  v('brief', { min: 8, max: 9 }, ['weekly'], 2, { min: 1, max: 2 }),
  v('group', { min: 8, max: 16 }, ['weekly'], 3, { min: 1, max: 5 }),
  v('maintenance', { min: 4 }, ['weekly', 'biweekly', 'monthly'], 2, { min: 1, max: 3 }),
];

const cadences: CatalogueEntry[] = [e('weekly'), e('biweekly'), e('monthly')];
const riskLevels: CatalogueEntry[] = [e('none'), e('low'), e('moderate'), e('high')];
const statuses: CatalogueEntry[] = [e('planned'), e('held'), e('missed'), e('cancelled')];

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
