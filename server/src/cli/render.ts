/** `ipt render`: one plan (a file, or `-` for standard input) as an HTML page, a Markdown summary or a FHIR R4 CarePlan. */
import path from 'node:path';
import { analyse } from '../analyse.js';
import { render, renderFormats, type RenderFormat } from '../render/index.js';
import { loadConfig } from '../rules/load-config.js';
import { choiceOption, parseCommandArgs, stringOption } from './args.js';
import { CliError, EXIT_FAILURE, EXIT_OK, type MainOptions } from './context.js';
import { displayPath, readPlan } from './files.js';
import { outputFile, outputOption, writeOutput } from './output.js';
import { formatConfigError } from './plan-config.js';
import { splitPathArguments, stdinSelection } from './selection.js';
import { readStdin } from './stdin.js';

const renderOptions = {
  to: { type: 'string', short: 't' },
  ...outputOption,
  config: { type: 'string', short: 'c' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function renderCommand(args: string[], io: MainOptions): Promise<number> {
  const parsed = parseCommandArgs('render', args, renderOptions, true);
  const to = choiceOption<RenderFormat>('render', parsed, 'to', renderFormats);
  if (to === undefined) throw new CliError('`--to` is required: `--to html`, `--to markdown` or `--to fhir`.', 'render');
  const paths = splitPathArguments('render', parsed.positionals);
  if (paths.excludes.length > 0) {
    throw new CliError(`\`!${paths.excludes[0]}\` leaves plans out, but \`ipt render\` takes one plan: name it. (To name a file whose name starts with \`!\`, write \`./!name.ipt\`.)`, 'render');
  }
  const stdin = stdinSelection('render', parsed, io, paths);
  if (!stdin && paths.includes.length !== 1) {
    throw new CliError(paths.includes.length === 0 ? 'Name the plan to render, e.g. `ipt render plan.ipt --to html`, or `-` to read it from standard input.' : 'Render one plan at a time.', 'render');
  }
  // A named plan is where its .iptrc.json files are found, as `-`'s --stdin-filename is; -o must not overwrite it.
  const plan = stdin ?? namedPlan(io.cwd, paths.includes[0]);
  const target = outputFile('render', parsed, io.cwd);
  if (target !== undefined && target === plan.file) {
    throw new CliError(`-o ${displayPath(io.cwd, target)} is the plan itself; rendering would overwrite it. Choose another output file.`, 'render');
  }
  const read = stdin ? await readStdin(io.stdin, 'render') : readNamedPlan(plan.configPath, plan.shown);
  const { shown } = plan;
  // Too large to be a plan (refused unread, or standard input past the bound): nothing to render.
  if (typeof read !== 'string') throw new CliError(`${shown} was not rendered: ${read.tooLarge}`);
  const text = read;

  const configFile = stringOption(parsed, 'config');
  const loaded = loadConfig(plan.configPath, configFile === undefined ? {} : { configFile: path.resolve(io.cwd, configFile) });
  if (loaded.errors.length > 0) {
    for (const error of loaded.errors) io.stderr.write(`${formatConfigError(error, io.cwd)}\n`);
    io.stderr.write('ipt render: The configuration has problems; fix them and run again.\n');
    return EXIT_FAILURE;
  }

  const analysis = analyse(text, { config: loaded.config });
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    const lint = stdin ? `\`ipt lint -\` on the same input` : `\`ipt lint ${shown}\``;
    io.stderr.write(`ipt render: ${shown} has ${errors === 1 ? '1 error' : `${errors} errors`}, so the rendering may be incomplete or wrong. Run ${lint} to see ${errors === 1 ? 'it' : 'them'}.\n`);
  }
  const rendered = render(analysis, { to, catalogue: loaded.config.catalogue, fhir: loaded.config.fhir });
  writeOutput(io, target, rendered.endsWith('\n') ? rendered : `${rendered}\n`);
  return EXIT_OK;
}

/** A plan named on the command line, in the shape of a piped one. */
function namedPlan(cwd: string, name: string): { file: string; shown: string; configPath: string } {
  const file = path.resolve(cwd, name);
  return { file, shown: displayPath(cwd, file), configPath: file };
}

/** A named plan's text (or its size message); a file that cannot be read ends the command with the reason. */
function readNamedPlan(file: string, shown: string): string | { tooLarge: string } {
  let failure = `Cannot read ${shown}.`;
  const read = readPlan(file, shown, (message) => (failure = message));
  if (read === undefined) throw new CliError(failure);
  return 'text' in read ? read.text : read;
}
