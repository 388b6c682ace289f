/** Plans written for the renderer tests. */
export { iptFiles, repoRoot, samplesDir, sharedExamplesDir } from '../format/plans.js';

/** A clean plan part way through the course: dated, held sessions and recorded scores. */
export const coursePlan = `# A plan part way through the course.
plan "C-0142 acute IPT"
  client "C-0142"
  clinician "J. Rivera, LCSW"
  supervisor "M. Okafor, PhD"
  variant acute
  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1
  sessions 16 weekly 50min
  start 2026-02-02

focus role-dispute "Escalating conflict with partner about caring for their newborn"
  stage renegotiation
  goal G1 "Name each partner's expectations about caregiving roles"
  goal G2 "State needs calmly during disagreements"

measure PHQ-9 every 4
measure HAM-D at 1, 16

risk low "Passive thoughts of death at intake; no plan or intent"
  safety-plan "Warning signs, coping steps and contacts agreed in session 1; crisis line 988"

phase initial sessions 1-3
  session 1 "Assessment, diagnosis and the sick role"
    date 2026-02-02
    status held
    task symptom-review, sick-role, medication-review
    score PHQ-9 18
    score HAM-D 22
  session 2 "Interpersonal inventory"
    date 2026-02-09
    status held
    task interpersonal-inventory
  session 3 "Formulation and treatment contract"
    date 2026-02-16
    status held
    task formulation, treatment-contract

phase middle sessions 4-13
  session 4 "Clarify the dispute"
    date 2026-02-23
    status held
    technique communication-analysis, clarification
    targets G1
  session 5 "Each side's expectations"
    date 2026-03-02
    status held
    technique encouragement-of-affect
    targets G1
    score PHQ-9 12
  session 6-7 "Expectations, continued"
    technique communication-analysis
    targets G1
  session 8-13 "Rehearse new ways to negotiate"
    technique role-play, decision-analysis
    targets G2
    homework "One ten-minute check-in with partner each week"

phase termination sessions 14-16
  session 14 "Review progress"
    task review-progress
  session 15 "Relapse warning signs"
    task relapse-prevention
  session 16 "Ending and next steps"
    task discuss-ending, maintenance-plan
`;

/** Markup and Markdown payloads in every kind of string the plan has. */
export const payloads = {
  title: '<script>alert(1)</script> plan',
  client: 'C-1 </script><img src=x onerror=alert(2)>',
  clinician: `O'Neil & "Sons" &amp; co`,
  description: '**bold** _it_ `code` | pipe <b>tag</b>',
  goal: '# heading? - list? [link](javascript:alert(3))',
  session: '</title><style>body{display:none}</style>',
  note: "it's a 'quote' and a \\\"double\\\"",
  homework: '&lt;already escaped&gt; &amp;',
  risk: '<svg onload=alert(4)>',
};

/** The course plan with the payloads in place of its strings. */
export const hostilePlan = coursePlan
  .replace('"C-0142 acute IPT"', JSON.stringify(payloads.title))
  .replace('client "C-0142"', `client ${JSON.stringify(payloads.client)}`)
  .replace('"J. Rivera, LCSW"', JSON.stringify(payloads.clinician))
  .replace('"Escalating conflict with partner about caring for their newborn"', JSON.stringify(payloads.description))
  .replace('"Name each partner\'s expectations about caregiving roles"', JSON.stringify(payloads.goal))
  .replace('"Interpersonal inventory"', JSON.stringify(payloads.session))
  .replace('"One ten-minute check-in with partner each week"', JSON.stringify(payloads.homework))
  .replace('"Passive thoughts of death at intake; no plan or intent"', JSON.stringify(payloads.risk))
  .replace('    task interpersonal-inventory\n', `    task interpersonal-inventory\n    note "it's a 'quote' and a \\"double\\""\n`);
