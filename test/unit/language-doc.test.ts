/** docs/language.md must stay in step with the catalogue, the rule registry and the language itself. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/src/analyse.js';
import type { CatalogueEntry } from '../../server/src/language/catalogue-types.js';
import { builtinCatalogue } from '../../server/src/language/catalogue.js';
import { allRules } from '../../server/src/rules/registry.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const doc = readFileSync(path.join(repoRoot, 'docs', 'language.md'), 'utf8');

/** The body of the `## heading` section, up to the next `## ` heading. */
function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

describe('docs/language.md', () => {
  it('lists every catalogue word, and every alias, in the vocabulary section', () => {
    const vocabulary = section('Vocabulary');
    for (const [list, entries] of Object.entries(builtinCatalogue) as [string, CatalogueEntry[]][]) {
      for (const entry of entries) {
        for (const word of [entry.id, ...(entry.aliases ?? [])]) {
          expect(vocabulary.includes(`\`${word}\``), `${list}: ${word}`).toBe(true);
        }
      }
    }
  });

  it('states every variant bound as the catalogue has it', () => {
    const rows = section('Vocabulary').split('\n').filter((line) => line.startsWith('| `'));
    for (const variant of builtinCatalogue.variants) {
      const row = rows.find((line) => line.startsWith(`| \`${variant.id}\``));
      expect(row, variant.id).toBeDefined();
      const cells = row!.split('|').map((cell) => cell.trim());
      const sessions = variant.sessions.max === undefined ? `${variant.sessions.min} or more` : `${variant.sessions.min}–${variant.sessions.max}`;
      expect(cells[3], variant.id).toBe(sessions);
      expect(cells[5], variant.id).toBe(String(variant.initialMax));
      expect(cells[6], variant.id).toBe(`${variant.termination.min}–${variant.termination.max}`);
      for (const cadence of variant.cadences) expect(cells[4], variant.id).toContain(cadence);
    }
  });

  it('states every instrument range as the catalogue has it', () => {
    for (const instrument of builtinCatalogue.instruments) {
      expect(doc, instrument.id).toMatch(new RegExp(`\\| \`${instrument.id}\` \\|[^\\n]*\\| ${instrument.min}–${instrument.max} \\|`));
    }
  });

  it('links the page of every rule, and only rules that exist', () => {
    const rules = section('Rules');
    const documented = allRules.map((rule) => rule.id);
    for (const id of documented) expect(rules, id).toContain(`[\`${id}\`](rules/${id}.md)`);
    const linked = [...doc.matchAll(/\]\(rules\/([a-z-]+)\.md\)/g)].map((match) => match[1]);
    for (const id of linked) expect(documented, id).toContain(id);
  });

  it('links only to files that exist', () => {
    const targets = [...doc.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));
    expect(targets.length).toBeGreaterThan(20);
    for (const target of new Set(targets)) expect(existsSync(path.join(repoRoot, 'docs', target)), target).toBe(true);
  });

  it('links only to headings that exist on the page (GitHub anchors)', () => {
    const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
    const prose = doc.replace(/```[\s\S]*?```/g, '');
    const anchors = new Set([...prose.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slug(match[1]!)));
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(anchors.has(link), link).toBe(true);
  });

  it('has a complete example that analyses with no diagnostics', () => {
    const example = /```ipt\n([\s\S]*?)```/.exec(section('A complete example'))?.[1];
    expect(example).toBeDefined();
    const analysis = analyse(example!);
    expect(analysis.diagnostics.map((d) => `${d.range.start.line + 1} ${d.rule}: ${d.message}`)).toEqual([]);
    expect(analysis.ast.phases).toHaveLength(3);
  });

  it('has a directive example that suppresses a real diagnostic', () => {
    const directive = /```ipt\n(# ipt-disable-next-line [\s\S]*?)```/.exec(section('Inline directives'))?.[1];
    const example = /```ipt\n([\s\S]*?)```/.exec(section('A complete example'))?.[1];
    expect(directive).toMatch(/^# ipt-disable-next-line phase-length -- .+\nphase initial sessions 1-4\n$/);
    // The complete example with a four-session initial phase, as the directive's reason describes.
    const withDirective = example!
      .replace('phase initial sessions 1-3\n', directive!)
      .replace('phase middle sessions 4-13\n  session 4-7', 'phase middle sessions 5-13\n  session 5-7')
      .replace('  session 3 "Formulation and treatment contract"\n', '  session 3 "Onset"\n    task onset-review\n  session 4 "Formulation and treatment contract"\n');
    expect(analyse(withDirective).diagnostics.map((d) => d.rule)).toEqual([]);
    const withoutDirective = withDirective.replace(/^# ipt-disable-next-line.*\n/m, '');
    expect(analyse(withoutDirective).diagnostics.map((d) => d.rule)).toEqual(['phase-length']);
  });

  it('shows only examples that parse without syntax errors (those that can stand alone)', () => {
    // One-line examples of `goal`, `session`, `task`… belong under a block and cannot stand alone.
    const blocks = [...doc.matchAll(/```ipt\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .filter((block) => /^(#|plan |focus |measure |risk |phase )/.test(block));
    expect(blocks.length).toBeGreaterThan(8);
    for (const block of blocks) {
      // `…` stands for lines left out of a short excerpt.
      const text = block.replace(/^\s*…\s*$/gm, '');
      const syntax = analyse(text).diagnostics.filter((d) => d.rule === 'syntax');
      expect(syntax.map((d) => d.message), block).toEqual([]);
    }
  });
});
