/**
 * Every input the fuzzer (and the hostile-input hunt) ever found breaking a property, kept
 * as a regression test: fuzz.test.ts runs each through checkInput in every `npm test`.
 */
export const regressions: string[] = [
  // Issue 13: the chart's x axis looped to the largest session number (4.7 GB, abort).
  'plan "C-0142"\n  sessions 16 weekly\nphase initial sessions 1-3\n  session 100000000 "x"\n    score PHQ-9 5\n',
  // Issue 13: `sessions 5000000` gave 86 MB of HTML.
  'plan "C-0142"\n  sessions 5000000 monthly\n',
  // Issue 13: the y axis looped to the largest score of an unknown instrument.
  'plan "C-0142"\n  sessions 16 weekly\nphase initial sessions 1-3\n  session 2 "x"\n    score XYZ 100000000\n',
  // Issue 13: n++ never passes 2^53, so expanding this `at` list never ended (every render target).
  'plan "C-0142"\n  sessions 16 weekly\nmeasure PHQ-9 at 9007199254740992\n',
  'measure PHQ-9 at 9007199254740991-9007199254740993\n',
  // Issue 13: a leading space before `measure` hid `dispute-stage`, which `ipt fmt` then made appear.
  'focus role-dispute "x"\n measure PHQ-9 every 4\n',
  // Fuzzer, seed 777: a string quoted in a diagnostic message (shown in a code span, literally).
  'risk p"""<svg"',
];
