/**
 * Plans for the config tests: a clean acute-style plan with any total and variant, so a test can
 * vary only what the configuration decides.
 */

export interface PlanOptions {
  total?: number;
  variant?: string;
  /** Extra lines put in session 1 (e.g. a `score` line). */
  session1?: string[];
  /** A `measure` instrument added to the plan's measures. */
  measure?: string;
}

export function planText(options: PlanOptions = {}): string {
  const total = options.total ?? 16;
  const variantLine = options.variant ? [`  variant ${options.variant}`] : [];
  const middleEnd = total - 3;
  return [
    'plan "C-0142 configured plan"',
    '  client "C-0142"',
    '  clinician "J. Rivera, LCSW"',
    ...variantLine,
    '  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1',
    `  sessions ${total} weekly 50min`,
    '',
    'focus role-dispute "Conflict with partner about caring for their newborn"',
    '  stage renegotiation',
    '  goal G1 "State needs calmly during disagreements"',
    '',
    'measure PHQ-9 every 4',
    ...(options.measure ? [`measure ${options.measure} at 1, ${total}`] : []),
    '',
    'risk low "Passive thoughts of death at intake; no plan or intent"',
    '',
    'phase initial sessions 1-3',
    '  session 1 "Assessment and the sick role"',
    '    task symptom-review, sick-role',
    ...(options.session1 ?? []).map((line) => `    ${line}`),
    '  session 2 "Interpersonal inventory"',
    '    task interpersonal-inventory',
    '  session 3 "Formulation and treatment contract"',
    '    task formulation, treatment-contract',
    '',
    `phase middle sessions 4-${middleEnd}`,
    `  session 4-${middleEnd} "Rehearse new ways to negotiate"`,
    '    technique communication-analysis, role-play',
    '    targets G1',
    '',
    `phase termination sessions ${middleEnd + 1}-${total}`,
    `  session ${middleEnd + 1} "Review progress"`,
    '    task review-progress',
    `  session ${middleEnd + 2} "Relapse warning signs"`,
    '    task relapse-prevention',
    `  session ${total} "Ending and next steps"`,
    '    task discuss-ending',
    '',
  ].join('\n');
}
