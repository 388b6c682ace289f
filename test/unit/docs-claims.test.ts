/**
 * What README.md, docs/language.md and `--help` claim about the rules and outputs, checked against
 * the code: the rule count, which rules can be configured and suppressed, what `render` writes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/src/analyse.js';
import { commandHelp } from '../../server/src/cli/help.js';
import { UNCONFIGURABLE_RULES } from '../../server/src/rules/config-schema.js';
import { allRules } from '../../server/src/rules/registry.js';
import { basePlan } from './rules/plan-fixtures.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(/\s+/g, ' ');
const language = readFileSync(path.join(repoRoot, 'docs', 'language.md'), 'utf8').replace(/\s+/g, ' ');
const meta = ['syntax', 'unused-disable', 'internal-error'];

/** The rules an inline directive refuses to disable (it says so in an unused-disable diagnostic). */
const notSuppressible = allRules
  .map((rule) => rule.id)
  .filter((id) => analyse(basePlan.replace('\n  session 1 ', `\n  # ipt-disable-next-line ${id} -- testing\n  session 1 `)).diagnostics.some((d) => d.message.includes(`\`${id}\` cannot be disabled`)));

describe('claims about the rules', () => {
  it('README gives the rule count, and the count of IPT checks besides syntax, unused-disable and internal-error', () => {
    expect(allRules.map((r) => r.id)).toEqual(expect.arrayContaining(meta));
    expect(readme).toContain(`**${allRules.length} rules** — ${allRules.length - meta.length} IPT checks, plus \`syntax\`, \`unused-disable\` and \`internal-error\``);
    for (const [, count] of readme.matchAll(/(\d+) IPT (?:rules|checks)/g)) expect(Number(count)).toBe(allRules.length - meta.length);
  });

  it('README and docs/language.md say which rules cannot be configured or suppressed, as the code decides', () => {
    expect([...UNCONFIGURABLE_RULES].sort()).toEqual(['internal-error', 'syntax']);
    expect(notSuppressible.sort()).toEqual(['internal-error', 'syntax', 'unused-disable']);
    expect(readme).toContain(`The ${allRules.length - meta.length} IPT checks can be configured in \`.iptrc.json\``);
    expect(readme).toContain('`unused-disable` can be configured but not suppressed inline; `syntax` and `internal-error` can be neither.');
    expect(language).toContain('[`syntax`](rules/syntax.md) and [`internal-error`](rules/internal-error.md) cannot be disabled; [`unused-disable`](rules/unused-disable.md) cannot be disabled inline');
  });

  it('docs/language.md lists every rule in its rule table', () => {
    for (const rule of allRules) expect(language, rule.id).toContain(`| [\`${rule.id}\`](rules/${rule.id}.md) |`);
  });
});

describe('claims about the outputs', () => {
  it('`ipt render --help` calls the FHIR output a CarePlan, not a bundle (it is one CarePlan with its resources contained)', () => {
    expect(commandHelp.render).toContain('a FHIR R4 CarePlan as JSON');
    expect(commandHelp.render.toLowerCase()).not.toContain('bundle');
  });
});
