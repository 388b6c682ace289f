import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { ownCodeSystems } from '../../../server/src/render/fhir-code-systems.js';
import { DEFAULT_CLIENT_IDENTIFIER_SYSTEM, DIAGNOSIS_SYSTEMS, PHASE_SYSTEM, PLAN_IDENTIFIER_SYSTEM, PROBLEM_AREA_SYSTEM, VARIANT_SYSTEM } from '../../../server/src/render/fhir-codes.js';
import { resolveConfig } from '../../../server/src/rules/config.js';
import { parseConfigText } from '../../../server/src/rules/config-text.js';
import { type FhirOptions, render } from '../../../server/src/render/index.js';
import { bindingStrength, fhirProblems, schemaProblems, validatorProblems, xmlRoundTripProblems } from './fhir-validate.js';
import { linearGrowth } from '../rules/linear-time.js';
import { coursePlan, hostilePlan, iptFiles, repoRoot, samplesDir, sharedExamplesDir } from './plans.js';

type Json = Record<string, any>;
const fhir = (text: string, options?: FhirOptions): Json => JSON.parse(render(analyse(text), { to: 'fhir', fhir: options }));
const contained = (plan: Json, type: string) => ((plan.contained ?? []) as Json[]).filter((r) => r.resourceType === type);
const client = { type: 'Patient', identifier: { system: DEFAULT_CLIENT_IDENTIFIER_SYSTEM, value: 'C-0142' } };

describe('the FHIR validators themselves', () => {
  it('catch what they are there for: a bad status, a missing subject, malformed XHTML, a bad code', () => {
    const goal = { resourceType: 'Goal', id: 'g', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div>' }, lifecycleStatus: 'active', description: { text: 'x' }, subject: { display: 'x' } };
    expect(fhirProblems({ resourceType: 'CarePlan', text: goal.text, status: 'draft', intent: 'plan', subject: { display: 'x' } })).toEqual([]);
    expect(schemaProblems({ ...goal, lifecycleStatus: 'done' }).join()).toMatch(/lifecycleStatus|enum/);
    const { subject: _subject, ...withoutSubject } = goal;
    expect(validatorProblems(withoutSubject).join()).toMatch(/subject/);
    expect(xmlRoundTripProblems({ ...goal, text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>a & b</p></div>' } })).not.toEqual([]);
    expect(validatorProblems({ resourceType: 'Observation', status: 'done', code: { text: 'x' } }).join()).toMatch(/status/);
    expect(bindingStrength('CarePlan.activity[0].detail.code')).toBe('example');
    expect(bindingStrength('Condition.clinicalStatus')).toBe('required');
  });
});

describe('render fhir: the CarePlan', () => {
  const plan = fhir(coursePlan);

  it('is pretty JSON and valid R4 by the official schema, the fhir validator and an XML round trip', () => {
    const text = render(analyse(coursePlan), { to: 'fhir' });
    expect(text.startsWith('{\n  "resourceType": "CarePlan",')).toBe(true);
    expect(fhirProblems(plan)).toEqual([]);
  });

  it('is active once a session is held, with intent plan, US Core’s assess-plan and the variant as categories, title and description', () => {
    expect(plan.status).toBe('active');
    expect(plan.intent).toBe('plan');
    expect(plan.category).toEqual([
      { coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'assess-plan', display: 'Assessment and Plan of Treatment' }], text: 'Assessment and Plan of Treatment' },
      { coding: [{ system: VARIANT_SYSTEM, code: 'acute', display: 'Acute IPT' }], text: 'Acute IPT' },
    ]);
    expect(plan.title).toBe('C-0142 acute IPT');
    expect(plan.description).toBe('IPT focus: Role dispute — Escalating conflict with partner about caring for their newborn');
  });

  it('is identified by its client code and start date, and says nothing it does not know (no created, no meta.profile)', () => {
    expect(plan.identifier).toEqual([{ use: 'usual', system: PLAN_IDENTIFIER_SYSTEM, value: 'C-0142/2026-02-02' }]);
    expect(fhir(coursePlan.replace('  start 2026-02-02\n', '')).identifier).toBeUndefined();
    expect(fhir(coursePlan.replace('  client "C-0142"\n', '')).identifier).toBeUndefined();
    expect(plan.created).toBeUndefined(); // no statement of the plan says when it was written
    expect(plan.meta).toBeUndefined(); // fills US Core's must-support elements, claims no profile (docs/rendering.md)
  });

  it('names the client only by its code, as a Patient with an identifier system', () => {
    expect(plan.subject).toEqual(client);
    for (const resource of plan.contained) if (resource.resourceType !== 'Observation' || resource.subject) expect(resource.subject).toEqual(client);
  });

  it('gives every resource a generated XHTML narrative with its facts', () => {
    for (const resource of [plan, ...plan.contained]) {
      expect(resource.text.status).toBe('generated');
      expect(resource.text.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">.*<\/div>$/);
    }
    expect(plan.text.div).toContain('<b>IPT treatment plan</b> C-0142 acute IPT');
    expect(plan.text.div).toContain('<li>Initial phase, sessions 1–3: completed</li>');
    expect(plan.text.div).toContain('<b>Suicide risk:</b> Low risk; safety plan written');
    expect(contained(plan, 'Goal')[0].text.div).toContain("Name each partner's expectations about caregiving roles");
  });

  it('runs from the start to the estimated last session', () => {
    expect(plan.period).toEqual({ start: '2026-02-02', end: '2026-05-18' });
  });

  it('addresses the diagnosis as an active problem-list Condition with its ICD-10 code', () => {
    expect(plan.addresses).toEqual([{ reference: '#diagnosis' }]);
    const [condition] = contained(plan, 'Condition');
    expect({ ...condition, text: undefined }).toEqual({
      resourceType: 'Condition',
      id: 'diagnosis',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active', display: 'Active' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item', display: 'Problem List Item' }] }],
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'F33.1' }], text: 'Major depressive disorder, recurrent, moderate' },
      subject: client,
      text: undefined,
    });
  });

  it('has one active contained Goal per plan goal, referenced from the plan', () => {
    const goals = contained(plan, 'Goal');
    expect(goals.map((g) => [g.id, g.lifecycleStatus, g.description.text])).toEqual([
      ['goal-G1', 'active', "Name each partner's expectations about caregiving roles"],
      ['goal-G2', 'active', 'State needs calmly during disagreements'],
    ]);
    expect(plan.goal).toEqual([{ reference: '#goal-G1' }, { reference: '#goal-G2' }]);
  });

  it('has one activity per phase with its code, status, timing (bounded by its estimated dates) and (middle) goals', () => {
    expect(plan.activity).toHaveLength(3);
    const [initial, middle, termination] = plan.activity.map((a: Json) => a.detail);
    expect(initial.code.coding[0]).toEqual({ system: PHASE_SYSTEM, code: 'initial', display: 'Initial phase' });
    expect([initial.status, middle.status, termination.status]).toEqual(['completed', 'in-progress', 'not-started']);
    expect(initial.scheduledTiming.repeat).toEqual({ boundsPeriod: { start: '2026-02-02', end: '2026-02-16' }, count: 3, duration: 50, durationUnit: 'min', frequency: 1, period: 1, periodUnit: 'wk' });
    expect(middle.scheduledTiming.repeat.boundsPeriod).toEqual({ start: '2026-02-23', end: '2026-04-27' });
    expect(termination.scheduledTiming.repeat.boundsPeriod).toEqual({ start: '2026-05-04', end: '2026-05-18' });
    expect(middle.scheduledTiming.repeat.count).toBe(10);
    expect(middle.goal).toEqual([{ reference: '#goal-G1' }, { reference: '#goal-G2' }]);
    expect(initial.goal).toBeUndefined();
    expect(initial.kind).toBe('Appointment');
  });

  it('records each score as a final survey Observation in {score}, LOINC-coded only where verified, with the session date', () => {
    const observations = contained(plan, 'Observation');
    expect(observations.map((o) => [o.code, o.valueQuantity.value, o.effectiveDateTime, o.status])).toEqual([
      [{ coding: [{ system: 'http://loinc.org', code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' }], text: 'PHQ-9' }, 18, '2026-02-02', 'final'],
      [{ text: 'HAM-D' }, 22, '2026-02-02', 'final'],
      [{ coding: [{ system: 'http://loinc.org', code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' }], text: 'PHQ-9' }, 12, '2026-03-02', 'final'],
    ]);
    for (const o of observations) {
      expect(o.valueQuantity).toMatchObject({ unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' });
      expect(o.category).toEqual([{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }]);
    }
    expect(plan.activity[0].outcomeReference).toEqual([{ reference: '#score-1' }, { reference: '#score-2' }]);
    expect(plan.activity[1].outcomeReference).toEqual([{ reference: '#score-3' }]);
  });

  it('codes GAD-7 with LOINC 70274-6 and keeps the text', () => {
    const plan = fhir(coursePlan.replace('score HAM-D 22', 'score GAD-7 9'));
    expect(contained(plan, 'Observation')[1].code).toEqual({
      coding: [{ system: 'http://loinc.org', code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' }],
      text: 'GAD-7',
    });
  });

  it('states the risk as a RiskAssessment: qualitative prediction, the assessment as a note, the safety plan as mitigation', () => {
    expect(plan.supportingInfo).toEqual([{ reference: '#risk-1' }]);
    expect(plan.note).toBeUndefined();
    const [risk] = contained(plan, 'RiskAssessment');
    expect({ ...risk, text: undefined }).toEqual({
      resourceType: 'RiskAssessment',
      id: 'risk-1',
      status: 'final',
      code: { text: 'Suicide risk assessment' },
      subject: client,
      prediction: [{ outcome: { text: 'Suicide' }, qualitativeRisk: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/risk-probability', code: 'low', display: 'Low likelihood' }], text: 'Low risk' } }],
      mitigation: 'Warning signs, coping steps and contacts agreed in session 1; crisis line 988',
      note: [{ text: 'Passive thoughts of death at intake; no plan or intent' }],
      text: undefined,
    });
    expect(risk.text.div).toContain('<b>Safety plan:</b> Warning signs, coping steps and contacts agreed in session 1; crisis line 988');
  });

  it('codes moderate and high risk, and keeps `none` as text only', () => {
    const level = (word: string) => contained(fhir(coursePlan.replace('risk low', `risk ${word}`)), 'RiskAssessment')[0].prediction[0].qualitativeRisk;
    expect(level('high').coding[0].code).toBe('high');
    expect(level('moderate').coding[0].code).toBe('moderate');
    expect(level('none')).toEqual({ text: 'No current risk' });
  });
});

describe('render fhir: IPT Plan’s own code systems', () => {
  const systems = ownCodeSystems();
  const byUrl = new Map(systems.map((system) => [system.url, system]));

  it('are valid R4 CodeSystems by the official schema, the fhir validator and an XML round trip', () => {
    expect(systems.map((system) => system.url)).toEqual([VARIANT_SYSTEM, PHASE_SYSTEM, PROBLEM_AREA_SYSTEM]);
    for (const system of systems) {
      expect(fhirProblems(system as unknown as Json), system.url).toEqual([]);
      expect(system.content).toBe('complete');
      expect(system.count).toBe(system.concept!.length);
    }
  });

  it('are published in docs/fhir/ as scripts/build.mjs writes them (run the build after changing the vocabulary)', () => {
    for (const system of systems) {
      const file = path.join(repoRoot, 'docs', 'fhir', `CodeSystem-${system.id}.json`);
      expect(JSON.parse(readFileSync(file, 'utf8')), file).toEqual(system);
    }
  });

  it('define every code an export uses: the variant, phase and problem-area codes of every sample', () => {
    for (const { name, text } of iptFiles(samplesDir)) {
      const plan = fhir(text);
      const codings = [...(plan.category ?? []), ...contained(plan, 'Goal').flatMap((g) => g.category ?? []), ...(plan.activity ?? []).map((a: Json) => a.detail?.code).filter(Boolean)].flatMap((c: Json) => c.coding ?? []);
      for (const coding of codings.filter((c: Json) => byUrl.has(c.system))) {
        const concept = byUrl.get(coding.system)!.concept!.find((c) => c.code === coding.code);
        expect(concept, `${name}: ${coding.system}|${coding.code}`).toBeDefined();
        expect(coding.display).toBe(concept!.display);
      }
    }
  });

  it('code a built-in word by its own id (an alias too), and leave a workspace’s own words as text', () => {
    const { config } = parseConfigText(
      JSON.stringify({ variants: { 'ipt-ptsd': { extends: 'acute', title: 'IPT for PTSD' } }, vocabulary: { problemAreas: [{ id: 'loss-of-healthy-self', title: 'Loss of the healthy self' }] } }),
      '.iptrc.json',
    );
    const resolved = resolveConfig(config);
    const custom = coursePlan.replace('variant acute', 'variant ipt-ptsd').replace('focus role-dispute', 'focus loss-of-healthy-self');
    const plan = JSON.parse(render(analyse(custom, { config: resolved }), { to: 'fhir', catalogue: resolved.catalogue })) as Json;
    expect(plan.category[1]).toEqual({ text: 'IPT for PTSD' });
    expect(contained(plan, 'Goal')[0].category).toEqual([{ text: 'Loss of the healthy self' }]);
    expect(fhirProblems(plan)).toEqual([]);
    const alias = fhir(coursePlan.replace('focus role-dispute', 'focus interpersonal-sensitivity').replace(/\n  stage \w+/, ''));
    expect(contained(alias, 'Goal')[0].category[0].coding).toEqual([{ system: PROBLEM_AREA_SYSTEM, code: 'interpersonal-deficits', display: 'Interpersonal deficits (sensitivity)' }]);
  });
});

describe('render fhir: configuration (.iptrc.json `fhir`)', () => {
  it('uses the configured identifier system for the client code', () => {
    const plan = fhir(coursePlan, { clientIdentifierSystem: 'urn:oid:2.16.840.1.113883.3.999' });
    expect(plan.subject.identifier).toEqual({ system: 'urn:oid:2.16.840.1.113883.3.999', value: 'C-0142' });
    expect(fhirProblems(plan)).toEqual([]);
  });

  it('codes the diagnosis in ICD-10 (WHO) by default and in ICD-10-CM when configured', () => {
    expect(contained(fhir(coursePlan), 'Condition')[0].code.coding).toEqual([{ system: DIAGNOSIS_SYSTEMS['icd-10'], code: 'F33.1' }]);
    const cm = fhir(coursePlan.replace('code F33.1', 'code F33.1'), { diagnosisCodeSystem: 'icd-10-cm' });
    expect(contained(cm, 'Condition')[0].code.coding).toEqual([{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.1' }]);
    expect(fhirProblems(cm)).toEqual([]);
  });

  it('says remission only when the code says full remission in the chosen system', () => {
    const status = (code: string, system?: FhirOptions['diagnosisCodeSystem']) =>
      contained(fhir(coursePlan.replace('code F33.1', `code ${code}`), { diagnosisCodeSystem: system }), 'Condition')[0].clinicalStatus.coding[0].code;
    expect(status('F33.4')).toBe('remission');
    expect(status('F33.42', 'icd-10-cm')).toBe('remission');
    expect(status('F32.5', 'icd-10-cm')).toBe('remission');
    expect(status('F32.5')).toBe('active'); // not a remission code in WHO ICD-10
    expect(status('F33.41', 'icd-10-cm')).toBe('active'); // partial remission
  });
});

describe('render fhir: status decisions', () => {
  it('is a draft while no session is held', () => {
    const plan = fhir(coursePlan.replace(/status held/g, 'status planned'));
    expect(plan.status).toBe('draft');
    expect(plan.activity[0].detail.status).toBe('scheduled'); // dated, none held
  });

  it('never exports a score of a planned, missed or cancelled session as final, nor with that session’s date', () => {
    for (const status of ['planned', 'missed', 'cancelled']) {
      const plan = fhir(coursePlan.replace('    date 2026-02-02\n    status held', `    date 2026-02-02\n    status ${status}`));
      const [first] = contained(plan, 'Observation');
      expect(first.status, status).toBe('preliminary');
      expect(first.effectiveDateTime).toBeUndefined();
      expect(first.note[1].text).toBe(`Session 1 is marked ${status}, so this score is not confirmed as measured then.`);
      expect(fhirProblems(plan)).toEqual([]);
    }
  });

  it('uses a two-week period for biweekly and a month for monthly sessions', () => {
    const biweekly = fhir(coursePlan.replace('sessions 16 weekly 50min', 'sessions 16 biweekly 50min'));
    expect(biweekly.activity[0].detail.scheduledTiming.repeat).toMatchObject({ frequency: 1, period: 2, periodUnit: 'wk' });
    const monthly = fhir(coursePlan.replace('sessions 16 weekly 50min', 'sessions 16 monthly 50min'));
    expect(monthly.activity[0].detail.scheduledTiming.repeat).toMatchObject({ frequency: 1, period: 1, periodUnit: 'mo' });
    expect(monthly.period.end).toBe('2027-05-02');
    expect(monthly.activity[1].detail.scheduledTiming.repeat.boundsPeriod).toEqual({ start: '2026-05-02', end: '2027-02-02' });
  });

  it('leaves out what the plan does not say: no code coding, no period end or later bounds without a cadence', () => {
    const plan = fhir(coursePlan.replace(' code F33.1', '').replace('sessions 16 weekly 50min', 'sessions 16'));
    expect(contained(plan, 'Condition')[0].code).toEqual({ text: 'Major depressive disorder, recurrent, moderate' });
    expect(plan.period).toEqual({ start: '2026-02-02' });
    expect(plan.activity[0].detail.scheduledTiming.repeat).toEqual({ boundsPeriod: { start: '2026-02-02' }, count: 3 });
    expect(plan.activity[1].detail.scheduledTiming.repeat).toEqual({ count: 10 });
    expect(fhirProblems(plan)).toEqual([]);
  });

  it('leaves out dates that are not real calendar dates', () => {
    const plan = fhir(coursePlan.replace('start 2026-02-02', 'start 2026-02-30').replace('date 2026-02-02', 'date 2026-13-01'));
    expect(plan.period).toBeUndefined();
    expect(plan.activity[0].detail.scheduledTiming.repeat.boundsPeriod).toBeUndefined();
    expect(contained(plan, 'Observation')[0].effectiveDateTime).toBeUndefined();
    expect(fhirProblems(plan)).toEqual([]);
  });
});

describe('render fhir: strings and incomplete plans', () => {
  it('keeps plan strings as JSON text, exactly, and escapes them in the narrative', () => {
    const plan = fhir(hostilePlan);
    expect(plan.title).toBe('<script>alert(1)</script> plan');
    expect(plan.subject.identifier.value).toBe('C-1 </script><img src=x onerror=alert(2)>');
    expect(plan.text.div).toContain('&lt;script&gt;alert(1)&lt;/script&gt; plan');
    expect(plan.text.div).not.toContain('<script');
    expect(fhirProblems(plan)).toEqual([]);
  });

  it('keeps strings valid FHIR and the narrative well-formed XML when a string holds control characters or a no-break space', () => {
    const plan = fhir(coursePlan.replace('"C-0142 acute IPT"', '"C-0142\u00a0\u0001 bell\u0007 & <b>"'));
    expect(plan.title).toBe('C-0142 \uFFFD bell\uFFFD & <b>');
    expect(plan.text.div).toContain('C-0142\u00a0\uFFFD bell\uFFFD &amp; &lt;b&gt;');
    expect(fhirProblems(plan)).toEqual([]);
  });

  it('stays valid, with a well-formed narrative, whatever a goal or title says (property)', () => {
    const planString = (value: string) => `"${value.replace(/[\r\n]/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), (goal, title) => {
        const text = coursePlan.replace('"State needs calmly during disagreements"', planString(goal)).replace('"C-0142 acute IPT"', planString(title));
        expect(fhirProblems(fhir(text))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('uses the goal id when the goal text is empty, and drops other empty strings', () => {
    const plan = fhir(coursePlan.replace('"State needs calmly during disagreements"', '""').replace('"C-0142 acute IPT"', '""'));
    expect(contained(plan, 'Goal')[1].description).toEqual({ text: 'G2' });
    expect(plan.title).toBeUndefined();
    expect(fhirProblems(plan)).toEqual([]);
  });

  it('gives a valid CarePlan for an empty file, with a subject that says the code is missing', () => {
    const plan = fhir('');
    expect(plan.subject).toEqual({ type: 'Patient', display: 'Client code not stated in the plan' });
    expect(fhirProblems(plan)).toEqual([]);
  });

  it('stays valid when any part of a plan is cut out (property, both validators)', () => {
    fc.assert(
      fc.property(fc.nat(coursePlan.length), fc.nat(200), (start, length) => {
        const broken = coursePlan.slice(0, start) + coursePlan.slice(start + length);
        expect(fhirProblems(fhir(broken))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('render fhir: resource ids (issue 17)', () => {
  const goals = (n: number, id: (i: number) => string) => `plan "C-0142"\nfocus grief "g"\n${Array.from({ length: n }, (_, i) => `  goal ${id(i)} "x"\n`).join('')}`;

  it('numbers goals that share an id: each id unique, at most 64 characters, the first kept as is', () => {
    const long = `G${'x'.repeat(70)}`;
    const text = `${goals(3, () => 'G1')}${goals(2, () => long).split('\n').slice(2).join('\n')}  goal G1-2 "written by hand"\n`;
    const ids = contained(fhir(text), 'Goal').map((goal) => goal.id as string);
    expect(ids.slice(0, 3)).toEqual(['goal-G1', 'goal-G1-2', 'goal-G1-3']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
  });

  it('20,000 goals with one id: ids stay unique and within 64 characters', () => {
    const ids = contained(fhir(goals(20_000, () => 'G1')), 'Goal').map((goal) => goal.id as string);
    expect(new Set(ids).size).toBe(20_000);
    expect(ids[19_999]).toBe('goal-G1-20000');
  });

  it('time grows linearly with duplicate goal ids (20,000 `goal G1 "x"` took 19 s)', () => {
    const analysed = (size: number) => analyse(goals(Math.round(size / 14), () => 'G1'));
    expect(linearGrowth(analysed, (analysis) => render(analysis, { to: 'fhir' }))).toBeLessThan(30);
  });

  it('time grows linearly when long ids share their first 60 characters', () => {
    const analysed = (size: number) => analyse(goals(Math.round(size / 80), (i) => `G${'x'.repeat(60)}${i % 7}`));
    expect(linearGrowth(analysed, (analysis) => render(analysis, { to: 'fhir' }))).toBeLessThan(30);
  });
});

const samples = [...iptFiles(samplesDir), ...iptFiles(path.join(samplesDir, 'rules')).map((s) => ({ ...s, name: `rules/${s.name}` }))];
describe.skipIf(samples.length === 0)('render fhir: the project samples', () => {
  for (const { name, text } of samples) {
    it(`${name} is valid R4 (schema, fhir validator, XML round trip) with one activity per phase and one Observation per score`, () => {
      const analysis = analyse(text);
      const plan = fhir(text);
      expect(fhirProblems(plan)).toEqual([]);
      expect(plan.activity ?? []).toHaveLength(analysis.ast.phases.length);
      const scores = analysis.ast.phases.flatMap((p) => p.sessions.flatMap((s) => s.items.filter((i) => i.kind === 'score')));
      expect(contained(plan, 'Observation')).toHaveLength(scores.length);
      expect(contained(plan, 'RiskAssessment')).toHaveLength(analysis.ast.risks.length);
    });
  }
});

const examples = iptFiles(sharedExamplesDir);
describe.skipIf(examples.length === 0)('render fhir: the shared examples (reads ../shared/design/examples)', () => {
  for (const { name, text } of examples) {
    it(`${name} is valid R4`, () => {
      expect(fhirProblems(fhir(text))).toEqual([]);
    });
  }
});

describe('render fhir: the middle phase names the goals once (issue 17)', () => {
  it('only the first middle phase block lists the goals, and time grows linearly with goals and phases', () => {
    const plan = (goals: number, phases: number) => `plan "C-0142"\nfocus grief "g"\n${'  goal G1 "x"\n'.repeat(goals)}${'phase middle sessions 4-13\n'.repeat(phases)}`;
    const middles = fhir(plan(3, 3)).activity as Json[];
    expect(middles.map((a) => (a.detail.goal ?? []).length)).toEqual([3, 0, 0]);
    const analysed = (size: number) => analyse(plan(Math.round(size / 28), Math.round(size / 54)));
    expect(linearGrowth(analysed, (analysis) => render(analysis, { to: 'fhir' }))).toBeLessThan(30);
  });
});
