/**
 * The `ipt` command line. `main()` returns the exit code and never calls process.exit, so tests run
 * it in-process with in-memory streams (as markdownlint-cli2 and ESLint do).
 */
import { suggest } from '../language/suggest.js';
import { CliError, EXIT_FAILURE, EXIT_OK, type MainOptions } from './context.js';
import { commandHelp, mainHelp } from './help.js';
import { TOOL_VERSION } from '../version.js';

export type { MainOptions, OutputStream } from './context.js';

type Command = (args: string[], io: MainOptions) => Promise<number>;

/**
 * Each command is loaded when it runs, so `ipt --version` and `ipt --help` do not pay for the
 * parser, the rules and the config schema.
 */
const commands: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./lint.js')).lintCommand,
  fmt: async () => (await import('./fmt.js')).fmtCommand,
  render: async () => (await import('./render.js')).renderCommand,
  new: async () => (await import('./new.js')).newCommand,
  rules: async () => (await import('./rules.js')).rulesCommand,
};

export async function main(options: MainOptions): Promise<number> {
  const [name, ...args] = options.argv;
  try {
    if (name === undefined) {
      options.stderr.write(`ipt: Give a command.\n\n${mainHelp}`);
      return EXIT_FAILURE;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = args[0];
      options.stdout.write(topic !== undefined && commandHelp[topic] ? commandHelp[topic] : mainHelp);
      return EXIT_OK;
    }
    if (name === '--version' || name === '-v') {
      options.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    }
    const load = commands[name];
    if (!load) {
      const guess = suggest(name, Object.keys(commands));
      const hint = guess ? ` Did you mean \`ipt ${guess}\`?` : name.endsWith('.ipt') ? ` To check a plan, run \`ipt lint ${name}\`.` : '';
      throw new CliError(`Unknown command \`${name}\`.${hint} Commands: ${Object.keys(commands).join(', ')}.`, '');
    }
    if (wantsHelp(args)) {
      options.stdout.write(commandHelp[name]);
      return EXIT_OK;
    }
    const command = await load();
    return await command(args, options);
  } catch (error) {
    if (error instanceof CliError) {
      const prefix = name && commands[name] ? `ipt ${name}` : 'ipt';
      const usage = error.usageOf === undefined ? '' : ` Run \`ipt ${error.usageOf ? `${error.usageOf} ` : ''}--help\` for usage.`;
      options.stderr.write(`${prefix}: ${error.message}${usage}\n`);
      return EXIT_FAILURE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    options.stderr.write(`ipt: Internal error; please report it (without identifying data).\n${detail}\n`);
    return EXIT_FAILURE;
  }
}

/** `--help` or `-h` before any `--` separator. */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
