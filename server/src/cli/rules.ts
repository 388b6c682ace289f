/** `ipt rules`: every rule with its default severity, what it checks and its documentation page. */
import { allRules } from '../rules/registry.js';
import { choiceOption, parseCommandArgs } from './args.js';
import { EXIT_OK, type MainOptions } from './context.js';
import { outputFile, outputOption, writeOutput } from './output.js';

const rulesOptions = {
  format: { type: 'string', short: 'f' },
  ...outputOption,
  help: { type: 'boolean', short: 'h' },
} as const;

export async function rulesCommand(args: string[], io: MainOptions): Promise<number> {
  const parsed = parseCommandArgs('rules', args, rulesOptions, false);
  const formatName = choiceOption('rules', parsed, 'format', ['text', 'json'] as const, 'text');
  const target = outputFile('rules', parsed, io.cwd);
  const rules = allRules.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description, docsUrl: rule.docsUrl }));
  if (formatName === 'json') {
    writeOutput(io, target, `${JSON.stringify(rules, null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = rules.reduce((widest, rule) => Math.max(widest, rule.id.length), 0);
  const lines = rules.flatMap((rule) => [`${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}`, `${' '.repeat(idWidth + 11)}${rule.docsUrl}`]);
  writeOutput(io, target, `${lines.join('\n')}\n`);
  return EXIT_OK;
}
