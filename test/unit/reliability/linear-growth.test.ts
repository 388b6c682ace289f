/**
 * No regular expression of the lexer, the formatter, the editor features or the renderers'
 * escaping backtracks catastrophically: each adversarial input is run at 100,000 characters and
 * ten times at 10,000, and the one long input may cost about as much (linear), not ten times as
 * much (quadratic).
 * (The rules' own detectors — `phi`, `risk-assessment` — have their tests beside the rules.)
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { selectionRangesAt } from '../../../server/src/features/selection-ranges.js';
import { semanticTokensData } from '../../../server/src/features/semantic-tokens.js';
import { formatEdits } from '../../../server/src/format/edits.js';
import { format } from '../../../server/src/format/format.js';
import { escapeHtml, escapeMarkdown } from '../../../server/src/render/escape.js';
import { render } from '../../../server/src/render/index.js';

/** Adversarial inputs of about `n` characters, each aimed at one pattern. */
const shapes: Record<string, (n: number) => string> = {
  'stray characters (lexing errors)': (n) => `${'@ '.repeat(n / 2)}\n`,
  'an unterminated string': (n) => `plan "${'a'.repeat(n)}\n`,
  'an unterminated string of escapes': (n) => `plan "${'\\"'.repeat(n / 2)}\n`,
  'blanks before a comment’s last word (trailing-blank trim)': (n) => `# a${' '.repeat(n)}x\n`,
  'blanks that do not reach the line end': (n) => `plan "x"${' \t'.repeat(n / 2)}# y\n`,
  'an identifier of dashes': (n) => `variant ${'a-'.repeat(n / 2)}\n`,
  'a range of dashes': (n) => `session ${'1-'.repeat(n / 2)}\n`,
  'digits': (n) => `session ${'1'.repeat(n)}\n`,
  'non-breaking spaces and BOMs': (n) => `plan "x"${'\u00a0\ufeff'.repeat(n / 2)}\n`,
  'a directive with a long rule list': (n) => `# ipt-disable-next-line ${'a, '.repeat(n / 3)}\nplan "x"\n`,
  'many short lines': (n) => 'x\n'.repeat(n / 2),
  'many short statements': (n) => `plan "x"\n${'  note "n"\n'.repeat(n / 11)}`,
  'CR line ends': (n) => 'plan "x"\r'.repeat(n / 9),
};

function runAll(text: string) {
  const analysis = analyse(text);
  format(text);
  formatEdits(text);
  render(analysis, { to: 'html' });
  render(analysis, { to: 'markdown' });
  semanticTokensData(analysis);
  selectionRangesAt(analysis, Math.floor(text.length / 2));
}

function fastest(run: () => void, times = 3): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Time for one 100k input over time for ten 10k inputs (the same number of characters): about 1
 * when the work is linear, about 10 when it is quadratic.
 */
function growth(run: (n: number) => void): number {
  run(10_000); // warm up
  const small = fastest(() => {
    for (let i = 0; i < 10; i++) run(10_000);
  }, 1);
  const large = fastest(() => run(100_000), 1);
  return large / small;
}

describe('time grows linearly with adversarial input (one 100k input costs about what ten 10k inputs cost)', () => {
  for (const [name, shape] of Object.entries(shapes)) {
    it(name, () => {
      // 4× allows for a busy machine and garbage collection; quadratic growth would be 10×.
      expect(growth((n) => runAll(shape(n)))).toBeLessThan(4);
    }, 120_000);
  }

  it('escaping HTML and Markdown (at 100k and 1M characters: at 10k, escaping takes a fraction of a millisecond and the ratio would be noise)', () => {
    const text = (n: number) => '<&*_[]`|#'.repeat(n / 9);
    for (const escape of [escapeHtml, escapeMarkdown]) {
      escape(text(100_000));
      const small = fastest(() => {
        for (let i = 0; i < 10; i++) escape(text(100_000));
      });
      const large = fastest(() => escape(text(1_000_000)));
      expect(large / Math.max(small, 1)).toBeLessThan(4);
    }
  });
});
