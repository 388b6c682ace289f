import { describe, expect, it } from 'vitest';
import { builtinCatalogue, findEntry } from '../../../server/src/language/catalogue.js';
import { defaultConfig, resolveConfig, resolveConfigWithIssues } from '../../../server/src/rules/config.js';

describe('resolveConfig', () => {
  it('no file gives the defaults', () => {
    expect(resolveConfig(undefined)).toBe(defaultConfig);
    expect(resolveConfig({}).catalogue.variants).toEqual(builtinCatalogue.variants);
  });

  it('keeps rule settings and the default variant', () => {
    const config = resolveConfig({ rules: { phi: 'error', 'session-dates': 'off' }, variant: 'brief' });
    expect(config.rules).toEqual({ phi: 'error', 'session-dates': 'off' });
    expect(config.defaultVariant).toBe('brief');
  });

  it('a variant that extends acute takes its values and overrides some', () => {
    const config = resolveConfig({
      variants: { ptsd: { extends: 'acute', sessions: { min: 14, max: 14 }, description: 'IPT for PTSD, 14 weekly sessions' } },
    });
    const ptsd = findEntry(config.catalogue.variants, 'ptsd');
    const acute = findEntry(builtinCatalogue.variants, 'acute')!;
    expect(ptsd).toMatchObject({
      id: 'ptsd',
      description: 'IPT for PTSD, 14 weekly sessions',
      sessions: { min: 14, max: 14 },
      cadences: acute.cadences,
      initialMax: acute.initialMax,
      termination: acute.termination,
    });
    // The built-in variants are still there and unchanged.
    expect(findEntry(config.catalogue.variants, 'acute')).toEqual(acute);
    expect(builtinCatalogue.variants.some((v) => v.id === 'ptsd')).toBe(false);
  });

  it('a variant can extend another configured variant', () => {
    const config = resolveConfig({
      variants: {
        'ptsd-long': { extends: 'ptsd', sessions: { min: 16, max: 20 } },
        ptsd: { extends: 'brief', initialMax: 3 },
      },
    });
    const long = findEntry(config.catalogue.variants, 'ptsd-long')!;
    expect(long.sessions).toEqual({ min: 16, max: 20 });
    expect(long.initialMax).toBe(3);
    expect(long.termination).toEqual(findEntry(builtinCatalogue.variants, 'brief')!.termination);
  });

  it('overriding a built-in variant by name changes only the given values', () => {
    const config = resolveConfig({ variants: { maintenance: { sessions: { min: 6 } } } });
    const maintenance = findEntry(config.catalogue.variants, 'maintenance')!;
    const builtin = findEntry(builtinCatalogue.variants, 'maintenance')!;
    expect(maintenance.sessions).toEqual({ min: 6 });
    expect(maintenance.cadences).toEqual(builtin.cadences);
    expect(maintenance.title).toBe(builtin.title);
  });

  it('a new variant without extends must give every value', () => {
    const { config, issues } = resolveConfigWithIssues({ variants: { ptsd: { sessions: { min: 14, max: 14 }, cadences: ['weekly'] } } });
    expect(findEntry(config.catalogue.variants, 'ptsd')).toBeUndefined();
    expect(issues).toEqual([
      {
        path: ['variants', 'ptsd'],
        message: 'The new variant `ptsd` does not set `initialMax` and `termination`. Add them, or start from another variant with "extends": "acute".',
      },
    ]);
  });

  it('a complete new variant without extends is accepted', () => {
    const { config, issues } = resolveConfigWithIssues({
      variants: { ptsd: { sessions: { min: 14, max: 14 }, cadences: ['weekly'], initialMax: 3, termination: { min: 2, max: 3 } } },
    });
    expect(issues).toEqual([]);
    expect(findEntry(config.catalogue.variants, 'ptsd')).toMatchObject({ sessions: { min: 14, max: 14 }, initialMax: 3 });
  });

  it('extends of an unknown variant is reported with did-you-mean', () => {
    const { issues } = resolveConfigWithIssues({ variants: { ptsd: { extends: 'acut' } } });
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['variants', 'ptsd', 'extends']);
    expect(issues[0].message).toContain('Did you mean `acute`?');
  });

  it('a cycle of extends is reported, not looped on', () => {
    const { config, issues } = resolveConfigWithIssues({ variants: { a: { extends: 'b' }, b: { extends: 'a' } } });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].message).toContain('cycle');
    expect(findEntry(config.catalogue.variants, 'a')).toBeUndefined();
  });

  it('an unknown default variant is reported and acute is used', () => {
    const { config, issues } = resolveConfigWithIssues({ variant: 'breif' });
    expect(config.defaultVariant).toBe('acute');
    expect(issues[0]).toMatchObject({ path: ['variant'] });
    expect(issues[0].message).toContain('Did you mean `brief`?');
  });

  it('the default variant may be a configured one', () => {
    const config = resolveConfig({ variant: 'ptsd', variants: { ptsd: { extends: 'acute' } } });
    expect(config.defaultVariant).toBe('ptsd');
  });

  it('vocabulary adds techniques, tasks with phases, instruments with ranges and problem areas', () => {
    const config = resolveConfig({
      vocabulary: {
        techniques: ['affect-tracking', { id: 'sleep-diary', description: 'A daily record of sleep' }],
        tasks: [{ id: 'trauma-history', phases: ['initial'] }],
        instruments: [{ id: 'PCL-5', min: 0, max: 80, description: 'PTSD checklist' }],
        problemAreas: ['loss-of-healthy-self'],
      },
    });
    const { catalogue } = config;
    expect(findEntry(catalogue.techniques, 'affect-tracking')).toMatchObject({ id: 'affect-tracking', sources: ['config'] });
    expect(findEntry(catalogue.techniques, 'sleep-diary')?.description).toBe('A daily record of sleep');
    expect(findEntry(catalogue.tasks, 'trauma-history')?.phases).toEqual(['initial']);
    expect(findEntry(catalogue.instruments, 'PCL-5')).toMatchObject({ min: 0, max: 80 });
    expect(findEntry(catalogue.problemAreas, 'loss-of-healthy-self')).toBeDefined();
    // Built-in entries stay.
    expect(catalogue.techniques.length).toBe(builtinCatalogue.techniques.length + 2);
    expect(findEntry(catalogue.problemAreas, 'interpersonal-sensitivity')?.id).toBe('interpersonal-deficits');
  });

  it('an existing id is updated, not duplicated', () => {
    const config = resolveConfig({
      vocabulary: {
        tasks: [{ id: 'psychoeducation', phases: ['initial', 'middle'] }],
        instruments: [{ id: 'PHQ-9', min: 0, max: 30 }],
      },
    });
    const tasks = config.catalogue.tasks.filter((t) => t.id === 'psychoeducation');
    expect(tasks).toHaveLength(1);
    expect(tasks[0].phases).toEqual(['initial', 'middle']);
    expect(tasks[0].description).toBe(findEntry(builtinCatalogue.tasks, 'psychoeducation')!.description);
    const phq = findEntry(config.catalogue.instruments, 'PHQ-9')!;
    expect(phq.max).toBe(30);
    // Built-in severity bands no longer fit a changed range.
    expect(phq.bands).toBeUndefined();
  });

  it('a technique the config accepts is no longer flagged as non-IPT', () => {
    const config = resolveConfig({ vocabulary: { techniques: ['mindfulness'] } });
    expect(findEntry(config.catalogue.techniques, 'mindfulness')).toBeDefined();
    expect(findEntry(config.catalogue.nonIptTechniques, 'mindfulness')).toBeUndefined();
    expect(findEntry(config.catalogue.nonIptTechniques, 'exposure')).toBeDefined();
  });

  it('phi patterns are compiled and allow is kept', () => {
    const config = resolveConfig({ phi: { patterns: [{ name: 'medical record number', pattern: 'MRN-\\d{6}', flags: 'i' }], allow: ['(617) 555-0100'] } });
    expect(config.phi.patterns).toHaveLength(1);
    expect(config.phi.patterns[0].name).toBe('medical record number');
    expect([...config.phi.patterns[0].pattern.matchAll('x mrn-123456')].map((m) => [m.index, m[0]])).toEqual([[2, 'mrn-123456']]);
    expect(config.phi.allow).toEqual(['(617) 555-0100']);
  });

  it('an invalid pattern that skipped validation is reported, not thrown', () => {
    const { config, issues } = resolveConfigWithIssues({ phi: { patterns: [{ name: 'x', pattern: '(' }] } });
    expect(config.phi.patterns).toEqual([]);
    expect(issues[0].path).toEqual(['phi', 'patterns', 0, 'pattern']);
  });
});

describe('resolveConfig: required tasks per variant', () => {
  const ids = (tasks: { id: string; severity: string }[]) => tasks.map((t) => `${t.id}:${t.severity}`);

  it('a variant inherits the required tasks of the one it extends, and config merges over them', () => {
    const config = resolveConfig({
      variants: {
        'maintenance-plus': { extends: 'maintenance', requiredTasks: { initial: { 'interpersonal-inventory': 'warning', 'warning-signs': 'off' } } },
      },
    });
    const variant = findEntry(config.catalogue.variants, 'maintenance-plus')!;
    expect(ids(variant.requiredTasks.initial)).toEqual(['symptom-review:warning', 'formulation:warning', 'treatment-contract:warning', 'interpersonal-inventory:warning']);
    expect(variant.requiredTasks.termination).toEqual(findEntry(builtinCatalogue.variants, 'maintenance')!.requiredTasks.termination);
  });

  it('a task can be given other tasks that count instead', () => {
    const config = resolveConfig({ variants: { acute: { requiredTasks: { initial: { 'interpersonal-inventory': { satisfiedBy: ['closeness-circle'] } } } } } });
    expect(findEntry(config.catalogue.variants, 'acute')!.requiredTasks.initial[0]).toEqual({ id: 'interpersonal-inventory', severity: 'error', satisfiedBy: ['closeness-circle'] });
  });

  it('an unknown task, or one of another phase, is reported and dropped', () => {
    const { config, issues } = resolveConfigWithIssues({
      variants: { acute: { requiredTasks: { initial: { 'sick-rol': 'warning', 'discuss-ending': 'warning' } } } },
    });
    expect(issues).toEqual([
      { path: ['variants', 'acute', 'requiredTasks', 'initial', 'sick-rol'], message: '`sick-rol` is not a known task. Did you mean `sick-role`? Use a built-in task or add it to `vocabulary.tasks`.' },
      {
        path: ['variants', 'acute', 'requiredTasks', 'initial', 'discuss-ending'],
        message: '`discuss-ending` belongs to the termination phase, not the initial phase, so the initial phase cannot require it. Require it where it belongs, or add a task for the initial phase.',
      },
    ]);
    expect(findEntry(config.catalogue.variants, 'acute')!.requiredTasks).toEqual(findEntry(builtinCatalogue.variants, 'acute')!.requiredTasks);
  });

  it('a task from vocabulary.tasks can be required', () => {
    const { config, issues } = resolveConfigWithIssues({
      vocabulary: { tasks: [{ id: 'parent-session', phases: ['initial'] }] },
      variants: { adolescent: { requiredTasks: { initial: { 'parent-session': 'info' } } } },
    });
    expect(issues).toEqual([]);
    expect(ids(findEntry(config.catalogue.variants, 'adolescent')!.requiredTasks.initial)).toContain('parent-session:info');
  });
});

describe('resolveConfig: a built-in variant rebased on another', () => {
  it('keeps its own title and takes the other values', () => {
    const config = resolveConfig({ variants: { acute: { extends: 'brief' } } });
    const acute = findEntry(config.catalogue.variants, 'acute')!;
    const builtinAcute = findEntry(builtinCatalogue.variants, 'acute')!;
    expect(acute.title).toBe(builtinAcute.title);
    expect(acute.sessions).toEqual(findEntry(builtinCatalogue.variants, 'brief')!.sessions);
  });
});
