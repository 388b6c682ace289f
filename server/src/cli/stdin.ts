/** Reads a plan from standard input (`-` or `--stdin`), for editors and scripts that pipe text through `ipt`. */
import { MAX_PLAN_BYTES, planSizeProblem } from '../language/limits.js';
import { CliError } from './context.js';

/**
 * The plan on standard input, or its size message once more arrives than any plan can be
 * (MAX_PLAN_BYTES): reading stops there, so `cat /dev/zero | ipt lint -` ends at once.
 */
export async function readStdin(stream: NodeJS.ReadableStream | undefined, command: string): Promise<string | { tooLarge: string }> {
  if (!stream) throw new CliError('Standard input (`-`) was asked for, but there is none to read.', command);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    length += bytes.length;
    if (length > MAX_PLAN_BYTES) return { tooLarge: planSizeProblem(MAX_PLAN_BYTES, true)! };
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The name a piped plan is reported under: `--stdin-filename` relative to the working folder, or `<stdin>`. */
export const STDIN_NAME = '<stdin>';
