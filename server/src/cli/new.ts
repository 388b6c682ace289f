/** `ipt new`: write a skeleton plan for a variant and a problem area (see skeleton.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findEntry } from '../language/catalogue.js';
import { loadConfig } from '../rules/load-config.js';
import { parseCommandArgs, stringOption } from './args.js';
import { CliError, EXIT_FAILURE, EXIT_OK, reason, type MainOptions } from './context.js';
import { displayPath } from './files.js';
import { outputOption } from './output.js';
import { formatConfigError } from './plan-config.js';
import { isClientCode, skeleton, skeletonShape, unknownEntryMessage } from './skeleton.js';

const newOptions = {
  variant: { type: 'string' },
  focus: { type: 'string' },
  client: { type: 'string' },
  start: { type: 'string' },
  // Never through writeOutput: an existing plan is never overwritten (see below).
  ...outputOption,
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function newCommand(args: string[], io: MainOptions): Promise<number> {
  const parsed = parseCommandArgs('new', args, newOptions, false);
  const variantName = stringOption(parsed, 'variant');
  const areaName = stringOption(parsed, 'focus');
  const client = stringOption(parsed, 'client');
  const output = stringOption(parsed, 'output');
  if (variantName === undefined) throw new CliError('`--variant` is required, e.g. `--variant acute`.', 'new');
  if (areaName === undefined) throw new CliError('`--focus` is required, e.g. `--focus role-dispute`.', 'new');
  if (client !== undefined && !isClientCode(client)) {
    throw new CliError(`\`--client ${client}\` is not a client code. Use a code such as C-0142 (letters, digits and dashes, no spaces), never a name.`, 'new');
  }

  const start = stringOption(parsed, 'start');
  if (start !== undefined && !isCalendarDate(start)) {
    throw new CliError(`\`--start ${start}\` is not a date; write the first session's date as YYYY-MM-DD, e.g. 2026-02-02.`, 'new');
  }

  // The plan's future folder decides which .iptrc.json applies (it may add variants or areas).
  const target = path.resolve(io.cwd, output ?? 'new-plan.ipt');
  const configFile = stringOption(parsed, 'config');
  const loaded = loadConfig(target, configFile === undefined ? {} : { configFile: path.resolve(io.cwd, configFile) });
  if (loaded.errors.length > 0) {
    for (const error of loaded.errors) io.stderr.write(`${formatConfigError(error, io.cwd)}\n`);
    io.stderr.write('ipt new: The configuration has problems; fix them and run again.\n');
    return EXIT_FAILURE;
  }
  const catalogue = loaded.config.catalogue;
  const variant = findEntry(catalogue.variants, variantName);
  if (!variant) throw new CliError(unknownEntryMessage('variant', variantName, catalogue.variants), 'new');
  const area = findEntry(catalogue.problemAreas, areaName);
  if (!area) throw new CliError(unknownEntryMessage('problem area', areaName, catalogue.problemAreas), 'new');

  const text = skeleton({ variant, area, client, start });
  if (output === undefined) {
    io.stdout.write(text);
    return EXIT_OK;
  }
  const shown = displayPath(io.cwd, target);
  try {
    // `wx`: fail rather than overwrite, even if the file appears between a check and the write.
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CliError(`${shown} already exists; \`ipt new\` never overwrites a plan. Choose another file name with -o.`);
    }
    throw new CliError(`Cannot write ${shown} (${reason(error)}).`);
  }
  const shape = skeletonShape(variant);
  io.stderr.write(`Wrote ${shown}: a ${shape.total}-session ${variant.title} plan for ${area.title.toLowerCase()}. Replace every TODO, then run \`ipt lint ${shown}\`.\n`);
  return EXIT_OK;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
