/**
 * The references: every source tag the catalogue, the rules and the docs cite has a full citation in
 * language/catalogue/sources.ts, and docs/sources.md lists them all as the code has them (regenerate
 * the page with `npx vitest run test/unit/sources.test.ts -u` after changing a citation).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../../server/src/language/catalogue-types.js';
import { builtinCatalogue } from '../../server/src/language/catalogue.js';
import { SOURCES } from '../../server/src/language/catalogue/sources.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TAG = /\[(S\d+b?|seed \d{3})\]/g;

/** The heading anchor GitHub gives `#### S15b` or `#### seed 002`. */
export const anchorOf = (tag: string) => tag.toLowerCase().replace(/ /g, '-');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), ext) : entry.name.endsWith(ext) ? [path.join(dir, entry.name)] : [],
  );
}

/** docs/sources.md as the citations make it. */
function sourcesPage(): string {
  const order = (tag: string) => (tag.startsWith('seed') ? [0, Number(tag.slice(5)), ''] : [1, Number(/\d+/.exec(tag)![0]), tag.replace(/^S\d+/, '')]);
  const tags = Object.keys(SOURCES).sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number) || String(x[2]).localeCompare(String(y[2]));
  });
  const lines = [
    '# Sources',
    '',
    'The references behind the IPT vocabulary, the rules and their pages. Rule pages and',
    '[language.md](language.md) cite them with tags such as [[S3]](#s3); in the editor, hovering over a',
    'vocabulary word shows the full citations, and diagnostic messages carry no tags at all.',
    '',
    'Tags S2–S83 and the four seed documents come from the project\'s IPT research notes; S84–S93 were added',
    'for IPT-A, maintenance IPT and the youth measures, and S94–S115 for safety planning and crisis lines,',
    'de-identification, the parent in IPT-A and the measures. Where a source is a web page that summarises a book',
    'or a paper, the citation says so. The full IPT manual was not available to the project: facts a',
    'single source gives are marked **UNCERTAIN** where they are used.',
    '',
    'This page is generated from `server/src/language/catalogue/sources.ts`',
    '(`npx vitest run test/unit/sources.test.ts -u`).',
    '',
  ];
  for (const tag of tags) {
    const { citation, url } = SOURCES[tag];
    lines.push(`#### ${tag}`, '', `${citation}${url ? ` <${url}>` : ''}`, '');
  }
  return lines.join('\n');
}

describe('sources', () => {
  it('cites every tag the catalogue uses', () => {
    const used = (Object.values(builtinCatalogue) as CatalogueEntry[][]).flat().flatMap((entry) => entry.sources);
    expect([...new Set(used)].filter((tag) => !SOURCES[tag])).toEqual([]);
  });

  it('cites every tag the docs and the code cite in brackets', () => {
    const files = [...filesUnder('docs', '.md'), ...filesUnder('server/src', '.ts'), 'README.md'];
    const missing = files.flatMap((file) => [...readFileSync(path.join(repoRoot, file), 'utf8').matchAll(TAG)].map((m) => m[1]).filter((tag) => !SOURCES[tag]).map((tag) => `${file}: ${tag}`));
    expect(missing).toEqual([]);
  });

  it('links every tag in the docs to its entry on docs/sources.md', () => {
    const unlinked = filesUnder('docs', '.md')
      .filter((file) => !file.endsWith('sources.md'))
      .flatMap((file) => {
        const text = readFileSync(path.join(repoRoot, file), 'utf8').replace(/```[\s\S]*?```/g, '');
        const target = file.startsWith(path.join('docs', 'rules')) ? '../sources.md' : 'sources.md';
        return [...text.matchAll(/\[(S\d+b?|seed \d{3})\](?!\()/g)].filter((m) => text[m.index! - 1] !== '[').map((m) => `${file}: [${m[1]}] is not a link to ${target}#${anchorOf(m[1])}`);
      });
    expect(unlinked).toEqual([]);
  });

  it('docs/sources.md lists every citation as the code has it', async () => {
    await expect(sourcesPage()).toMatchFileSnapshot(path.join(repoRoot, 'docs', 'sources.md'));
  });
});
