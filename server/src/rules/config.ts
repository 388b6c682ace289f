/**
 * Resolved configuration: what the rules consume. `resolveConfig` merges a validated `.iptrc.json`
 * (see config-schema.ts) into the built-in catalogue and variants.
 */
import type { Catalogue } from '../language/catalogue-types.js';
import type { RuleSetting } from '../language/diagnostic.js';
import { builtinCatalogue } from '../language/catalogue.js';
import type { ConfigFile } from './config-schema.js';

export interface PhiPattern {
  name: string;
  regex: RegExp;
}

export interface ResolvedConfig {
  /** Per-rule setting; a rule not listed uses its default severity. */
  rules: Record<string, RuleSetting>;
  /** The variant for plans that do not set one. */
  defaultVariant: string;
  /** Built-in vocabulary and variants merged with the config's. */
  catalogue: Catalogue;
  phi: { patterns: PhiPattern[]; allow: string[] };
}

export const defaultConfig: ResolvedConfig = {
  rules: {},
  defaultVariant: 'acute',
  catalogue: builtinCatalogue,
  phi: { patterns: [], allow: [] },
};

/** SCAFFOLD (config work in progress): rules and default variant only. */
export function resolveConfig(file: ConfigFile | undefined): ResolvedConfig {
  if (!file) return defaultConfig;
  return { ...defaultConfig, rules: { ...file.rules }, defaultVariant: file.variant ?? 'acute' };
}
