/** What every command gets: arguments, working directory and the streams it writes to. */
import { getSystemErrorMap } from 'node:util';

/** A writable text stream: process.stdout, or an in-memory one in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True for a terminal: stylish output is coloured only then (and when NO_COLOR is unset). */
  isTTY?: boolean;
  /** A terminal's width in columns: stylish output wraps to it. */
  columns?: number;
}

export interface MainOptions {
  argv: string[];
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: NodeJS.ReadableStream;
  /** Environment variables (default: process.env); NO_COLOR and COLUMNS are read. */
  env?: Record<string, string | undefined>;
}

/** Exit codes, as in ESLint and markdownlint-cli2. */
export const EXIT_OK = 0;
/** Errors found, or more warnings than --max-warnings, or files that --check would change. */
export const EXIT_PROBLEMS = 1;
/** Usage, configuration or I/O error: the run itself failed. */
export const EXIT_FAILURE = 2;

/**
 * A failure that ends the command with exit code 2 and one line on stderr. `usageOf` names the
 * command whose help the line points to (`''` for `ipt --help`); leave it out for non-usage errors.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly usageOf?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Why a file operation failed, as the operating system said it, with its code: "ENOENT: no such
 * file or directory", "EROFS: read-only file system"; a folder and a permission problem in plain
 * words ("EISDIR: it is a folder").
 */
export function reason(error: unknown): string {
  if (error instanceof CliError) return error.message;
  const { code, errno } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) {
    const plain: Record<string, string> = { EISDIR: 'it is a folder', EACCES: 'permission denied', EPERM: 'operation not permitted' };
    const system = typeof errno === 'number' ? getSystemErrorMap().get(errno)?.[1] : undefined;
    return `${code}: ${plain[code] ?? system ?? 'system error'}`;
  }
  return error instanceof Error ? error.message : String(error);
}
