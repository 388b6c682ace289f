/**
 * Where a command's result goes and how it looks: the one place for `-o, --output` and for colour
 * (`--color`, `--no-color`, FORCE_COLOR, NO_COLOR), shared by every command that writes a result.
 *
 * Colour, first rule that applies:
 *   1. `--color` / `--no-color` (the last one given): an explicit choice for this run beats the
 *      environment (no-color.org: "per-instance command-line arguments should override NO_COLOR");
 *   2. a result written with `-o` is plain text;
 *   3. FORCE_COLOR set and not empty: colour, for CI logs that are not terminals (force-color.org);
 *      `0` or `false` means none, as in Node and chalk. It beats NO_COLOR, as in both standards' example;
 *   4. NO_COLOR set and not empty: no colour (no-color.org);
 *   5. otherwise colour when standard output is a terminal.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lastOf, stringOption, type ParsedArgs } from './args.js';
import { CliError, reason, type MainOptions } from './context.js';
import { displayPath } from './files.js';
import { writeFileAtomic } from './write-file.js';

/** `-o, --output FILE` (parseArgs spec). */
export const outputOption = { output: { type: 'string', short: 'o' } } as const;

/** `--color` and `--no-color` (parseArgs specs). */
export const colorOptions = { color: { type: 'boolean' }, 'no-color': { type: 'boolean' } } as const;

/** Where the result goes (absolute; undefined for standard output), whether to colour it, and the width to wrap to. */
export interface Output {
  file: string | undefined;
  color: boolean;
  width: number | undefined;
}

/** The output settings of a command that has `-o` and the colour options. */
export function resolveOutput(command: string, parsed: ParsedArgs, io: MainOptions): Output {
  const file = outputFile(command, parsed, io.cwd);
  return { file, color: colorEnabled(parsed, io, file !== undefined), width: file === undefined ? terminalWidth(io) : undefined };
}

/** `-o FILE` as an absolute path, or undefined for standard output. `--output-file` (lint's first name for it) is read too. */
export function outputFile(command: string, parsed: ParsedArgs, cwd: string): string | undefined {
  const output = stringOption(parsed, 'output');
  const alias = stringOption(parsed, 'output-file');
  if (output !== undefined && alias !== undefined && output !== alias) {
    throw new CliError('`-o` (`--output`) and `--output-file` are one option; give it once.', command);
  }
  const value = output ?? alias;
  if (value === '') throw new CliError('`-o` (`--output`) needs a file name.', command);
  return value === undefined ? undefined : path.resolve(cwd, value);
}

/** Whether to colour what goes to standard output (or to `-o`'s file, only with `--color`); see the rules above. */
export function colorEnabled(parsed: ParsedArgs, io: MainOptions, toFile: boolean): boolean {
  const asked = lastOf(parsed, 'color', 'no-color');
  if (asked !== undefined) return asked;
  if (toFile) return false;
  const env = io.env ?? process.env;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return io.stdout.isTTY === true;
}

/** The width to wrap to: the terminal's, or COLUMNS when set (as shells export it); none for a pipe. */
export function terminalWidth(io: MainOptions): number | undefined {
  if (io.stdout.isTTY === true && typeof io.stdout.columns === 'number' && io.stdout.columns > 0) return io.stdout.columns;
  const columns = Number((io.env ?? process.env).COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}

/**
 * Writes a command's result to standard output, or to `file`: its folder is created when missing
 * (as ESLint does for `-o`), a regular file is replaced atomically (a temporary file, then a rename,
 * so a report is never half-written), and a device or a pipe (`-o /dev/stdout`, a FIFO) is written
 * as it is. Throws a CliError that says what (`what`, e.g. "the report") could not be written where, and why.
 */
export function writeOutput(io: MainOptions, file: string | undefined, text: string, what?: string): void {
  if (file === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats?.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    if (stats && !stats.isFile()) {
      writeFileSync(file, text, 'utf8');
      return;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text);
  } catch (error) {
    throw new CliError(`Cannot write ${what === undefined ? '' : `${what} to `}${displayPath(io.cwd, file)} (${reason(error)}).`);
  }
}
