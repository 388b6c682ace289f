/**
 * Bounds from meaning (language/limits.ts): the parser reports numbers past what a plan can mean,
 * and every place that loops or sizes by a number from the plan stays bounded even when handed a
 * tree with absurd numbers (defence in depth: a tree made by hand, or by a future fast path).
 */
import { describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../../server/src/analyse.js';
import { phaseLenses } from '../../../server/src/features/code-lens.js';
import { completionsAt } from '../../../server/src/features/completion.js';
import { foldingRanges } from '../../../server/src/features/folding.js';
import { hoverAt } from '../../../server/src/features/hover.js';
import { sessionDateHints } from '../../../server/src/features/inlay-hints.js';
import { renumberSessionEdits } from '../../../server/src/features/renumber-sessions.js';
import { semanticTokensData } from '../../../server/src/features/semantic-tokens.js';
import { statements } from '../../../server/src/language/ast.js';
import { MAX_SCORE, MAX_SESSION_MINUTES, MAX_SESSIONS, sessionNumbers } from '../../../server/src/language/limits.js';
import { render } from '../../../server/src/render/index.js';
import { defaultConfig } from '../../../server/src/rules/config.js';
import { PLAN } from '../../lsp/harness.js';

const syntax = (text: string) => analyse(text).diagnostics.filter((d) => d.rule === 'syntax').map((d) => d.message);
const withLine = (line: string) => `${PLAN}${line}\n`;

describe('the parser checks each number where it reads it', () => {
  it.each([
    [`  session ${MAX_SESSIONS} "x"`, `  session ${MAX_SESSIONS + 1} "x"`, /^A plan has at most 500 sessions, so `501` cannot be a session number/],
    [`  session 1-${MAX_SESSIONS} "x"`, `  session 1-${MAX_SESSIONS + 1} "x"`, /^A plan has at most 500 sessions, so `501` cannot be a session number/],
    [`measure GAD-7 at 1, ${MAX_SESSIONS}`, 'measure GAD-7 at 1, 9007199254740992', /^A plan has at most 500 sessions, so `9007199254740992` cannot/],
    [`measure GAD-7 every ${MAX_SESSIONS}`, `measure GAD-7 every ${MAX_SESSIONS + 1}`, /^A plan has at most 500 sessions, so `every 501` would never repeat/],
    [`    score XYZ ${MAX_SCORE}`, `    score XYZ ${MAX_SCORE}.5`, /^No scale scores above 1000, so `1000\.5` cannot be a score/],
  ])('%s is read; %s is a syntax error', (ok, bad, message) => {
    expect(syntax(withLine(ok))).toEqual([]);
    expect(syntax(withLine(bad))).toEqual([expect.stringMatching(message)]);
  });

  it('the planned total and the session length', () => {
    expect(syntax(PLAN.replace('sessions 16 weekly 50min', `sessions ${MAX_SESSIONS} weekly ${MAX_SESSION_MINUTES}min`))).toEqual([]);
    expect(syntax(PLAN.replace('sessions 16 weekly 50min', 'sessions 5000000 weekly 50min'))).toEqual([expect.stringMatching(/^A plan has at most 500 sessions, so `sessions 5000000` cannot be the planned total/)]);
    expect(syntax(PLAN.replace('sessions 16 weekly 50min', 'sessions 16 weekly 1441min'))).toEqual([expect.stringMatching(/^A session lasts at most 1440 minutes/)]);
  });

  it('sessionNumbers expands any range safely (NaN, Infinity, 2^53, backwards)', () => {
    expect(sessionNumbers(4, 7)).toEqual([4, 5, 6, 7]);
    expect(sessionNumbers(7, 4)).toEqual([]);
    expect(sessionNumbers(2 ** 53, 2 ** 53 + 2)).toEqual([]);
    expect(sessionNumbers(499, Infinity)).toEqual([499, 500]);
    expect(sessionNumbers(Number.NaN, 3)).toEqual([]);
    expect(sessionNumbers(2, Number.NaN)).toEqual([]);
  });
});

/** The sample plan with every number in its tree made absurd after parsing. */
function absurd(): Analysis {
  const analysis = analyse(PLAN);
  const huge = 2 ** 53;
  for (const s of statements(analysis.ast)) {
    if (s.kind === 'sessions' && s.count) s.count.value = 1e9;
    if (s.kind === 'phase' && s.range) s.range.last = huge;
    if (s.kind === 'session' && s.number) Object.assign(s.number, { first: 1e8, last: huge });
    if (s.kind === 'score' && s.value) s.value.value = 1e12;
    if (s.kind === 'score' && s.instrument) s.instrument.value = 'XYZ';
  }
  for (const m of analysis.ast.measures) {
    if (m.schedule?.kind === 'every' && m.schedule.interval) m.schedule.interval.value = 1;
  }
  analysis.ast.measures.push({ ...analysis.ast.measures[0], schedule: { kind: 'at', keyword: { start: 0, end: 0 }, sessions: [{ first: huge, last: huge + 2, span: { start: 0, end: 0 } }] } });
  return analysis;
}

describe('every place that loops or sizes by a number stays bounded on a tree with absurd numbers', () => {
  const timed = <T>(run: () => T): T => {
    const started = performance.now();
    const result = run();
    expect(performance.now() - started).toBeLessThan(10_000); // a hang detector: each takes milliseconds
    return result;
  };

  it('the renderers (chart axes, course strip, measure schedules)', () => {
    const analysis = absurd();
    for (const to of ['html', 'markdown', 'fhir'] as const) expect(timed(() => render(analysis, { to })).length).toBeLessThan(2_000_000);
  });

  it('hover on every line, completion on every session line', () => {
    const analysis = absurd();
    for (let offset = 0; offset < analysis.text.length; offset += 7) timed(() => hoverAt(analysis, offset, defaultConfig));
    for (const s of statements(analysis.ast)) if (s.kind === 'session' || s.kind === 'phase') timed(() => completionsAt(analysis, s.span.end, defaultConfig));
  });

  it('code lens, inlay hints, renumbering, folding and semantic tokens', () => {
    const analysis = absurd();
    timed(() => phaseLenses(analysis));
    timed(() => sessionDateHints(analysis));
    timed(() => renumberSessionEdits(analysis));
    timed(() => foldingRanges(analysis));
    timed(() => semanticTokensData(analysis, undefined, defaultConfig));
  });
});
