/**
 * Reading a file that a workspace supplies (a plan, a `.iptrc.json`, a `.gitignore`), whatever is
 * there: a `.ipt` that is a link to /dev/zero made `ipt lint` read 7.5 GB in 30 s, a FIFO named
 * `x.ipt` blocked it for ever, a 300 MB plan was read whole before the size limit refused it. So:
 *
 * - the type comes first: `stat` (which follows links) must say "regular file", or the file is not
 *   opened at all; it is then opened with O_NONBLOCK (a FIFO swapped in after the `stat` cannot block
 *   the open) and `fstat` on the descriptor must say the same;
 * - the size comes next: past `maxBytes` the file is refused unread;
 * - then at most `maxBytes` + 1 bytes are read (a file growing meanwhile is refused, not followed).
 *
 * A link that leaves the workspace is followed, as the walk does on purpose (a plan kept elsewhere
 * and linked in), but only to a regular file within the bound.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';

export type FileRead =
  | { bytes: Buffer }
  /** Not a regular file (or a link to something that is not): `what` it is, in words. */
  | { notAFile: string }
  /** A regular file past the bound: its size in bytes. */
  | { tooLarge: number }
  /** Missing, or the system refused (permissions, a broken link): the error. */
  | { unreadable: unknown };

/** Reads a regular file of at most `maxBytes` bytes; never blocks, never reads past the bound. */
export function readRegularFile(file: string, maxBytes: number): FileRead {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    return { unreadable: error };
  }
  if (!stats.isFile()) return { notAFile: describe(file, stats) };
  if (stats.size > maxBytes) return { tooLarge: stats.size };

  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { unreadable: error };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { notAFile: describe(file, opened) };
    if (opened.size > maxBytes) return { tooLarge: opened.size };
    // One byte more than the size: a file that did not change reads in one go and then ends.
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, opened.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { tooLarge: length }; // it grew past the bound while being read
        const larger = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return { bytes: buffer.subarray(0, length) };
      length += read;
    }
  } catch (error) {
    return { unreadable: error };
  } finally {
    closeSync(fd);
  }
}

/** What a file that is not a regular file is, in words: "a named pipe (FIFO)", "a link to /dev/zero, a device". */
function describe(file: string, stats: Stats): string {
  const kind = stats.isFIFO()
    ? 'a named pipe (FIFO)'
    : stats.isCharacterDevice() || stats.isBlockDevice()
      ? 'a device'
      : stats.isSocket()
        ? 'a socket'
        : stats.isDirectory()
          ? 'a folder'
          : 'not a regular file';
  try {
    if (lstatSync(file).isSymbolicLink()) return `a link to ${readlinkSync(file)}, ${kind}`;
  } catch {
    // The link vanished meanwhile: say what it pointed to when it was looked at.
  }
  return kind;
}
