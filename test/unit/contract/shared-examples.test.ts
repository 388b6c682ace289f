/**
 * The contract: every file in ../shared/design/examples gives exactly the rules its first line lists.
 * Reads ../shared (beside the checkout in CI); skipped when that folder is absent, as in a user's clone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { contractExamples, hasSharedExamples, repoRoot, sharedExamplesDir } from './helpers.js';

const examples = contractExamples();

describe.skipIf(!hasSharedExamples)(`contract examples from ../shared/design/examples (${sharedExamplesDir})`, () => {
  test('there are examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(13);
  });

  for (const example of examples) {
    test(`${example.name} parses with no syntax diagnostic`, () => {
      expect(analyse(example.text).diagnostics.filter((d) => d.rule === 'syntax')).toEqual([]);
    });

    test(`${example.name} gives exactly: ${example.expected.join(' ') || 'none'}`, () => {
      const rules = [...new Set(analyse(example.text).diagnostics.map((d) => d.rule))].sort();
      expect(rules).toEqual(example.expected);
    });
  }

  test('`ipt lint --format json` gives the same rules for every example (the built CLI)', () => {
    const bin = path.join(repoRoot, 'bin', 'ipt.js');
    expect(existsSync(path.join(repoRoot, 'dist', 'cli.js')), 'dist/cli.js is missing: run `npm run build` first').toBe(true);
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, [bin, 'lint', '--format', 'json', ...examples.map((e) => e.file)], { cwd: repoRoot, encoding: 'utf8' });
    } catch (error) {
      // Exit code 1 (errors found) is expected for the invalid examples; the JSON is still on stdout.
      stdout = (error as { stdout: string }).stdout;
    }
    const results = JSON.parse(stdout) as { file: string; diagnostics: { rule: string }[] }[];
    expect(results).toHaveLength(examples.length);
    for (const example of examples) {
      const result = results.find((r) => path.resolve(repoRoot, r.file) === example.file);
      expect(result, example.name).toBeDefined();
      const rules = [...new Set(result!.diagnostics.map((d) => d.rule))].sort();
      expect(rules, example.name).toEqual(example.expected);
    }
  });
});
