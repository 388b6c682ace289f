/** `ipt fmt`: rewrite plans in the canonical layout, or with --check list those that would change. */
import { format } from '../format/format.js';
import { flag, parseCommandArgs } from './args.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, reason, type MainOptions } from './context.js';
import { discoverPlans, displayPath, readPlan } from './files.js';
import { ignoreOptions } from './ignore-files.js';
import { readStdin, STDIN_NAME } from './stdin.js';
import { writePlan } from './write-plan.js';

const fmtOptions = {
  check: { type: 'boolean' },
  'ignore-path': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  stdin: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function fmtCommand(args: string[], io: MainOptions): Promise<number> {
  const parsed = parseCommandArgs('fmt', args, fmtOptions, true);
  const check = flag(parsed, 'check');
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const out = (line: string) => io.stdout.write(`${line}\n`);

  if (flag(parsed, 'stdin')) return fmtStdin(parsed.positionals, check, io);

  const discovery = await discoverPlans(parsed.positionals, ignoreOptions(io.cwd, parsed));
  for (const warning of discovery.warnings) err(`ipt fmt: ${warning}`);
  if (discovery.errors.length > 0) {
    for (const error of discovery.errors) err(`ipt fmt: ${error}`);
    return EXIT_FAILURE;
  }
  if (discovery.files.length === 0 && parsed.positionals.length === 0) err(`ipt fmt: No .ipt plans found under ${io.cwd}.`);

  let failures = 0;
  let changed = 0;
  for (const file of discovery.files) {
    const shown = displayPath(io.cwd, file);
    const read = readPlan(file, shown, (message) => err(`ipt fmt: ${message}`), !check);
    if (read === undefined) {
      failures++;
      continue;
    }
    const result = 'tooLarge' in read ? { error: read.tooLarge } : format(read.text);
    if ('error' in result) {
      err(`ipt fmt: ${shown}: ${result.error}`);
      failures++;
      continue;
    }
    if (!result.changed) continue;
    changed++;
    if (check) {
      out(shown);
      continue;
    }
    try {
      writePlan(file, result.text);
      out(`formatted ${shown}`);
    } catch (error) {
      err(`ipt fmt: Cannot write ${shown} (${reason(error)}).`);
      failures++;
    }
  }

  if (check && changed > 0) {
    err(`ipt fmt: ${changed === 1 ? '1 plan is' : `${changed} plans are`} not in the canonical layout; run \`ipt fmt\` to format ${changed === 1 ? 'it' : 'them'}.`);
  }
  if (failures > 0) return EXIT_FAILURE;
  return check && changed > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * `ipt fmt --stdin`: the formatted plan on stdout (editors use it as a format-on-save filter);
 * with --check, nothing on stdout and exit 1 if it would change.
 */
async function fmtStdin(positionals: string[], check: boolean, io: MainOptions): Promise<number> {
  if (positionals.length > 0) throw new CliError('Give either `--stdin` or paths, not both.', 'fmt');
  const text = await readStdin(io.stdin, 'fmt');
  const result = typeof text === 'string' ? format(text) : { error: text.tooLarge };
  if ('error' in result) {
    io.stderr.write(`ipt fmt: ${STDIN_NAME}: ${result.error}\n`);
    return EXIT_FAILURE;
  }
  if (check) return result.changed ? EXIT_PROBLEMS : EXIT_OK;
  io.stdout.write(result.text);
  return EXIT_OK;
}
