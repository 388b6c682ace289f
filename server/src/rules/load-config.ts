/**
 * Finding, reading and checking `.iptrc.json` files (JSON with comments and trailing commas).
 *
 * Discovery and merge order (ESLint/markdownlint-cli2 style; docs/config.md explains it for users):
 *   1. the `configFile` option (the CLI's `--config`) is the base;
 *   2. then every `.iptrc.json` from the outermost folder down to the plan's own folder, found by
 *      walking up from the plan and stopping at a file with `"root": true` (that file is included);
 *   3. a later (deeper) file overrides an earlier one: `rules` by id, `variants` by name (field by
 *      field), `variant` replaced, vocabulary and `phi` lists concatenated.
 *
 * Never throws: every problem is a `ConfigError` with the file and an exact 1-based line/column.
 * Parsed files are cached by path + mtime + size, and merged results by the chain of files, so
 * linting a thousand plans in one folder reads and resolves that folder's configs once. The parsing,
 * checks and merge of the texts are in config-text.ts (pure, also used by the browser language server).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { LineIndex } from '../language/span.js';
import { defaultConfig, type ResolvedConfig } from './config.js';
import { CONFIG_FILE_NAME, parseText, resolveChain, type ConfigError, type ParsedConfigFile, type ParsedText } from './config-text.js';
import { MAX_CONFIG_CHARS, oversizedConfig } from './config-shape.js';
import { readRegularFile } from '../workspace/read-file.js';

export { CONFIG_FILE_NAME, mergeConfigs, parseConfigText, resolveConfigTexts, type ConfigError } from './config-text.js';

export interface LoadConfigOptions {
  /** A config file used as the base below all discovered files (the CLI's `--config`). */
  configFile?: string;
  /** Look for `.iptrc.json` files above the plan (default true; false = only `configFile`). */
  discover?: boolean;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The files that were merged, base first (absolute paths). */
  files: string[];
  errors: ConfigError[];
}

// ---------------------------------------------------------------- files on disk (cached)

interface FileEntry extends ParsedConfigFile {
  key: string;
}

const fileCache = new Map<string, FileEntry>();
const chainCache = new Map<string, { config: ResolvedConfig; errors: ConfigError[] }>();

/**
 * Reads and checks one file, or returns undefined when there is no such file (or a folder of that
 * name). Cached by mtime and size. A config that is not a regular file (a FIFO, a link to a device)
 * is an error, not read: workspace/read-file.ts checks the type first and never blocks.
 */
function readConfigFile(file: string): FileEntry | undefined {
  let stat;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    return unreadable(file, error);
  }
  if (!stat || stat.isDirectory()) return undefined;
  const key = `${file}\0${stat.mtimeMs}\0${stat.size}`;
  const cached = fileCache.get(file);
  if (cached && cached.key === key) return cached;
  // Past the size limit, the file is not even read (a config is data a person writes, not a dump).
  const read = readRegularFile(file, MAX_CONFIG_CHARS);
  if ('tooLarge' in read) return { ...problem(file, oversizedConfig(read.tooLarge)!), key };
  if ('notAFile' in read) return { ...problem(file, `This config file is ${read.notAFile}, not a file; it was not read. Replace it with a regular file, or remove it.`), key };
  if ('unreadable' in read) return unreadable(file, read.unreadable);
  const text = read.bytes.toString('utf8');
  let parsed: ParsedText;
  try {
    parsed = parseText(text.replace(/^\uFEFF/, ''), file);
  } catch (error) {
    // Never expected: a config that breaks the checker is its own located error, never a crash on the plan.
    return { ...problem(file, `This config file could not be checked (${error instanceof Error ? error.message : String(error)}). Please report it.`), key };
  }
  const entry: FileEntry = { ...parsed, file, key };
  fileCache.set(file, entry);
  return entry;
}

function unreadable(file: string, error: unknown): FileEntry {
  const reason = error instanceof Error ? error.message : String(error);
  return problem(file, `This config file cannot be read (${reason}). Check that it exists and can be read.`);
}

/** A file whose one error stands at its start. */
function problem(file: string, message: string): FileEntry {
  return { file, key: `${file}\0unreadable`, errors: [{ file, message, line: 1, column: 1, endLine: 1, endColumn: 1 }], lines: new LineIndex('') };
}

/** Finds, reads, merges and resolves the configuration for one plan file. Never throws. */
export function loadConfig(planPath: string, options: LoadConfigOptions = {}): LoadedConfig {
  try {
    const chain: FileEntry[] = [];
    if (options.discover !== false) {
      let dir = path.dirname(path.resolve(planPath));
      for (;;) {
        const entry = readConfigFile(path.join(dir, CONFIG_FILE_NAME));
        if (entry) {
          chain.unshift(entry);
          if (entry.config?.root === true) break;
        }
        const parent = path.dirname(dir);
        if (parent === dir) break;
        dir = parent;
      }
    }
    if (options.configFile !== undefined) {
      const file = path.resolve(options.configFile);
      const entry = readConfigFile(file) ?? unreadable(file, new Error('no such file'));
      if (!chain.some((c) => c.file === entry.file)) chain.unshift(entry);
    }

    const chainKey = chain.map((c) => c.key).join('\n');
    let resolved = chainCache.get(chainKey);
    if (!resolved) {
      resolved = resolveChain(chain);
      if (chainCache.size > 500) chainCache.clear();
      chainCache.set(chainKey, resolved);
    }
    return { config: resolved.config, files: chain.map((c) => c.file), errors: [...resolved.errors] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      config: defaultConfig,
      files: [],
      errors: [{ file: planPath, message: `The configuration could not be loaded (${reason}); the defaults were used. Please report this.`, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    };
  }
}

/** Forgets cached files (for long-running hosts that watch config files themselves, and tests). */
export function clearConfigCache(): void {
  fileCache.clear();
  chainCache.clear();
}
