/**
 * syntaxes/ipt.snippets.json: templates for the blocks a plan is made of. Choice lists come from the
 * built-in catalogue, so they name only words the rules accept.
 *
 * The language server offers context-aware snippets of its own (server/src/features/completion-
 * snippets.ts): `plan: <variant>, <area>` (the `ipt new` skeleton), `phase <name>` (the next
 * phase, numbered after the phases above) and `session <n>` (the next free number). These
 * templates have other prefixes (`initial-phase`, `held-session`, …) and say in their description
 * what they hold, so the two never show as the same entry. docs/editor.md lists both.
 *
 * Bodies indent with tabs, which VS Code turns into the file's own indentation.
 */
import type { Catalogue, CatalogueEntry } from '../../server/src/language/catalogue-types.js';

export interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Tasks the termination-tasks rule expects in every termination phase. */
const REQUIRED_TERMINATION = ['review-progress', 'relapse-prevention', 'discuss-ending'];

function ids(entries: readonly CatalogueEntry[]): string[] {
  return entries.map((entry) => entry.id);
}

/** `${n|a,b,c|}`: a choice placeholder (`,`, `|`, `$`, `}` and `\` escaped inside a choice). */
function choice(stop: number, values: readonly string[]): string {
  return `\${${stop}|${values.map((v) => v.replace(/[,|$}\\]/g, (c) => `\\${c}`)).join(',')}|}`;
}

/** `${n:text}`: a placeholder with default text. */
function placeholder(stop: number, text: string): string {
  return `\${${stop}:${text.replace(/[$}\\]/g, (c) => `\\${c}`)}}`;
}

/** The values first in `preferred` order, then the rest in catalogue order. */
function preferring(values: readonly string[], preferred: readonly string[]): string[] {
  return [...preferred.filter((v) => values.includes(v)), ...values.filter((v) => !preferred.includes(v))];
}

export function iptSnippets(catalogue: Catalogue): Record<string, Snippet> {
  const instruments = ids(catalogue.instruments);
  const techniques = ids(catalogue.techniques);
  const areas = ids(catalogue.problemAreas);
  const stages = ids(catalogue.stages);
  const after = catalogue.tasks.filter((t) => t.phases.length === 1 && t.phases[0] === 'termination' && !REQUIRED_TERMINATION.includes(t.id));
  const today = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';

  return {
    'Initial phase': {
      prefix: 'initial-phase',
      description:
        'Template: the whole initial phase, sessions 1-3, with the tasks IPT expects there (assessment and sick role, interpersonal inventory, formulation and treatment contract).',
      body: [
        'phase initial sessions 1-3',
        `\tsession 1 "${placeholder(1, 'Assessment, diagnosis and the sick role')}"`,
        '\t\ttask symptom-review, diagnosis, sick-role, psychoeducation, risk-review',
        `\tsession 2 "${placeholder(2, 'Interpersonal inventory')}"`,
        '\t\ttask interpersonal-inventory, onset-review',
        `\tsession 3 "${placeholder(3, 'Formulation and treatment contract')}"`,
        '\t\ttask formulation, treatment-contract, medication-review',
        '$0',
      ],
    },
    'Middle phase': {
      prefix: 'middle-phase',
      description: 'Template: the middle phase in two runs of sessions, each with its techniques and the goal it works on.',
      body: [
        `phase middle sessions ${placeholder(1, '4-13')}`,
        `\tsession ${placeholder(2, '4-8')} "${placeholder(3, 'TODO: work on G1')}"`,
        '\t\ttask mood-event-review',
        `\t\ttechnique ${choice(4, techniques)}`,
        `\t\ttargets ${placeholder(5, 'G1')}`,
        `\tsession ${placeholder(6, '9-13')} "${placeholder(7, 'TODO: work on G2')}"`,
        '\t\ttask mood-event-review',
        `\t\ttechnique ${choice(8, preferring(techniques, ['role-play', 'decision-analysis']))}`,
        `\t\ttargets ${placeholder(9, 'G2')}`,
        '$0',
      ],
    },
    'Termination phase': {
      prefix: 'termination-phase',
      description: 'Template: the termination phase, one session for each task IPT expects at the end (review progress, relapse warning signs, ending).',
      body: [
        `phase termination sessions ${placeholder(1, '14-16')}`,
        `\tsession ${placeholder(2, '14')} "Review progress"`,
        '\t\ttask review-progress',
        `\tsession ${placeholder(3, '15')} "Relapse warning signs"`,
        '\t\ttask relapse-prevention',
        `\tsession ${placeholder(4, '16')} "Ending and next steps"`,
        `\t\ttask discuss-ending, ${choice(5, ids(after))}`,
        '$0',
      ],
    },
    'Held session': {
      prefix: 'held-session',
      description: 'Template: a session as a record — number, title, date (today), status and a note.',
      body: [
        `session ${placeholder(1, '1')} "${placeholder(2, 'title')}"`,
        `\tdate \${3:${today}}`,
        `\tstatus ${choice(4, preferring(ids(catalogue.statuses), ['held']))}`,
        `\tnote "${placeholder(5, 'what was worked on, and how it went')}"`,
        '$0',
      ],
    },
    'Focus with goals': {
      prefix: 'focus-with-goals',
      description: 'Template: the focus (problem area) with two goals.',
      body: [
        `focus ${choice(1, areas)} "${placeholder(2, 'how the problem area shows in this client\'s life')}"`,
        `\tgoal G1 "${placeholder(3, 'first goal')}"`,
        `\tgoal G2 "${placeholder(4, 'second goal')}"`,
        '$0',
      ],
    },
    'Role dispute focus': {
      prefix: 'role-dispute-focus',
      description: 'Template: a role-dispute focus with its stage and two goals.',
      body: [
        `focus role-dispute "${placeholder(1, 'the dispute, with whom (a role, not a name), and what each side expects')}"`,
        `\tstage ${choice(2, stages)}`,
        `\tgoal G1 "${placeholder(3, "clarify each side's expectations")}"`,
        `\tgoal G2 "${placeholder(4, 'change how the dispute is negotiated')}"`,
        '$0',
      ],
    },
    'New goal': {
      prefix: 'new-goal',
      description: 'Template: a goal with its id; sessions refer to it with `targets`.',
      body: [`goal ${placeholder(1, 'G1')} "${placeholder(2, 'what the client wants to change')}"`, '$0'],
    },
    'Measure every N sessions': {
      prefix: 'measure-every',
      description: 'Template: a measure every N sessions (and always at the first and the last).',
      body: [`measure ${choice(1, instruments)} every ${placeholder(2, '4')}`, '$0'],
    },
    'Measure at sessions': {
      prefix: 'measure-at',
      description: 'Template: a measure at the sessions listed (numbers and ranges).',
      body: [`measure ${choice(1, instruments)} at ${placeholder(2, '1, 8, 16')}`, '$0'],
    },
    'Risk with safety plan': {
      prefix: 'risk-with-safety-plan',
      description: 'Template: the suicide-risk assessment with a safety plan (required for moderate and high risk).',
      body: [
        `risk ${choice(1, preferring(ids(catalogue.riskLevels), ['moderate', 'high']))} "${placeholder(2, 'what the risk assessment found')}"`,
        `\tsafety-plan "${placeholder(3, 'warning signs, coping steps, people and professionals to contact, crisis line, lethal means')}"`,
        '$0',
      ],
    },
  };
}
