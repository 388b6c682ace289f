// Plans made of one or two statement kinds written again and again, inside the smallest plan that
// gives each a meaning: the shapes where quadratic work hides (stacked directives, goals sharing an
// id, targets, sessions, scores, phases, allow entries…). Used by the growth tests
// (test/unit/reliability/every-cost-linear.test.ts) and the hunt that found them (growth-hunt.mjs).

/** Each kind: where in the plan its line goes, and the line (`{n}` becomes a running number, `{s}` a session number 4–13). */
export const STATEMENT_KINDS = {
  headers: ['header', '  sessions 12 weekly\n'],
  variants: ['header', '  variant acute\n'],
  clients: ['header', '  client "Maria Lopez"\n'],
  goals: ['goal', '  goal G1 "x"\n'],
  goalsUnique: ['goal', '  goal G{n} "x"\n'],
  stages: ['goal', '  stage renegotiation\n'],
  focuses: ['focus', 'focus grief "g"\n'],
  measures: ['measure', 'measure PHQ-9 every 4\n'],
  measuresAt: ['measure', 'measure PHQ-9 at 1, 4, 8\n'],
  unknownMeasures: ['measure', 'measure XYZ{n} every 4\n'],
  risks: ['risk', 'risk moderate "r"\n'],
  unknownRisks: ['risk', 'risk medium "r"\n'],
  safetyPlans: ['risk', '  safety-plan "no-suicide contract"\n'],
  phases: ['phase', 'phase middle sessions 4-13\n'],
  phasesAll: ['phase', 'phase initial sessions 1-3\nphase middle sessions 4-13\nphase termination sessions 14-16\n'],
  sessions: ['session', '  session 5\n'],
  sessionsSpread: ['session', '  session {s}\n'],
  sessionRanges: ['session', '  session 4-13\n'],
  targets: ['item', '    targets G1\n'],
  targetsCase: ['item', '    targets g1\n'],
  targetsUndefined: ['item', '    targets Z1\n'],
  targetsUnique: ['item', '    targets Z{n}\n'],
  tasks: ['item', '    task sick-role\n'],
  unknownTasks: ['item', '    task zz{n}\n'],
  techniques: ['item', '    technique role-play\n'],
  nonIptTechniques: ['item', '    technique exposure\n'],
  scores: ['item', '    score PHQ-9 10\n'],
  scoresOutOfRange: ['item', '    score PHQ-9 99\n'],
  dates: ['item', '    date 2026-01-05\n'],
  notes: ['item', '    note "call 555-0143"\n'],
  placeholders: ['item', '    note "TODO"\n'],
  status: ['item', '    status missed\n'],
  comments: ['directive', '# a comment\n'],
  nextLine: ['directive', '# ipt-disable-next-line phi\n'],
  blocks: ['directive', '# ipt-disable phi\n# ipt-enable phi\n'],
  unknownRules: ['directive', '# ipt-disable-next-line nosuchrule\n'],
};

/** A plan with `counts[kind]` copies of each kind's line, in place. */
export function repeatedPlan(counts) {
  let number = 0;
  const lines = (where) =>
    Object.entries(STATEMENT_KINDS)
      .filter(([kind, [place]]) => place === where && counts[kind])
      .map(([kind, [, line]]) => {
        let out = '';
        for (let i = 0; i < counts[kind]; i++, number++) out += line.replace('{n}', String(number)).replace('{s}', String(4 + (i % 10)));
        return out;
      })
      .join('');
  return (
    `plan "C-0142 x"\n  client "C-0142"\n  sessions 16 weekly\n  start 2026-01-05\n${lines('header')}` +
    `focus role-dispute "g"\n  stage renegotiation\n  goal G1 "x"\n${lines('goal')}${lines('focus')}` +
    `measure PHQ-9 every 4\n${lines('measure')}risk low "r"\n${lines('risk')}` +
    'phase initial sessions 1-3\n  session 1\n    task sick-role\nphase middle sessions 4-13\n  session 4\n    targets G1\n' +
    `${lines('item')}${lines('session')}${lines('phase')}phase termination sessions 14-16\n  session 14\n${lines('directive')}`
  );
}

/** A shape of about `size` characters, its kinds sharing the characters equally. */
export function repeatedShape(...kinds) {
  return (size) => repeatedPlan(Object.fromEntries(kinds.map((kind) => [kind, Math.max(1, Math.round(size / kinds.length / STATEMENT_KINDS[kind][1].length))])));
}
