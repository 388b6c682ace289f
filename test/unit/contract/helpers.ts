/** Paths shared by tests: the repository root and the CEO's shared folder beside it (absent in a user's clone). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const sharedExamplesDir = path.join(sharedDir, 'design', 'examples');
export const hasSharedExamples = existsSync(sharedExamplesDir);

export interface ContractExample {
  name: string;
  file: string;
  text: string;
  /** The rule ids its first line lists (`# expect: a b`; `none` → empty). */
  expected: string[];
}

export function contractExamples(): ContractExample[] {
  if (!hasSharedExamples) return [];
  return readdirSync(sharedExamplesDir)
    .filter((name) => name.endsWith('.ipt'))
    .sort()
    .map((name) => {
      const file = path.join(sharedExamplesDir, name);
      const text = readFileSync(file, 'utf8');
      const header = text.split(/\r?\n/, 1)[0];
      const expected = header.split(':', 2)[1]?.trim().split(/\s+/).filter((id) => id && id !== 'none') ?? [];
      return { name, file, text, expected: expected.sort() };
    });
}
