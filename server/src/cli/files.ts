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
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { IgnoreRules, relativeInside, type IgnoreOptions } from './ignore-files.js';
import { walkFiles } from './walk.js';
import { reason } from './context.js';
import { readPlanFile } from '../workspace/read-plan.js';

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

/**
 * A plan's text — or its size message when it is too large to be a plan (a report shows it as the
 * plan's one `syntax` error) — or undefined after telling `fail` why it was not read: not a regular
 * file (a FIFO, a link to a device), or refused by the system (the caller counts the failure). With
 * `forRewrite`, bytes that are not UTF-8 (a Latin-1 `é` pasted into a comment) are a refusal:
 * decoding would turn them into U+FFFD and writing back would lose them for good.
 */
export function readPlan(file: string, shown: string, fail: (message: string) => void, forRewrite = false): { text: string } | { tooLarge: string } | undefined {
  const read = readPlanFile(file);
  if ('unreadable' in read) {
    fail(`Cannot read ${shown} (${reason(read.unreadable)}).`);
    return undefined;
  }
  if ('notAPlan' in read) {
    fail(`${shown} ${read.notAPlan}.`);
    return undefined;
  }
  if ('tooLarge' in read || !forRewrite) return read;
  const text = decodeUtf8(read.bytes);
  if (typeof text === 'string') return { text };
  fail(`${shown} is not valid UTF-8: ${text.where} holds the byte 0x${text.byte.toString(16).toUpperCase().padStart(2, '0')}, which is not part of a UTF-8 character. It was left as it is, so no byte is lost; save the file as UTF-8 and run again.`);
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text, or where the first byte that is not UTF-8 stands (1-based line and column). */
export function decodeUtf8(bytes: Uint8Array): string | { where: string; byte: number } {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lines = Buffer.from(bytes.subarray(0, bad)).toString('utf8').split(/\r\n|\r|\n/);
    return { where: `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`, byte: bytes[bad] ?? 0 };
  }
}

/** The offset where the first ill-formed UTF-8 sequence starts (the length when there is none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    // Well-formed sequences (Unicode 15, table 3-7): the lead byte decides the length and the range of the second byte.
    const [length, low, high] =
      b < 0x80 ? [1, 0, 0] : b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    if (length > 1 && (bytes[i + 1] < low || bytes[i + 1] > high)) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return bytes.length;
}
