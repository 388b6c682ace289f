/**
 * A plan read from disk, for the CLI (`ipt lint`, `fmt`, `render`) and the language server's
 * workspace scan alike: read-file.ts's safe read (the type checked first, never blocking, never
 * past the bound) with the plan's own bound, MAX_PLAN_BYTES: a file past it can never decode to a
 * text within MAX_PLAN_CHARS, so it is refused unread, with the message `analyse` gives a text past
 * the limit. A smaller file is read and decoded, and `analyse` says whether it fits.
 */
import { MAX_PLAN_BYTES, planSizeProblem } from '../language/limits.js';
import { readRegularFile } from './read-file.js';

export type PlanRead =
  /** The text (UTF-8, invalid bytes as U+FFFD) and the bytes it came from. */
  | { text: string; bytes: Buffer }
  /** A regular file too large to be a plan: its size in bytes and the message (the plan's one `syntax` diagnostic). */
  | { tooLarge: string; size: number }
  /** Not a plan file at all: why, as the end of a sentence that starts with its name ("is a named pipe (FIFO), …"). */
  | { notAPlan: string }
  /** Missing or refused by the system: the error. */
  | { unreadable: unknown };

export function readPlanFile(file: string): PlanRead {
  const read = readRegularFile(file, MAX_PLAN_BYTES);
  if ('bytes' in read) return { text: read.bytes.toString('utf8'), bytes: read.bytes };
  if ('tooLarge' in read) return { tooLarge: planSizeProblem(read.tooLarge)!, size: read.tooLarge };
  if ('notAFile' in read) return { notAPlan: `is ${read.notAFile}, not a plan file: it was skipped` };
  return read;
}
