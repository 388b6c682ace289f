/**
 * SARIF rule metadata as GitHub code scanning reads it: readable names, a one-line and a full
 * description that differ, help from the rule's docs page, tags, and helpUris under the repository
 * that package.json names. Logs validate as `github/codeql-action/upload-sarif` validates uploads
 * (sarif-upload-check.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Log, ReportingDescriptor } from 'sarif';
import { describe, expect, it } from 'vitest';
import { absoluteLinks, plainText, section } from '../../../server/src/cli/formatters/rule-docs.js';
import { formatSarif, ruleName } from '../../../server/src/cli/formatters/sarif.js';
import { allRules } from '../../../server/src/rules/registry.js';
import { repoRoot, runCli, tempProjects } from './cli-harness.js';
import { sarifSchema as schema, sarifUploadErrors as uploadErrors } from './sarif-upload-check.js';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { repository: { url: string } };
const log = JSON.parse(formatSarif([], { color: false, rules: allRules })) as Log;
const rules = log.runs[0].tool.driver.rules as ReportingDescriptor[];

describe('SARIF as upload-sarif validates it', () => {
  const project = tempProjects();

  it('uses the copy of the schema that codeql-action ships, which rejects what upload-sarif rejects', () => {
    expect(schema.$id).toBe('https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema'); // codeql-action's edit of the OASIS file
    const result = (extra: object) => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, ...extra }] }] });
    expect(uploadErrors(result({}))).toEqual([]);
    expect(uploadErrors(result({ level: 'fatal' }))).toEqual(['instance.runs[0].results[0].level is not one of enum values: none,note,warning,error']);
    expect(uploadErrors(result({ locations: [{ physicalLocation: { region: { startLine: 1 } } }] }))).toHaveLength(1);
    expect(uploadErrors(result({ ruleIndex: -2 }))).toHaveLength(1);
  });

  it('finds no error in the rules-only log, with every URI an absolute URL', () => {
    expect(uploadErrors(log)).toEqual([]);
    for (const rule of rules) expect(() => new URL(rule.helpUri!)).not.toThrow();
  });

  it('finds no error in `ipt lint --format sarif` over every rule sample, a file name needing escapes and one outside the folder', async () => {
    const samples = path.join(repoRoot, 'samples', 'rules');
    const dir = project({ 'plans/C-0142 été #1.ipt': readFileSync(path.join(samples, 'phi.ipt'), 'utf8') });
    const result = await runCli(['lint', '--format', 'sarif', 'plans', samples], dir);
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout) as Log;
    expect(sarif.runs[0].results?.length).toBeGreaterThan(20);
    const uris = (sarif.runs[0].results ?? []).map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri);
    expect(uris).toContain('plans/C-0142%20%C3%A9t%C3%A9%20%231.ipt');
    expect(uris.some((uri) => uri?.startsWith('file:///'))).toBe(true);
    expect(uploadErrors(sarif)).toEqual([]);
  });
});

describe('SARIF rules', () => {

  it('gives each rule a PascalCase name distinct from its id, ignoring case too (Sarif.Multitool SARIF1001)', () => {
    expect(rules.find((r) => r.id === 'session-count')?.name).toBe('SessionCount');
    expect(rules.find((r) => r.id === 'phi')?.name).toBe('IdentifyingData');
    expect(ruleName('new-rule')).toBe('NewRule');
    expect(ruleName('newrule')).toBe('NewruleRule'); // a one-word id without a name of its own
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(rule.name!.toLowerCase()).not.toBe(rule.id.toLowerCase());
    }
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
  });

  it('has a short description (the rule’s one line) and a different, longer full description from its page', () => {
    for (const rule of rules) {
      const source = allRules.find((r) => r.id === rule.id)!;
      expect(rule.shortDescription?.markdown).toBe(source.description);
      expect(rule.shortDescription?.text).not.toContain('`');
      expect(rule.fullDescription?.text).not.toBe(rule.shortDescription?.text);
      expect(rule.fullDescription!.text.length).toBeGreaterThan(rule.shortDescription!.text.length);
    }
  });

  it('takes help.markdown from docs/rules/<id>.md, with links made absolute', () => {
    for (const rule of rules) {
      const page = readFileSync(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      expect(rule.help?.markdown).toBe(absoluteLinks(page, rule.helpUri!).trim());
      const checks = section(absoluteLinks(page, rule.helpUri!), 'What it checks');
      if (checks) expect(rule.fullDescription?.markdown).toBe(checks);
      else expect(rule.fullDescription?.markdown, rule.id).toContain(section(absoluteLinks(page, rule.helpUri!), rule.id === 'internal-error' ? 'Why it exists' : 'Why')!.split('\n\n')[0]);
      expect(rule.help?.markdown).not.toMatch(/\]\((?!https?:)[^)]*\)/); // no relative link left
    }
    const variant = rules.find((r) => r.id === 'session-count')!;
    expect(variant.help?.markdown).toContain('[`plan-header`](https://github.com/ipt-plan/ipt-plan/blob/main/docs/rules/plan-header.md)');
  });

  it('builds helpUri and informationUri from package.json `repository`', () => {
    const home = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(log.runs[0].tool.driver.informationUri).toBe(home);
    for (const rule of rules) expect(rule.helpUri).toBe(`${home}/blob/main/docs/rules/${rule.id}.md`);
  });

  it('tags every rule, starting with ipt', () => {
    for (const rule of rules) {
      const tags = rule.properties?.tags ?? [];
      expect(tags[0]).toBe('ipt');
      expect(tags.length).toBeGreaterThan(1);
    }
    expect(rules.find((r) => r.id === 'phi')?.properties?.tags).toEqual(['ipt', 'privacy']);
    expect(rules.find((r) => r.id === 'risk-assessment')?.properties?.tags).toEqual(['ipt', 'safety']);
  });
});

describe('docs page helpers', () => {
  it('resolves relative links against the page address and leaves absolute ones', () => {
    const base = 'https://example.org/docs/rules/a.md';
    expect(absoluteLinks('see [b](b.md), [cfg](../config.md#rules) and [x](https://x.org/y)', base)).toBe(
      'see [b](https://example.org/docs/rules/b.md), [cfg](https://example.org/docs/config.md#rules) and [x](https://x.org/y)',
    );
  });

  it('cuts one ## section and turns Markdown into plain text', () => {
    expect(section('# t\n## What it checks\nOne.\n\nTwo.\n## Why\nNo.', 'What it checks')).toBe('One.\n\nTwo.');
    expect(section('# t\n## Why\nNo.', 'What it checks')).toBeUndefined();
    expect(plainText('A **bold** `code` [link](x.md) and *stress*.')).toBe('A bold code link and stress.');
  });
});
