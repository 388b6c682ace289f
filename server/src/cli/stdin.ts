/** Reads a plan from standard input (`-` or `--stdin`), for editors and scripts that pipe text through `ipt`. */
import { CliError } from './context.js';

export async function readStdin(stream: NodeJS.ReadableStream | undefined, command: string): Promise<string> {
  if (!stream) throw new CliError('Standard input (`-`) was asked for, but there is none to read.', command);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The name a piped plan is reported under: `--stdin-filename` relative to the working folder, or `<stdin>`. */
export const STDIN_NAME = '<stdin>';
