/**
 * The folder of the installed ipt-plan package (or of the repository, when run from source): the
 * package ships docs/, which SARIF reads for each rule's help. Found by walking up from this file,
 * which is dist/cli.js in the package and server/src/cli/ in the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | null | undefined;

export function packageRoot(): string | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && isIptPlan(manifest)) {
      cached = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return cached ?? undefined;
}

function isIptPlan(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'ipt-plan';
  } catch {
    return false;
  }
}
