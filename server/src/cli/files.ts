/**
 * Which plans a command works on. Follows ESLint:
 * - no arguments: every `*.ipt` file under the working directory;
 * - a folder: every `.ipt` file under it; a glob (`plans/**\/*.ipt`): the files it matches;
 * - walks skip node_modules, .git, hidden folders and files, and whatever the ignore rules cover
 *   (see ignore-files.ts);
 * - a file named explicitly is linted whatever its extension, but if an ignore rule covers it, it is
 *   skipped with a "File ignored" warning (`--no-ignore` lints it anyway);
 * - a named file or folder that does not exist, a folder with no plans, or a glob that matches
 *   nothing (or only ignored files), is an error (exit 2), as in ESLint.
 */
import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { IgnoreRules, relativeInside, type IgnoreOptions } from './ignore-files.js';
import { walkFiles } from './walk.js';
import { reason } from './context.js';

export const PLAN_EXTENSION = '.ipt';

export interface Discovery {
  /** Absolute paths, sorted, each once. */
  files: string[];
  /** Explicit files skipped because an ignore rule covers them. */
  warnings: string[];
  /** Arguments that name nothing. */
  errors: string[];
}

export async function discoverPlans(patterns: readonly string[], options: IgnoreOptions): Promise<Discovery> {
  const rules = new IgnoreRules(options);
  const { cwd } = options;
  const found = new Set<string>();
  const warnings: string[] = [];
  const errors: string[] = [];

  /** The plans under `root` that `accept` matches, and how many of them the ignore rules left out. */
  const walk = (root: string, accept: (relative: string) => boolean) => {
    let ignored = 0;
    const files = walkFiles(root, {
      skipDir: (dir) => rules.reasonIgnored(dir, true) !== undefined,
      accept: (relative, file) => {
        if (!accept(relative)) return false;
        if (rules.reasonIgnored(file) === undefined) return true;
        ignored++;
        return false;
      },
    });
    return { files, ignored };
  };
  const isPlan = (relative: string) => relative.endsWith(PLAN_EXTENSION);
  /** Why a folder or glob gave no plans: `where` reads "in the folder x" or "matching the pattern `x`". */
  const nothingFound = (where: string, ignored: number, otherwise: string) =>
    ignored > 0 ? `All the plans ${where} are ignored (${ignored === 1 ? '1 plan' : `${ignored} plans`}). Use --no-ignore to lint them.` : otherwise;

  if (patterns.length === 0) for (const file of walk(cwd, isPlan).files) found.add(file);

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    const stats = lstatOrUndefined(absolute);
    if (stats && isDirectory(absolute, stats)) {
      // The plans inside a named folder obey the ignore rules, as in ESLint.
      const { files, ignored } = walk(absolute, isPlan);
      if (files.length === 0) errors.push(nothingFound(`in the folder ${pattern}`, ignored, `No .ipt plans in the folder ${pattern}.`));
      for (const file of files) found.add(file);
    } else if (stats) {
      // A file (or a link, even a broken one: reading it will say what is wrong).
      const reason = rules.reasonIgnored(absolute);
      if (reason === undefined) found.add(absolute);
      else warnings.push(`${displayPath(cwd, absolute)}: File ignored (by ${reason}). Use --no-ignore to lint it anyway.`);
    } else if (picomatch.scan(toGlob(pattern)).isGlob) {
      const { base, glob } = picomatch.scan(toGlob(pattern));
      const matches = picomatch(glob, { dot: false });
      const root = path.resolve(cwd, base);
      const { files, ignored } = lstatOrUndefined(root) ? walk(root, matches) : { files: [], ignored: 0 };
      if (files.length === 0) errors.push(nothingFound(`matching the pattern \`${pattern}\``, ignored, `No files match the pattern \`${pattern}\`.`));
      for (const file of files) found.add(file);
    } else {
      errors.push(`No such file or folder: ${pattern}`);
    }
  }

  return { files: dedupeByRealPath([...found]), warnings, errors };
}

/** A path as the output shows it: relative to the working directory with forward slashes, or absolute outside it. */
export function displayPath(cwd: string, file: string): string {
  return relativeInside(cwd, path.resolve(cwd, file)) ?? path.resolve(cwd, file).split(path.sep).join('/');
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

/** Sorted; the same plan reached through a symbolic link is linted once. */
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

/** A plan's text, or undefined after telling `fail` why it cannot be read (the caller counts the failure). */
export function readPlan(file: string, shown: string, fail: (message: string) => void): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    fail(`Cannot read ${shown} (${reason(error)}).`);
    return undefined;
  }
}
