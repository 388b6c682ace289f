/** `ipt render`: one plan as an HTML page, a Markdown summary or a FHIR R4 CarePlan. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { analyse } from '../analyse.js';
import { render, renderFormats, type RenderFormat } from '../render/index.js';
import { loadConfig } from '../rules/load-config.js';
import { choiceOption, parseCommandArgs, stringOption } from './args.js';
import { CliError, EXIT_FAILURE, EXIT_OK, reason, type MainOptions } from './context.js';
import { displayPath, readPlan } from './files.js';
import { formatConfigError } from './plan-config.js';
import { writeFileAtomic } from './write-file.js';

const renderOptions = {
  to: { type: 'string', short: 't' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function renderCommand(args: string[], io: MainOptions): Promise<number> {
  const parsed = parseCommandArgs('render', args, renderOptions, true);
  const to = choiceOption<RenderFormat>('render', parsed, 'to', renderFormats);
  if (to === undefined) throw new CliError('`--to` is required: `--to html`, `--to markdown` or `--to fhir`.', 'render');
  if (parsed.positionals.length !== 1) {
    throw new CliError(parsed.positionals.length === 0 ? 'Name the plan to render, e.g. `ipt render plan.ipt --to html`.' : 'Render one plan at a time.', 'render');
  }
  const file = path.resolve(io.cwd, parsed.positionals[0]);
  const shown = displayPath(io.cwd, file);
  const output = stringOption(parsed, 'output');
  const target = output === undefined ? undefined : path.resolve(io.cwd, output);
  if (target === file) throw new CliError(`-o ${output} is the plan itself; rendering would overwrite it. Choose another output file.`, 'render');

  let failure: string | undefined;
  const read = readPlan(file, shown, (message) => (failure = message));
  if (read === undefined) throw new CliError(failure!);
  if ('tooLarge' in read) throw new CliError(`${shown} was not rendered: ${read.tooLarge}`);
  const { text } = read;
  const configFile = stringOption(parsed, 'config');
  const loaded = loadConfig(file, configFile === undefined ? {} : { configFile: path.resolve(io.cwd, configFile) });
  if (loaded.errors.length > 0) {
    for (const error of loaded.errors) io.stderr.write(`${formatConfigError(error, io.cwd)}\n`);
    io.stderr.write('ipt render: The configuration has problems; fix them and run again.\n');
    return EXIT_FAILURE;
  }

  const analysis = analyse(text, { config: loaded.config });
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    io.stderr.write(`ipt render: ${shown} has ${errors === 1 ? '1 error' : `${errors} errors`}, so the rendering may be incomplete or wrong. Run \`ipt lint ${shown}\` to see ${errors === 1 ? 'it' : 'them'}.\n`);
  }
  const rendered = render(analysis, { to, catalogue: loaded.config.catalogue, fhir: loaded.config.fhir });
  const result = rendered.endsWith('\n') ? rendered : `${rendered}\n`;
  if (target === undefined) {
    io.stdout.write(result);
    return EXIT_OK;
  }
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, result);
  } catch (error) {
    throw new CliError(`Cannot write ${displayPath(io.cwd, target)} (${reason(error)}).`);
  }
  return EXIT_OK;
}
