/**
 * Plan files on disk: how output names them, and reading them (which plans a command works on is
 * selection.ts).
 */
import path from 'node:path';
import { relativeInside } from './ignore-files.js';
import { reason } from './context.js';
import { readPlanFile } from '../workspace/read-plan.js';

/** A path as the output shows it: relative to the working directory with forward slashes, or absolute outside it. */
export function displayPath(cwd: string, file: string): string {
  return relativeInside(cwd, path.resolve(cwd, file)) ?? path.resolve(cwd, file).split(path.sep).join('/');
}

/**
 * A plan's text — or its size message when it is too large to be a plan (a report shows it as the
 * plan's one `syntax` error) — or undefined after telling `fail` why it was not read: not a regular
 * file (a FIFO, a link to a device), or refused by the system (the caller counts the failure). With
 * `forRewrite`, bytes that are not UTF-8 (a Latin-1 `é` pasted into a comment) are a refusal:
 * decoding would turn them into U+FFFD and writing back would lose them for good.
 */
export function readPlan(file: string, shown: string, fail: (message: string) => void, forRewrite = false): { text: string } | { tooLarge: string } | undefined {
  const read = readPlanFile(file);
  if ('unreadable' in read) {
    fail(`Cannot read ${shown} (${reason(read.unreadable)}).`);
    return undefined;
  }
  if ('notAPlan' in read) {
    fail(`${shown} ${read.notAPlan}.`);
    return undefined;
  }
  if ('tooLarge' in read || !forRewrite) return read;
  const text = decodeUtf8(read.bytes);
  if (typeof text === 'string') return { text };
  fail(`${shown} is not valid UTF-8: ${text.where} holds the byte 0x${text.byte.toString(16).toUpperCase().padStart(2, '0')}, which is not part of a UTF-8 character. It was left as it is, so no byte is lost; save the file as UTF-8 and run again.`);
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text, or where the first byte that is not UTF-8 stands (1-based line and column). */
export function decodeUtf8(bytes: Uint8Array): string | { where: string; byte: number } {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lines = Buffer.from(bytes.subarray(0, bad)).toString('utf8').split(/\r\n|\r|\n/);
    return { where: `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`, byte: bytes[bad] ?? 0 };
  }
}

/** The offset where the first ill-formed UTF-8 sequence starts (the length when there is none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    // Well-formed sequences (Unicode 15, table 3-7): the lead byte decides the length and the range of the second byte.
    const [length, low, high] =
      b < 0x80 ? [1, 0, 0] : b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    if (length > 1 && (bytes[i + 1] < low || bytes[i + 1] > high)) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return bytes.length;
}
