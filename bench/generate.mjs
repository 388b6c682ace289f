// Generates the same plan as .ipt text, as YAML and as JSON, for benchmarks. The plan has `n`
// sessions, one entry per session, each with a title, a date, tasks or techniques, targets and
// `notes` notes (default 1), and a score every fourth session.
//
// Big plans: a plan numbers at most 500 sessions (language/limits.ts), so a plan the size of the
// former 2,000-session benchmark is 500 sessions with more notes each (`stressPlan`).
const DAY = 86_400_000;

function dateAfter(start, weeks) {
  return new Date(Date.parse(start) + weeks * 7 * DAY).toISOString().slice(0, 10);
}

/** The plan as a plain object (the shape a team would write in YAML or JSON). */
export function planObject(n, { notes = 1 } = {}) {
  const start = '2026-02-02';
  const initialEnd = 3;
  const terminationStart = n - 2;
  const phase = (name, first, last) => ({ name, sessions: [first, last], entries: [] });
  const phases = [phase('initial', 1, initialEnd), phase('middle', initialEnd + 1, terminationStart - 1), phase('termination', terminationStart, n)];
  for (let s = 1; s <= n; s++) {
    const p = s <= initialEnd ? phases[0] : s < terminationStart ? phases[1] : phases[2];
    const entry = { session: s, title: `Session ${s}: work on the focus`, date: dateAfter(start, s - 1) };
    if (p.name === 'initial') entry.tasks = s === 1 ? ['symptom-review', 'sick-role'] : s === 2 ? ['interpersonal-inventory'] : ['formulation', 'treatment-contract'];
    else if (p.name === 'termination') entry.tasks = ['review-progress', 'relapse-prevention', 'discuss-ending'];
    else {
      entry.techniques = ['communication-analysis', 'role-play'];
      entry.targets = [s % 2 ? 'G1' : 'G2'];
    }
    entry.notes = Array.from({ length: notes }, (_, i) => (i === 0 ? `Check in on the week; link mood to events (${s})` : `Follow-up ${i}: what changed with the partner since the last session (${s})`));
    if (s % 4 === 1) entry.scores = [{ instrument: 'PHQ-9', value: Math.max(3, 20 - Math.floor((s * 15) / n)) }];
    p.entries.push(entry);
  }
  return {
    plan: 'C-0142 benchmark plan',
    client: 'C-0142',
    clinician: 'J. Rivera, LCSW',
    variant: 'acute',
    diagnosis: { text: 'Major depressive disorder, recurrent, moderate', code: 'F33.1' },
    sessions: { count: n, cadence: 'weekly', minutes: 50 },
    start,
    focus: { area: 'role-dispute', description: 'Conflict with partner about caring for their newborn', stage: 'renegotiation', goals: [{ id: 'G1', text: "Name each partner's expectations" }, { id: 'G2', text: 'State needs calmly' }] },
    measures: [{ instrument: 'PHQ-9', every: 4 }],
    risk: { level: 'low', text: 'Passive thoughts of death at intake; no plan or intent', safetyPlan: 'Warning signs and contacts agreed; crisis line 988' },
    phases,
  };
}

/** The same plan in the plan language. */
export function planText(n, { notes = 1 } = {}) {
  const o = planObject(n, { notes });
  const out = [
    `plan "${o.plan}"`,
    `  client "${o.client}"`,
    `  clinician "${o.clinician}"`,
    `  variant ${o.variant}`,
    `  diagnosis "${o.diagnosis.text}" code ${o.diagnosis.code}`,
    `  sessions ${n} weekly 50min`,
    `  start ${o.start}`,
    '',
    `focus ${o.focus.area} "${o.focus.description}"`,
    `  stage ${o.focus.stage}`,
    ...o.focus.goals.map((g) => `  goal ${g.id} "${g.text}"`),
    '',
    'measure PHQ-9 every 4',
    '',
    `risk ${o.risk.level} "${o.risk.text}"`,
    `  safety-plan "${o.risk.safetyPlan}"`,
  ];
  for (const p of o.phases) {
    out.push('', `phase ${p.name} sessions ${p.sessions[0]}-${p.sessions[1]}`);
    for (const e of p.entries) {
      out.push(`  session ${e.session} "${e.title}"`, `    date ${e.date}`);
      if (e.tasks) out.push(`    task ${e.tasks.join(', ')}`);
      if (e.techniques) out.push(`    technique ${e.techniques.join(', ')}`);
      if (e.targets) out.push(`    targets ${e.targets.join(', ')}`);
      for (const note of e.notes) out.push(`    note "${note}"`);
      for (const s of e.scores ?? []) out.push(`    score ${s.instrument} ${s.value}`);
    }
  }
  return out.join('\n') + '\n';
}

/** A JSON Schema a team would write for the YAML/JSON form (validated with ajv in the baseline). */
export const planJsonSchema = {
  type: 'object',
  required: ['plan', 'client', 'diagnosis', 'sessions', 'focus', 'measures', 'risk', 'phases'],
  additionalProperties: false,
  properties: {
    plan: { type: 'string' },
    client: { type: 'string', pattern: '^[A-Z]-[0-9]{4}$' },
    clinician: { type: 'string' },
    variant: { enum: ['acute', 'adolescent', 'brief', 'group', 'maintenance'] },
    diagnosis: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, code: { type: 'string' } } },
    sessions: { type: 'object', required: ['count'], properties: { count: { type: 'integer', minimum: 1 }, cadence: { enum: ['weekly', 'biweekly', 'monthly'] }, minutes: { type: 'integer' } } },
    start: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
    focus: {
      type: 'object',
      required: ['area', 'description'],
      properties: {
        area: { enum: ['grief', 'role-dispute', 'role-transition', 'interpersonal-deficits'] },
        description: { type: 'string' },
        stage: { enum: ['renegotiation', 'impasse', 'dissolution'] },
        goals: { type: 'array', items: { type: 'object', required: ['id', 'text'], properties: { id: { type: 'string' }, text: { type: 'string' } } } },
      },
    },
    measures: { type: 'array', items: { type: 'object', required: ['instrument'], properties: { instrument: { type: 'string' }, every: { type: 'integer' }, at: { type: 'array', items: { type: 'integer' } } } } },
    risk: { type: 'object', required: ['level', 'text'], properties: { level: { enum: ['none', 'low', 'moderate', 'high'] }, text: { type: 'string' }, safetyPlan: { type: 'string' } } },
    phases: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'sessions', 'entries'],
        properties: {
          name: { enum: ['initial', 'middle', 'termination'] },
          sessions: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
          entries: {
            type: 'array',
            items: {
              type: 'object',
              required: ['session'],
              additionalProperties: false,
              properties: {
                session: { type: 'integer', minimum: 1 },
                title: { type: 'string' },
                date: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
                tasks: { type: 'array', items: { type: 'string' } },
                techniques: { type: 'array', items: { type: 'string' } },
                targets: { type: 'array', items: { type: 'string' } },
                notes: { type: 'array', items: { type: 'string' } },
                scores: { type: 'array', items: { type: 'object', required: ['instrument', 'value'], properties: { instrument: { type: 'string' }, value: { type: 'number', minimum: 0 } } } },
              },
            },
          },
        },
      },
    },
  },
};

/** The notes per session that make a `sessions`-session plan at least `bytes` long (same shape as planText). */
function notesFor(sessions, bytes) {
  let notes = 1;
  while (planText(sessions, { notes }).length < bytes) notes++;
  return notes;
}

/** The size of the former 2,000-session stress plan (one note a session): 390,599 characters. */
export const STRESS_BYTES = 390_599;

/**
 * The stress plan: as large as the former 2,000-session plan, within the 500-session limit —
 * 500 sessions with enough notes each (nine) to reach STRESS_BYTES.
 */
export function stressPlan() {
  const options = { notes: notesFor(500, STRESS_BYTES) };
  return { sessions: 500, ...options, text: planText(500, options), object: planObject(500, options) };
}

/**
 * Two plans of one shape ten times apart in size, for the scaling figure: 50 and 500 sessions with
 * the notes per session that bring the larger near 1 MB (the analyser reads plans up to 1 MiB,
 * MAX_PLAN_CHARS in server/src/language/limits.ts).
 */
export function scalingPlans() {
  const notes = notesFor(500, 1_000_000) - 1;
  return { notes, small: planText(50, { notes }), large: planText(500, { notes }) };
}
