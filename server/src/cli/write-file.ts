/**
 * Writes a file so that nothing is ever lost: the new text goes to a temporary file beside the
 * target, is flushed to disk (fsync), takes the target's mode (and owner, where allowed), and
 * replaces the target by rename — so a crash or a kill at any moment leaves the old file or the new
 * one, whole. The folder is fsynced too, so the rename itself survives a power cut.
 *
 * Refused, with a reason: a read-only target, and a target with several hard links (a rename
 * would quietly split them: the other names would keep the old text). Through a symbolic link the
 * file it points to is replaced and the link stays. A temporary file left by a killed run is named
 * recognisably (`.NAME.ipt-write-PID-RANDOM.tmp`) and removed by the next write to the same file
 * once its process is gone.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';

/** A write that was refused before anything was touched (the message says why and what to do). */
export class WriteRefused extends Error {}

const TEMP_MARK = '.ipt-write-';

function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** Whether a process with this id is still running (a temp file of a live run is not stale). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of earlier writes to `file` whose process is gone (killed mid-write). */
export function removeStaleTemporaries(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}${TEMP_MARK}`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // Already gone, or not ours to remove.
    }
  }
}

function existing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems cannot fsync a folder; the file itself is already on disk.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function writeFileAtomic(target: string, text: string | Uint8Array): void {
  // Through a symbolic link, replace the file it points to, not the link.
  let file = target;
  try {
    file = realpathSync(target);
  } catch {
    // Does not exist yet.
  }
  const stats = existing(file);
  if (stats) {
    if (!stats.isFile()) throw new WriteRefused('it is not a regular file');
    if ((stats.mode & 0o222) === 0) throw new WriteRefused('it is read-only; make it writable first (chmod u+w) if it should change');
    if (stats.nlink > 1) {
      throw new WriteRefused(
        `it has ${stats.nlink} hard links, and replacing it would leave the other names with the old text; break the link first (cp it to a new file and move that over it), or use --stdin`,
      );
    }
  }
  removeStaleTemporaries(file);
  const temporary = temporaryName(file);
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o600);
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    if (stats) {
      // The umask must not narrow the mode (a shared 664 plan stays 664); keep the owner where we may.
      fchmodSync(fd, stats.mode & 0o7777);
      try {
        fchownSync(fd, stats.uid, stats.gid);
      } catch {
        // Only root may give a file away; an ordinary user's file is already theirs.
      }
    } else {
      fchmodSync(fd, 0o666 & ~process.umask());
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
    syncFolder(path.dirname(file));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    throw error;
  }
}
