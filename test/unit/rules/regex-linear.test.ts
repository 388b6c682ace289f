/**
 * No rule's regular expression backtracks catastrophically (issue 13): each adversarial text of 10k
 * and 100k characters, in a note, a plan string and a comment, takes about ten times as long at ten
 * times the size. The cases are the ones found by fuzzing (the local-phone pattern was cubic: `call`,
 * 4,000 spaces and `x 555-0143` took 16 s) and the shapes every pattern of `phi`, `risk-assessment`
 * and `placeholder` could choke on: long runs of what a part of the pattern accepts (and, since issue
 * 18, the name detectors, quoted sentence frames and what a safety plan says).
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../../server/src/language/parser.js';
import { LineIndex } from '../../../server/src/language/span.js';
import { defaultConfig } from '../../../server/src/rules/config.js';
import { semanticRules } from '../../../server/src/rules/registry.js';
import type { RuleContext } from '../../../server/src/rules/rule.js';
import { linearGrowth } from './linear-time.js';

/**
 * Every rule's check on an already parsed plan: only the rules' own work is timed (lexing and parsing
 * have their own tests), so what is measured is what these patterns cost.
 */
function prepared(text: string): RuleContext[] {
  const { file } = parsePlan(text);
  const lines = new LineIndex(text);
  return semanticRules.map(() => ({
    file,
    text,
    lines,
    catalogue: defaultConfig.catalogue,
    config: defaultConfig,
    variant: defaultConfig.catalogue.variants[0],
    plannedTotal: undefined,
    report: () => undefined,
  }));
}
const runRules = (contexts: RuleContext[]) => semanticRules.forEach((rule, i) => rule.check(contexts[i]));

/** [name, prefix, repeated part, suffix]: the text is prefix + part × n + suffix. */
const CASES: [string, string, string, string][] = [
  ...['call', 'tel', 'text', 'phone', 'mobile', 'ring', 'Call her on'].map((word): [string, string, string, string] => [`${word} + spaces`, word, ' ', 'x 555-0143']),
  ['call + tabs', 'call', '\t', 'x 5035550187'],
  ['SSN + spaces', 'SSN', ' ', 'x'],
  ['SSN + colon and spaces', 'SSN:', ' ', '12'],
  ['Social Security + spaces', 'Social Security Number', ' ', 'x'],
  ['DOB + spaces', 'DOB', ' ', 'x'],
  ['D.O.B. + spaces', 'D.O.B.', ' ', '3 May'],
  ['date of birth + spaces', 'date of birth', ' ', 'x'],
  ['born + spaces', 'born', ' ', '3 Mayx'],
  ['birthday + spaces', 'birthday', ' ', 'the 3rd of'],
  ['repeated safety contract', '', 'safety contract ', ''],
  ['repeated no-harm contract, then a negation', '', 'no-harm contract ', 'not used'],
  ['repeated contract for safety, no clause end', '', 'contract for safety and ', ''],
  ['digits', '', '1', ''],
  ['digit groups', '', '123 ', 'x'],
  ['UK groups', '', '020 7946 ', ''],
  ['plus and digits', '', '+44 ', ''],
  ['one plus, many digits', '+4', '1', 'x'],
  ['one plus, digit groups', '+4', '1 ', 'x'],
  ['e-mail local part', '', 'a.', '@x'],
  ['e-mail domain', 'a@', 'b.', '_'],
  ['many at signs', '', 'a@', ''],
  ['address: number and spaces', '12', ' ', 'x'],
  ['address: capitalised words', '12 ', 'Elm ', 'x'],
  ['address: numbers and capitals', '', '1 A ', ''],
  ['name-like capitals', 'Plan for ', 'Maria ', ''],
  ['placeholder dots', '', '.', 'x'],
  ['placeholder ellipses', '', '… ', 'x'],
  ['placeholder words', '', 'TODO ', ''],
  ['hyphens', '', '-', ''],
  ['months and numbers', '', 'May 3 ', ''],
  // Issue 18: names of third parties, quoted sentence frames, safety-plan content, others' birthdays.
  ['relation words and names', '', 'husband Daniel ', ''],
  ['titles and surnames', '', 'Mrs Okafor ', ''],
  ['first and last names', '', 'Daniel Okoro ', ''],
  ['capitals with apostrophes', '', "O'Brien's ", 'x'],
  ['quoted sentence frames', '', "'I feel ... ", ''],
  ['lone quote marks and ellipses', '', "' ... ", ''],
  ['means and what is done about them', '', 'tablets kept ', ''],
  ['means without an action', '', 'firearm ', 'x'],
  ['a completeness claim repeated', '', 'safety plan was ', 'x'],
  ['access to means, far apart', '', 'access to ', 'x'],
  ["someone else's birthday", '', "friend's birthday 3 May ", ''],
  ['numbers before a crisis word', '', '0161 496 0123 ', 'crisis team'],
];

const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const inNote = (text: string) => `plan "C-0142 x"\nrisk moderate "r"\n  safety-plan "${escape(text)}"\nphase initial sessions 1\n  session 1\n    note "${escape(text)}"\n`;
const inTitle = (text: string) => `plan "${escape(text)}"\n  client "${escape(text)}"\n`;
const inComment = (text: string) => `plan "C-0142 x"\n# ${text.replace(/[\r\n]/g, ' ')}\n`;

describe('rule regular expressions run in linear time (10k vs 100k characters, the rules\' checks timed)', () => {
  for (const [name, prefix, part, suffix] of CASES) {
    for (const [where, wrap] of [['note', inNote], ['title', inTitle], ['comment', inComment]] as const) {
      it(`${name}, in a ${where}`, () => {
        const make = (size: number) => prepared(wrap(prefix + part.repeat(Math.ceil(size / part.length)) + suffix));
        // Linear work gives about 10; quadratic about 100. The bound is generous for a shared machine.
        expect(linearGrowth(make, runRules)).toBeLessThan(30);
      });
    }
  }
});
