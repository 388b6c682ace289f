/**
 * No catastrophic backtracking: for adversarial lines (long words, runs of digits, escapes, rule
 * ids, junk), tokenising a line ten times as long takes about ten times as long, not a hundred.
 * This checks how the time grows, not how fast it is (speed targets belong in bench/): each size is
 * timed three times, interleaved, and the best time is kept, so a busy machine does not decide it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import { iptGrammar } from './textmate.js';

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await iptGrammar();
  grammar.tokenizeLine('plan "warm up" # ipt-disable x -- y', INITIAL);
});

/** Lines of about `n` characters that would each defeat a backtracking pattern. */
const adversarial: Record<string, (n: number) => string> = {
  'one long name with a dangling hyphen': (n) => `task ${'a-'.repeat(n / 2)}`,
  'one long name with dots': (n) => `focus ${'a.'.repeat(n / 2)}`,
  'a long list of names': (n) => `technique ${'a-b, '.repeat(n / 5)}`,
  'a run of digits': (n) => `sessions ${'9'.repeat(n)}`,
  'digits and hyphens': (n) => `session ${'1-'.repeat(n / 2)}`,
  'digits and dots': (n) => `score PHQ-9 ${'1.'.repeat(n / 2)}`,
  'negative numbers': (n) => `score PHQ-9 ${'-1'.repeat(n / 2)}`,
  'slashes': (n) => `date ${'1/'.repeat(n / 2)}`,
  'escaped quotes in an unclosed string': (n) => `note "${'\\"'.repeat(n / 2)}`,
  'backslashes in an unclosed string': (n) => `note "${'\\'.repeat(n)}`,
  'many strings': (n) => `note ${'"a" '.repeat(n / 4)}`,
  'a directive with many rule ids': (n) => `# ipt-disable ${'x, '.repeat(n / 3)} -- reason`,
  'a directive with many dashes': (n) => `# ipt-disable x ${'-- '.repeat(n / 3)}`,
  'a long comment': (n) => `#${' ipt-disable'.repeat(n / 12)}`,
  'junk characters': (n) => '@'.repeat(n),
  'leading spaces': (n) => `${' '.repeat(n)}x`,
  'a keyword prefix repeated': (n) => `${'session'.repeat(n / 7)}`,
};

/** One tokenisation, through the binary-token API the editor uses. */
function timeOf(line: string): number {
  const start = performance.now();
  const result = grammar.tokenizeLine2(line, INITIAL);
  const time = performance.now() - start;
  expect(result.stoppedEarly).toBe(false);
  return time;
}

describe('tokenising a 100k-character adversarial line grows linearly', () => {
  for (const [name, make] of Object.entries(adversarial)) {
    it(name, () => {
      const small = make(10_000);
      const large = make(100_000);
      expect(large.length).toBeGreaterThanOrEqual(99_000);
      timeOf(small);
      let smallBest = Infinity;
      let largeBest = Infinity;
      for (let i = 0; i < 5; i++) {
        smallBest = Math.min(smallBest, timeOf(small));
        largeBest = Math.min(largeBest, timeOf(large));
      }
      // Linear: about 10. Quadratic: about 100. The bound sits between them with room for a busy
      // machine (a shared CI core measured 40 once); the best of five runs keeps most noise out, and a
      // floor of 1 ms keeps timer noise on tiny times out.
      const ratio = largeBest / Math.max(smallBest, 1);
      expect(ratio, `10k: ${smallBest.toFixed(1)} ms, 100k: ${largeBest.toFixed(1)} ms`).toBeLessThan(50);
    });
  }
});
