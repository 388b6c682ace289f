/**
 * Messages never show raw source tags (`[S3] [S6]` mean nothing in an editor, issue 10): sources
 * are in hover and docs/sources.md. Checked on every diagnostic of the rule samples, the realistic
 * samples with one line dropped or repeated, and every rule's description.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { allRules } from '../../../server/src/rules/registry.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const TAG = /\[(?:S\d+b?|seed \d+)\]/;

const plans = ['samples', path.join('samples', 'rules')].flatMap((dir) =>
  readdirSync(path.join(repoRoot, dir))
    .filter((f) => f.endsWith('.ipt'))
    .map((f) => readFileSync(path.join(repoRoot, dir, f), 'utf8')),
);

function edits(text: string): string[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => (line.trim() ? [lines.filter((_, j) => j !== i).join('\n'), [...lines.slice(0, i + 1), line, ...lines.slice(i + 1)].join('\n')] : []));
}

describe('no source tags in messages', () => {
  it('in any diagnostic of the samples and their single-line edits', () => {
    const tagged = new Set<string>();
    let checked = 0;
    for (const plan of plans) {
      for (const text of [plan, ...edits(plan)]) {
        for (const d of analyse(text).diagnostics) {
          checked++;
          if (TAG.test(d.message)) tagged.add(`${d.rule}: ${d.message}`);
          for (const fix of d.fixes ?? []) if (TAG.test(fix.title)) tagged.add(`${d.rule} fix: ${fix.title}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect([...tagged]).toEqual([]);
  });

  it('in any rule description', () => {
    expect(allRules.filter((rule) => TAG.test(rule.description)).map((rule) => rule.id)).toEqual([]);
  });
});
