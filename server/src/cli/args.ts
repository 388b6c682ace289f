/** A small argument parser over node:util parseArgs that turns its errors into usage errors. */
import { parseArgs } from 'node:util';
import { suggest } from '../language/suggest.js';
import { CliError } from './context.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** The options' names in the order they were given (for a pair like --color / --no-color, the last wins). */
  order: string[];
}

/**
 * Parses one command's arguments. Unknown options, missing values and stray arguments become a
 * CliError that names the command, so main() can point at `ipt <command> --help`.
 */
export function parseCommandArgs(command: string, args: string[], options: Record<string, OptionSpec>, allowPositionals: boolean): ParsedArgs {
  try {
    const { values, positionals, tokens } = parseArgs({ args, options, allowPositionals, strict: true, tokens: true });
    const order = tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []));
    return { values: values as ParsedArgs['values'], positionals, order };
  } catch (error) {
    throw new CliError(describeParseError(error, Object.keys(options), args), command);
  }
}

function describeParseError(error: unknown, names: string[], args: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    const guess = suggest(option.replace(/^-+/, ''), names);
    return `Unknown option \`${option}\`.${guess ? ` Did you mean \`--${guess}\`?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // Node names the option as "-f, --format <value>"; say it as the user wrote it.
    const spellings = (/'([^']+)'/.exec(message)?.[1] ?? '').split(/[\s,]+/).filter((s) => /^--?[A-Za-z]/.test(s));
    const typed = [...args].reverse().find((arg, i, reversed) => spellings.includes(arg) && (i === 0 || reversed[i - 1].startsWith('-')));
    const option = typed ?? spellings[spellings.length - 1];
    return option ? `The option \`${option}\` needs a value.` : message;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
    return `Unexpected argument \`${argument}\`: this command takes options only.`;
  }
  return message;
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

/** Which of two opposite flags (`color`, `no-color`) was given last: true for the first, false for the second, undefined for neither. */
export function lastOf(parsed: ParsedArgs, yes: string, no: string): boolean | undefined {
  for (let i = parsed.order.length - 1; i >= 0; i--) if (parsed.order[i] === yes || parsed.order[i] === no) return parsed.order[i] === yes;
  return undefined;
}

/** A string option restricted to a list, with did-you-mean. */
export function choiceOption<T extends string>(command: string, parsed: ParsedArgs, name: string, choices: readonly T[], fallback: T): T;
export function choiceOption<T extends string>(command: string, parsed: ParsedArgs, name: string, choices: readonly T[]): T | undefined;
export function choiceOption<T extends string>(command: string, parsed: ParsedArgs, name: string, choices: readonly T[], fallback?: T): T | undefined {
  const value = stringOption(parsed, name);
  if (value === undefined) return fallback;
  if (value === '') throw new CliError(`The option \`--${name}\` needs a value: one of ${choices.map((c) => `\`${c}\``).join(', ')}.`, command);
  if ((choices as readonly string[]).includes(value)) return value as T;
  const guess = suggest(value, choices);
  throw new CliError(
    `\`--${name} ${value}\` is not one of ${choices.map((c) => `\`${c}\``).join(', ')}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
    command,
  );
}

/** A whole number of at least 0 (e.g. --max-warnings). */
export function countOption(command: string, parsed: ParsedArgs, name: string): number | undefined {
  const value = stringOption(parsed, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`\`--${name}\` takes a whole number of 0 or more; got \`${value}\`.`, command);
  return Number(value);
}
