/**
 * `ipt new`: a skeleton plan for a variant and a problem area. Pure: catalogue entries in, text out.
 *
 * The skeleton is sized from the variant's bounds so that it lints without errors or warnings: the
 * planned total, an initial phase of the variant's maximum length, a termination phase within its
 * bounds and shorter than the middle phase. It carries the required initial and termination tasks,
 * a measure at the first and last session, a risk line and two placeholder goals targeted in the
 * middle phase. Every text the clinician must write starts with "TODO:".
 */
import type { CatalogueEntry, VariantEntry } from '../language/catalogue-types.js';
import { namesOf, suggest } from '../language/suggest.js';

export interface SkeletonOptions {
  variant: VariantEntry;
  /** The problem area (a built-in entry or one added by config). */
  area: CatalogueEntry;
  /** The client's code, e.g. `C-0142`; never a name. */
  client?: string;
  /** The date of the first session, `YYYY-MM-DD`, written as `start`. */
  start?: string;
}

export interface SkeletonShape {
  total: number;
  cadence: string;
  initial: number;
  middle: number;
  termination: number;
}

/** A client code: letters and digits in parts joined by `-`, `_` or `.`, e.g. C-0142. No spaces, so no names. */
const CLIENT_CODE = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;

export function isClientCode(text: string): boolean {
  return CLIENT_CODE.test(text) && text.length <= 32;
}

/** Why a `--variant` or `--focus` name was refused, with a did-you-mean and the known names. */
export function unknownEntryMessage(what: string, name: string, entries: readonly CatalogueEntry[]): string {
  const guess = suggest(name, namesOf(entries));
  const known = entries.map((entry) => `\`${entry.id}\``).join(', ');
  return `\`${name}\` is not a known ${what}.${guess ? ` Did you mean \`${guess}\`?` : ''} Known: ${known} (add others in .iptrc.json).`;
}

/** Placeholder code when `--client` is not given. */
export const PLACEHOLDER_CLIENT = 'C-0000';

/** What each problem area's placeholder focus and goals ask for (research/ipt-domain.md §2.2). */
const areaHints: Record<string, { focus: string; goals: [string, string]; techniques: [string[], string[]] }> = {
  grief: {
    focus: 'TODO: whose death, when, and how it links to the onset of the episode',
    goals: ['TODO: mourning goal, e.g. tell the story of the relationship and the death', 'TODO: rebuilding goal, e.g. take up one activity or relationship again'],
    techniques: [['exploratory-questioning', 'encouragement-of-affect'], ['decision-analysis', 'role-play']],
  },
  'role-dispute': {
    focus: 'TODO: the dispute, with whom (a role, not a name), and what each side expects',
    goals: ["TODO: clarify each side's expectations", 'TODO: change how the dispute is negotiated'],
    techniques: [['communication-analysis', 'clarification', 'encouragement-of-affect'], ['role-play', 'decision-analysis']],
  },
  'role-transition': {
    focus: 'TODO: the change in life circumstances and when it happened',
    goals: ['TODO: mourn and accept the loss of the old role', 'TODO: build the skills and support the new role needs'],
    techniques: [['exploratory-questioning', 'encouragement-of-affect'], ['decision-analysis', 'role-play']],
  },
  'interpersonal-deficits': {
    focus: 'TODO: the pattern of isolation and why no other problem area applies',
    goals: ['TODO: find the patterns that get in the way of relationships', 'TODO: start or deepen one relationship'],
    techniques: [['exploratory-questioning', 'therapeutic-relationship'], ['communication-analysis', 'role-play']],
  },
};

const genericHints = {
  focus: 'TODO: the interpersonal problem this plan works on',
  goals: ['TODO: first goal', 'TODO: second goal'] as [string, string],
  techniques: [['exploratory-questioning', 'encouragement-of-affect'], ['decision-analysis', 'role-play']] as [string[], string[]],
};

/** Session counts for the skeleton: the largest planned total, phases sized within the variant's bounds. */
export function skeletonShape(variant: VariantEntry): SkeletonShape {
  const initial = Math.max(1, variant.initialMax);
  const terminationMin = Math.max(1, variant.termination.min);
  const terminationMax = Math.max(terminationMin, variant.termination.max);
  let termination = Math.min(Math.max(3, terminationMin), terminationMax);
  // Without an upper bound, 12 sessions (or just enough for a middle longer than termination).
  const total = variant.sessions.max ?? Math.max(variant.sessions.min, 12, initial + 2 * termination + 1);
  // The middle phase must be longer than termination: shorten termination towards its minimum.
  while (total - initial - termination <= termination && termination > terminationMin) termination--;
  const middle = Math.max(1, total - initial - termination);
  // The least frequent cadence the variant allows (weekly for every built-in variant but maintenance).
  const cadence = variant.cadences[variant.cadences.length - 1] ?? 'weekly';
  return { total: initial + middle + termination, cadence, initial, middle, termination };
}

interface Part {
  title: string;
  /** Tasks go on one `task` line, also when parts share a session. */
  tasks?: string[];
  lines?: string[];
}

/**
 * Spreads three ordered parts over `count` sessions from `first`: the first part gets the first
 * session, the last part the last session and the middle part the sessions between. With fewer
 * sessions neighbouring parts share one.
 */
function spreadThree(first: number, count: number, parts: [Part, Part, Part]): string[] {
  const merge = (a: Part, b: Part): Part => ({
    title: `${a.title}; ${lowerFirst(b.title)}`,
    tasks: [...(a.tasks ?? []), ...(b.tasks ?? [])],
    lines: [...(a.lines ?? []), ...(b.lines ?? [])],
  });
  if (count === 1) return session(first, first, merge(merge(parts[0], parts[1]), parts[2]));
  if (count === 2) return [...session(first, first, merge(parts[0], parts[1])), ...session(first + 1, first + 1, parts[2])];
  const last = first + count - 1;
  return [...session(first, first, parts[0]), ...session(first + 1, last - 1, parts[1]), ...session(last, last, parts[2])];
}

function session(first: number, last: number, part: Part): string[] {
  const number = first === last ? `${first}` : `${first}-${last}`;
  const lines = [...(part.tasks?.length ? [`task ${part.tasks.join(', ')}`] : []), ...(part.lines ?? [])];
  return [`  session ${number} ${quote(part.title)}`, ...lines.map((line) => `    ${line}`)];
}

/** The skeleton plan text, in canonical layout, ending with a newline. */
export function skeleton(options: SkeletonOptions): string {
  const { variant, area } = options;
  const client = options.client ?? PLACEHOLDER_CLIENT;
  const shape = skeletonShape(variant);
  const hints = areaHints[area.id] ?? genericHints;
  const initialEnd = shape.initial;
  const middleEnd = initialEnd + shape.middle;
  const total = shape.total;

  const lines: string[] = [
    `# ${variant.title}, ${lowerFirst(area.title)}. Replace every TODO; the client is a code, never a name.`,
    `plan ${quote(`${client} ${variant.id} IPT`)}`,
    `  client ${quote(client)}`,
    `  clinician ${quote('TODO: clinician initials and credentials, e.g. J. Rivera, LCSW')}`,
    `  variant ${variant.id}`,
    `  diagnosis ${quote('TODO: working diagnosis')}`,
    `  sessions ${total} ${shape.cadence}`,
    ...(options.start ? [`  start ${options.start}`] : []),
    '',
    `focus ${area.id} ${quote(hints.focus)}`,
  ];
  if (area.id === 'role-dispute') {
    lines.push('  # renegotiation, impasse or dissolution: stage the dispute in the initial phase.', '  stage renegotiation');
  }
  lines.push(`  goal G1 ${quote(hints.goals[0])}`, `  goal G2 ${quote(hints.goals[1])}`, '');

  // PHQ-9 every 4 sessions, as in the IPT Institute portfolio [S19]; `every` includes the first and last session.
  lines.push('measure PHQ-9 every 4', '');

  lines.push(
    '# Assess suicide risk at intake and keep this line current: none, low, moderate or high.',
    '# Moderate or high risk needs a safety-plan line under it.',
    `risk low ${quote('TODO: risk assessment from session 1')}`,
    '',
  );

  // An array literal, then one push per line: no spread into a call (the phases' lines are many for a long variant).
  const phases = [
    `phase initial sessions ${range(1, initialEnd)}`,
    ...spreadThree(1, shape.initial, initialParts(variant)),
    '',
    `phase middle sessions ${range(initialEnd + 1, middleEnd)}`,
    ...middleSessions(initialEnd + 1, shape.middle, hints.techniques),
    '',
    `phase termination sessions ${range(middleEnd + 1, total)}`,
    ...spreadThree(middleEnd + 1, shape.termination, [
      { title: 'Review progress', tasks: ['review-progress'] },
      { title: 'Relapse warning signs', tasks: ['relapse-prevention'] },
      { title: 'Ending and next steps', tasks: ['discuss-ending', 'maintenance-plan', ...otherRequired(variant, 'termination', ['review-progress', 'relapse-prevention', 'discuss-ending', 'maintenance-plan'])] },
    ]),
  ];
  for (const line of phases) lines.push(line);
  return `${lines.join('\n')}\n`;
}

/**
 * The initial phase's three parts, with the tasks the variant requires (language/catalogue/
 * required-tasks.ts, or `requiredTasks` in config): acute IPT's assessment and sick role, inventory,
 * and formulation and contract; a variant without the sick role or the inventory (maintenance) gets
 * its own tasks, such as the early warning signs, in their place.
 */
function initialParts(variant: VariantEntry): [Part, Part, Part] {
  const required = new Set(variant.requiredTasks.initial.map((task) => task.id));
  const usual = ['symptom-review', 'sick-role', 'risk-review', 'interpersonal-inventory', 'formulation', 'treatment-contract', 'parent-involvement'];
  const others = otherRequired(variant, 'initial', usual);
  // IPT-A: the parent or carer joins the assessment (the history, psychoeducation, the limited sick role).
  const parent = required.has('parent-involvement') ? ['parent-involvement'] : [];
  const assessment: Part = required.has('sick-role')
    ? { title: parent.length ? 'Assessment with the parent, then alone; the sick role' : 'Assessment, diagnosis and the sick role', tasks: ['symptom-review', 'sick-role', 'risk-review', ...parent] }
    : { title: 'Assessment and symptom review', tasks: ['symptom-review', 'risk-review', ...parent] };
  const context: Part = required.has('interpersonal-inventory') || others.length === 0
    ? { title: 'Interpersonal inventory', tasks: ['interpersonal-inventory', ...others] }
    : { title: others.includes('warning-signs') ? 'Early warning signs and interpersonal triggers' : 'Interpersonal context', tasks: others };
  return [assessment, context, { title: 'Formulation and treatment contract', tasks: ['formulation', 'treatment-contract'] }];
}

/** The tasks the variant requires in a phase beyond the ones the skeleton always writes there. */
function otherRequired(variant: VariantEntry, phase: 'initial' | 'termination', written: readonly string[]): string[] {
  return variant.requiredTasks[phase].map((task) => task.id).filter((id) => !written.includes(id));
}

/** The middle phase: the first half works on G1, the second on G2 (one session works on both). */
function middleSessions(first: number, count: number, techniques: [string[], string[]]): string[] {
  const work = (goals: string, used: string[]) => [`technique ${used.join(', ')}`, `targets ${goals}`];
  if (count === 1) {
    return session(first, first, { title: 'Work on the focus', lines: work('G1, G2', [...techniques[0], ...techniques[1]]) });
  }
  const half = Math.ceil(count / 2);
  return [
    ...session(first, first + half - 1, { title: 'TODO: work on G1', lines: work('G1', techniques[0]) }),
    ...session(first + half, first + count - 1, { title: 'TODO: work on G2', lines: work('G2', techniques[1]) }),
  ];
}

function range(first: number, last: number): string {
  return first === last ? `${first}` : `${first}-${last}`;
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function lowerFirst(text: string): string {
  // Keep acronyms such as "IPT" as they are.
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
