import { describe, expect, it } from 'vitest';
import { basePlan, diagnosticsOf, lineRange, replace, ruleIds } from './plan-fixtures.js';

const id = 'session-dates';

/** The base plan with a `date` (and optionally a `status`) added under the named session entries. */
function dated(dates: Record<string, string>, statuses: Record<string, string> = {}, text = basePlan): string {
  for (const [session, date] of Object.entries(dates)) {
    const entry = new RegExp(`  session ${session} "[^"]*"\\n`).exec(text)![0];
    text = replace(text, entry, `${entry}    date ${date}\n${statuses[session] ? `    status ${statuses[session]}\n` : ''}`);
  }
  return text;
}

describe('session-dates', () => {
  it('accepts weekly dates from `start`, within 3 days, with a range entry dated by its first session', () => {
    const text = dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-02-17', '4-7': '2026-02-23', '8-13': '2026-03-23', '14': '2026-05-04', '16': '2026-05-18' });
    expect(diagnosticsOf(id, text)).toEqual([]);
  });

  it('reports a date before the year 100 as no calendar date (the parser accepts its shape)', () => {
    const text = dated({ '1': '0050-02-02' });
    const messages = diagnosticsOf(id, text).map((d) => d.message);
    expect(messages).toContain('0050-02-02 is not a calendar date. Write a real date as YYYY-MM-DD.');
  });

  it('reports a date that does not increase, pointing at the date before it', () => {
    const text = dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-02-16', '4-7': '2026-02-12' });
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe('Session 4 is dated 2026-02-12, which is not after session 3 (2026-02-16, line 30). Dates must increase with the session number: check both dates.');
    expect(d.range).toEqual(lineRange(34, 9, 19));
    expect(d.related?.[0].range).toEqual(lineRange(29, 9, 19));
    expect(ruleIds(text)).toEqual([id]);
  });

  it('reports a lone mistyped date once, and checks the next session against the old cadence', () => {
    const text = dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-03-16', '4-7': '2026-02-23', '8-13': '2026-03-23' });
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      'Session 3 is dated 2026-03-16, 28 days later than the weekly cadence from `start` (2026-02-02) expects (2026-02-16, ±3 days). The next dated session keeps that cadence, so this date is probably a typo: check it.',
    );
    expect(d.range).toEqual(lineRange(29, 9, 19));
  });

  it('accepts a session put off by a week when the later sessions keep the rhythm from its new date', () => {
    const text = dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-02-23', '4-7': '2026-03-02', '8-13': '2026-03-30', '14': '2026-05-11' });
    expect(diagnosticsOf(id, text)).toEqual([]);
    // A two-week break counts the same way; a break longer than four weeks does not.
    const twoWeeks = dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-03-02', '4-7': '2026-03-09', '8-13': '2026-04-06' });
    expect(diagnosticsOf(id, twoWeeks)).toEqual([]);
    const tenWeeks = dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-04-27', '4-7': '2026-05-04', '8-13': '2026-06-01' });
    const [d, ...rest] = diagnosticsOf(id, tenWeeks);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'Session 3 is dated 2026-04-27, 70 days later than the weekly cadence from `start` (2026-02-02) expects (2026-02-16, ±3 days). Check the date; if the session was rescheduled, keep it, and the later dates are checked from this one.',
    );
    expect(d.range).toEqual(lineRange(29, 9, 19));
  });

  it('reports a reschedule that breaks the rhythm (not a whole number of periods) once, and checks later sessions from it', () => {
    // Biweekly maintenance: session 3 comes one week late, and the sessions after it keep two weeks from it.
    let text = dated({ '1': '2026-02-02', '2': '2026-02-16', '3': '2026-03-09', '4-7': '2026-03-23', '8-13': '2026-05-18' });
    text = replace(replace(text, 'variant acute', 'variant maintenance'), '16 weekly', '16 biweekly');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'Session 3 is dated 2026-03-09, 7 days later than the biweekly cadence from `start` (2026-02-02) expects (2026-03-02, ±3 days). Check the date; if the session was rescheduled, keep it, and the later dates are checked from this one.',
    );
    expect(d.range).toEqual(lineRange(29, 9, 19));
  });

  it('accepts a tapered ending: termination sessions spaced more widely than the cadence', () => {
    const weekly = { '1': '2026-02-02', '2': '2026-02-09', '3': '2026-02-16', '4-7': '2026-02-23', '8-13': '2026-03-23' };
    // 14 on time, 15 two weeks later, 16 three weeks after that.
    expect(diagnosticsOf(id, dated({ ...weekly, '14': '2026-05-04', '15': '2026-05-18', '16': '2026-06-08' }))).toEqual([]);
    // 16 alone two weeks after 15.
    expect(diagnosticsOf(id, dated({ ...weekly, '14': '2026-05-04', '15': '2026-05-11', '16': '2026-05-25' }))).toEqual([]);
  });

  it('still reports termination dates that go backwards, come too soon, or leave the rhythm as a lone typo', () => {
    const weekly = { '1': '2026-02-02', '2': '2026-02-09', '3': '2026-02-16', '4-7': '2026-02-23', '8-13': '2026-03-23', '14': '2026-05-04' };
    const soon = diagnosticsOf(id, dated({ ...weekly, '15': '2026-05-11', '16': '2026-05-13' }));
    expect(soon.map((d) => d.message)).toEqual([
      'Session 16 is dated 2026-05-13, 5 days earlier than the weekly cadence from `start` (2026-02-02) expects (2026-05-18, ±3 days). Check the date; if the session was rescheduled, keep it, and the later dates are checked from this one.',
    ]);
    const backwards = diagnosticsOf(id, dated({ ...weekly, '15': '2026-05-11', '16': '2026-05-08' }));
    expect(backwards.map((d) => d.message)).toEqual([
      'Session 16 is dated 2026-05-08, which is not after session 15 (2026-05-11, line 49). Dates must increase with the session number: check both dates.',
    ]);
    // 15 a week late while 16 keeps the old rhythm: 15's date is the odd one out.
    const lone = diagnosticsOf(id, dated({ ...weekly, '15': '2026-05-15', '16': '2026-05-18' }));
    expect(lone.map((d) => d.message)).toEqual([
      'Session 15 is dated 2026-05-15, 4 days later than the weekly cadence from `start` (2026-02-02) expects (2026-05-11, ±3 days). The next dated session keeps that cadence, so this date is probably a typo: check it.',
    ]);
    // A year typed wrong on the last session is far wider than any taper.
    const year = diagnosticsOf(id, dated({ ...weekly, '15': '2026-05-11', '16': '2027-05-18' }));
    expect(year).toHaveLength(1);
    expect(year[0].message).toContain('Session 16 is dated 2027-05-18, 365 days later');
  });

  it('ignores the date of a cancelled or missed session, which shifts nothing', () => {
    const text = dated({ '1': '2026-02-02', '2': '2026-02-05', '3': '2026-02-16' }, { '2': 'cancelled' });
    expect(diagnosticsOf(id, text)).toEqual([]);
    const missed = dated({ '1': '2026-02-02', '2': '2026-02-12', '3': '2026-02-16' }, { '2': 'missed' });
    expect(diagnosticsOf(id, missed)).toEqual([]);
  });

  it('reports a session dated before `start`', () => {
    const [d] = diagnosticsOf(id, dated({ '1': '2026-01-30', '2': '2026-02-09' }));
    expect(d.message).toBe("Session 1 is dated 2026-01-30, before the plan's `start` (2026-02-02). Check this date (a year typed wrong?) or the `start` date.");
    expect(d.range).toEqual(lineRange(22, 9, 19));
    expect(d.related?.[0].range).toEqual(lineRange(7, 8, 18));
  });

  it('says a later session falls before `start` (a year typo), not "check both dates"', () => {
    const text = dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2025-02-16', '4-7': '2026-02-23' });
    const found = diagnosticsOf(id, text);
    expect(found.map((d) => d.message)).toEqual(["Session 3 is dated 2025-02-16, before the plan's `start` (2026-02-02). Check this date (a year typed wrong?) or the `start` date."]);
  });

  it('keeps the promise for a rescheduled session whose note says it moved, whatever the next session does', () => {
    // Biweekly: session 4 a week late "Rescheduled a week later", session 5 back on the usual day.
    const biweekly = replace(replace(basePlan, 'variant acute', 'variant maintenance'), 'sessions 16 weekly 50min', 'sessions 16 biweekly 50min');
    const dates = { '1': '2026-02-02', '2': '2026-02-16', '3': '2026-03-02', '4-7': '2026-03-23', '8-13': '2026-05-11' };
    const back = replace(dated(dates, {}, biweekly), '    date 2026-03-23\n', '    date 2026-03-23\n    note "Rescheduled a week later: client\'s hip replacement"\n');
    expect(diagnosticsOf(id, back)).toEqual([]);
    // The same move without the note is reported, as a probable typo.
    expect(diagnosticsOf(id, dated(dates, {}, biweekly)).map((d) => d.message)).toEqual([expect.stringContaining('probably a typo')]);
    // And when the later sessions keep the new date's rhythm instead, still silent.
    const onward = replace(dated({ ...dates, '8-13': '2026-05-18' }, {}, biweekly), '    date 2026-03-23\n', '    date 2026-03-23\n    note "Rescheduled a week later: client\'s hip replacement"\n');
    expect(diagnosticsOf(id, onward)).toEqual([]);
  });

  it('without `start`, keeps the cadence between consecutive dated sessions', () => {
    const text = replace(dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-02-12', '4-7': '2026-02-19' }), '  start 2026-02-02\n', '');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'Session 3 is dated 2026-02-12, 4 days earlier than the weekly cadence from session 2 (2026-02-09) expects (2026-02-16, ±3 days). Check the date; if the session was rescheduled, keep it, and the later dates are checked from this one.',
    );
    expect(d.range).toEqual(lineRange(28, 9, 19));
  });

  it('counts monthly steps in calendar months', () => {
    let text = dated({ '1': '2026-01-31', '2': '2026-02-28', '3': '2026-03-31' });
    text = replace(replace(replace(text, '16 weekly', '16 monthly'), 'variant acute', 'variant maintenance'), 'start 2026-02-02', 'start 2026-01-31');
    expect(diagnosticsOf(id, text)).toEqual([]);
    const late = replace(text, 'date 2026-03-31', 'date 2026-04-06');
    const [d] = diagnosticsOf(id, late);
    expect(d.message).toContain('Session 3 is dated 2026-04-06, 6 days later than the monthly cadence from `start` (2026-01-31) expects (2026-03-31, ±3 days).');
  });

  it('reports dates that keep no rhythm once, not once per session', () => {
    // Weekly dates in a plan that says monthly (maintenance IPT allows both): one warning.
    let text = dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-02-16', '4-7': '2026-02-23', '8-13': '2026-03-30' });
    text = replace(replace(text, 'variant acute', 'variant maintenance'), '16 weekly', '16 monthly');
    const [d, ...rest] = diagnosticsOf(id, text);
    expect(rest).toEqual([]);
    expect(d.message).toBe(
      'Session 2 is dated 2026-02-09, 21 days earlier than the monthly cadence from `start` (2026-02-02) expects (2026-03-02, ±3 days). The dates from here on do not keep a monthly rhythm either: check them, or the cadence on the `sessions` line. (Later dates are not checked against the cadence.)',
    );
    expect(d.range).toEqual(lineRange(26, 9, 19));
  });

  it('does not judge dates by a cadence the variant does not allow (`variant` reports it)', () => {
    const text = replace(dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-02-16' }), '16 weekly', '16 monthly');
    expect(diagnosticsOf(id, text)).toEqual([]);
    expect(ruleIds(text)).toEqual(['variant']);
  });

  it('gives exactly one warning for any one moved date or moved run, except a break or a tapered ending, which give none', () => {
    const add = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
    const sessions: [string, number][] = [['1', 1], ['2', 2], ['3', 3], ['4-7', 4], ['8-13', 8], ['14', 14], ['15', 15], ['16', 16]];
    const onCadence = Object.fromEntries(sessions.map(([s, k]) => [s, add('2026-02-02', 7 * (k - 1))]));
    expect(diagnosticsOf(id, dated(onCadence))).toEqual([]);
    const counts: string[] = [];
    // The last session later by up to two weeks (and a bit) after a termination session widens the
    // ending (a taper); a run moved later by whole weeks is a break the later dates confirm. Both
    // silent. The last session a month late has nothing after it to show a new rhythm: reported.
    const expected = (what: string, moved: string, delta: number) =>
      (what === 'run' && delta > 0) || (what === 'one' && moved === '16' && delta > 0 && delta <= 14) ? '' : id;
    for (const [moved, k] of sessions) {
      for (const delta of [-30, -10, -7, -4, 4, 7, 10, 14, 30, 365]) {
        const found = ruleIds(dated({ ...onCadence, [moved]: add(onCadence[moved], delta) }));
        if (found.join() !== expected('one', moved, delta)) counts.push(`session ${moved} moved ${delta} days: ${found.join(', ') || 'nothing'}`);
      }
      for (const delta of [-7, 7, 14]) {
        const shifted = Object.fromEntries(sessions.map(([s, k2]) => [s, k2 >= k ? add(onCadence[s], delta) : onCadence[s]]));
        const found = ruleIds(dated(shifted));
        if (found.join() !== expected('run', moved, delta)) counts.push(`sessions from ${moved} moved ${delta} days: ${found.join(', ') || 'nothing'}`);
      }
    }
    expect(counts).toEqual([]);
  });

  describe('monthly sessions on the same weekday of the month (issue 10)', () => {
    const monthly = (dates: Record<string, string>, start: string) =>
      replace(replace(replace(dated(dates), '16 weekly', '16 monthly'), 'variant acute', 'variant maintenance'), 'start 2026-02-02', `start ${start}`);

    it('accepts the second-Wednesday rhythm set by `start`', () => {
      // 2026-04-08 is the second Wednesday of April; May 13, June 10, July 8 and August 12 are the next ones.
      const text = monthly({ '1': '2026-04-08', '2': '2026-05-13', '3': '2026-06-10', '4-7': '2026-07-08', '8-13': '2026-11-11' }, '2026-04-08');
      expect(diagnosticsOf(id, text)).toEqual([]);
    });

    it('accepts a last weekday of the month set by a `start` in the month\'s last days', () => {
      // 2026-09-30 is the last (fifth) Wednesday of September; October 28, November 25 and December 30 are the last ones after it.
      const text = monthly({ '1': '2026-09-30', '2': '2026-10-28', '3': '2026-11-25', '4-7': '2026-12-30' }, '2026-09-30');
      expect(diagnosticsOf(id, text)).toEqual([]);
    });

    it('still reports a date off the rhythm, naming it', () => {
      const text = monthly({ '1': '2026-04-08', '2': '2026-05-13', '3': '2026-06-19' }, '2026-04-08');
      expect(diagnosticsOf(id, text).map((d) => d.message)).toEqual([
        'Session 3 is dated 2026-06-19, 9 days later than the monthly cadence from `start` (2026-04-08) expects (2026-06-10 on the second-Wednesday rhythm, ±3 days). It is the last dated session, so no later date shows a new rhythm: check it for a typo, or if there was a break, say so in a `note` on this session.',
      ]);
    });
  });

  describe('a late last dated session (issue 10)', () => {
    const onTime = { '1': '2026-02-02', '2': '2026-02-09', '3': '2026-02-16' };

    it('reports the last dated session whole weeks late: nothing after it shows a new rhythm', () => {
      const text = dated({ ...onTime, '4-7': '2026-03-09' });
      const [d, ...rest] = diagnosticsOf(id, text);
      expect(rest).toEqual([]);
      expect(d.severity).toBe('warning');
      expect(d.message).toBe(
        'Session 4 is dated 2026-03-09, 14 days later than the weekly cadence from `start` (2026-02-02) expects (2026-02-23, ±3 days). It is the last dated session, so no later date shows a new rhythm: check it for a typo, or if there was a break, say so in a `note` on this session.',
      );
      expect(d.range).toEqual(lineRange(34, 9, 19));
    });

    it('stays silent when a later dated session shows the new rhythm', () => {
      expect(diagnosticsOf(id, dated({ ...onTime, '4-7': '2026-03-09', '8-13': '2026-04-06' }))).toEqual([]);
    });

    it('stays silent when the session says it moved', () => {
      const text = replace(dated({ ...onTime, '4-7': '2026-03-09' }), '    date 2026-03-09\n', '    date 2026-03-09\n    note "Moved two weeks: school holidays"\n');
      expect(diagnosticsOf(id, text)).toEqual([]);
      const titled = replace(dated({ ...onTime, '4-7': '2026-03-09' }), 'session 4-7 "Clarify the dispute', 'session 4-7 "After the half-term break: clarify the dispute');
      expect(diagnosticsOf(id, titled)).toEqual([]);
    });
  });

  describe('a break inside the initial phase of weekly IPT (issue 10)', () => {
    it('reports a month-long gap in the initial phase even when the later dates keep the new rhythm', () => {
      const text = dated({ '1': '2026-02-02', '2': '2026-02-09', '3': '2026-03-16', '4-7': '2026-03-23', '8-13': '2026-04-20' });
      const [d, ...rest] = diagnosticsOf(id, text);
      expect(rest).toEqual([]);
      expect(d.message).toBe(
        'Session 3 is dated 2026-03-16, 28 days later than the weekly cadence from `start` (2026-02-02) expects (2026-02-16, ±3 days). A break that long inside the initial phase is more than weekly IPT\'s frame allows without a reason: check the date, or say why in a `note` on this session. (The later dates are checked from this one.)',
      );
    });

    it('accepts it when the session says why, and in maintenance IPT, whose frame allows breaks', () => {
      const dates = { '1': '2026-02-02', '2': '2026-02-09', '3': '2026-03-16', '4-7': '2026-03-23', '8-13': '2026-04-20' };
      const noted = replace(dated(dates), '    date 2026-03-16\n', '    date 2026-03-16\n    note "Postponed: client in hospital for three weeks"\n');
      expect(diagnosticsOf(id, noted)).toEqual([]);
      const maintenance = replace(dated(dates), 'variant acute', 'variant maintenance');
      expect(diagnosticsOf(id, maintenance)).toEqual([]);
    });
  });
});
