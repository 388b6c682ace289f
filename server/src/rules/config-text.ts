/**
 * One `.iptrc.json` as text, and a cascade of them, without touching the disk: parsing, checking,
 * exact error locations and the merge. `load-config.ts` adds the files on disk; the browser
 * language server, which gets the files' texts from the client, uses this directly.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type * as z from 'zod';
import { pushAll } from '../language/arrays.js';
import { LineIndex } from '../language/span.js';
import { didYouMean } from '../language/suggest.js';
import { defaultConfig, resolveConfigWithIssues, type ConfigIssue, type ResolvedConfig } from './config.js';
import { configSchema, UNCONFIGURABLE_RULES, type ConfigFile } from './config-schema.js';
import { configShapeProblems } from './config-shape.js';
import { allRules } from './registry.js';

export const CONFIG_FILE_NAME = '.iptrc.json';

/** A problem in a config file. Lines and columns are 1-based; the end is just past the last character (like ESLint). */
export interface ConfigError {
  file: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

type JsonPath = (string | number)[];
// ---------------------------------------------------------------- one file, as text (pure)

export interface ParsedText {
  /** The usable settings: the file's valid parts (invalid parts are left out). */
  config?: ConfigFile;
  errors: ConfigError[];
  /** The JSON tree, for locating problems found after merging. */
  tree?: Node;
  lines: LineIndex;
}

/**
 * Parses and validates one config file's text. Used by the editor to show problems inside
 * `.iptrc.json`. Only checks that need this file alone; `loadConfig` adds the checks that need the
 * merged cascade (a variant's `extends`, a new variant's missing values, the default `variant`).
 */
export function parseConfigText(text: string, fileName: string): { config?: ConfigFile; errors: ConfigError[] } {
  const { config, errors } = parseText(text, fileName);
  return config ? { config, errors } : { errors };
}

export function parseText(text: string, fileName: string): ParsedText {
  const lines = new LineIndex(text);
  const errorAt = (offset: number, length: number, message: string) => makeError(fileName, lines, offset, length, message);

  if (text.trim() === '') {
    return { errors: [errorAt(0, 0, 'This config file is empty. Write `{}` to use the defaults, or add settings (see docs/config.md).')], lines };
  }

  // Too large or too deep to parse safely: the one error says why. Keys written twice are reported too.
  const shape = configShapeProblems(text);
  const shapeErrors = shape.map((p) => errorAt(p.offset, p.length, p.message));
  if (shape.some((p) => p.fatal)) return { errors: shapeErrors, lines };

  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const errors = [...shapeErrors, ...syntaxErrors.map((e) => errorAt(e.offset, e.length, syntaxMessage(e, text)))];
  if (!tree) return { errors, lines };
  if (tree.type !== 'object') {
    errors.push(errorAt(tree.offset, tree.length, `A config file must hold one JSON object (\`{ … }\`), not ${found(tree)}. Wrap the settings in braces.`));
    return { errors, tree, lines };
  }

  const value: unknown = getNodeValue(tree);
  const result = configSchema.safeParse(value);
  if (result.success) return { config: result.data, errors: sortedByPlace(errors), tree, lines };

  for (const issue of result.error.issues) errors.push(...issueErrors(issue, [], tree, fileName, lines));
  return { config: validParts(value), errors: sortedByPlace(errors), tree, lines };
}

function sortedByPlace(errors: ConfigError[]): ConfigError[] {
  return errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Drops the parts zod rejects, a few rounds at most, so one bad setting does not void the rest. */
function validParts(value: unknown): ConfigFile | undefined {
  let current: unknown = structuredClone(value);
  for (let round = 0; round < 8; round++) {
    const result = configSchema.safeParse(current);
    if (result.success) return result.data;
    const targets: JsonPath[] = [];
    for (const issue of result.error.issues) {
      const at = issue.path as JsonPath;
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) targets.push([...at, key]);
      else if (issue.code === 'custom') targets.push(at.slice(0, -1)); // a refinement condemns its object
      else targets.push(valueAt(current, at) === undefined ? at.slice(0, -1) : at);
    }
    if (targets.some((t) => t.length === 0)) return undefined;
    current = removePaths(current, targets);
  }
  return undefined;
}

const REMOVED = Symbol('removed');

function removePaths(value: unknown, targets: JsonPath[]): unknown {
  for (const target of targets) {
    const parent = valueAt(value, target.slice(0, -1));
    const key = target[target.length - 1];
    if (Array.isArray(parent) && typeof key === 'number') parent[key] = REMOVED;
    else if (parent && typeof parent === 'object') delete (parent as Record<string | number, unknown>)[key];
  }
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((item) => item !== REMOVED).map(clean);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, clean(item)]));
    return v;
  };
  return clean(value);
}

function valueAt(value: unknown, at: JsonPath): unknown {
  let current = value;
  for (const key of at) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

// ---------------------------------------------------------------- zod issue → message + location

type Issue = z.core.$ZodIssue;

function issueErrors(issue: Issue, prefix: JsonPath, tree: Node, file: string, lines: LineIndex): ConfigError[] {
  const at = [...prefix, ...(issue.path as JsonPath)];
  const errorAtNode = (node: Node, message: string) => makeError(file, lines, node.offset, node.length, message);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const container = findNodeAtLocation(tree, at) ?? tree;
      return issue.keys.map((key) => {
        const keyNode = propertyKey(container, key) ?? pointAt(container);
        return errorAtNode(keyNode, unknownKeyMessage(at, key));
      });
    }
    case 'invalid_key': {
      const valueNode = findNodeAtLocation(tree, at);
      const keyNode = valueNode?.parent?.type === 'property' ? valueNode.parent.children![0] : undefined;
      const detail = issue.issues[0]?.message ?? 'This name is not allowed.';
      return [errorAtNode(keyNode ?? pointAt(nearest(tree, at)), `\`${String(at[at.length - 1])}\`: ${detail}`)];
    }
    case 'invalid_union': {
      // Report the branch that matches the value's shape (a string entry, or an object entry).
      const branch = issue.errors.find((branchIssues) => !branchIssues.some((i) => i.code === 'invalid_type' && i.path.length === 0)) ?? issue.errors[0];
      if (branch?.length) return branch.flatMap((inner) => issueErrors(inner, at, tree, file, lines));
      break;
    }
    default:
      break;
  }

  const node = findNodeAtLocation(tree, at);
  if (!node) {
    // A required part is missing: point at the object that lacks it.
    const parentPath = at.slice(0, -1);
    const expected = issue.code === 'invalid_type' ? ` (${expectedText(issue.expected)})` : '';
    return [errorAtNode(pointAt(nearest(tree, parentPath)), `${where(parentPath)} needs \`${String(at[at.length - 1])}\`${expected}. Add it.`)];
  }
  return [errorAtNode(node.type === 'object' || node.type === 'array' ? pointAt(node) : node, valueMessage(issue, at, node))];
}

function valueMessage(issue: Issue, at: JsonPath, node: Node): string {
  const name = `\`${displayPath(at)}\``;
  switch (issue.code) {
    case 'invalid_type':
      return `${name} must be ${expectedText(issue.expected)}, not ${found(node)}.`;
    case 'invalid_value':
      return `${name} must be ${oneOf(issue.values.map((v) => JSON.stringify(v)))}, not ${found(node)}.`;
    case 'too_small':
      if (issue.origin === 'array') return `${name} must list at least ${issue.minimum} value${Number(issue.minimum) === 1 ? '' : 's'}; it is empty. Add one, or remove ${name}.`;
      if (issue.origin === 'string') return `${name} must not be empty.`;
      return `${name} must be ${issue.minimum} or more, not ${found(node)}.`;
    case 'too_big':
      return `${name} must be at most ${String(issue.maximum)}, not ${found(node)}.`;
    case 'custom':
    case 'invalid_format':
      return issue.message;
    default:
      return `${name}: ${issue.message}.`;
  }
}

/**
 * Why a rule id cannot be given a setting (in `rules` of .iptrc.json, or with the CLI's `--rule`):
 * a rule the configuration cannot change, or an unknown id (with did-you-mean). Undefined when it can.
 */
export function ruleIdProblem(id: string): string | undefined {
  if (UNCONFIGURABLE_RULES.has(id)) {
    return id === 'syntax'
      ? '`syntax` cannot be configured: a plan that cannot be read is always an error.'
      : '`internal-error` cannot be configured: a failing rule is always shown so it can be reported.';
  }
  const ids = allRules.map((r) => r.id).filter((ruleId) => !UNCONFIGURABLE_RULES.has(ruleId));
  if (ids.includes(id)) return undefined;
  return `Unknown rule id \`${id}\`.${didYouMean(id, ids).text} Run \`ipt rules\` to list the rule ids.`;
}

function unknownKeyMessage(at: JsonPath, key: string): string {
  if (at.length === 1 && at[0] === 'rules') {
    const problem = ruleIdProblem(key) ?? `\`${key}\` cannot be set here.`;
    return UNCONFIGURABLE_RULES.has(key) ? `${problem} Remove this line.` : problem;
  }
  const allowed = keysAt(at);
  const place = at.length === 0 ? `setting \`${key}\`` : `key \`${key}\` in ${where(at)}`;
  return `Unknown ${place}.${didYouMean(key, allowed).text}${allowed.length ? ` Allowed: ${allowed.join(', ')}.` : ''}`;
}

/** The keys the schema allows at a path (for did-you-mean), found by walking the zod schema. */
function keysAt(at: JsonPath): string[] {
  type Def = { type: string; innerType?: unknown; shape?: Record<string, unknown>; valueType?: unknown; element?: unknown; options?: unknown[] };
  const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
  const unwrap = (schema: unknown): unknown => {
    let current = schema;
    for (let def = defOf(current); def.type === 'optional' || def.type === 'default'; def = defOf(current)) current = def.innerType;
    return current;
  };
  let schema: unknown = configSchema;
  for (const key of at) {
    const def = defOf(unwrap(schema));
    if (def.type === 'object' && typeof key === 'string') schema = def.shape?.[key];
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'array') schema = def.element;
    else return [];
    if (!schema) return [];
  }
  let def = defOf(unwrap(schema));
  if (def.type === 'union') {
    const object = def.options?.find((o) => defOf(unwrap(o)).type === 'object');
    if (!object) return [];
    def = defOf(unwrap(object));
  }
  return def.type === 'object' ? Object.keys(def.shape ?? {}).filter((k) => k !== '$schema') : [];
}

function expectedText(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text in double quotes';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object in braces';
    case 'array':
      return 'a list in square brackets';
    default:
      return expected;
  }
}

function found(node: Node): string {
  switch (node.type) {
    case 'string':
      return `the text ${JSON.stringify(node.value)}`;
    case 'number':
      return `the number ${String(node.value)}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    default:
      return 'this value';
  }
}

function oneOf(values: string[]): string {
  if (values.length === 1) return values[0];
  return `one of ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function displayPath(at: JsonPath): string {
  let out = '';
  for (const key of at) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z$][A-Za-z0-9$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function where(at: JsonPath): string {
  return at.length === 0 ? 'The config' : `\`${displayPath(at)}\``;
}

/** The deepest node that exists along a path. */
function nearest(tree: Node, at: JsonPath): Node {
  for (let length = at.length; length > 0; length--) {
    const node = findNodeAtLocation(tree, at.slice(0, length));
    if (node) return node;
  }
  return tree;
}

/** Where to point for a whole object or list: the key that names it, else its opening bracket. */
function pointAt(node: Node): Node {
  if (node.type !== 'object' && node.type !== 'array') return node;
  if (node.parent?.type === 'property') return node.parent.children![0];
  return { ...node, length: 1 };
}

function propertyKey(object: Node, key: string): Node | undefined {
  return object.children?.find((p) => p.type === 'property' && p.children?.[0]?.value === key)?.children?.[0];
}

function syntaxMessage(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  const plain: Record<string, string> = {
    InvalidSymbol: 'This is not valid JSON here.',
    InvalidNumberFormat: 'This number is not written correctly.',
    PropertyNameExpected: 'A property name in double quotes is expected here.',
    ValueExpected: 'A value is expected here.',
    ColonExpected: 'A colon (`:`) is expected after the property name.',
    CommaExpected: 'A comma is expected between these two entries.',
    CloseBraceExpected: 'A closing brace (`}`) is expected.',
    CloseBracketExpected: 'A closing bracket (`]`) is expected.',
    EndOfFileExpected: 'The file should end after the closing brace.',
    InvalidCommentToken: 'This comment is not closed.',
    UnexpectedEndOfComment: 'This comment is not closed: end it with `*/`.',
    UnexpectedEndOfString: 'This string is not closed: end it with a double quote.',
    UnexpectedEndOfNumber: 'This number is incomplete.',
    InvalidUnicode: 'This unicode escape is not valid.',
    InvalidEscapeCharacter: 'This escape sequence is not valid in JSON.',
    InvalidCharacter: 'This character is not allowed in a JSON string.',
  };
  const hint = text.slice(error.offset, error.offset + 1) === "'" ? ' JSON strings use double quotes.' : '';
  return `JSON syntax error: ${plain[code] ?? code}${hint}`;
}

export function makeError(file: string, lines: LineIndex, offset: number, length: number, message: string): ConfigError {
  const start = lines.positionAt(offset);
  const end = lines.positionAt(offset + Math.max(length, 0));
  return { file, message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}


/** A parsed config file in a cascade. */
export interface ParsedConfigFile extends ParsedText {
  file: string;
}

/**
 * The configuration from config files' texts, base (outermost) first, as `loadConfig` would merge
 * them from disk. The caller chooses the files (walking up to a `"root": true` file).
 */
export function resolveConfigTexts(files: readonly { file: string; text: string }[]): { config: ResolvedConfig; errors: ConfigError[] } {
  return resolveChain(files.map(({ file, text }) => ({ ...parseText(text.replace(/^\uFEFF/, ''), file), file })));
}

export function resolveChain(chain: ParsedConfigFile[]): { config: ResolvedConfig; errors: ConfigError[] } {
  const errors = chain.flatMap((c) => c.errors);
  const usable = chain.filter((c) => c.config);
  if (usable.length === 0) return { config: defaultConfig, errors };
  const merged = mergeCascade(usable.map((c) => c.config!));
  const { config, issues } = resolveConfigWithIssues(merged);
  for (const issue of issues) errors.push(locateIssue(issue, usable));
  return { config, errors };
}

/** Reports a problem of the merged config in the deepest file that wrote the part at fault. */
function locateIssue(issue: ConfigIssue, chain: ParsedConfigFile[]): ConfigError {
  // `phi.patterns` are joined base first: the merged index names one file's own entry.
  const [section, list, index, ...rest] = issue.path;
  if (section === 'phi' && list === 'patterns' && typeof index === 'number') {
    let first = 0;
    for (const entry of chain) {
      const count = entry.config?.phi?.patterns?.length ?? 0;
      const node = index < first + count && entry.tree ? findNodeAtLocation(entry.tree, ['phi', 'patterns', index - first, ...rest]) : undefined;
      if (node) return makeError(entry.file, entry.lines, pointAt(node).offset, pointAt(node).length, issue.message);
      first += count;
    }
  }
  for (let length = issue.path.length; length > 0; length--) {
    const at = issue.path.slice(0, length);
    for (let i = chain.length - 1; i >= 0; i--) {
      const entry = chain[i];
      const node = entry.tree && findNodeAtLocation(entry.tree, at);
      if (node) return makeError(entry.file, entry.lines, pointAt(node).offset, pointAt(node).length, issue.message);
    }
  }
  const last = chain[chain.length - 1];
  return makeError(last.file, last.lines, 0, 0, issue.message);
}

/**
 * A cascade of configs, base (outermost) first, merged as `mergeConfigs` merges two, in one pass:
 * folding `mergeConfigs` over the cascade copied the lists and maps gathered so far at every file,
 * quadratic in a deep cascade.
 */
export function mergeCascade(configs: readonly ConfigFile[]): ConfigFile {
  const merged: ConfigFile = {};
  const rules: NonNullable<ConfigFile['rules']> = {};
  const variants: NonNullable<ConfigFile['variants']> = {};
  const vocabulary: Required<NonNullable<ConfigFile['vocabulary']>> = { techniques: [], tasks: [], instruments: [], problemAreas: [] };
  const phi: Required<NonNullable<ConfigFile['phi']>> = { patterns: [], allow: [] };
  const fhir: NonNullable<ConfigFile['fhir']> = {};
  const has = { rules: false, variants: false, vocabulary: false, phi: false, fhir: false };
  for (const config of configs) {
    Object.assign(merged, config);
    if (config.rules) {
      has.rules = true;
      Object.assign(rules, config.rules);
    }
    if (config.variants) {
      has.variants = true;
      for (const [name, variant] of Object.entries(config.variants)) variants[name] = { ...variants[name], ...variant };
    }
    if (config.vocabulary) {
      has.vocabulary = true;
      for (const key of ['techniques', 'tasks', 'instruments', 'problemAreas'] as const) pushAll<unknown>(vocabulary[key], config.vocabulary[key] ?? []);
    }
    if (config.phi) {
      has.phi = true;
      pushAll(phi.patterns, config.phi.patterns ?? []);
      pushAll(phi.allow, config.phi.allow ?? []);
    }
    if (config.fhir) {
      has.fhir = true;
      Object.assign(fhir, config.fhir);
    }
  }
  if (has.rules) merged.rules = rules;
  if (has.variants) merged.variants = variants;
  if (has.vocabulary) merged.vocabulary = vocabulary;
  if (has.phi) merged.phi = phi;
  if (has.fhir) merged.fhir = fhir;
  return merged;
}

/** `over` (a deeper file) on top of `base`. */
export function mergeConfigs(base: ConfigFile, over: ConfigFile): ConfigFile {
  const merged: ConfigFile = { ...base, ...over };
  if (base.rules || over.rules) merged.rules = { ...base.rules, ...over.rules };
  if (base.variants || over.variants) {
    const variants = { ...base.variants };
    for (const [name, variant] of Object.entries(over.variants ?? {})) variants[name] = { ...variants[name], ...variant };
    merged.variants = variants;
  }
  if (base.vocabulary || over.vocabulary) {
    const a = base.vocabulary ?? {};
    const b = over.vocabulary ?? {};
    merged.vocabulary = {
      techniques: [...(a.techniques ?? []), ...(b.techniques ?? [])],
      tasks: [...(a.tasks ?? []), ...(b.tasks ?? [])],
      instruments: [...(a.instruments ?? []), ...(b.instruments ?? [])],
      problemAreas: [...(a.problemAreas ?? []), ...(b.problemAreas ?? [])],
    };
  }
  if (base.phi || over.phi) {
    merged.phi = {
      patterns: [...(base.phi?.patterns ?? []), ...(over.phi?.patterns ?? [])],
      allow: [...(base.phi?.allow ?? []), ...(over.phi?.allow ?? [])],
    };
  }
  if (base.fhir || over.fhir) merged.fhir = { ...base.fhir, ...over.fhir };
  return merged;
}
