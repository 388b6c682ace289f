/** `ipt lint`: check plans, print a report, optionally apply safe fixes. */
import path from 'node:path';
import { analyse, unreadPlanAnalysis } from '../analyse.js';
import { format } from '../format/format.js';
import { allRules } from '../rules/registry.js';
import { applySafeFixes } from '../rules/apply-fixes.js';
import { choiceOption, countOption, flag, parseCommandArgs, stringOption } from './args.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, reason, type MainOptions } from './context.js';
import { displayPath, readPlan } from './files.js';
import { formatNames, formatters, type FormatName } from './formatters/index.js';
import type { FileReport } from './formatters/types.js';
import { colorOptions, outputOption, resolveOutput, writeOutput, type Output } from './output.js';
import { loadPlanConfigs } from './plan-config.js';
import { ruleOption, ruleOverrides, withRuleOverrides } from './rule-option.js';
import { selectionOptions, selectPlans, type StdinSelection } from './selection.js';
import { readStdin } from './stdin.js';
import { writePlan } from './write-plan.js';

export const lintOptions = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  fix: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'no-inline-config': { type: 'boolean' },
  ...ruleOption,
  ...outputOption,
  // The first name of -o, kept so existing CI steps go on working.
  'output-file': { type: 'string' },
  ...colorOptions,
  ...selectionOptions,
  help: { type: 'boolean', short: 'h' },
} as const;

export async function lintCommand(args: string[], io: MainOptions): Promise<number> {
  const parsed = parseCommandArgs('lint', args, lintOptions, true);
  const formatName = choiceOption('lint', parsed, 'format', formatNames, 'stylish');
  const maxWarnings = countOption('lint', parsed, 'max-warnings');
  const quiet = flag(parsed, 'quiet');
  const fix = flag(parsed, 'fix');
  const inlineConfig = !flag(parsed, 'no-inline-config');
  const output = resolveOutput('lint', parsed, io);
  const overrides = ruleOverrides('lint', parsed);
  const configFile = resolveOptional(io.cwd, stringOption(parsed, 'config'));
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const options: LintOptions = { formatName, maxWarnings, quiet, inlineConfig, output, configFile, overrides };

  const selection = await selectPlans('lint', parsed, io);
  if (selection.kind === 'failed') return EXIT_FAILURE;
  if (selection.kind === 'stdin') {
    if (fix) throw new CliError('`--fix` cannot write to standard input; lint a file instead.', 'lint');
    if (output.file !== undefined && output.file === selection.stdin.file) {
      throw new CliError(`-o ${displayPath(io.cwd, output.file)} is the plan's --stdin-filename; the report would overwrite it. Choose another file.`, 'lint');
    }
    return lintStdin(selection.stdin, io, options);
  }
  const { files } = selection;
  if (output.file !== undefined && files.includes(output.file)) {
    throw new CliError(`-o ${displayPath(io.cwd, output.file)} is one of the plans being linted; the report would overwrite it. Choose another file.`, 'lint');
  }

  const { configs, errors: configErrors } = loadPlanConfigs(files, io.cwd, configFile);
  if (configErrors.length > 0) return failOnConfig(configErrors, io);

  const reports: FileReport[] = [];
  let ioFailures = 0;
  const fixed = { plans: 0, fixes: 0 };
  for (const file of files) {
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
    const analyseOptions = { config: withRuleOverrides(configs.get(file)!, overrides), inlineConfig };
    if (fix) {
      const outcome = applySafeFixes(text, { analyse: (t) => analyse(t, analyseOptions), format });
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
    const diagnostics = analyse(text, analyseOptions).diagnostics.filter((d) => !quiet || d.severity === 'error');
    reports.push({ file: shown, text, diagnostics });
  }

  if (fix) {
    // The report shows what is left; say on stderr what changed, so no edit goes unnoticed.
    const plans = fixed.plans === 1 ? '1 plan' : `${fixed.plans} plans`;
    const fixes = fixed.fixes === 1 ? '1 fix' : `${fixed.fixes} fixes`;
    err(fixed.plans === 0 ? 'ipt lint: --fix changed no plan.' : `ipt lint: --fix rewrote ${plans} (${fixes} applied, then formatted).`);
  }
  return report(reports, io, options, ioFailures);
}

interface LintOptions {
  formatName: FormatName;
  output: Output;
  maxWarnings: number | undefined;
  quiet: boolean;
  inlineConfig: boolean;
  configFile: string | undefined;
  /** `--rule` settings, laid over each plan's configuration. */
  overrides: ReturnType<typeof ruleOverrides>;
}

/** Prints each config problem as `file:line:col message`, then one line that says what to do: exit 2. */
function failOnConfig(lines: string[], io: MainOptions): number {
  for (const line of lines) io.stderr.write(`${line}\n`);
  const one = lines.length === 1;
  io.stderr.write(`ipt lint: The configuration has ${one ? 'a problem' : `${lines.length} problems`}; fix ${one ? 'it' : 'them'} and run again.\n`);
  return EXIT_FAILURE;
}

/** Prints the report (or writes it to -o's file) and decides the exit code. */
function report(reports: FileReport[], io: MainOptions, options: LintOptions, ioFailures: number): number {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  const { formatName, output, maxWarnings } = options;
  const text = formatters[formatName](reports, { color: formatName === 'stylish' && output.color, rules: allRules, width: output.width });
  writeOutput(io, output.file, text, 'the report');

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

/**
 * `ipt lint -` (or `--stdin`): one plan from standard input; `--stdin-filename` (which need not
 * exist) names it and picks its config. When that name is ignored or excluded, nothing is linted
 * (as for a named file) and stderr says why.
 */
async function lintStdin(stdin: StdinSelection, io: MainOptions, options: LintOptions): Promise<number> {
  const text = await readStdin(io.stdin, 'lint');
  if (stdin.leftOut !== undefined) {
    io.stderr.write(`ipt lint: ${stdin.leftOut}\n`);
    return report([], io, options, 0);
  }
  const { configs, errors } = loadPlanConfigs([stdin.configPath], io.cwd, options.configFile);
  if (errors.length > 0) return failOnConfig(errors, io);
  const config = withRuleOverrides(configs.get(stdin.configPath)!, options.overrides);
  // Reading stopped past what a plan can be: the size error stands for the plan.
  const analysis = typeof text === 'string' ? analyse(text, { config, inlineConfig: options.inlineConfig }) : unreadPlanAnalysis(text.tooLarge);
  const diagnostics = analysis.diagnostics.filter((d) => !options.quiet || d.severity === 'error');
  return report([{ file: stdin.shown, ...(typeof text === 'string' ? { text } : {}), diagnostics }], io, options, 0);
}

function resolveOptional(cwd: string, file: string | undefined): string | undefined {
  return file === undefined ? undefined : path.resolve(cwd, file);
}
