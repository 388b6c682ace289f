/** Writes a file atomically: a temporary file beside it, then a rename, so a crash never leaves half a plan. */
import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(path_: string, text: string): void {
  // Through a symbolic link, replace the file it points to, not the link.
  let file = path_;
  try {
    file = realpathSync(path_);
  } catch {
    // Does not exist yet.
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    // A new file: the default mode.
  }
  try {
    writeFileSync(temporary, text, mode === undefined ? { encoding: 'utf8' } : { encoding: 'utf8', mode });
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    throw error;
  }
}
