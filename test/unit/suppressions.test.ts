import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../server/src/analyse.js';
import type { Fix, Report } from '../../server/src/language/diagnostic.js';
import { parsePlan } from '../../server/src/language/parser.js';
import { LineIndex } from '../../server/src/language/span.js';
import { allRules } from '../../server/src/rules/registry.js';
import { applySuppressions } from '../../server/src/rules/suppressions.js';
import { linearGrowth } from './rules/linear-time.js';

const knownRuleIds = new Set(allRules.map((rule) => rule.id));

/** A short plan; the suppression pass only needs its comments and lines. */
const plan = (body: string) => `plan "C-0142 acute IPT"
  client "C-0142"
  sessions 16 weekly
${body}`;

/**
 * Runs the suppression pass on `text` with one fake diagnostic per [rule, needle]: the diagnostic
 * starts at the first occurrence of `needle`.
 */
function suppress(text: string, diagnostics: [string, string][]) {
  const { file } = parsePlan(text);
  const found = diagnostics.map(([rule, needle]) => {
    const start = text.indexOf(needle);
    if (start < 0) throw new Error(`${needle} not in text`);
    const report: Report = { span: { start, end: start + needle.length }, message: `${rule} at ${needle}` };
    return { rule, report };
  });
  const result = applySuppressions({ comments: file.comments, lines: new LineIndex(text), diagnostics: found, knownRuleIds });
  return {
    ...result,
    keptRules: result.kept.map((d) => `${d.rule}@${d.report.message.split(' at ')[1]}`),
    unusedAt: result.unused.map((r) => text.slice(r.span.start, r.span.end)),
  };
}

/** Applies a fix's edits (from last to first) to the text. */
function applyFix(text: string, fix: Fix): string {
  let out = text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

describe('ipt-disable-next-line', () => {
  it('suppresses the named rule on the next line only', () => {
    const text = plan(`phase middle sessions 4-13
  session 4 "A"
    # ipt-disable-next-line phi -- the clinic front desk, not the client
    note "Call (617) 555-0100"
    note "Call (617) 555-0199"
`);
    const result = suppress(text, [['phi', '(617) 555-0100'], ['phi', '(617) 555-0199']]);
    expect(result.keptRules).toEqual(['phi@(617) 555-0199']);
    expect(result.suppressed).toHaveLength(1);
    expect(result.unused).toEqual([]);
  });

  it('skips blank and comment-only lines to reach the next statement', () => {
    const text = plan(`phase middle sessions 4-13
  session 4 "A"
    # ipt-disable-next-line phi -- front desk

    # (a note for supervisors)
    note "Call (617) 555-0100"
`);
    expect(suppress(text, [['phi', '(617) 555-0100']]).kept).toEqual([]);
  });

  it('stacked directives each cover the same statement', () => {
    const text = plan(`phase middle sessions 4-13
  session 4 "A"
    # ipt-disable-next-line phi -- front desk
    # ipt-disable-next-line technique -- adapted protocol
    technique mindfulness
`);
    const result = suppress(text, [['phi', 'mindfulness'], ['technique', 'mindfulness']]);
    expect(result.kept).toEqual([]);
    expect(result.unused).toEqual([]);
  });

  it('does not suppress other rules on the line', () => {
    const text = plan(`    # ipt-disable-next-line phi
    note "Call (617) 555-0100"
`);
    expect(suppress(text, [['phi', 'Call'], ['technique', 'note']]).keptRules).toEqual(['technique@note']);
  });

  it('uses the start line of a diagnostic', () => {
    const text = plan(`# ipt-disable-next-line phase-order
phase middle sessions 4-13
  session 4 "A"
`);
    // A block diagnostic that starts on the phase line is covered even though it spans more lines.
    const result = suppress(text, [['phase-order', 'phase middle sessions 4-13\n  session 4']]);
    expect(result.kept).toEqual([]);
  });

  it('a multi-rule list with a reason', () => {
    const text = plan(`    # ipt-disable-next-line phi, technique -- agreed with the supervisor
    technique mindfulness
`);
    const result = suppress(text, [['phi', 'technique mind'], ['technique', 'mindfulness']]);
    expect(result.kept).toEqual([]);
    expect(result.unused).toEqual([]);
  });

  it('rule ids may also be separated by spaces', () => {
    const text = plan(`    # ipt-disable-next-line phi technique
    technique mindfulness
`);
    expect(suppress(text, [['phi', 'technique mind'], ['technique', 'mindfulness']]).kept).toEqual([]);
  });
});

describe('ipt-disable … ipt-enable', () => {
  const text = plan(`focus grief "Death of a parent"
# ipt-disable phi -- clinic numbers in this block
phase middle sessions 4-13
  session 4 "A"
    note "Call (617) 555-0100"
  session 5 "B"
    note "Call (617) 555-0101"
# ipt-enable phi
  session 6 "C"
    note "Call (617) 555-0102"
`);

  it('covers the lines between the two comments', () => {
    const result = suppress(text, [['phi', 'Death'], ['phi', '555-0100'], ['phi', '555-0101'], ['phi', '555-0102']]);
    expect(result.keptRules).toEqual(['phi@Death', 'phi@555-0102']);
    expect(result.unused).toEqual([]);
  });

  it('runs to the end of the file when not re-enabled', () => {
    const open = plan(`# ipt-disable phi
phase middle sessions 4-13
  session 4 "A"
    note "Call (617) 555-0100"
  session 16 "Z"
    note "Call (617) 555-0199"
`);
    expect(suppress(open, [['phi', '555-0100'], ['phi', '555-0199']]).kept).toEqual([]);
  });

  it('several rules, enabled one at a time', () => {
    const several = plan(`# ipt-disable phi, technique
phase middle sessions 4-13
  session 4 "A"
    technique mindfulness
# ipt-enable technique
  session 5 "B"
    technique bodywork
    note "Call (617) 555-0100"
`);
    const result = suppress(several, [['technique', 'mindfulness'], ['technique', 'bodywork'], ['phi', '555-0100']]);
    expect(result.keptRules).toEqual(['technique@bodywork']);
    expect(result.unused).toEqual([]);
  });

  it('an unused block is reported at its rule id, and its fix removes both comments', () => {
    const result = suppress(text, [['phi', 'Death']]);
    expect(result.unusedAt).toEqual(['phi']);
    const [report] = result.unused;
    expect(report.message).toBe(
      '`phi` is disabled from here to the `ipt-enable` on line 11, but there is no `phi` diagnostic in between. Remove the directive and its `ipt-enable` so it cannot hide a future problem.',
    );
    const fixed = applyFix(text, report.fixes![0]);
    expect(report.fixes![0].safe).toBe(true);
    expect(fixed).not.toContain('ipt-disable');
    expect(fixed).not.toContain('ipt-enable');
    expect(fixed.split('\n').length).toBe(text.split('\n').length - 2);
  });

  it('an ipt-enable without a matching ipt-disable is reported', () => {
    const lonely = plan(`# ipt-enable phi
phase middle sessions 4-13
`);
    const result = suppress(lonely, []);
    expect(result.unusedAt).toEqual(['phi']);
    expect(result.unused[0].message).toContain('is not disabled here');
    expect(applyFix(lonely, result.unused[0].fixes![0])).toBe(plan('phase middle sessions 4-13\n'));
  });

  it('disabling a rule that is already disabled is reported', () => {
    const twice = plan(`# ipt-disable phi
# ipt-disable phi
    note "Call (617) 555-0100"
`);
    const result = suppress(twice, [['phi', '555-0100']]);
    expect(result.kept).toEqual([]);
    expect(result.unused).toHaveLength(1);
    expect(result.unused[0].message).toBe('`phi` is already disabled by the `ipt-disable` on line 4. Remove this one.');
    expect(result.unused[0].span.start).toBe(twice.lastIndexOf('# ipt-disable phi') + '# ipt-disable '.length);
  });

  it('a next-line directive inside a block for the same rule is the redundant one', () => {
    const nested = plan(`# ipt-disable phi
    # ipt-disable-next-line phi
    note "Call (617) 555-0100"
`);
    const result = suppress(nested, [['phi', '555-0100']]);
    expect(result.kept).toEqual([]);
    expect(result.unused).toHaveLength(1);
    expect(result.unused[0].span.start).toBe(nested.indexOf('phi', nested.indexOf('next-line')));
  });
});

describe('unused directives', () => {
  it('a whole directive that suppressed nothing: reported at the rule id, fix removes the line', () => {
    const text = plan(`    homework "One check-in each week"
    # ipt-disable-next-line score-range -- nothing to suppress here
    note "Review homework at the start of each session"
`);
    const result = suppress(text, [['phi', 'homework']]);
    expect(result.unusedAt).toEqual(['score-range']);
    expect(result.unused[0].message).toBe(
      '`score-range` is disabled for the next line (line 6), but that line has no `score-range` diagnostic. Remove the directive so it cannot hide a future problem.',
    );
    const fix = result.unused[0].fixes![0];
    expect(fix.safe).toBe(true);
    expect(applyFix(text, fix)).toBe(plan(`    homework "One check-in each week"
    note "Review homework at the start of each session"
`));
  });

  it('one unused rule in a list: reported at that id, fix removes just that id', () => {
    const text = plan(`    # ipt-disable-next-line phi, score-range, technique -- reason
    technique mindfulness
`);
    const result = suppress(text, [['phi', 'technique mind'], ['technique', 'mindfulness']]);
    expect(result.unusedAt).toEqual(['score-range']);
    expect(result.unused[0].message).toContain('Remove `score-range` from the directive.');
    expect(applyFix(text, result.unused[0].fixes![0])).toBe(plan(`    # ipt-disable-next-line phi, technique -- reason
    technique mindfulness
`));
  });

  it('a trailing directive comment is removed without its line', () => {
    const text = plan(`    note "Plan" # ipt-disable-next-line phi
    note "Review"
`);
    const result = suppress(text, []);
    expect(applyFix(text, result.unused[0].fixes![0])).toBe(plan(`    note "Plan"
    note "Review"
`));
  });

  it('a directive on the last line with nothing after it', () => {
    const text = plan('    note "Review"\n# ipt-disable-next-line phi');
    const result = suppress(text, []);
    expect(result.unused[0].message).toContain('no plan line follows');
    expect(applyFix(text, result.unused[0].fixes![0])).toBe(plan('    note "Review"'));
  });
});

describe('malformed directives', () => {
  it('an unknown rule id is reported with did-you-mean and two fixes, neither applied automatically', () => {
    const text = plan(`    # ipt-disable-next-line phy -- front desk
    note "Call (617) 555-0100"
`);
    const result = suppress(text, [['phi', '555-0100']]);
    expect(result.keptRules).toEqual(['phi@555-0100']);
    expect(result.unusedAt).toEqual(['phy']);
    expect(result.unused[0].message).toBe('`phy` is not a rule id, so nothing is disabled. Did you mean `phi`? Run `ipt rules` to list the rule ids.');
    const fixes = result.unused[0].fixes!;
    expect(fixes.map((f) => f.title)).toEqual(['Change to `phi`', 'Remove the `ipt-disable-next-line phy` comment']);
    expect(fixes.every((f) => !f.safe)).toBe(true);
    expect(applyFix(text, fixes[0])).toContain('# ipt-disable-next-line phi -- front desk');
  });

  it('syntax can never be suppressed, and naming it is reported', () => {
    const text = plan(`    # ipt-disable-next-line syntax
    this line is not a statement
`);
    const result = suppress(text, [['syntax', 'this line']]);
    expect(result.keptRules).toEqual(['syntax@this line']);
    expect(result.unusedAt).toEqual(['syntax']);
    expect(result.unused[0].message).toContain('`syntax` cannot be disabled');
  });

  it('syntax is not suppressed by a block either', () => {
    const text = plan(`# ipt-disable syntax, phi
    this line is not a statement
    note "Call (617) 555-0100"
`);
    const result = suppress(text, [['syntax', 'this line'], ['phi', '555-0100']]);
    expect(result.keptRules).toEqual(['syntax@this line']);
    expect(result.unusedAt).toEqual(['syntax']);
  });

  it('unused-disable cannot be disabled inline', () => {
    const text = plan(`# ipt-disable unused-disable
    # ipt-disable-next-line score-range
    note "Review"
`);
    const result = suppress(text, []);
    expect(result.unusedAt).toEqual(['unused-disable', 'score-range']);
    expect(result.unused[0].message).toContain('"unused-disable": "off"');
  });

  it('a directive without a rule id asks for one', () => {
    const text = plan(`    # ipt-disable-next-line -- front desk
    note "Call (617) 555-0100"
`);
    const result = suppress(text, [['phi', '555-0100']]);
    expect(result.kept).toHaveLength(1);
    expect(result.unusedAt).toEqual(['ipt-disable-next-line']);
    expect(result.unused[0].message).toContain('needs the rule id(s)');
  });

  it('a misspelt directive is reported; ordinary comments are left alone', () => {
    const text = plan(`    # ipt-disable-line phi
    # ipt-plan is the name of this tool; disable nothing
    note "Call (617) 555-0100"
`);
    const result = suppress(text, [['phi', '555-0100']]);
    expect(result.kept).toHaveLength(1);
    expect(result.unusedAt).toEqual(['ipt-disable-line']);
    expect(result.unused[0].message).toContain('is not a directive');
  });

  it('a rule listed twice is reported once', () => {
    const text = plan(`    # ipt-disable-next-line phi, phi
    note "Call (617) 555-0100"
`);
    const result = suppress(text, [['phi', '555-0100']]);
    expect(result.kept).toEqual([]);
    expect(result.unused).toHaveLength(1);
    expect(result.unused[0].message).toContain('listed twice');
    expect(applyFix(text, result.unused[0].fixes![0])).toContain('# ipt-disable-next-line phi\n');
  });
});

describe('suppressions through analyse()', () => {
  const text = `plan "C-0142 acute IPT"
  client "C-0142"
  # ipt-disable-next-line score-range -- nothing to suppress here
  clinician "J. Rivera, LCSW"
  # ipt-disable-next-line syntax
  this line is not a statement
`;

  it('reports unused directives as unused-disable warnings, and keeps syntax errors', () => {
    const { diagnostics } = analyse(text);
    const byRule = diagnostics.filter((d) => d.rule === 'unused-disable' || d.rule === 'syntax');
    expect(byRule.map((d) => `${d.rule}:${d.severity}:${d.range.start.line}`)).toEqual(['unused-disable:warning:2', 'unused-disable:warning:4', 'syntax:error:5']);
  });

  it('inlineConfig: false ignores directives and reports no unused-disable', () => {
    const { diagnostics } = analyse(text, { inlineConfig: false });
    expect(diagnostics.some((d) => d.rule === 'unused-disable')).toBe(false);
    expect(diagnostics.some((d) => d.rule === 'syntax')).toBe(true);
  });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedExamples = path.resolve(repoRoot, '..', 'shared', 'design', 'examples');
describe.skipIf(!existsSync(sharedExamples))('the shared example invalid-unused-disable.ipt (reads ../shared)', () => {
  it('gives exactly one unused-disable at the score-range directive', () => {
    const text = readFileSync(path.join(sharedExamples, 'invalid-unused-disable.ipt'), 'utf8');
    const { diagnostics } = analyse(text);
    expect(diagnostics.map((d) => d.rule)).toEqual(['unused-disable']);
    expect(text.slice(diagnostics[0].span.start, diagnostics[0].span.end)).toBe('score-range');
    // Without the directive the phi diagnostic shows up: the other directive was really used.
    expect(analyse(text, { inlineConfig: false }).diagnostics.map((d) => d.rule)).toEqual(['phi']);
  });
});

describe('samples/rules/unused-disable.ipt', () => {
  const text = readFileSync(path.join(repoRoot, 'samples', 'rules', 'unused-disable.ipt'), 'utf8');

  it('gives exactly unused-disable, and is clean once its safe fix is applied', () => {
    const { diagnostics } = analyse(text);
    expect(diagnostics.map((d) => d.rule)).toEqual(['unused-disable']);
    const fix = diagnostics[0].fixes!.find((f) => f.safe)!;
    expect(analyse(applyFix(text, fix)).diagnostics).toEqual([]);
  });
});

describe('directives for rules that did not run', () => {
  it('a whole-plan rule skipped because of syntax errors: its directive is not judged', () => {
    const text = plan(`# ipt-disable-next-line session-count, technique -- adapted course
phase middle sessions 4-13
    bogus line
`);
    const result = suppress(text, [['syntax', 'bogus line']]);
    // session-count is a whole-plan rule and did not run; technique is a per-statement rule and did.
    expect(result.unusedAt).toEqual(['technique']);
  });

  it('a rule switched off in config (rulesNotRun): its directive is not judged', () => {
    const text = plan(`    # ipt-disable-next-line phi -- front desk
    note "Call (617) 555-0100"
`);
    const { file } = parsePlan(text);
    const result = applySuppressions({ comments: file.comments, lines: new LineIndex(text), diagnostics: [], knownRuleIds, rulesNotRun: new Set(['phi']) });
    expect(result.unused).toEqual([]);
  });
});

describe('internal-error', () => {
  it('cannot be disabled: it says that a check did not run', () => {
    const text = plan(`# ipt-disable internal-error
    note "Review"
`);
    const result = suppress(text, [['internal-error', 'note']]);
    expect(result.keptRules).toEqual(['internal-error@note']);
    expect(result.unusedAt).toEqual(['internal-error']);
    expect(result.unused[0].message).toContain('Switch the failing rule off in .iptrc.json');
  });
});

describe('the suppression pass never throws', () => {
  it('on random directive-like comments: every diagnostic is kept or suppressed, never lost', () => {
    const word = fc.constantFrom('ipt-disable', 'ipt-enable', 'ipt-disable-next-line', 'ipt-disable-line', 'phi', 'syntax', 'phy', ',', '--', 'x', '');
    const commentLine = fc.array(word, { maxLength: 5 }).map((words) => `# ${words.join(' ')}`);
    const line = fc.oneof(commentLine, fc.constantFrom('    note "Call (617) 555-0100"', '', '  session 4 "A"', 'bogus line'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (body) => {
        const text = plan(`${body.join('\n')}\n    note "end"\n`);
        const result = suppress(text, [['phi', 'end'], ['syntax', 'plan'], ['technique', 'client']]);
        expect(result.kept.length + result.suppressed.length).toBe(3);
        expect(result.keptRules).toContain('syntax@plan');
        for (const report of result.unused) {
          expect(report.span.start).toBeLessThan(report.span.end);
          for (const fix of report.fixes ?? []) applyFix(text, fix);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the cost of directives grows linearly with their number (issue 17)', () => {
  // Linear work gives about 10 for ten times the text; quadratic work about 100. The shapes only show
  // their quadratic part past ~100k characters, hence 30k against 300k.
  const sizes = { small: 30_000, large: 300_000 };
  const lines = (line: string, head = '') => (n: number) => plan(head) + line.repeat(Math.ceil(n / line.length));

  it('a plan made of `# ipt-disable-next-line phi` lines (1,000,000 characters took 18.5 s)', () => {
    expect(linearGrowth(lines('# ipt-disable-next-line phi\n'), (text) => analyse(text), 30, sizes)).toBeLessThan(30);
  });

  it('stacked directives above diagnostics: each one used or reported once', () => {
    const shape = lines('    # ipt-disable-next-line phi\n    # ipt-disable-next-line phi\n    note "call 555-0143"\n', 'phase initial sessions 1-3\n  session 1\n');
    expect(linearGrowth(shape, (text) => analyse(text), 30, sizes)).toBeLessThan(30);
  });

  it('many blocks and many diagnostics inside and between them', () => {
    const shape = lines('    # ipt-disable phi\n    note "call 555-0143"\n    # ipt-enable phi\n    note "call 555-0144"\n', 'phase initial sessions 1-3\n  session 1\n');
    expect(linearGrowth(shape, (text) => analyse(text), 30, sizes)).toBeLessThan(30);
  });
});
