/** `ipt rules`: every rule with its default severity, description and docs link. */
import { describe, expect, it } from 'vitest';
import { allRules } from '../../../server/src/rules/registry.js';
import { repoRoot, runCli } from './cli-harness.js';

describe('ipt rules', () => {
  it('--format json lists every rule with id, default severity, description and docs URL', async () => {
    const result = await runCli(['rules', '--format', 'json'], repoRoot);
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.stdout) as { id: string; defaultSeverity: string; description: string; docsUrl: string }[];
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    for (const rule of rules) {
      expect(['error', 'warning', 'info']).toContain(rule.defaultSeverity);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.docsUrl).toBe(`https://github.com/ipt-plan/ipt-plan/blob/main/docs/rules/${rule.id}.md`);
    }
    expect(rules.find((r) => r.id === 'session-count')?.defaultSeverity).toBe('error');
    expect(rules.find((r) => r.id === 'phi')?.defaultSeverity).toBe('warning');
  });

  it('prints a readable table by default', async () => {
    const result = await runCli(['rules'], repoRoot);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(allRules.length * 2);
    expect(lines[0]).toMatch(/^syntax\s+error\s+\S/);
    expect(lines[1].trim()).toBe(allRules[0].docsUrl);
  });

  it('rejects an unknown format', async () => {
    const result = await runCli(['rules', '--format', 'yaml'], repoRoot);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`--format yaml` is not one of `text`, `json`.');
  });
});
