/** The library API of IPT Plan. */
export { analyse, type Analysis, type AnalyseOptions } from './analyse.js';
export type * from './language/ast.js';
export type { Diagnostic, Fix, Report, RuleSetting, Severity, TextEdit } from './language/diagnostic.js';
export type { Position, Range, Span } from './language/span.js';
export { LineIndex } from './language/span.js';
export { builtinCatalogue } from './language/catalogue.js';
export { allRules } from './rules/registry.js';
export type { Rule } from './rules/rule.js';
export { defaultConfig, resolveConfig, type ResolvedConfig } from './rules/config.js';
export { loadConfig, parseConfigText, type ConfigError, type LoadConfigOptions, type LoadedConfig } from './rules/load-config.js';
export type { ConfigFile } from './rules/config-schema.js';
export { format, type FormatResult } from './format/format.js';
export { formatEdits, type FormatEditsResult } from './format/edits.js';
export { render, renderFormats, planStyles, type RenderFormat, type RenderOptions } from './render/index.js';
