import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../../server/src/language/catalogue-types.js';
import { builtinCatalogue, findEntry } from '../../server/src/language/catalogue.js';

const catalogue = builtinCatalogue;
const lists = Object.entries(catalogue) as [string, CatalogueEntry[]][];
const sourceTag = /^(S\d+b?|seed \d{3})$/;

describe('catalogue: every list', () => {
  for (const [name, entries] of lists) {
    describe(name, () => {
      it('is not empty', () => {
        expect(entries.length).toBeGreaterThan(0);
      });

      it('has unique ids and aliases, none shadowing another entry', () => {
        const words = entries.flatMap((entry) => [entry.id, ...(entry.aliases ?? [])]);
        expect(new Set(words).size).toBe(words.length);
      });

      it('has ids in the language identifier form', () => {
        for (const entry of entries) {
          expect(entry.id).toMatch(/^[A-Za-z][A-Za-z0-9]*([-.][A-Za-z0-9]+)*$/);
          for (const alias of entry.aliases ?? []) expect(alias).toMatch(/^[A-Za-z][A-Za-z0-9]*([-.][A-Za-z0-9]+)*$/);
        }
      });

      it('gives every entry a title, a description of 1–3 sentences and source tags', () => {
        for (const entry of entries) {
          expect(entry.title.trim(), entry.id).not.toBe('');
          expect(entry.title, entry.id).not.toBe(entry.id);
          expect(entry.description.trim().length, entry.id).toBeGreaterThan(20);
          expect(entry.description, entry.id).toMatch(/[.!?)]$/);
          const sentences = entry.description.split(/(?<=[.!?])\s+(?=[A-Z])/);
          expect(sentences.length, entry.id).toBeLessThanOrEqual(3);
          expect(entry.sources.length, entry.id).toBeGreaterThan(0);
          for (const tag of entry.sources) expect(tag, entry.id).toMatch(sourceTag);
          expect(new Set(entry.sources).size, entry.id).toBe(entry.sources.length);
        }
      });
    });
  }

  it('keeps IPT and non-IPT techniques apart', () => {
    const ipt = new Set(catalogue.techniques.map((entry) => entry.id));
    for (const entry of catalogue.nonIptTechniques) expect(ipt.has(entry.id), entry.id).toBe(false);
  });
});

describe('catalogue: the LANGUAGE.md vocabulary', () => {
  const ids = (entries: CatalogueEntry[]) => entries.map((entry) => entry.id);

  it('has the four problem areas, with interpersonal-sensitivity as an alias', () => {
    expect(ids(catalogue.problemAreas)).toEqual(['grief', 'role-dispute', 'role-transition', 'interpersonal-deficits']);
    expect(findEntry(catalogue.problemAreas, 'interpersonal-sensitivity')?.id).toBe('interpersonal-deficits');
  });

  it('has the fixed lists', () => {
    expect(ids(catalogue.stages)).toEqual(['renegotiation', 'impasse', 'dissolution']);
    expect(ids(catalogue.phases)).toEqual(['initial', 'middle', 'termination']);
    expect(ids(catalogue.cadences)).toEqual(['weekly', 'biweekly', 'monthly']);
    expect(ids(catalogue.riskLevels)).toEqual(['none', 'low', 'moderate', 'high']);
    expect(ids(catalogue.statuses)).toEqual(['planned', 'held', 'missed', 'cancelled']);
  });

  // LANGUAGE.md's phases (with `medication-review` and `review-progress` in the middle phase, issue
  // 18), plus the opening question (`mood-event-review`) in every phase: it runs to the end of
  // treatment (issue 10), so the catalogue accepts it where LANGUAGE.md lists it and more;
  // `warning-signs`, the first work of maintenance IPT, which returns in every session; and
  // `parent-involvement`, IPT-A's parent or carer at the start, in the middle and at the end.
  it('places every task in the phases LANGUAGE.md gives it (and mood-event-review in all three)', () => {
    const byPhase = (phase: string) =>
      catalogue.tasks.filter((task) => task.phases.includes(phase as never)).map((task) => task.id).sort();
    expect(byPhase('initial')).toEqual(
      [
        'symptom-review', 'diagnosis', 'sick-role', 'psychoeducation', 'medication-review', 'onset-review',
        'interpersonal-inventory', 'closeness-circle', 'formulation', 'treatment-contract', 'risk-review',
        'mood-event-review', 'warning-signs', 'parent-involvement',
      ].sort(),
    );
    expect(byPhase('middle')).toEqual(['mood-event-review', 'risk-review', 'warning-signs', 'medication-review', 'review-progress', 'parent-involvement'].sort());
    expect(byPhase('termination')).toEqual(
      ['review-progress', 'relapse-prevention', 'discuss-ending', 'maintenance-plan', 'non-response-plan', 'risk-review', 'mood-event-review', 'warning-signs', 'parent-involvement'].sort(),
    );
  });

  it('has the IPT and non-IPT techniques', () => {
    expect(ids(catalogue.techniques)).toEqual([
      'exploratory-questioning', 'encouragement-of-affect', 'clarification', 'communication-analysis',
      'directive', 'decision-analysis', 'role-play', 'therapeutic-relationship', 'interpersonal-incident',
      'mood-event-linking', 'work-at-home',
    ]);
    expect(ids(catalogue.nonIptTechniques)).toEqual([
      'cognitive-restructuring', 'thought-record', 'exposure', 'behavioural-activation', 'guided-imagery',
      'mindfulness', 'bodywork', 'transference-interpretation',
    ]);
    // The guides' directive group as clinicians write its parts, and both spellings of behavioural activation.
    expect(catalogue.techniques.find((t) => t.id === 'directive')!.aliases).toEqual(['advice', 'education', 'modelling', 'modeling', 'psychoeducation']);
    expect(findEntry(catalogue.nonIptTechniques, 'behavioral-activation')?.id).toBe('behavioural-activation');
  });

  it('has the instruments with their score ranges', () => {
    expect(catalogue.instruments.map(({ id, min, max }) => [id, min, max])).toEqual([
      ['PHQ-9', 0, 27],
      ['HAM-D', 0, 52],
      ['BDI-II', 0, 63],
      ['EPDS', 0, 30],
      ['GAD-7', 0, 21],
      ['CDRS-R', 17, 113],
      ['MFQ', 0, 68],
      ['MFQ-C', 0, 66],
      ['MFQ-P', 0, 68],
      ['SMFQ', 0, 26],
    ]);
  });

  it('gives HAM-D its published severity bands (Zimmerman et al. 2013) and CDRS-R its remission cut-off', () => {
    const hamd = catalogue.instruments.find((i) => i.id === 'HAM-D')!;
    expect(hamd.bands).toEqual([
      { min: 0, max: 7, label: 'no depression' },
      { min: 8, max: 16, label: 'mild' },
      { min: 17, max: 23, label: 'moderate' },
      { min: 24, max: 52, label: 'severe' },
    ]);
    expect(catalogue.instruments.find((i) => i.id === 'CDRS-R')!.remission).toBe('CDRS-R ≤ 28');
  });

  it('gives GAD-7 its 5/10/15 bands (Spitzer et al. 2006), and tells to read EPDS item 10 on its own (Cox et al. 1987)', () => {
    expect(catalogue.instruments.find((i) => i.id === 'GAD-7')!.bands!.map((band) => band.min)).toEqual([0, 5, 10, 15]);
    const epds = catalogue.instruments.find((i) => i.id === 'EPDS')!;
    expect(epds.description).toContain('Read item 10');
    expect(epds.sources).toContain('S108');
  });

  it('has the variants table', () => {
    expect(catalogue.variants.map(({ id, sessions, cadences, initialMax, termination }) => ({ id, sessions, cadences, initialMax, termination }))).toEqual([
      { id: 'acute', sessions: { min: 12, max: 16 }, cadences: ['weekly'], initialMax: 3, termination: { min: 2, max: 4 } },
      { id: 'adolescent', sessions: { min: 12, max: 16 }, cadences: ['weekly'], initialMax: 4, termination: { min: 2, max: 4 } },
      { id: 'brief', sessions: { min: 8, max: 9 }, cadences: ['weekly'], initialMax: 2, termination: { min: 1, max: 2 } },
      { id: 'group', sessions: { min: 8, max: 16 }, cadences: ['weekly'], initialMax: 3, termination: { min: 1, max: 5 } },
      { id: 'maintenance', sessions: { min: 4 }, cadences: ['weekly', 'biweekly', 'monthly'], initialMax: 2, termination: { min: 1, max: 3 } },
    ]);
  });
});

describe('catalogue: tasks', () => {
  it('gives every task at least one phase, each a known phase, none twice', () => {
    const known = new Set(catalogue.phases.map((phase) => phase.id));
    for (const task of catalogue.tasks) {
      expect(task.phases.length, task.id).toBeGreaterThan(0);
      expect(new Set(task.phases).size, task.id).toBe(task.phases.length);
      for (const phase of task.phases) expect(known.has(phase), `${task.id}: ${phase}`).toBe(true);
    }
  });
});

describe('catalogue: non-IPT techniques', () => {
  it('gives every one a full-sentence reason that names an IPT technique to use instead', () => {
    const ipt = catalogue.techniques.map((entry) => entry.id);
    for (const entry of catalogue.nonIptTechniques) {
      expect(entry.reason, entry.id).toMatch(/^[A-Z].{40,}\.$/);
      expect(entry.reason, entry.id).toMatch(/IPT/);
      expect(ipt.some((id) => entry.reason.includes(id)), `${entry.id} names an IPT technique`).toBe(true);
    }
  });
});

describe('catalogue: instruments', () => {
  it('has a range with min below max', () => {
    for (const instrument of catalogue.instruments) {
      expect(Number.isFinite(instrument.min), instrument.id).toBe(true);
      expect(instrument.max, instrument.id).toBeGreaterThan(instrument.min);
    }
  });

  it('has bands, when given, that cover min..max in order without gaps or overlaps', () => {
    for (const instrument of catalogue.instruments) {
      if (!instrument.bands) continue;
      expect(instrument.bands.length, instrument.id).toBeGreaterThan(1);
      expect(instrument.bands[0]!.min, instrument.id).toBe(instrument.min);
      expect(instrument.bands.at(-1)!.max, instrument.id).toBe(instrument.max);
      instrument.bands.forEach((band, index) => {
        expect(band.max, `${instrument.id} ${band.label}`).toBeGreaterThanOrEqual(band.min);
        expect(band.label.trim(), instrument.id).not.toBe('');
        const next = instrument.bands![index + 1];
        if (next) expect(next.min, `${instrument.id} after ${band.label}`).toBe(band.max + 1);
      });
    }
  });

  it('states remission in terms of its own instrument', () => {
    for (const instrument of catalogue.instruments) {
      if (instrument.remission) expect(instrument.remission.startsWith(instrument.id), instrument.id).toBe(true);
    }
  });
});

describe('catalogue: variants', () => {
  it('has sane bounds', () => {
    const cadences = new Set(catalogue.cadences.map((entry) => entry.id));
    for (const variant of catalogue.variants) {
      const { sessions, initialMax, termination } = variant;
      expect(sessions.min, variant.id).toBeGreaterThan(0);
      if (sessions.max !== undefined) expect(sessions.max, variant.id).toBeGreaterThanOrEqual(sessions.min);
      expect(variant.cadences.length, variant.id).toBeGreaterThan(0);
      for (const cadence of variant.cadences) expect(cadences.has(cadence), `${variant.id}: ${cadence}`).toBe(true);
      expect(initialMax, variant.id).toBeGreaterThan(0);
      expect(termination.min, variant.id).toBeGreaterThan(0);
      expect(termination.max, variant.id).toBeGreaterThanOrEqual(termination.min);
      // Every allowed total must fit a one-session initial phase, the shortest termination and a longer middle.
      expect(sessions.min, variant.id).toBeGreaterThanOrEqual(1 + termination.min + (termination.min + 1));
    }
  });

  it('makes acute the first (default) variant', () => {
    expect(catalogue.variants[0]!.id).toBe('acute');
  });
});

describe('catalogue: findEntry', () => {
  it('finds by id and alias, exactly and case-sensitively', () => {
    expect(findEntry(catalogue.instruments, 'PHQ-9')?.max).toBe(27);
    expect(findEntry(catalogue.instruments, 'phq-9')).toBeUndefined();
    expect(findEntry(catalogue.problemAreas, 'interpersonal-sensitivity')?.id).toBe('interpersonal-deficits');
    expect(findEntry(catalogue.tasks, 'no-such-task')).toBeUndefined();
  });
});
