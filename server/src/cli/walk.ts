/**
 * Walks a folder for files, without descending into folders the caller skips (node_modules, .git,
 * hidden and ignored folders). Hand-written over node:fs rather than a glob library: it keeps the
 * CLI bundle CommonJS-clean and lets ignored folders be pruned instead of walked and filtered.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export interface WalkOptions {
  /** True to skip a folder (absolute path) and everything under it. */
  skipDir(dir: string): boolean;
  /** True to keep a file; `relative` is relative to the walk's root, with forward slashes. */
  accept(relative: string, file: string): boolean;
}

/**
 * Absolute paths of the accepted files under `root`. A link to a folder inside `root` is skipped
 * (the folder is walked under its own name); a link to a folder outside is followed once. Broken
 * links count as files, so that reading them reports the problem.
 */
export function walkFiles(root: string, options: WalkOptions): string[] {
  const files: string[] = [];
  const visited = new Set<string>();
  const realRoot = realpathOrUndefined(root);
  const pending = [path.resolve(root)];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      continue;
    }
    if (visited.has(real)) continue; // a link loop, or a folder reached twice
    visited.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // an unreadable folder holds nothing we can lint
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDirectory = statSync(full).isDirectory();
        } catch {
          isDirectory = false; // broken link: reported when read
        }
        const target = isDirectory ? realpathOrUndefined(full) : undefined;
        if (target !== undefined && realRoot !== undefined && isInside(realRoot, target)) continue;
      }
      if (isDirectory) {
        if (!options.skipDir(full)) pending.push(full);
      } else {
        const relative = path.relative(root, full).split(path.sep).join('/');
        if (options.accept(relative, full)) files.push(full);
      }
    }
  }
  return files;
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
