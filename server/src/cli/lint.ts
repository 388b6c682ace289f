/** `ipt lint`: check plans, print a report, optionally apply safe fixes. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyse, unreadPlanAnalysis } from '../analyse.js';
import { format } from '../format/format.js';
import { allRules } from '../rules/registry.js';
import { applySafeFixes } from '../rules/apply-fixes.js';
import { choiceOption, countOption, flag, parseCommandArgs, stringOption, type ParsedArgs } from './args.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, reason, type MainOptions } from './context.js';
import { discoverPlans, displayPath, readPlan } from './files.js';
import { ignoreOptions } from './ignore-files.js';
import { formatNames, formatters, type FormatName } from './formatters/index.js';
import type { FileReport } from './formatters/types.js';
import { loadPlanConfigs } from './plan-config.js';
import { readStdin, STDIN_NAME } from './stdin.js';
import { writePlan } from './write-plan.js';

export const lintOptions = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  fix: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'no-inline-config': { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  'ignore-path': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function lintCommand(args: string[], io: MainOptions): Promise<number> {
  const parsed = parseCommandArgs('lint', args, lintOptions, true);
  const formatName = choiceOption('lint', parsed, 'format', formatNames, 'stylish');
  const maxWarnings = countOption('lint', parsed, 'max-warnings');
  const quiet = flag(parsed, 'quiet');
  const fix = flag(parsed, 'fix');
  const inlineConfig = !flag(parsed, 'no-inline-config');
  const outputFile = stringOption(parsed, 'output-file');
  const configFile = resolveOptional(io.cwd, stringOption(parsed, 'config'));
  const err = (line: string) => io.stderr.write(`${line}\n`);

  if (flag(parsed, 'stdin')) return lintStdin(parsed, io, { formatName, maxWarnings, quiet, inlineConfig, outputFile, configFile });
  if (stringOption(parsed, 'stdin-filename') !== undefined) throw new CliError('`--stdin-filename` goes with `--stdin`.', 'lint');

  const discovery = await discoverPlans(parsed.positionals, ignoreOptions(io.cwd, parsed));
  for (const warning of discovery.warnings) err(`ipt lint: ${warning}`);
  if (discovery.errors.length > 0) {
    for (const error of discovery.errors) err(`ipt lint: ${error}`);
    return EXIT_FAILURE;
  }
  if (discovery.files.length === 0 && parsed.positionals.length === 0) err(`ipt lint: No .ipt plans found under ${io.cwd}.`);
  if (outputFile !== undefined && discovery.files.includes(path.resolve(io.cwd, outputFile))) {
    throw new CliError(`--output-file ${outputFile} is one of the plans being linted; the report would overwrite it. Choose another file.`, 'lint');
  }

  const { configs, errors: configErrors } = loadPlanConfigs(discovery.files, io.cwd, configFile);
  if (configErrors.length > 0) return failOnConfig(configErrors, io);

  const reports: FileReport[] = [];
  let ioFailures = 0;
  const fixed = { plans: 0, fixes: 0 };
  for (const file of discovery.files) {
    const shown = displayPath(io.cwd, file);
    const read = readPlan(file, shown, (message) => err(`ipt lint: ${message}`), fix);
    if (read === undefined) {
      ioFailures++;
      continue;
    }
    if ('tooLarge' in read) {
      reports.push({ file: shown, diagnostics: unreadPlanAnalysis(read.tooLarge).diagnostics });
      continue;
    }
    let { text } = read;
    const options = { config: configs.get(file), inlineConfig };
    if (fix) {
      const outcome = applySafeFixes(text, { analyse: (t) => analyse(t, options), format });
      if (outcome.refused) err(`ipt lint: ${shown} was not fixed: ${outcome.refused}. Fix the syntax first.`);
      else if (outcome.text !== text) {
        try {
          writePlan(file, outcome.text);
          text = outcome.text;
          fixed.plans++;
          fixed.fixes += outcome.applied;
        } catch (error) {
          err(`ipt lint: Cannot write the fixes to ${shown} (${reason(error)}).`);
          ioFailures++;
        }
      }
    }
    const diagnostics = analyse(text, options).diagnostics.filter((d) => !quiet || d.severity === 'error');
    reports.push({ file: shown, diagnostics });
  }

  if (fix) {
    // The report shows what is left; say on stderr what changed, so no edit goes unnoticed.
    const plans = fixed.plans === 1 ? '1 plan' : `${fixed.plans} plans`;
    const fixes = fixed.fixes === 1 ? '1 fix' : `${fixed.fixes} fixes`;
    err(fixed.plans === 0 ? 'ipt lint: --fix changed no plan.' : `ipt lint: --fix rewrote ${plans} (${fixes} applied, then formatted).`);
  }
  return report(reports, io, { formatName, outputFile, maxWarnings }, ioFailures);
}

interface ReportOptions {
  formatName: FormatName;
  outputFile: string | undefined;
  maxWarnings: number | undefined;
}

/** Prints each config problem as `file:line:col message`, then one line that says what to do: exit 2. */
function failOnConfig(lines: string[], io: MainOptions): number {
  for (const line of lines) io.stderr.write(`${line}\n`);
  const one = lines.length === 1;
  io.stderr.write(`ipt lint: The configuration has ${one ? 'a problem' : `${lines.length} problems`}; fix ${one ? 'it' : 'them'} and run again.\n`);
  return EXIT_FAILURE;
}

/** The width stylish wraps to: the terminal's, or COLUMNS when set (as shells export it); none for a pipe. */
function terminalWidth(io: MainOptions, env: Record<string, string | undefined>): number | undefined {
  if (io.stdout.isTTY === true && typeof io.stdout.columns === 'number' && io.stdout.columns > 0) return io.stdout.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}

/** Prints the report (or writes it to --output-file) and decides the exit code. */
function report(reports: FileReport[], io: MainOptions, options: ReportOptions, ioFailures: number): number {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const { formatName, outputFile, maxWarnings } = options;
  const env = io.env ?? process.env;
  const toTerminal = formatName === 'stylish' && outputFile === undefined && io.stdout.isTTY === true;
  const color = toTerminal && !env.NO_COLOR;
  const text = formatters[formatName](reports, { color, rules: allRules, width: outputFile === undefined ? terminalWidth(io, env) : undefined });
  if (outputFile !== undefined) {
    try {
      // As in ESLint, the report's folder is created when missing.
      const target = path.resolve(io.cwd, outputFile);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text, 'utf8');
    } catch (error) {
      err(`ipt lint: Cannot write the report to ${outputFile} (${reason(error)}).`);
      return EXIT_FAILURE;
    }
  } else {
    io.stdout.write(text);
  }

  if (ioFailures > 0) return EXIT_FAILURE;
  const all = reports.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    err(`ipt lint: Too many warnings (${warnings}); at most ${maxWarnings} allowed by --max-warnings.`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/** `ipt lint --stdin [--stdin-filename F]`: one plan from standard input; F (which need not exist) picks the config. */
async function lintStdin(
  parsed: ParsedArgs,
  io: MainOptions,
  options: ReportOptions & { quiet: boolean; inlineConfig: boolean; configFile: string | undefined },
): Promise<number> {
  if (parsed.positionals.length > 0) throw new CliError('Give either `--stdin` or paths, not both.', 'lint');
  if (flag(parsed, 'fix')) throw new CliError('`--fix` cannot write to standard input; lint a file instead.', 'lint');
  const name = stringOption(parsed, 'stdin-filename');
  const text = await readStdin(io.stdin, 'lint');
  const { configs, errors } = loadPlanConfigs([path.resolve(io.cwd, name ?? 'stdin.ipt')], io.cwd, options.configFile);
  if (errors.length > 0) return failOnConfig(errors, io);
  const analysis = typeof text === 'string' ? analyse(text, { config: [...configs.values()][0], inlineConfig: options.inlineConfig }) : unreadPlanAnalysis(text.tooLarge);
  const diagnostics = analysis.diagnostics.filter(
    (d) => !options.quiet || d.severity === 'error',
  );
  return report([{ file: name === undefined ? STDIN_NAME : displayPath(io.cwd, name), diagnostics }], io, options, 0);
}

function resolveOptional(cwd: string, file: string | undefined): string | undefined {
  return file === undefined ? undefined : path.resolve(cwd, file);
}
