/** `placeholder`: an unfinished plan cannot pass silently (issue 10). */
import { describe, expect, it } from 'vitest';
import { onlyDiagnostic } from './content-helpers.js';
import { basePlan, diagnosticsOf, rangeOfText, replace } from './plan-fixtures.js';

const id = 'placeholder';

describe('placeholder', () => {
  it('accepts the base plan', () => {
    expect(diagnosticsOf(id, basePlan)).toEqual([]);
  });

  it.each([
    ['goal', 'goal G2 "State needs calmly during disagreements"', 'goal G2 "TODO: second goal"', 'TODO', 'goal'],
    ['diagnosis', 'diagnosis "Major depressive disorder, recurrent, moderate"', 'diagnosis "TBD"', 'TBD', 'diagnosis'],
    ['homework', 'homework "One ten-minute check-in with partner each week"', 'homework "XXX"', 'XXX', 'homework'],
    ['session title', 'session 2 "Interpersonal inventory"', 'session 2 "FIXME"', 'FIXME', 'session title'],
    ['risk', 'risk low "Passive thoughts of death at intake; no plan or intent"', 'risk low "…"', '…', 'risk assessment'],
    ['safety plan', 'safety-plan "Warning signs, coping steps and contacts agreed in session 1; crisis line 988"', 'safety-plan "..."', '...', 'safety plan'],
    ['focus', 'focus role-dispute "Escalating conflict with partner about caring for their newborn"', 'focus role-dispute "Conflict with … about …"', '…', 'focus description'],
    ['clinician', 'clinician "J. Rivera, LCSW"', 'clinician "TBC"', 'TBC', 'clinician'],
  ])('reports a placeholder in a %s, on the placeholder, as a warning', (_kind, from, to, placeholder, what) => {
    const plan = replace(basePlan, from, to);
    const d = onlyDiagnostic(plan);
    expect(d.rule).toBe(id);
    expect(d.severity).toBe('warning');
    expect(d.message).toBe(
      `This ${what} is still a placeholder (\`${placeholder}\`). Write the real ${what} before the plan is used: an unfinished plan should not be signed off or merged.`,
    );
    expect(d.range).toEqual(rangeOfText(plan, placeholder));
  });

  it('reports one placeholder per string, the first', () => {
    const plan = replace(basePlan, 'goal G2 "State needs calmly during disagreements"', 'goal G2 "TODO: TBD"');
    expect(diagnosticsOf(id, plan).map((d) => plan.slice(d.span.start, d.span.end))).toEqual(['TODO']);
  });

  it.each([
    'Client said she did not know… and cried',
    'Warning signs, coping steps, contacts …',
    'A to-do list helps on bad days',
    'Todo list and diary kept',
    'The XXXL jumper was a gift',
    'Sessions 1...3 are the initial phase',
  ])('does not take ordinary text for a placeholder: %s', (text) => {
    expect(diagnosticsOf(id, replace(basePlan, 'One ten-minute check-in with partner each week', text))).toEqual([]);
  });

  it('does not read comments: a TODO comment is a note to the team, not plan text', () => {
    expect(diagnosticsOf(id, `# TODO: ask the supervisor about session 9\n${basePlan}`)).toEqual([]);
  });

  it('does not take ellipses inside quoted words for placeholders: they are the blanks of a sentence frame', () => {
    for (const text of [
      "Try the 'I feel ... when ...' opener",
      'Try the \\"I feel … when …\\" opener with her sister',
      'Practise ‘I feel ... when ...’ with partner',
      'Use “When you … I feel …” once this week',
    ]) {
      const plan = replace(basePlan, '"One ten-minute check-in with partner each week"', `"${text}"`);
      expect(diagnosticsOf('placeholder', plan), text).toEqual([]);
    }
  });

  it('still reports a template left unfilled, and an ellipsis outside the quotes', () => {
    const template = replace(basePlan, '"Escalating conflict with partner about caring for their newborn"', '"Conflict with … about …"');
    expect(diagnosticsOf('placeholder', template).map((d) => template.slice(d.span.start, d.span.end))).toEqual(['…']);
    const outside = replace(basePlan, '"One ten-minute check-in with partner each week"', `"Try 'I feel' with … this week"`);
    expect(diagnosticsOf('placeholder', outside)).toHaveLength(1);
    // An apostrophe inside a word opens no quotation.
    const apostrophe = replace(basePlan, '"One ten-minute check-in with partner each week"', `"Partner's … and client's"`);
    expect(diagnosticsOf('placeholder', apostrophe)).toHaveLength(1);
  });
});
