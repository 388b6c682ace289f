import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { format } from '../../../server/src/format/format.js';
import { lexPlan } from '../../../server/src/language/lexer.js';
import { mangle } from './mangle.js';
import { canonicalPlan, iptFiles, samplesDir, sharedExamplesDir } from './plans.js';

function formatted(text: string): string {
  const result = format(text);
  if ('error' in result) throw new Error(result.error);
  return result.text;
}

function commentTexts(text: string): string[] {
  return lexPlan(text).comments.map((c) => `#${c.text}`.trimEnd());
}

function stringImages(text: string): string[] {
  return lexPlan(text).tokens.filter((t) => t.tokenType.name === 'String').map((t) => t.image);
}

describe('format: canonical layout', () => {
  it('leaves a canonical plan byte for byte as it is', () => {
    const result = format(canonicalPlan);
    expect(result).toEqual({ text: canonicalPlan, changed: false });
  });

  it('indents 2 spaces per level: plan 0, headers 1, sections 0, children 1, session items 2', () => {
    const text = 'plan "P"\nclient "C-1"\nfocus grief "Loss"\ngoal G1 "Mourn"\nphase initial sessions 1\nsession 1\ntask diagnosis\nscore PHQ-9 4\n';
    expect(formatted(text)).toBe(
      'plan "P"\n  client "C-1"\n\nfocus grief "Loss"\n  goal G1 "Mourn"\n\nphase initial sessions 1\n  session 1\n    task diagnosis\n    score PHQ-9 4\n',
    );
  });

  it('writes single spaces between tokens and ", " after commas', () => {
    const text = 'plan   "P"\n\nphase initial   sessions\t1-3\n  session 1\n    task  symptom-review ,sick-role,\tformulation\n\nmeasure PHQ-9 at 1 ,2,   3\n';
    const out = formatted(text);
    expect(out).toContain('    task symptom-review, sick-role, formulation\n');
    expect(out).toContain('measure PHQ-9 at 1, 2, 3\n');
    expect(out).toContain('phase initial sessions 1-3\n');
  });

  it('puts one space before an end-of-line comment and keeps its text', () => {
    const out = formatted('plan "P"\t\t#  title   \n  sessions 12   #   twelve\n');
    expect(out).toBe('plan "P" #  title\n  sessions 12 #   twelve\n');
  });
});

describe('format: blank lines', () => {
  it('puts exactly one blank line before each top-level section and keeps measures together', () => {
    const text = 'plan "P"\n  sessions 12\nfocus grief "Loss"\n\n\n\n  goal G1 "Mourn"\nmeasure PHQ-9 every 4\n\n\nmeasure HAM-D at 1\nrisk none "None"\nphase initial sessions 1-3\n';
    expect(formatted(text)).toBe(
      'plan "P"\n  sessions 12\n\nfocus grief "Loss"\n  goal G1 "Mourn"\n\nmeasure PHQ-9 every 4\nmeasure HAM-D at 1\n\nrisk none "None"\n\nphase initial sessions 1-3\n',
    );
  });

  it('removes blank lines between sessions, items and headers, and at the start and end', () => {
    const text = '\n\n\nplan "P"\n\n  sessions 12\n\nphase initial sessions 1-3\n\n  session 1\n\n    task diagnosis\n\n  session 2\n\n\n';
    expect(formatted(text)).toBe('plan "P"\n  sessions 12\n\nphase initial sessions 1-3\n  session 1\n    task diagnosis\n  session 2\n');
  });

  it('starts a new measure group after another section', () => {
    const out = formatted('plan "P"\nmeasure PHQ-9 every 4\nrisk none "None"\nmeasure HAM-D at 1\n');
    expect(out).toBe('plan "P"\n\nmeasure PHQ-9 every 4\n\nrisk none "None"\n\nmeasure HAM-D at 1\n');
  });
});

describe('format: comments', () => {
  it('gives a comment line the indentation of the statement below it', () => {
    const text = 'plan "P"\nphase initial sessions 1-3\nsession 1\n# before the task\ntask diagnosis\n# before session 2\nsession 2\n# before the next phase\nphase middle sessions 4-9\n';
    expect(formatted(text)).toBe(
      'plan "P"\n\nphase initial sessions 1-3\n  session 1\n    # before the task\n    task diagnosis\n  # before session 2\n  session 2\n\n# before the next phase\nphase middle sessions 4-9\n',
    );
  });

  it('keeps a comment followed by a blank line with the statement above it, and keeps that blank line', () => {
    const text = 'plan "P"\nphase initial sessions 1-3\n  session 1\n    task diagnosis\n  # about session 1\n\n  session 2\n    # end of the plan\n';
    expect(formatted(text)).toBe(
      'plan "P"\n\nphase initial sessions 1-3\n  session 1\n    task diagnosis\n    # about session 1\n\n  session 2\n  # end of the plan\n',
    );
  });

  it('keeps the comment block above `plan` as written (indentation included)', () => {
    const text = '#  Title block\n#    indented detail   \n\n\nplan "P"\n';
    expect(formatted(text)).toBe('#  Title block\n#    indented detail\n\nplan "P"\n');
  });

  it('keeps every comment, in order and with its text', () => {
    expect(commentTexts(formatted(canonicalPlan))).toEqual(commentTexts(canonicalPlan));
  });
});

describe('format: meaning is never changed', () => {
  it('copies strings byte for byte, escapes and inner spacing included', () => {
    const text = 'plan   "A  \\"quoted\\"  title\\\\ "\n  client\t"C-0142"\n';
    const out = formatted(text);
    expect(stringImages(out)).toEqual(stringImages(text));
    expect(out).toContain('"A  \\"quoted\\"  title\\\\ "');
  });

  it('keeps the same tokens in the same order', () => {
    const images = (t: string) => lexPlan(t).tokens.filter((x) => x.tokenType.name !== 'Newline').map((x) => x.image);
    const messy = mangle(canonicalPlan, [3, 1, 4, 1, 5, 9, 2, 6]);
    expect(images(formatted(messy))).toEqual(images(canonicalPlan));
  });
});

describe('format: whitespace and line ends', () => {
  it('replaces tab indentation with spaces', () => {
    expect(formatted('plan "P"\n\tclient "C-1"\n\t\tsessions\t12\n')).toBe('plan "P"\n  client "C-1"\n  sessions 12\n');
  });

  it('removes trailing spaces and tabs', () => {
    expect(formatted('plan "P"   \n  client "C-1"\t\n')).toBe('plan "P"\n  client "C-1"\n');
  });

  it('adds a missing final newline', () => {
    const result = format('plan "P"\n  client "C-1"');
    expect(result).toEqual({ text: 'plan "P"\n  client "C-1"\n', changed: true });
  });

  it('keeps CRLF when every line break is CRLF', () => {
    const text = 'plan "P"\r\n client "C-1"\r\n';
    expect(formatted(text)).toBe('plan "P"\r\n  client "C-1"\r\n');
  });

  it('writes LF when line breaks are mixed', () => {
    expect(formatted('plan "P"\r\n  client "C-1"\n  sessions 12\r\n')).toBe('plan "P"\n  client "C-1"\n  sessions 12\n');
  });

  it('writes LF for old Mac CR line ends', () => {
    expect(formatted('plan "P"\r client "C-1"\r')).toBe('plan "P"\n  client "C-1"\n');
  });

  it('keeps a byte order mark', () => {
    expect(formatted('\ufeffplan "P"\n client "C-1"\n')).toBe('\ufeffplan "P"\n  client "C-1"\n');
  });

  it('formats an empty or blank file to an empty file', () => {
    expect(format('')).toEqual({ text: '', changed: false });
    expect(format('\n\n  \n')).toEqual({ text: '', changed: true });
  });
});

describe('format: refuses plans with syntax errors', () => {
  const broken: [string, string][] = [
    ['an unclosed string', 'plan "P"\n  client "C-1\n'],
    ['a character the language does not use', 'plan "P"\n  client @C-1\n'],
    ['a statement missing its value', 'plan "P"\n  sessions\n'],
    ['a line that starts with no keyword', 'plan "P"\n  hello "there"\n'],
  ];
  for (const [what, text] of broken) {
    it(`refuses ${what} and says which line`, () => {
      const result = format(text);
      expect(result).toHaveProperty('error');
      if ('error' in result) {
        expect(result.error).toMatch(/^Not formatted: the plan has (a syntax error|\d+ syntax errors)\. Fix/);
        expect(result.error).toContain('Line 2:');
      }
    });
  }
});

describe('format: idempotence (property)', () => {
  const choice = fc.array(fc.nat(12), { minLength: 20, maxLength: 120 });

  it('format(format(x)) === format(x) and format(mangled) === format(x) for the built-in plan', () => {
    const once = formatted(canonicalPlan);
    expect(formatted(once)).toBe(once);
    fc.assert(
      fc.property(choice, (choices) => {
        expect(formatted(mangle(canonicalPlan, choices))).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  const samples = iptFiles(samplesDir);
  describe.skipIf(samples.length === 0)('on the project samples/*.ipt', () => {
    for (const { name, text } of samples) {
      it(name, () => {
        const result = format(text);
        if ('error' in result) return expect(result.error).toMatch(/^Not formatted/); // a sample showing `syntax`
        expect(formatted(result.text)).toBe(result.text);
        fc.assert(fc.property(choice, (choices) => formatted(mangle(text, choices)) === result.text), { numRuns: 40 });
      });
    }
  });
});

const examples = iptFiles(sharedExamplesDir);
describe.skipIf(examples.length === 0)('format: the shared examples (reads ../shared/design/examples)', () => {
  for (const { name, text } of examples) {
    it(`${name} is already canonical, and survives re-indenting and re-spacing`, () => {
      expect(format(text)).toEqual({ text, changed: false });
      fc.assert(
        fc.property(fc.array(fc.nat(12), { minLength: 20, maxLength: 120 }), (choices) => formatted(mangle(text, choices)) === text),
        { numRuns: 60 },
      );
    });
  }
});

/** Diagnostics by rule and message; line numbers left out (they move when blank lines change). */
function findings(text: string): string[] {
  return analyse(text)
    .diagnostics.map((d) => `${d.rule}: ${d.message.replace(/\bline \d+/g, 'line N')}`)
    .sort();
}

function keepsFindings({ name, text }: { name: string; text: string }) {
  it(`${name}: same diagnostics, even from a mangled copy`, () => {
    const result = format(text);
    if ('error' in result) return expect(findings(text).some((f) => f.startsWith('syntax:'))).toBe(true);
    expect(findings(result.text)).toEqual(findings(text));
    expect(findings(formatted(mangle(text, [7, 3, 11, 2, 5, 1, 8])))).toEqual(findings(text));
  });
}

describe('format: the analysis is the same before and after', () => {
  for (const plan of [{ name: 'the built-in plan', text: canonicalPlan }, ...iptFiles(samplesDir), ...iptFiles(path.join(samplesDir, 'rules'))]) {
    keepsFindings(plan);
  }
});

describe.skipIf(examples.length === 0)('format: the analysis of the shared examples is the same after (reads ../shared/design/examples)', () => {
  for (const plan of examples) keepsFindings(plan);
});

describe('format: CRLF files (property)', () => {
  it('a re-spaced CRLF plan formats to the canonical plan with CRLF kept', () => {
    const crlf = canonicalPlan.replace(/\n/g, '\r\n');
    expect(format(crlf)).toEqual({ text: crlf, changed: false });
    fc.assert(
      fc.property(fc.array(fc.nat(12), { minLength: 20, maxLength: 120 }), (choices) => {
        const messy = mangle(crlf, choices);
        expect(messy).toContain('\r\n');
        expect(formatted(messy)).toBe(crlf);
      }),
      { numRuns: 60 },
    );
  });
});

describe('format: comments and blank lines anywhere (property)', () => {
  const statementLines = canonicalPlan.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  // Between any two lines: nothing, blank lines, comment lines (any indentation), or a mix.
  const gap = fc.array(fc.oneof(fc.constant(''), fc.constant('   '), fc.tuple(fc.constantFrom('', '  ', '\t', '      '), fc.constantFrom('# a', '#b  ', '# ipt-disable-next-line phi -- why', '#')).map(([i, c]) => i + c)), { maxLength: 3 });
  const plans = fc.array(gap, { minLength: statementLines.length + 1, maxLength: statementLines.length + 1 }).map((gaps) =>
    gaps.flatMap((lines, i) => (i < statementLines.length ? [...lines, statementLines[i]] : lines)).join('\n'),
  );

  it('is idempotent, keeps every comment in order and never changes the diagnostics', () => {
    fc.assert(
      fc.property(plans, (text) => {
        const once = formatted(text);
        expect(formatted(once)).toBe(once);
        expect(commentTexts(once)).toEqual(commentTexts(text));
        expect(findings(once)).toEqual(findings(text));
      }),
      { numRuns: 150 },
    );
  });
});
