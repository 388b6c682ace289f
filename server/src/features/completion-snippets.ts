/**
 * Snippet completions: a whole plan (the same skeleton as `ipt new`, per variant and problem area),
 * the next phase, and a session. Snippet text is LSP snippet syntax; lines after the first are
 * indented relative to the line the snippet is inserted on.
 */
import type { Phase, PlanFile } from '../language/ast.js';
import type { Catalogue, PhaseName, VariantEntry } from '../language/catalogue-types.js';
import { skeleton, skeletonShape, PLACEHOLDER_CLIENT } from '../cli/skeleton.js';
import { sessionBounds } from './hover-entries.js';

/** Escapes text for LSP snippet syntax (`$`, `}` and `\` are special). */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export interface SnippetItem {
  label: string;
  detail: string;
  documentation: string;
  insertText: string;
  filterText: string;
}

/**
 * The `ipt new` skeleton as a snippet: the client code is the first placeholder (mirrored in the
 * title), then each "TODO: …" text in order.
 */
export function planSnippet(variant: VariantEntry, area: Catalogue['problemAreas'][number]): SnippetItem {
  const text = skeleton({ variant, area });
  // Escape the plain text and the placeholder texts separately, so that a placeholder stays one.
  let stop = 1;
  let body = '';
  let at = 0;
  for (const match of text.matchAll(/"(TODO: (?:[^"\\]|\\.)*)"/g)) {
    body += snippetText(text.slice(at, match.index)) + `"\${${++stop}:${snippetText(match[1])}}"`;
    at = match.index + match[0].length;
  }
  body = (body + snippetText(text.slice(at))).replaceAll(PLACEHOLDER_CLIENT, `\${1:${PLACEHOLDER_CLIENT}}`);
  const shape = skeletonShape(variant);
  return {
    label: `plan: ${variant.id}, ${area.id}`,
    detail: `${variant.title}, ${area.title.toLowerCase()}: ${shape.total} sessions (as \`ipt new\`)`,
    documentation: [
      `A whole plan, the same skeleton as \`ipt new --variant ${variant.id} --focus ${area.id}\`.`,
      '',
      `${variant.title}: ${sessionBounds(variant)} sessions; this skeleton plans ${shape.total} ${shape.cadence} sessions — initial ${shape.initial}, middle ${shape.middle}, termination ${shape.termination}. Replace every TODO.`,
    ].join('\n'),
    insertText: body.replace(/\n$/, ''),
    filterText: `plan ${variant.id} ${area.id}`,
  };
}

const phaseOrder: PhaseName[] = ['initial', 'middle', 'termination'];

/** Work that fits each phase, as the snippet's first item line. */
const phaseWork: Record<PhaseName, string> = {
  initial: 'task ${2}',
  middle: 'technique ${2}\n  targets ${3}',
  termination: 'task ${2}',
};

/** The sessions a phase not yet written would cover: after the phases above, sized like `ipt new`. */
export function nextPhaseRange(name: PhaseName, file: PlanFile, before: number, variant: VariantEntry | undefined, total: number | undefined): { first: number; last: number } {
  let first = 1;
  for (const phase of file.phases) if (phase.span.start < before && phase.range) first = Math.max(first, phase.range.last + 1);
  const shape = variant ? skeletonShape(variant) : undefined;
  let last: number;
  if (name === 'initial') last = first - 1 + (shape?.initial ?? 3);
  else if (name === 'termination') last = total ?? first - 1 + (shape?.termination ?? 3);
  else last = total !== undefined && shape ? total - shape.termination : first - 1 + (shape?.middle ?? 8);
  return { first, last: Math.max(first, last) };
}

/** The first phase (in IPT order) that the plan does not have yet. */
export function missingPhase(file: PlanFile, except?: Phase): PhaseName | undefined {
  const written = new Set(file.phases.filter((p) => p !== except).map((p) => p.name?.value));
  return phaseOrder.find((name) => !written.has(name));
}

export function rangeText(first: number, last: number): string {
  return first === last ? `${first}` : `${first}-${last}`;
}

/** `phase NAME sessions A-B` with its first session. */
export function phaseSnippet(name: PhaseName, range: { first: number; last: number }): SnippetItem {
  const head = `phase ${name} sessions ${rangeText(range.first, range.last)}`;
  return {
    label: `phase ${name}`,
    detail: `${head}, with its first session`,
    documentation: `The ${name} phase, sessions ${range.first}–${range.last}, and its first session.`,
    insertText: `${head}\n  session ${range.first} "\${1:title}"\n    ${phaseWork[name].replaceAll('\n', '\n  ')}`,
    filterText: 'phase',
  };
}

/** `session N "title"` with a line of work that fits the phase. */
export function sessionSnippet(number: number, phase: PhaseName | undefined): SnippetItem {
  const work = phaseWork[phase ?? 'initial'];
  return {
    label: `session ${number}`,
    detail: `session ${number} "…" with ${phase === 'middle' ? 'techniques and targets' : 'tasks'}`,
    documentation: `A new session block, number ${number} (the next free one).`,
    insertText: `session ${number} "\${1:title}"\n  ${work}`,
    filterText: 'session',
  };
}
