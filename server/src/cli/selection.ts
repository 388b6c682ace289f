/**
 * Which plans a command works on: the one place every command that takes paths (lint, fmt, and the
 * commands to come) turns its arguments into files. Follows ESLint for paths and ignore files, and
 * markdownlint-cli2 for `!`:
 * - no arguments: every `*.ipt` file under the working directory;
 * - a folder: every `.ipt` file under it; a glob (`plans/**\/*.ipt`): the files it matches;
 * - `!pattern` leaves out what it matches — a file, or a folder and everything in it — wherever the
 *   argument stands, even a file named explicitly (unlike markdownlint-cli2, where a later argument
 *   can take a file back: a `!` that loses to argument order would let `ipt fmt` rewrite what the user
 *   meant to keep, e.g. when pre-commit appends the staged files after the hook's `args`). Only `!`
 *   patterns: every plan under the working directory but what they match;
 * - `-` (or `--stdin`): one plan from standard input; `--stdin-filename` says where it belongs;
 * - walks skip node_modules, .git, hidden folders and files, and whatever the ignore rules cover
 *   (see ignore-files.ts); ignored and excluded folders are pruned, never walked;
 * - a file named explicitly is taken whatever its extension, but if an ignore rule or a `!` covers
 *   it, it is skipped with a warning;
 * - a named file or folder that does not exist, a folder with no plans, or a glob that matches
 *   nothing (or only ignored or excluded files), is an error (exit 2), as in ESLint.
 */
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { ParsedArgs } from './args.js';
import { flag, stringOption } from './args.js';
import { CliError, type MainOptions } from './context.js';
import { displayPath } from './files.js';
import { ALWAYS_SKIPPED, ignoreOptions, IgnoreRules, type IgnoreOptions } from './ignore-files.js';
import { STDIN_NAME } from './stdin.js';
import { walkFiles } from './walk.js';

export const PLAN_EXTENSION = '.ipt';

/** The options of every command that selects plans by path (parseArgs specs). */
export const selectionOptions = {
  'ignore-path': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
} as const;

/** The path arguments of a command, sorted by what they do. */
export interface PathArguments {
  /** Files, folders and globs to take plans from (none: every plan under the working directory). */
  includes: string[];
  /** `!` patterns, without the `!`: what they match is left out. */
  excludes: string[];
  /** `-` was given: the plan comes from standard input. */
  stdin: boolean;
}

/**
 * Sorts positional arguments. An argument that picomatch reads as negated (a leading `!`) is an
 * exclusion; `!(a|b)` is an extglob, not an exclusion. To name a file whose name starts with `!`,
 * write `./!name.ipt`.
 */
export function splitPathArguments(command: string, positionals: readonly string[]): PathArguments {
  const result: PathArguments = { includes: [], excludes: [], stdin: false };
  for (const argument of positionals) {
    if (argument === '-') {
      result.stdin = true;
      continue;
    }
    const scan = picomatch.scan(toGlob(argument));
    if (!argument.startsWith('!') || !scan.negated) {
      result.includes.push(argument);
      continue;
    }
    const pattern = argument.slice(scan.start).replace(/[\\/]+$/, '');
    if (pattern === '' || pattern === '.') {
      throw new CliError(`\`${argument}\` excludes nothing: write what to leave out after the \`!\`, e.g. \`'!archive/**'\`.`, command);
    }
    result.excludes.push(pattern);
  }
  return result;
}

/**
 * The `!` patterns of a run. Each one is relative to the working directory (or absolute) and
 * matches a path itself or any folder above it: `!archive` and `!archive/**` both leave out every
 * plan under archive/. Matching is case-insensitive where file systems usually are (Windows, macOS),
 * so an exclusion never misses a file because of its case.
 */
export class Exclusions {
  private readonly matchers: { pattern: string; matches: (relative: string) => boolean }[];

  constructor(
    private readonly cwd: string,
    patterns: readonly string[],
  ) {
    const nocase = process.platform === 'win32' || process.platform === 'darwin';
    this.matchers = patterns.map((pattern) => {
      const glob = relativeGlob(cwd, pattern);
      return { pattern, matches: picomatch([glob, `${glob}/**`], { dot: true, nocase }) };
    });
  }

  get any(): boolean {
    return this.matchers.length > 0;
  }

  /** The `!` pattern (as the user wrote it, with its `!`) that leaves out this file or folder, or undefined. */
  excluding(file: string): string | undefined {
    if (this.matchers.length === 0) return undefined;
    const relative = toGlob(path.relative(this.cwd, path.resolve(this.cwd, file)));
    const hit = this.matchers.find((matcher) => matcher.matches(relative));
    return hit && `!${hit.pattern}`;
  }
}

/** A `!` pattern as a glob relative to the working directory (an absolute one is made relative). */
function relativeGlob(cwd: string, pattern: string): string {
  const glob = toGlob(pattern).replace(/^(\.\/)+/, '');
  if (!path.isAbsolute(pattern)) return glob;
  const { base, glob: rest } = picomatch.scan(glob);
  const relativeBase = toGlob(path.relative(cwd, base));
  return [relativeBase, rest].filter(Boolean).join('/') || '**';
}

export interface SelectionOptions extends IgnoreOptions {
  /** `!` patterns, without the `!`. */
  excludes?: readonly string[];
  /** What the command does to a plan, for "Use --no-ignore to lint it anyway" (default `lint`). */
  verb?: string;
}

export interface Discovery {
  /** Absolute paths, sorted, each once. */
  files: string[];
  /** Explicit files skipped because an ignore rule or a `!` pattern covers them. */
  warnings: string[];
  /** Arguments that name nothing. */
  errors: string[];
  /** With no paths to include and no plan found: why (everything under the folder was left out), if so. */
  leftOut?: string;
}

/** The plans that `includes` name, less what the ignore rules and `excludes` leave out. */
export async function discoverPlans(includes: readonly string[], options: SelectionOptions): Promise<Discovery> {
  const rules = new IgnoreRules(options);
  const exclusions = new Exclusions(options.cwd, options.excludes ?? []);
  const { cwd } = options;
  const verb = options.verb ?? 'lint';
  const found = new Set<string>();
  const warnings: string[] = [];
  const errors: string[] = [];

  /** The plans under `root` that `accept` matches: ignored and excluded folders are pruned, not walked. */
  const walk = (root: string, accept: (relative: string) => boolean) => {
    if (exclusions.excluding(root) !== undefined) return [];
    return walkFiles(root, {
      skipDir: (dir) => rules.reasonIgnored(dir, true) !== undefined || exclusions.excluding(dir) !== undefined,
      accept: (relative, file) => accept(relative) && rules.reasonIgnored(file) === undefined && exclusions.excluding(file) === undefined,
    });
  };
  /**
   * Why `root` gave nothing, found only on this error path (as ESLint does): walks it again without
   * ignore rules or exclusions and says what left its plans out, or undefined when it has none.
   */
  const whyNothing = (root: string, accept: (relative: string) => boolean, where: string): string | undefined => {
    let ignored = 0;
    // In the order the patterns were given; a plan counts for the first one that matches it.
    const excluded = new Map((options.excludes ?? []).map((pattern) => [`!${pattern}`, 0]));
    const all = walkFiles(root, { skipDir: (dir) => ALWAYS_SKIPPED.includes(path.basename(dir)), accept });
    for (const file of all) {
      const by = exclusions.excluding(file);
      if (by !== undefined) excluded.set(by, excluded.get(by)! + 1);
      else if (rules.reasonIgnored(file) !== undefined) ignored++;
    }
    const byPattern = [...excluded].filter(([, count]) => count > 0);
    if (all.length === 0 || ignored + byPattern.length === 0) return undefined;
    const parts = [...(ignored > 0 ? [`ignored (${plans(ignored)})`] : []), ...byPattern.map(([by, count]) => `excluded by \`${by}\` (${plans(count)})`)];
    const hint = ignored > 0 ? ` Use --no-ignore to ${byPattern.length > 0 ? 'take the ignored ones' : `${verb} them`}.` : '';
    return `All the plans ${where} are ${parts.join(' or ')}.${hint}`;
  };
  const isPlan = (relative: string) => relative.endsWith(PLAN_EXTENSION);

  if (includes.length === 0) {
    for (const file of walk(cwd, isPlan)) found.add(file);
    const leftOut = found.size === 0 && exclusions.any ? whyNothing(cwd, isPlan, `under ${cwd}`) : undefined;
    return { files: dedupeByRealPath([...found]), warnings, errors, ...(leftOut ? { leftOut } : {}) };
  }

  for (const pattern of includes) {
    const absolute = path.resolve(cwd, pattern);
    const stats = lstatOrUndefined(absolute);
    if (stats && isDirectory(absolute, stats)) {
      // The plans inside a named folder obey the ignore rules, as in ESLint.
      const files = walk(absolute, isPlan);
      const where = `in the folder ${pattern}`;
      if (files.length === 0) errors.push(whyNothing(absolute, isPlan, where) ?? `No .ipt plans in the folder ${pattern}.`);
      for (const file of files) found.add(file);
    } else if (stats) {
      // A file (or a link, even a broken one: reading it will say what is wrong).
      const leftOut = whyLeftOut(absolute, displayPath(cwd, absolute), rules, exclusions, verb);
      if (leftOut === undefined) found.add(absolute);
      else warnings.push(leftOut);
    } else if (picomatch.scan(toGlob(pattern)).isGlob) {
      const { base, glob } = picomatch.scan(toGlob(pattern));
      const matches = picomatch(glob, { dot: false });
      const root = path.resolve(cwd, base);
      const files = lstatOrUndefined(root) ? walk(root, matches) : [];
      const where = `matching the pattern \`${pattern}\``;
      if (files.length === 0) errors.push((lstatOrUndefined(root) && whyNothing(root, matches, where)) || `No files match the pattern \`${pattern}\`.`);
      for (const file of files) found.add(file);
    } else {
      errors.push(`No such file or folder: ${pattern}`);
    }
  }

  return { files: dedupeByRealPath([...found]), warnings, errors };
}

/** Why a file named explicitly (or as --stdin-filename) is left out: a `!` pattern or an ignore rule; undefined when it is not. */
function whyLeftOut(file: string, shown: string, rules: IgnoreRules, exclusions: Exclusions, verb: string): string | undefined {
  const excludedBy = exclusions.excluding(file);
  if (excludedBy !== undefined) return `${shown}: File excluded (by \`${excludedBy}\`).`;
  const ignoredBy = rules.reasonIgnored(file);
  return ignoredBy === undefined ? undefined : `${shown}: File ignored (by ${ignoredBy}). Use --no-ignore to ${verb} it anyway.`;
}

/** A plan piped in on standard input. */
export interface StdinSelection {
  /** `--stdin-filename`, absolute: where the plan belongs (it need not exist); undefined without it. */
  file: string | undefined;
  /** The name it is reported under: that file as output shows paths, or `<stdin>`. */
  shown: string;
  /** The path whose `.iptrc.json` files apply (the working directory's without --stdin-filename). */
  configPath: string;
  /** Why an ignore rule or a `!` pattern leaves that file out (then nothing is checked), or undefined. */
  leftOut?: string;
}

/** What each command does to a plan, as its messages say it. */
const verbs: Record<string, string> = { fmt: 'format' };

export type Selection = { kind: 'files'; files: string[] } | { kind: 'stdin'; stdin: StdinSelection } | { kind: 'failed' };

/**
 * The plans a command's arguments select, with its warnings and errors written to stderr
 * (`ipt <command>: …`). `failed` means the errors were reported: the command exits 2.
 */
export async function selectPlans(command: string, parsed: ParsedArgs, io: MainOptions): Promise<Selection> {
  const args = splitPathArguments(command, parsed.positionals);
  const err = (line: string) => io.stderr.write(`ipt ${command}: ${line}\n`);
  const verb = verbs[command] ?? command;
  const options: SelectionOptions = { ...ignoreOptions(io.cwd, parsed), excludes: args.excludes, verb };

  const stdin = stdinSelection(command, parsed, io, args);
  if (stdin) {
    if (stdin.file !== undefined) stdin.leftOut = whyLeftOut(stdin.file, stdin.shown, new IgnoreRules(options), new Exclusions(io.cwd, args.excludes), verb);
    return { kind: 'stdin', stdin };
  }

  const discovery = await discoverPlans(args.includes, options);
  for (const warning of discovery.warnings) err(warning);
  if (discovery.errors.length > 0) {
    for (const error of discovery.errors) err(error);
    return { kind: 'failed' };
  }
  if (discovery.files.length === 0 && args.includes.length === 0) err(discovery.leftOut ?? `No .ipt plans found under ${io.cwd}.`);
  return { kind: 'files', files: discovery.files };
}

/** `-` or `--stdin` with an optional `--stdin-filename`, or undefined when the plans come from files. */
export function stdinSelection(command: string, parsed: ParsedArgs, io: MainOptions, args = splitPathArguments(command, parsed.positionals)): StdinSelection | undefined {
  const name = stringOption(parsed, 'stdin-filename');
  if (!args.stdin && !flag(parsed, 'stdin')) {
    if (name !== undefined) throw new CliError(`\`--stdin-filename\` goes with \`-\` (standard input), e.g. \`ipt ${command} - --stdin-filename plans/C-0142.ipt\`.`, command);
    return undefined;
  }
  if (args.includes.length > 0) throw new CliError('Read a plan from standard input (`-`) or name paths, not both.', command);
  if (name === '') throw new CliError('`--stdin-filename` needs a file name.', command);
  const file = name === undefined ? undefined : path.resolve(io.cwd, name);
  return {
    file,
    shown: file === undefined ? STDIN_NAME : displayPath(io.cwd, file),
    configPath: file ?? path.resolve(io.cwd, 'stdin.ipt'),
  };
}

function plans(count: number): string {
  return count === 1 ? '1 plan' : `${count} plans`;
}

function toGlob(pattern: string): string {
  // Globs always use forward slashes.
  return pattern.split(path.sep).join('/');
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function isDirectory(file: string, stats: Stats): boolean {
  if (stats.isDirectory()) return true;
  if (!stats.isSymbolicLink()) return false;
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Sorted; the same plan reached through a symbolic link is taken once. */
function dedupeByRealPath(files: string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const file of files.sort()) {
    let real = file;
    try {
      real = realpathSync(file);
    } catch {
      // A broken link: keep it so that reading it reports the problem.
    }
    if (seen.has(real)) continue;
    seen.add(real);
    kept.push(file);
  }
  return kept;
}
