/** The library API of IPT Plan. */
export { analyse, type Analysis, type AnalyseOptions } from './analyse.js';
export type * from './language/ast.js';
export type { Diagnostic, Fix, Report, RuleSetting, Severity, TextEdit } from './language/diagnostic.js';
export type { Position, Range, Span } from './language/span.js';
export { LineIndex } from './language/span.js';
export { builtinCatalogue } from './language/catalogue.js';
export type * from './language/catalogue-types.js';
export { allRules } from './rules/registry.js';
export type { Rule, RuleContext } from './rules/rule.js';
export { defaultConfig, resolveConfig, type PhiPattern, type ResolvedConfig } from './rules/config.js';
export type { PatternMatch, WorkspacePattern } from './rules/workspace-pattern.js';
export { loadConfig, parseConfigText, type ConfigError, type LoadConfigOptions, type LoadedConfig } from './rules/load-config.js';
export type * from './rules/config-file.js';
export { format, type FormatResult } from './format/format.js';
export { formatEdits, type FormatEditsResult } from './format/edits.js';
export { render, renderFormats, planStyles, type FhirOptions, type RenderFormat, type RenderOptions } from './render/index.js';
export type { DiagnosisCodeSystem } from './render/fhir-codes.js';
