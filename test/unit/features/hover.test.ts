/** Hover: fixtures mark the cursor with `<|>`; the markdown is asserted exactly where it is the feature. */
import { describe, expect, test } from 'vitest';
import { hoverAt } from '../../../server/src/features/hover.js';
import { analyse } from '../../../server/src/analyse.js';
import { defaultConfig, resolveConfig } from '../../../server/src/rules/config.js';
import { atCursor, planWith, spanText } from './cursor.js';

function hover(source: string): { contents: string; span: string } | undefined {
  const { text, offset, analysis } = atCursor(source);
  const result = hoverAt(analysis, offset, defaultConfig);
  return result ? { contents: result.contents, span: spanText(text, result.span)! } : undefined;
}

describe('vocabulary words', () => {
  test('a task: its title, description, phase and sources', () => {
    const result = hover(planWith('sick-role,', 'sick-<|>role,'))!;
    expect(result.span).toBe('sick-role');
    expect(result.contents).toBe(
      [
        '**Sick role** `sick-role`',
        '',
        "Tell the client that depression is a treatable illness and not their fault, and that they take on the work of recovery. In IPT-A it is the limited sick role: the adolescent is depressed, yet expected to keep up school and usual activities as far as possible, with the parent's support.",
        '',
        'Phase: initial.',
        '',
        '**Sources**',
        '- Markowitz JC. Interpersonal psychotherapy: "Phases of treatment" and "Strategies and techniques" (book chapter, as mirrored online). <https://www.alpfmedical.info/bipolar-disorder/phases-of-treatment.html>',
        '- IPT UK. Stages of IPT (web page). <https://www.iptuk.net/stages-of-ipt.html>',
        '- Thomas J. How Interpersonal Therapy Improves Depression and Social Issues. BetterHelp, 2021 (web page).',
        '- Cleveland Clinic. Interpersonal Psychotherapy (IPT). Health library, reviewed 03/2024 (web page).',
        '- California Evidence-Based Clearinghouse for Child Welfare. Interpersonal Psychotherapy for Depressed Adolescents (IPT-A): program page (essential components of the initial phase: psychoeducation, the limited sick role, the closeness circle, the interpersonal inventory). <https://cebc4cw.org/program/interpersonal-psychotherapy-for-depressed-adolescents>',
        '- Mufson L, Verdeli H, Clougherty KF, Shoum KA. How to use interpersonal psychotherapy for depressed adolescents (IPT-A) (book chapter, as mirrored online; source and pages not verified).',
      ].join('\n'),
    );
    // Full citations, never raw tags such as [S3].
    expect(result.contents).not.toMatch(/\bS\d+\b|seed \d/);
  });

  test('an entry from .iptrc.json says so instead of citing sources', () => {
    const config = resolveConfig({ vocabulary: { tasks: [{ id: 'parent-session', phases: ['initial'], title: 'Parent session', description: 'A parent joins.' }] } });
    const text = planWith('sick-role,', 'parent-session,');
    const offset = text.indexOf('parent-session') + 2;
    const result = hoverAt(analyse(text, { config }), offset, config)!;
    expect(result.contents).toContain('_Added in .iptrc.json._');
  });

  test('a variant: its frame and the tasks its phases require, with the literature\'s name accepted', () => {
    const maintenance = hover(planWith('variant acute', 'variant mainten<|>ance'))!;
    expect(maintenance.contents).toContain('Initial phase requires (warning): `symptom-review` (or `diagnosis`), `warning-signs`, `formulation`, `treatment-contract`.');
    expect(maintenance.contents).toContain('Termination phase requires (warning): `discuss-ending`, `review-progress`, `relapse-prevention`.');
    const alias = hover(planWith('variant acute', 'variant IPT<|>-A'))!;
    expect(alias.contents).toMatch(/^\*\*IPT for adolescents \(IPT-A\)\*\* `adolescent`/);
    expect(alias.contents).toContain('Initial phase requires (error): `interpersonal-inventory` (or `closeness-circle`), `formulation`; (warning): `sick-role` (or `psychoeducation`), `treatment-contract`, `symptom-review` (or `diagnosis`), `parent-involvement`.');
  });

  test('instruments: EPDS item 10 read on its own (Cox et al. 1987), GAD-7 bands at 5, 10 and 15, the two MFQ forms', () => {
    const epds = hover(planWith('measure HAM-D at 1, 16', 'measure EP<|>DS at 1, 16'))!;
    expect(epds.contents).toContain('Read item 10 ("The thought of harming myself has occurred to me") on its own: any score above 0 calls for further assessment, whatever the total.');
    expect(epds.contents).toContain('Cox JL, Holden JM, Sagovsky R. Detection of postnatal depression');
    const gad = hover(planWith('measure HAM-D at 1, 16', 'measure GAD<|>-7 at 1, 16'))!;
    expect(gad.contents).toContain('Bands: 0–4 minimal; 5–9 mild; 10–14 moderate; 15–21 severe.');
    expect(gad.contents).toContain('Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder');
    expect(hover(planWith('measure HAM-D at 1, 16', 'measure MFQ<|>-P at 1, 16'))!.contents).toContain('Score range 0–68.');
    expect(hover(planWith('measure HAM-D at 1, 16', 'measure MFQ<|>-C at 1, 16'))!.contents).toContain('Score range 0–66.');
    expect(hover(planWith('measure HAM-D at 1, 16', 'measure MF<|>Q at 1, 16'))!.contents).toContain('Score range 0–68.');
  });

  test('the parent-involvement task says it is for IPT-A', () => {
    const result = hover(planWith('sick-role,', 'parent-invol<|>vement,'))!;
    expect(result.contents).toMatch(/^\*\*Parent or carer involvement \(IPT-A\)\*\* `parent-involvement`/);
    expect(result.contents).toContain('Phase: initial, middle, termination. Used in: adolescent.');
  });
});

describe('the safety-plan keyword', () => {
  const highRisk = (safetyPlan: string) =>
    planWith('risk low "Passive thoughts of death at intake; no plan or intent"', `risk high "Plan to overdose; prior attempt"\n  safety-<|>plan "${safetyPlan}"`);

  test('lists the six Stanley–Brown steps, what the line must name, and the crisis lines', () => {
    const result = hover(highRisk('Warning signs, coping steps and contacts agreed in session 1; crisis line 988'))!;
    expect(result.span).toBe('safety-plan');
    expect(result.contents).toMatch(/^\*\*Safety plan\*\* \(Stanley–Brown Safety Planning Intervention\)/);
    const steps = result.contents.split('\n').filter((line) => /^\d\. /.test(line));
    expect(steps.map((line) => line.slice(0, 6))).toEqual(['1. **W', '2. **I', '3. **P', '4. **F', '5. **M', '6. **M']);
    expect(result.contents).toContain('at high risk it names a professional or crisis contact and a step on lethal means');
    expect(result.contents).toContain('Samaritans 116 123 (UK and Ireland), Lifeline 13 11 14 (Australia)');
    // What this plan's line says, as the rule reads it.
    expect(result.contents).toContain("This plan's safety plan (high risk): professional or crisis contact — yes; lethal-means step — not named.");
    expect(result.contents).toContain('Stanley B, Brown GK. Safety Planning Intervention');
    expect(hover(highRisk('Stanley-Brown plan written; 988'))!.contents).toContain("This plan's safety plan (high risk) says it is a complete structured plan.");
  });
});

describe('vocabulary words, continued', () => {

  test('a non-IPT technique says so', () => {
    const result = hover(planWith('technique role-play, decision-analysis', 'technique thought-rec<|>ord'))!;
    expect(result.contents).toContain('⚠ Not an IPT technique.');
  });

  test('an unknown word has no catalogue hover', () => {
    expect(hover(planWith('sick-role,', 'sick-rol<|>,'))?.contents ?? '').not.toContain('**Sick role**');
  });
});

describe('goal ids', () => {
  test('where it is defined: its text and the sessions targeting it', () => {
    const result = hover(planWith('goal G1', 'goal G<|>1'))!;
    expect(result).toEqual({ contents: "**Goal G1**\n\nName each partner's expectations about caregiving roles\n\nTargeted in sessions 4–7.", span: 'G1' });
  });

  test('in `targets`', () => {
    expect(hover(planWith('targets G2', 'targets <|>G2'))!.contents).toBe('**Goal G2**\n\nState needs calmly during disagreements\n\nTargeted in sessions 8–13.');
  });

  test('an undefined goal', () => {
    expect(hover(planWith('targets G2', 'targets G<|>9'))!.contents).toMatch(/^\*\*Goal `G9`\*\* is not defined in this plan/);
  });

  test('a goal no session targets', () => {
    const source = 'plan "x"\nfocus grief "x"\n  goal G<|>1 "Tell the story"\n';
    expect(hover(source)!.contents).toBe('**Goal G1**\n\nTell the story\n\nNo session targets it yet.');
  });
});

describe('phase and session lines', () => {
  test('a phase line: range, dates, entries, tasks, techniques, goals', () => {
    const result = hover(planWith('phase middle', 'pha<|>se middle'))!;
    expect(result.span).toBe('phase middle sessions 4-13');
    expect(result.contents).toBe(
      [
        '**Middle phase** · sessions 4–13 (10 sessions) · 2026-02-23 to 2026-04-27',
        '',
        '2 session entries covering 10 sessions.',
        '',
        'Techniques: `communication-analysis`, `clarification`, `encouragement-of-affect`, `role-play`, `decision-analysis`.',
        '',
        'Goals targeted: G1, G2.',
      ].join('\n'),
    );
  });

  test('the initial phase lists its tasks', () => {
    expect(hover(planWith('phase initial sessions 1-3', 'phase initial sessions 1-<|>3'))!.contents).toContain(
      'Tasks planned: `symptom-review`, `sick-role`, `medication-review`, `interpersonal-inventory`, `formulation`, `treatment-contract`.',
    );
  });

  test('the phase name shows the catalogue entry and the phase summary', () => {
    const contents = hover(planWith('phase termination', 'phase termi<|>nation'))!.contents;
    expect(contents).toMatch(/^\*\*Termination phase\*\* `termination`/);
    expect(contents).toContain('---\n\n**Termination phase** · sessions 14–16 (3 sessions) · 2026-05-04 to 2026-05-18');
  });

  test('a session number: its computed date', () => {
    expect(hover(planWith('session 15 "', 'session 1<|>5 "'))).toEqual({
      contents: '**Session 15** · termination phase · Relapse warning signs\n\nFalls on 2026-05-11: weekly from `start` 2026-02-02.',
      span: '15',
    });
    expect(hover(planWith('session 4-7', 'session 4-<|>7'))!.contents).toContain('Fall on 2026-02-23 to 2026-03-16');
  });

  test('a session without `start`', () => {
    expect(hover('plan "x"\n  sessions 12 weekly\nphase initial sessions 1-3\n  sess<|>ion 1\n')!.contents).toBe(
      '**Session 1** · initial phase\n\nAdd `start YYYY-MM-DD` to the plan header to see calendar dates.',
    );
  });
});

describe('the course', () => {
  test('`sessions` and `start`: the variant bounds and the last date', () => {
    const expected = '**16 sessions**, weekly\n\nAcute IPT plans 12–16 sessions (weekly).\n\nFrom `start` 2026-02-02, the last session falls on 2026-05-18.';
    expect(hover(planWith('sessions 16', 'sessions 1<|>6'))).toEqual({ contents: expected, span: 'sessions 16 weekly 50min' });
    expect(hover(planWith('start 2026', 'st<|>art 2026'))!.contents).toBe(expected);
  });
});

describe('scores', () => {
  test('the baseline score', () => {
    expect(hover(planWith('score PHQ-9 18', 'score PHQ-9 1<|>8'))!.contents).toBe(
      '**PHQ-9 18** · range 0–27\n\nBand: **moderately severe** (15–19).\n\nThis is the baseline: the first PHQ-9 score in the plan.\n\nRemission (PHQ-9 < 5): not met.',
    );
  });

  test('a later score: change, response and remission', () => {
    expect(hover(planWith('score PHQ-9 12', 'sc<|>ore PHQ-9 12'))!.contents).toBe(
      [
        '**PHQ-9 12** · range 0–27',
        '',
        'Band: **moderate** (10–14).',
        '',
        'Change from baseline (session 1: 18): **−6** (−33.3 %).',
        '',
        'Response (a fall of 50 % or more, to 9 or less): not reached.',
        '',
        'Remission (PHQ-9 < 5): not met.',
      ].join('\n'),
    );
    const last = hover(planWith('score PHQ-9 4', 'score PHQ-9 <|>4'))!.contents;
    expect(last).toContain('Change from baseline (session 1: 18): **−14** (−77.8 %).');
    expect(last).toContain('Response (a fall of 50 % or more, to 9 or less): reached.');
    expect(last).toContain('Remission (PHQ-9 < 5): met.');
  });

  test('an instrument without bands or remission', () => {
    const source = 'plan "x"\nphase initial sessions 1-3\n  session 1\n    score EPDS 1<|>4\n';
    expect(hover(source)!.contents).toBe('**EPDS 14** · range 0–30\n\nThe catalogue gives no severity bands for EPDS.\n\nThis is the baseline: the first EPDS score in the plan.');
  });

  test('a score out of range says so, and the rule behind the diagnostic', () => {
    const contents = hover(planWith('score PHQ-9 12', 'score PHQ-9 3<|>0'))!.contents;
    expect(contents).toMatch(/^\*\*PHQ-9 30\*\* · range 0–27\n\nOutside the PHQ-9 range 0–27\./);
    expect(contents).toContain('**`score-range`** (error) — ');
    expect(contents).toContain('[Read more](https://github.com/ipt-plan/ipt-plan/blob/main/docs/rules/score-range.md)');
  });
});

describe('measures', () => {
  test('`every N`: 1, 1+N, … and the last session, with dates', () => {
    expect(hover(planWith('measure PHQ-9 every 4', 'measure PHQ-9 ev<|>ery 4'))).toEqual({
      contents:
        '**PHQ-9** is given in 5 sessions (every 4, from session 1, and the last session):\n\nSessions 1 (2026-02-02), 5 (2026-03-02), 9 (2026-03-30), 13 (2026-04-27), 16 (2026-05-18).',
      span: 'measure PHQ-9 every 4',
    });
  });

  test('`at` a list', () => {
    expect(hover(planWith('measure HAM-D at 1, 16', 'measure HAM-D at 1, <|>16'))!.contents).toBe('**HAM-D** is given in 2 sessions:\n\nSessions 1 (2026-02-02), 16 (2026-05-18).');
  });

  test('the instrument word shows the catalogue entry', () => {
    expect(hover(planWith('measure HAM-D', 'measure HAM<|>-D'))!.contents).toMatch(/^\*\*Hamilton Depression Rating Scale \(HRSD-17\)\*\* `HAM-D`/);
  });
});

describe('diagnostics', () => {
  test("inside a diagnostic: the rule's explanation and docs link, without source tags", () => {
    const result = hover(planWith('    task interpersonal-inventory\n', '    task interpersonal-inventory\n    technique thought-rec<|>ord\n'))!;
    expect(result.contents).toContain('⚠ Not an IPT technique.');
    expect(result.contents).toContain('---\n\n**`technique`** (warning) — ');
    expect(result.contents).not.toMatch(/\[S\d+\]/);
  });

  test('a diagnostic alone: the hover covers its span', () => {
    const result = hover(planWith('    task review-progress\n', '    task review-progress\n    note "Mood log goes to c.0142.home@exa<|>mple.com"\n'))!;
    expect(result.contents).toMatch(/^\*\*`phi`\*\* \(warning\) — .* \[Read more\]\(https:\/\/github\.com\/ipt-plan\/ipt-plan\/blob\/main\/docs\/rules\/phi\.md\)$/);
    expect(result.span).toContain('@example.com');
  });

  test('nothing to say: no hover', () => {
    expect(hover(planWith('"Review progress"', '"Review <|>progress"'))).toBeUndefined();
  });
});
