/** What every command gets: arguments, working directory and the streams it writes to. */

/** A writable text stream: process.stdout, or an in-memory one in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True for a terminal: stylish output is coloured only then (and when NO_COLOR is unset). */
  isTTY?: boolean;
}

export interface MainOptions {
  argv: string[];
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  stdin?: NodeJS.ReadableStream;
  /** Environment variables (default: process.env); only NO_COLOR is read. */
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

/** A short, plain reason for a failed file operation, e.g. "no such file, or a broken link". */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const explained: Record<string, string> = {
    ENOENT: 'no such file, or a broken link',
    EISDIR: 'it is a folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
  };
  if (code && explained[code]) return explained[code];
  if (error instanceof CliError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
