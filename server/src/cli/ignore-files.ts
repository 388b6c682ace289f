/**
 * Which plan files to leave out: `.gitignore` files in the working directory and below (git's
 * precedence: the deepest file that has a say wins, so a nested `!keep.ipt` re-includes), an extra
 * ignore file from `--ignore-path`, `--ignore-pattern`s, and always node_modules and .git.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { flag, stringOption, type ParsedArgs } from './args.js';
import { CliError, reason } from './context.js';
import { readRegularFile } from '../workspace/read-file.js';

/**
 * The largest ignore file read. A .gitignore is a few KB; each plan is tested against every pattern,
 * so a hostile 1 MB one (59,000 patterns) took 42 s over 1,000 plans, and 64 KB (3,900) takes 1.3 s.
 */
export const MAX_IGNORE_FILE_BYTES = 64 * 1024;

/** Folders never searched, whatever the ignore files say. */
export const ALWAYS_SKIPPED = ['node_modules', '.git'];

interface IgnoreSource {
  /** The folder the patterns are relative to. */
  base: string;
  /** Where the patterns came from, for the "File ignored" message. */
  origin: string;
  matcher: Ignore;
}

export interface IgnoreOptions {
  cwd: string;
  /** Read `.gitignore` files (false with `--no-ignore`). */
  useGitignore: boolean;
  ignorePath?: string;
  ignorePatterns?: string[];
}

export class IgnoreRules {
  private readonly gitignores = new Map<string, IgnoreSource | null>();
  private readonly extra: IgnoreSource[] = [];

  constructor(private readonly options: IgnoreOptions) {
    if (options.ignorePath !== undefined) {
      const file = path.resolve(options.cwd, options.ignorePath);
      const read = readRegularFile(file, MAX_IGNORE_FILE_BYTES);
      if ('notAFile' in read && read.notAFile === 'a folder') {
        throw new CliError(
          `\`--ignore-path ${options.ignorePath}\` is a folder; it takes an ignore file (written like .gitignore). To skip a folder, use \`--ignore-pattern ${options.ignorePath.replace(/\/?$/, '/')}\`.`,
        );
      }
      if ('unreadable' in read) throw new CliError(`Cannot read the ignore file ${options.ignorePath} (${reason(read.unreadable)}).`);
      if ('notAFile' in read) throw new CliError(`Cannot read the ignore file ${options.ignorePath}: it is ${read.notAFile}, not a file.`);
      if ('tooLarge' in read) throw new CliError(`The ignore file ${options.ignorePath} is larger than ${MAX_IGNORE_FILE_BYTES / 1024} KB; an ignore file of patterns is a few KB.`);
      const text = read.bytes.toString('utf8');
      // As in ESLint, its patterns are relative to the working directory, wherever the file is.
      this.extra.push({ base: options.cwd, origin: options.ignorePath, matcher: ignore().add(text) });
    }
    if (options.ignorePatterns?.length) {
      this.extra.push({ base: options.cwd, origin: '--ignore-pattern', matcher: ignore().add(options.ignorePatterns) });
    }
  }

  /**
   * Why a file or folder is ignored (the ignore file or option that says so), or undefined when it
   * is not. Folders are tested as `dir/`, so patterns like `build/` match them.
   */
  reasonIgnored(file: string, isDirectory = false): string | undefined {
    const absolute = path.resolve(this.options.cwd, file);
    const fromCwd = relativeInside(this.options.cwd, absolute);
    if (fromCwd !== undefined && fromCwd.split('/').some((part) => ALWAYS_SKIPPED.includes(part))) return 'node_modules and .git are never linted';
    const suffix = isDirectory ? '/' : '';
    for (const source of this.extra) {
      const relative = relativeInside(source.base, absolute);
      if (relative !== undefined && source.matcher.ignores(relative + suffix)) return source.origin;
    }
    if (!this.options.useGitignore || fromCwd === undefined) return undefined;
    // From the file's folder up to the working directory: the deepest .gitignore with a say wins.
    let dir = path.dirname(absolute);
    for (;;) {
      const source = this.gitignoreIn(dir);
      if (source) {
        const verdict = source.matcher.test(relativeInside(dir, absolute)! + suffix);
        if (verdict.ignored) return source.origin;
        if (verdict.unignored) return undefined;
      }
      if (path.resolve(dir) === path.resolve(this.options.cwd)) return undefined;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  private gitignoreIn(dir: string): IgnoreSource | null {
    let source = this.gitignores.get(dir);
    if (source === undefined) {
      const file = path.join(dir, '.gitignore');
      source = null;
      if (existsSync(file)) {
        // A .gitignore that cannot be read, is not a regular file (a FIFO must not block the walk)
        // or is past the bound ignores nothing, as an unreadable one does in git.
        const read = readRegularFile(file, MAX_IGNORE_FILE_BYTES);
        if ('bytes' in read) {
          const origin = path.relative(this.options.cwd, file).split(path.sep).join('/') || '.gitignore';
          source = { base: dir, origin, matcher: ignore().add(read.bytes.toString('utf8')) };
        }
      }
      this.gitignores.set(dir, source);
    }
    return source;
  }
}

/** `file` relative to `base` with forward slashes, or undefined when it lies outside `base`. */
export function relativeInside(base: string, file: string): string | undefined {
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** The ignore settings of `lint` and `fmt` from their shared options. */
export function ignoreOptions(cwd: string, parsed: ParsedArgs): IgnoreOptions {
  const noIgnore = flag(parsed, 'no-ignore');
  const patterns = parsed.values['ignore-pattern'];
  return {
    cwd,
    useGitignore: !noIgnore,
    ignorePath: noIgnore ? undefined : stringOption(parsed, 'ignore-path'),
    ignorePatterns: Array.isArray(patterns) ? patterns : [],
  };
}
