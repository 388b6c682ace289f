/**
 * Which plans a command works on. Follows ESLint:
 * - no arguments: every `*.ipt` file under the working directory;
 * - a folder: every `.ipt` file under it; a glob (`plans/**\/*.ipt`): the files it matches;
 * - walks skip node_modules, .git, hidden folders and files, and whatever the ignore rules cover
 *   (see ignore-files.ts);
 * - a file named explicitly is linted whatever its extension, but if an ignore rule covers it, it is
 *   skipped with a "File ignored" warning (`--no-ignore` lints it anyway);
 * - a named file or folder that does not exist, or a glob that matches nothing, is an error (exit 2).
 */
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { IgnoreRules, relativeInside, type IgnoreOptions } from './ignore-files.js';
import { walkFiles } from './walk.js';

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

  const walk = (root: string, accept: (relative: string) => boolean) =>
    walkFiles(root, {
      skipDir: (dir) => rules.reasonIgnored(dir, true) !== undefined,
      accept: (relative, file) => accept(relative) && rules.reasonIgnored(file) === undefined,
    });
  const isPlan = (relative: string) => relative.endsWith(PLAN_EXTENSION);

  if (patterns.length === 0) for (const file of walk(cwd, isPlan)) found.add(file);

  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    const stats = lstatOrUndefined(absolute);
    if (stats && isDirectory(absolute, stats)) {
      for (const file of walk(absolute, isPlan)) found.add(file);
    } else if (stats) {
      // A file (or a link, even a broken one: reading it will say what is wrong).
      const reason = rules.reasonIgnored(absolute);
      if (reason === undefined) found.add(absolute);
      else warnings.push(`${displayPath(cwd, absolute)}: File ignored (by ${reason}). Use --no-ignore to lint it anyway.`);
    } else if (picomatch.scan(toGlob(pattern)).isGlob) {
      const { base, glob } = picomatch.scan(toGlob(pattern));
      const matches = picomatch(glob, { dot: false });
      const root = path.resolve(cwd, base);
      const files = lstatOrUndefined(root) ? walk(root, matches) : [];
      if (files.length === 0) errors.push(`No files match the pattern \`${pattern}\`.`);
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
