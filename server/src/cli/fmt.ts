/** `ipt fmt`: rewrite plans in the canonical layout, or with --check list those that would change. */
import { format } from '../format/format.js';
import { flag, parseCommandArgs, type ParsedArgs } from './args.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, reason, type MainOptions } from './context.js';
import { displayPath, readPlan } from './files.js';
import { outputFile, outputOption, writeOutput } from './output.js';
import { selectionOptions, selectPlans, type StdinSelection } from './selection.js';
import { readStdin } from './stdin.js';
import { writePlan } from './write-plan.js';

const fmtOptions = {
  check: { type: 'boolean' },
  ...outputOption,
  ...selectionOptions,
  help: { type: 'boolean', short: 'h' },
} as const;

export async function fmtCommand(args: string[], io: MainOptions): Promise<number> {
  const parsed = parseCommandArgs('fmt', args, fmtOptions, true);
  const check = flag(parsed, 'check');
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const out = (line: string) => io.stdout.write(`${line}\n`);

  const selection = await selectPlans('fmt', parsed, io);
  if (selection.kind === 'failed') return EXIT_FAILURE;
  if (selection.kind === 'stdin') return fmtStdin(selection.stdin, parsed, check, io);
  if (outputFile('fmt', parsed, io.cwd) !== undefined) {
    throw new CliError('`-o` goes with `-` (a plan from standard input), e.g. `ipt fmt - -o plan.ipt < draft.ipt`; named plans are rewritten in place.', 'fmt');
  }

  let failures = 0;
  let changed = 0;
  for (const file of selection.files) {
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
 * `ipt fmt -` (or `--stdin`): the formatted plan on stdout or in -o's file (editors use it as a
 * format-on-save filter); with --check, nothing written and exit 1 if it would change. When
 * `--stdin-filename` is ignored or excluded, the plan comes back unchanged (as Prettier does), so a
 * filter never blanks an editor's buffer; stderr says why.
 */
async function fmtStdin(stdin: StdinSelection, parsed: ParsedArgs, check: boolean, io: MainOptions): Promise<number> {
  const target = outputFile('fmt', parsed, io.cwd);
  if (check && target !== undefined) throw new CliError('`--check` writes nothing; leave out `-o`.', 'fmt');
  const text = await readStdin(io.stdin, 'fmt');
  if (typeof text !== 'string') {
    // Reading stopped past what a plan can be: there is no whole text to format, or to give back.
    io.stderr.write(`ipt fmt: ${stdin.shown}: ${text.tooLarge}\n`);
    return EXIT_FAILURE;
  }
  if (stdin.leftOut !== undefined) {
    io.stderr.write(`ipt fmt: ${stdin.leftOut} It was not formatted.\n`);
    if (!check) writeOutput(io, target, text, 'the plan');
    return EXIT_OK;
  }
  const result = format(text);
  if ('error' in result) {
    io.stderr.write(`ipt fmt: ${stdin.shown}: ${result.error}\n`);
    return EXIT_FAILURE;
  }
  if (check) return result.changed ? EXIT_PROBLEMS : EXIT_OK;
  writeOutput(io, target, result.text, 'the plan');
  return EXIT_OK;
}
