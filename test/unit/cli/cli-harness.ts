/** Runs `main()` in-process with in-memory streams, and makes temporary folders of plans. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { main } from '../../../server/src/cli/main.js';
import type { OutputStream } from '../../../server/src/cli/context.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The shared design folder beside the repository (absent outside the team's workspace). */
export const sharedExamples = path.resolve(repoRoot, '..', 'shared', 'design', 'examples');
export const samplesDir = path.join(repoRoot, 'samples');

export class MemoryStream implements OutputStream {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  cwd: string,
  options: { tty?: boolean; columns?: number; env?: Record<string, string | undefined>; stdin?: string } = {},
): Promise<RunResult> {
  const stdout = new MemoryStream(options.tty ?? false, options.columns);
  const stderr = new MemoryStream(false);
  const stdin = options.stdin === undefined ? undefined : Readable.from([Buffer.from(options.stdin)]);
  const code = await main({ argv, cwd, stdout, stderr, env: options.env ?? {}, stdin });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** A fresh temporary folder with the given files (paths relative to it, folders made as needed). */
export function tempProject(files: Record<string, string> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ipt-cli-'));
  for (const [name, text] of Object.entries(files)) writeFile(dir, name, text);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/**
 * For a test file: returns `project(files)`, which makes a temporary folder of plans that is
 * removed after the test that made it.
 */
export function tempProjects(): (files?: Record<string, string>) => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    while (cleanups.length > 0) cleanups.pop()!();
  });
  return (files = {}) => {
    const made = tempProject(files);
    cleanups.push(made.cleanup);
    return made.dir;
  };
}
