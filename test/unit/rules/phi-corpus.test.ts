/**
 * The `phi` rule measured on corpora kept in the repository (test/fixtures/phi-corpus): the
 * false-positive rate on plausible clinical sentences without identifying data (each placed in a
 * note, in the plan title and in a comment), and the recall on sentences with one synthetic
 * identifier each. docs/rules/phi.md states the measured figures; this test keeps them true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpusDir = path.join(repoRoot, 'test', 'fixtures', 'phi-corpus');

const linesOf = (file: string) =>
  readFileSync(path.join(corpusDir, file), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));

const negatives = readdirSync(corpusDir)
  .filter((file) => file.startsWith('negative-') && file.endsWith('.txt'))
  .sort()
  .flatMap((file) => linesOf(file).map((sentence) => ({ file, sentence })));
const positives = linesOf('positive.txt').map((line) => {
  const [sentence, identifier] = line.split('\t');
  return { sentence, identifier };
});

const quoted = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const BODY = `  client "C-0142"\n  diagnosis "Major depressive disorder" code F33.1\n  sessions 16 weekly 50min\nphase initial sessions 1-3\n  session 1 "Assessment"\n`;

/** The plan texts a sentence is tried in: a session note, the plan title and a comment. */
function placements(sentence: string): { where: string; text: string }[] {
  return [
    { where: 'note', text: `plan "C-0142 acute IPT"\n${BODY}    note ${quoted(sentence)}\n` },
    { where: 'title', text: `plan ${quoted(sentence)}\n${BODY}` },
    { where: 'comment', text: `# ${sentence}\nplan "C-0142 acute IPT"\n${BODY}` },
  ];
}

/** A positive sentence written as `client "…"` or `plan "…"` is that statement; others go in a note. */
function positivePlan(sentence: string): string {
  if (/^client "/.test(sentence)) return `plan "C-0142 acute IPT"\n  ${sentence}\n${BODY.replace('  client "C-0142"\n', '')}`;
  if (/^plan "/.test(sentence)) return `${sentence}\n${BODY}`;
  return `plan "C-0142 acute IPT"\n${BODY}    note ${quoted(sentence)}\n`;
}

const phiTexts = (text: string) => analyse(text).diagnostics.filter((d) => d.rule === 'phi').map((d) => text.slice(d.span.start, d.span.end));

const falseAlarms = negatives.flatMap(({ file, sentence }) =>
  placements(sentence).flatMap(({ where, text }) => phiTexts(text).map((found) => `${file} (${where}): "${sentence}" → ${found}`)),
);
const flaggedSentences = new Set(falseAlarms.map((alarm) => alarm.replace(/ \((note|title|comment)\):/, ':').replace(/ → .*$/, ''))).size;
const missed = positives.filter(({ sentence, identifier }) => !phiTexts(positivePlan(sentence)).includes(identifier));
const found = positives.length - missed.length;

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

describe('phi on the corpora in test/fixtures/phi-corpus', () => {
  it('has at least 500 clinical sentences without identifying data, and synthetic identifiers of every kind', () => {
    expect(negatives.length).toBeGreaterThanOrEqual(500);
    expect(new Set(negatives.map((n) => n.sentence)).size).toBe(negatives.length);
    expect(positives.length).toBeGreaterThanOrEqual(50);
    for (const { sentence, identifier } of positives) expect(sentence, sentence).toContain(identifier);
  });

  it('gives a false-positive rate of at most 1% of sentences', () => {
    expect(flaggedSentences / negatives.length, falseAlarms.join('\n')).toBeLessThanOrEqual(0.01);
  });

  it('finds at least 95% of the synthetic identifiers, on their exact characters', () => {
    expect(found / positives.length, missed.map((m) => `${m.sentence} (expected ${m.identifier})`).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('states the measured rates in docs/rules/phi.md', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs', 'rules', 'phi.md'), 'utf8');
    expect(doc).toContain(
      `**${flaggedSentences} of ${negatives.length}** clinical sentences without identifying data (${percent(flaggedSentences, negatives.length)}) gave a false alarm`,
    );
    expect(doc).toContain(`**${found} of ${positives.length}** synthetic identifiers (${percent(found, positives.length)}) were found`);
  });
});
