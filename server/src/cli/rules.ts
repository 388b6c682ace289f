/** `ipt rules`: every rule with its default severity, what it checks and its documentation page. */
import { allRules } from '../rules/registry.js';
import { choiceOption, parseCommandArgs } from './args.js';
import { EXIT_OK, type MainOptions } from './context.js';

const rulesOptions = {
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function rulesCommand(args: string[], io: MainOptions): Promise<number> {
  const parsed = parseCommandArgs('rules', args, rulesOptions, false);
  const formatName = choiceOption('rules', parsed, 'format', ['text', 'json'] as const, 'text');
  const rules = allRules.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, description: rule.description, docsUrl: rule.docsUrl }));
  if (formatName === 'json') {
    io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
    return EXIT_OK;
  }
  const idWidth = rules.reduce((widest, rule) => Math.max(widest, rule.id.length), 0);
  const lines = rules.flatMap((rule) => [`${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}`, `${' '.repeat(idWidth + 11)}${rule.docsUrl}`]);
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
