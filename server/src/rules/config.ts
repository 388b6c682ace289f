/**
 * Resolved configuration: what the rules consume. `resolveConfig` merges a validated `.iptrc.json`
 * (see config-schema.ts; the cascade of files is merged by load-config.ts) into the built-in
 * catalogue and variants. It never throws: a part it cannot use is left out and described in
 * `issues` (with the JSON path of the part at fault), so the loader can report it precisely.
 */
import type { Catalogue, CatalogueEntry, InstrumentEntry, RequiredTask, RequiredTasks, TaskEntry, VariantEntry } from '../language/catalogue-types.js';
import { DEFAULT_REQUIRED_TASKS } from '../language/catalogue/required-tasks.js';
import type { RuleSetting } from '../language/diagnostic.js';
import { builtinCatalogue, findEntry } from '../language/catalogue.js';
import type { ConfigFile, FhirConfig, VariantConfig } from './config-schema.js';
import { choicesText, didYouMean, MAX_LISTED_CHOICES, suggestionBudget, withSuggestionBudget } from '../language/suggest.js';
import { compileWorkspacePattern, MAX_PATTERN_INSTRUCTIONS, tooLarge, type WorkspacePattern } from './workspace-pattern.js';

export interface PhiPattern {
  name: string;
  /** Compiled for RE2 (linear time): see workspace-pattern.ts. */
  pattern: WorkspacePattern;
}

export interface ResolvedConfig {
  /** Per-rule setting; a rule not listed uses its default severity. */
  rules: Record<string, RuleSetting>;
  /** The variant for plans that do not set one. */
  defaultVariant: string;
  /** Built-in vocabulary and variants merged with the config's. */
  catalogue: Catalogue;
  phi: { patterns: PhiPattern[]; allow: string[] };
  /** Settings of the FHIR rendering (client identifier system, diagnosis code system). */
  fhir: FhirConfig;
}

export const defaultConfig: ResolvedConfig = {
  rules: {},
  defaultVariant: 'acute',
  catalogue: builtinCatalogue,
  phi: { patterns: [], allow: [] },
  fhir: {},
};

/** A problem found while resolving, at a JSON path of the (merged) config, e.g. ['variants', 'ptsd']. */
export interface ConfigIssue {
  path: (string | number)[];
  message: string;
}

/** Marks entries that come from configuration rather than the built-in catalogue (hover shows it). */
export const CONFIG_SOURCE = 'config';

const VARIANT_FIELDS = ['sessions', 'cadences', 'initialMax', 'termination'] as const;

/** Merges a validated config into the built-in defaults. Parts that cannot be used are skipped. */
export function resolveConfig(file: ConfigFile | undefined): ResolvedConfig {
  return resolveConfigWithIssues(file).config;
}

/** Like `resolveConfig`, and says what it had to skip and why. */
export function resolveConfigWithIssues(file: ConfigFile | undefined): { config: ResolvedConfig; issues: ConfigIssue[] } {
  if (!file) return { config: defaultConfig, issues: [] };
  // Did-you-mean over the variants and tasks gets a bounded share of the work (suggest.ts).
  return withSuggestionBudget(suggestionBudget(), () => resolveWithIssues(file));
}

function resolveWithIssues(file: ConfigFile): { config: ResolvedConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];

  const resolvedVariants = resolveVariants(file.variants ?? {}, issues);
  const vocabulary = resolveVocabulary(file.vocabulary);
  const variants = checkRequiredTaskIds(resolvedVariants, file.variants ?? {}, vocabulary.tasks ?? builtinCatalogue.tasks, issues);
  const catalogue: Catalogue = { ...builtinCatalogue, variants, ...vocabulary };

  let defaultVariant = 'acute';
  if (file.variant !== undefined) {
    if (findEntry(variants, file.variant)) defaultVariant = file.variant;
    else {
      issues.push({
        path: ['variant'],
        message: `The default variant \`${file.variant}\` is not built in or defined in \`variants\`.${didYouMean(file.variant, variants.map((v) => v.id)).text} Use one of: ${choicesText(variants, false)}.`,
      });
    }
  }

  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(file.rules ?? {})) if (setting !== undefined) rules[id] = setting;

  const patterns = resolvePatterns(file.phi?.patterns ?? [], issues);

  return {
    config: { rules, defaultVariant, catalogue, phi: { patterns, allow: [...(file.phi?.allow ?? [])] }, fhir: { ...file.fhir } },
    issues,
  };
}

// ---------------------------------------------------------------- phi patterns

/**
 * The `phi.patterns` of the merged configuration, compiled for RE2, in order while all of them
 * together stay within MAX_PATTERN_INSTRUCTIONS (the cost of checking a plan grows with it). The
 * schema already refuses a pattern RE2 cannot compile; this also guards configs that skipped it.
 */
function resolvePatterns(written: readonly { name: string; pattern: string; flags?: string }[], issues: ConfigIssue[]): PhiPattern[] {
  const patterns: PhiPattern[] = [];
  let instructions = 0;
  for (const [index, p] of written.entries()) {
    const compiled = compileWorkspacePattern(p.pattern, p.flags);
    if ('error' in compiled) {
      issues.push({ path: ['phi', 'patterns', index, compiled.at], message: compiled.error });
      continue;
    }
    if (instructions + compiled.instructions > MAX_PATTERN_INSTRUCTIONS) {
      const left = written.length - index;
      issues.push({
        path: ['phi', 'patterns', index, 'pattern'],
        message: tooLarge(
          `With this pattern, \`phi.patterns\` compile to ${instructions + compiled.instructions} RE2 instructions`,
          ` This pattern${left > 1 ? ` and the ${left - 1} after it were` : ' was'} left out.`,
        ),
      });
      break;
    }
    instructions += compiled.instructions;
    patterns.push({ name: p.name, pattern: compiled });
  }
  return patterns;
}

// ---------------------------------------------------------------- variants

/**
 * The most `extends` between a configured variant and one that extends nothing. Real chains are one
 * or two long (`ptsd` extends `acute`); past this, the chain is a mistake or a generated file, and
 * following it would only cost time (a chain of 5,000 took 4.5 s).
 */
export const MAX_EXTENDS_CHAIN = 32;

function resolveVariants(configured: Record<string, VariantConfig>, issues: ConfigIssue[]): VariantEntry[] {
  const result = new Map<string, VariantEntry>(builtinCatalogue.variants.map((v) => [v.id, v]));
  const builtIn = new Map(builtinCatalogue.variants.map((v) => [v.id, v]));
  const known = new Set([...builtIn.keys(), ...Object.keys(configured)]);
  /** The variants being resolved, innermost last: a name met again is a cycle. */
  const resolving = new Set<string>();
  /** Each resolved variant, and how many `extends` lead from it to one that extends nothing. */
  const done = new Map<string, { entry: VariantEntry; chain: number } | undefined>();
  const tooLong = (name: string) =>
    issues.push({
      path: ['variants', name, 'extends'],
      message: `Variant \`${name}\` is more than ${MAX_EXTENDS_CHAIN} \`extends\` away from a variant that extends nothing (a built-in one, or one that sets every value). Make it, or a variant it extends, start from a built-in variant.`,
    });

  const resolve = (name: string): { entry: VariantEntry; chain: number } | undefined => {
    if (done.has(name)) return done.get(name);
    const own = configured[name];
    if (!own) {
      const entry = result.get(name);
      return entry && { entry, chain: 0 };
    }
    if (resolving.has(name)) {
      issues.push({ path: ['variants', name, 'extends'], message: `Variant \`${name}\` extends itself through a cycle of \`extends\`. Make one of them start from a built-in variant.` });
      done.set(name, undefined);
      return undefined;
    }
    if (resolving.size >= MAX_EXTENDS_CHAIN) {
      // Entered from the far end of a long chain: stop here rather than follow it to its start.
      tooLong(name);
      done.set(name, undefined);
      return undefined;
    }
    resolving.add(name);
    const resolved = resolveOne(name, own);
    resolving.delete(name);
    done.set(name, resolved);
    return resolved;
  };

  const resolveOne = (name: string, own: VariantConfig): { entry: VariantEntry; chain: number } | undefined => {
    // A built-in variant overridden by name starts from its built-in values.
    let base: VariantEntry | undefined = builtIn.get(name);
    let chain = 0;
    if (own.extends !== undefined) {
      if (own.extends === name && base) {
        // `"acute": { "extends": "acute" }` is the same as overriding acute.
      } else if (!known.has(own.extends)) {
        // The choices leave out the variant being defined: it cannot start from itself. (Looked at
        // lazily: 5,000 variants extending unknown names must not copy the 5,000 names each.)
        const choices = function* () {
          for (const id of known) if (id !== name) yield id;
        };
        const listed: string[] = [];
        for (const id of choices()) if (listed.push(id) > MAX_LISTED_CHOICES) break;
        issues.push({
          path: ['variants', name, 'extends'],
          message: `Variant \`${name}\` extends \`${own.extends}\`, which is not built in or defined in \`variants\`.${didYouMean(own.extends, choices()).text} Use one of: ${choicesText(listed, false, known.size - 1)}.`,
        });
        return undefined;
      } else {
        const extended = resolve(own.extends);
        if (!extended) return undefined; // the reason is reported at the variant it extends
        if (extended.chain >= MAX_EXTENDS_CHAIN) {
          tooLong(name);
          return undefined;
        }
        base = extended.entry;
        chain = extended.chain + 1;
      }
    }
    if (!base) {
      const missing = VARIANT_FIELDS.filter((field) => own[field] === undefined);
      if (missing.length > 0) {
        issues.push({
          path: ['variants', name],
          message: `The new variant \`${name}\` does not set ${listOf(missing.map((m) => `\`${m}\``))}. Add ${missing.length === 1 ? 'it' : 'them'}, or start from another variant with "extends": "acute".`,
        });
        return undefined;
      }
    }
    const sessions = own.sessions ? { min: own.sessions.min, ...(own.sessions.max !== undefined ? { max: own.sessions.max } : {}) } : base!.sessions;
    // A built-in variant changed by name keeps its own title, description and sources.
    const self = builtIn.get(name);
    const entry: VariantEntry = {
      id: name,
      title: own.title ?? self?.title ?? name,
      description: own.description ?? self?.description ?? (base ? `A configured variant based on \`${base.id}\`.` : 'A configured variant.'),
      sources: self && own.description === undefined ? self.sources : [CONFIG_SOURCE],
      ...(self?.aliases ? { aliases: self.aliases } : {}),
      sessions,
      cadences: own.cadences ? [...own.cadences] : [...base!.cadences],
      initialMax: own.initialMax ?? base!.initialMax,
      termination: own.termination ? { ...own.termination } : { ...base!.termination },
      requiredTasks: mergeRequiredTasks(base?.requiredTasks ?? DEFAULT_REQUIRED_TASKS, own.requiredTasks),
    };
    return { entry, chain };
  };

  for (const name of Object.keys(configured)) {
    // Resolve the variants a chain of `extends` leads to first, from its far end, so that each step
    // finds its base resolved: no recursion follows a long chain (only a cycle meets the guard above).
    const chain: string[] = [];
    const onChain = new Set<string>();
    for (let at: string | undefined = name; at !== undefined && configured[at] && !done.has(at) && !onChain.has(at); at = configured[at].extends) {
      chain.push(at);
      onChain.add(at);
    }
    for (let i = chain.length - 1; i > 0; i--) resolve(chain[i]);
    const resolved = resolve(name);
    if (resolved) result.set(name, resolved.entry);
    else if (!builtIn.has(name)) result.delete(name);
  }
  return [...result.values()];
}

// ---------------------------------------------------------------- required tasks

type RequiredTasksConfig = NonNullable<VariantConfig['requiredTasks']>;

/** The configured settings over the base variant's: "off" removes a task, a severity replaces it, a new id is added. */
function mergeRequiredTasks(base: RequiredTasks, own: RequiredTasksConfig | undefined): RequiredTasks {
  if (!own) return base;
  const phase = (tasks: readonly RequiredTask[], settings: RequiredTasksConfig['initial']): RequiredTask[] => {
    if (!settings) return [...tasks];
    const merged = new Map(tasks.map((task) => [task.id, task]));
    for (const [id, setting] of Object.entries(settings)) {
      const { severity, satisfiedBy } = typeof setting === 'string' ? { severity: setting, satisfiedBy: undefined } : setting;
      if (severity === 'off') {
        merged.delete(id);
        continue;
      }
      const old = merged.get(id);
      merged.set(id, {
        ...(old ?? { id, severity: 'warning' }),
        ...(severity ? { severity } : {}),
        ...(satisfiedBy ? { satisfiedBy: [...satisfiedBy] } : {}),
      });
    }
    return [...merged.values()];
  };
  return { initial: phase(base.initial, own.initial), termination: phase(base.termination, own.termination) };
}

/**
 * Every task a config names in `requiredTasks` must be a known task (built in or in
 * `vocabulary.tasks`), and a required one must belong to that phase (or the `task` rule would flag it
 * wherever it is written, and the requirement could never be met). Unusable entries are dropped.
 */
function checkRequiredTaskIds(variants: VariantEntry[], configured: Record<string, VariantConfig>, tasks: readonly TaskEntry[], issues: ConfigIssue[]): VariantEntry[] {
  const problems = new Map<string, Set<string>>(); // variant → "phase:id" to drop
  for (const [name, own] of Object.entries(configured)) {
    for (const phase of ['initial', 'termination'] as const) {
      for (const [id, setting] of Object.entries(own.requiredTasks?.[phase] ?? {})) {
        const path = ['variants', name, 'requiredTasks', phase, id];
        const entry = findEntry(tasks, id);
        if (!entry) {
          issues.push({ path, message: `\`${id}\` is not a known task.${didYouMean(id, tasks.map((t) => t.id)).text} Use a built-in task or add it to \`vocabulary.tasks\`.` });
        } else if (!entry.phases.includes(phase) && setting !== 'off') {
          issues.push({ path, message: `\`${id}\` belongs to the ${entry.phases.join(', ')} phase, not the ${phase} phase, so the ${phase} phase cannot require it. Require it where it belongs, or add a task for the ${phase} phase.` });
        } else {
          continue;
        }
        if (!problems.has(name)) problems.set(name, new Set());
        problems.get(name)!.add(`${phase}:${id}`);
      }
    }
  }
  if (problems.size === 0) return variants;
  return variants.map((variant) => {
    const drop = problems.get(variant.id);
    if (!drop) return variant;
    const keep = (phase: 'initial' | 'termination') => variant.requiredTasks[phase].filter((task) => !drop.has(`${phase}:${task.id}`));
    return { ...variant, requiredTasks: { initial: keep('initial'), termination: keep('termination') } };
  });
}

// ---------------------------------------------------------------- vocabulary

type Vocabulary = NonNullable<ConfigFile['vocabulary']>;
type SimpleEntry = string | { id: string; title?: string; description?: string };

function resolveVocabulary(vocabulary: Vocabulary | undefined): Partial<Catalogue> {
  if (!vocabulary) return {};
  const techniques = mergeById(builtinCatalogue.techniques, (vocabulary.techniques ?? []).map(entryFrom));
  const added = new Set((vocabulary.techniques ?? []).map((t) => (typeof t === 'string' ? t : t.id)));
  return {
    techniques,
    // A technique the config accepts is no longer flagged as "not IPT" (an adaptation may use it).
    nonIptTechniques: builtinCatalogue.nonIptTechniques.filter((t) => !added.has(t.id)),
    problemAreas: mergeById(builtinCatalogue.problemAreas, (vocabulary.problemAreas ?? []).map(entryFrom)),
    tasks: mergeById<TaskEntry>(
      builtinCatalogue.tasks,
      (vocabulary.tasks ?? []).map((task) => ({ ...entryFrom(task), phases: [...task.phases] })),
    ),
    instruments: mergeById<InstrumentEntry>(
      builtinCatalogue.instruments,
      (vocabulary.instruments ?? []).map((inst) => ({ ...entryFrom(inst), min: inst.min, max: inst.max })),
      // A new range makes the built-in severity bands meaningless; keep them only when the range is unchanged.
      (old, next) => {
        const merged: InstrumentEntry = { ...old, ...next };
        if (old.min !== next.min || old.max !== next.max) {
          delete merged.bands;
          delete merged.remission;
        }
        return merged;
      },
    ),
  };
}

function entryFrom(entry: SimpleEntry): CatalogueEntry {
  if (typeof entry === 'string') return { id: entry, title: entry, description: '', sources: [CONFIG_SOURCE] };
  return { id: entry.id, title: entry.title ?? entry.id, description: entry.description ?? '', sources: [CONFIG_SOURCE] };
}

/**
 * Adds entries by id; an id (or alias) that already exists is updated in place, keeping the built-in
 * title, description and sources unless the config gives its own.
 */
function mergeById<T extends CatalogueEntry>(base: readonly T[], extra: T[], merge?: (old: T, next: T) => T): T[] {
  const result = [...base];
  // Where each id and alias stands (first one wins, as a scan would find it): a config may add
  // hundreds of thousands of words, and a search per word would make loading quadratic.
  const at = new Map<string, number>();
  const remember = (entry: T, i: number) => {
    if (!at.has(entry.id)) at.set(entry.id, i);
    for (const alias of entry.aliases ?? []) if (!at.has(alias)) at.set(alias, i);
  };
  result.forEach(remember);
  for (const entry of extra) {
    const index = at.get(entry.id);
    if (index === undefined) {
      remember(entry, result.length);
      result.push(entry);
      continue;
    }
    const old = result[index];
    const next: T = {
      ...entry,
      id: old.id,
      title: entry.title !== entry.id ? entry.title : old.title,
      description: entry.description || old.description,
      sources: entry.description ? entry.sources : old.sources,
      ...(old.aliases ? { aliases: old.aliases } : {}),
    };
    result[index] = merge ? merge(old, next) : { ...old, ...next };
  }
  return result;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
