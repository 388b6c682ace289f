/**
 * Goal ids as symbols: the goal that defines an id, every `targets` use of it, and renaming both.
 * Pure functions over an analysis; the cursor may be on the definition or on any use.
 */
import type { Analysis } from '../analyse.js';
import { pushAll } from '../language/arrays.js';
import type { Goal, Word } from '../language/ast.js';
import type { TextEdit } from '../language/diagnostic.js';
import { keywordSpellings } from '../language/lexer.js';
import type { Span } from '../language/span.js';

/** A goal id as the lexer reads one (an identifier such as `G1` or `sleep-2`). */
const GOAL_ID = /^[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*$/;
const keywords: ReadonlySet<string> = new Set(keywordSpellings);

export interface GoalOccurrences {
  id: string;
  /** The word under the cursor. */
  at: Span;
  /** Every goal line that defines the id (more than one is a `goal-reference` error). */
  definitions: Span[];
  /** Every `targets` value that names the id, in text order. */
  uses: Span[];
}

const inside = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

function goals(analysis: Analysis): Goal[] {
  return analysis.ast.focuses.flatMap((focus) => focus.goals);
}

function targetWords(analysis: Analysis): Word[] {
  const words: Word[] = [];
  for (const phase of analysis.ast.phases) {
    for (const session of phase.sessions) {
      for (const item of session.items) if (item.kind === 'targets') pushAll(words, item.values);
    }
  }
  return words;
}

/** The goal id under the cursor and all its occurrences, or undefined when the cursor is not on one. */
export function goalOccurrencesAt(analysis: Analysis, offset: number): GoalOccurrences | undefined {
  const defined = goals(analysis).filter((goal) => goal.id);
  const targets = targetWords(analysis);
  const word = defined.map((goal) => goal.id!).find((id) => inside(id.span, offset)) ?? targets.find((t) => inside(t.span, offset));
  if (!word) return undefined;
  const id = word.value;
  return {
    id,
    at: word.span,
    definitions: defined.filter((goal) => goal.id!.value === id).map((goal) => goal.id!.span),
    uses: targets.filter((t) => t.value === id).map((t) => t.span),
  };
}

/** Where the goal under the cursor is defined (empty for an undefined id or a non-goal position). */
export function goalDefinition(analysis: Analysis, offset: number): Span[] {
  return goalOccurrencesAt(analysis, offset)?.definitions ?? [];
}

/** Every occurrence of the goal under the cursor: its definition (when asked) and its `targets` uses. */
export function goalReferences(analysis: Analysis, offset: number, includeDeclaration: boolean): Span[] {
  const found = goalOccurrencesAt(analysis, offset);
  if (!found) return [];
  return [...(includeDeclaration ? found.definitions : []), ...found.uses].sort((a, b) => a.start - b.start);
}

export type RenameCheck = { span: Span; placeholder: string } | { error: string };

/** What can be renamed at the cursor: a goal id (on its definition or a use). */
export function prepareGoalRename(analysis: Analysis, offset: number): RenameCheck {
  const found = goalOccurrencesAt(analysis, offset);
  if (!found) return { error: 'Only a goal id (on its `goal` line or after `targets`) can be renamed here.' };
  if (found.definitions.length === 0) return { error: `\`${found.id}\` is not defined by a \`goal\` line in this plan, so there is nothing to rename; define it or fix the id.` };
  return { span: found.at, placeholder: found.id };
}

/** Renames a goal id and every `targets` use of it, or says why not. */
export function renameGoal(analysis: Analysis, offset: number, newName: string): { edits: TextEdit[] } | { error: string } {
  const check = prepareGoalRename(analysis, offset);
  if ('error' in check) return check;
  const name = newName.trim();
  if (!GOAL_ID.test(name) || keywords.has(name)) {
    return { error: `\`${newName}\` is not a goal id: use a letter followed by letters and digits (parts may be joined by \`-\` or \`.\`), e.g. G3, and not a keyword.` };
  }
  const found = goalOccurrencesAt(analysis, offset)!;
  if (name === found.id) return { edits: [] };
  if (goals(analysis).some((goal) => goal.id?.value === name)) return { error: `The plan already has a goal \`${name}\`; choose an id no other goal uses.` };
  const spans = [...found.definitions, ...found.uses].sort((a, b) => a.start - b.start);
  return { edits: spans.map((span) => ({ span, newText: name })) };
}
