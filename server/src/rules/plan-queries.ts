/** Small shared questions rules ask of a plan. */
import { forEachStatement, type Header, type TextHeader, type Phase, type PlanFile, type Session, type Statement, type Word } from '../language/ast.js';
import type { TextEdit } from '../language/diagnostic.js';
import type { PhaseName } from '../language/catalogue-types.js';

export const PHASE_ORDER: readonly PhaseName[] = ['initial', 'middle', 'termination'];

/**
 * The header of a kind when the plan gives it once. A header written twice (`sessions 12`, later
 * `sessions 16`) is `plan-header`'s to report, and which value is meant is unknown: the other rules
 * treat it as missing, so the one mistake gives one diagnostic whatever the order of the lines.
 */
export function headerOf<K extends Header['kind']>(file: PlanFile, kind: K): HeaderOfKind<K> | undefined {
  let found: HeaderOfKind<K> | undefined;
  for (const header of file.plan?.headers ?? []) {
    if (header.kind !== kind) continue;
    if (found) return undefined;
    found = header as HeaderOfKind<K>;
  }
  return found;
}

/** True when the plan gives this header more than once (its value is then unknown). */
export function headerRepeated(file: PlanFile, kind: Header['kind']): boolean {
  let count = 0;
  for (const header of file.plan?.headers ?? []) if (header.kind === kind && ++count > 1) return true;
  return false;
}

/** The header node type for a kind (client, clinician and supervisor share one type). */
export type HeaderOfKind<K extends Header['kind']> = K extends TextHeader['kind'] ? TextHeader : Extract<Header, { kind: K }>;

/** The first phase block with this name, if any (`phase-order` reports missing and repeated phases). */
export function phaseNamed(file: PlanFile, name: PhaseName): Phase | undefined {
  return file.phases.find((phase) => phase.name?.value === name);
}

/** The phase name a phase block declares when it is one of the three; undefined otherwise. */
export function phaseNameOf(phase: Phase): PhaseName | undefined {
  const name = phase.name?.value;
  return name === 'initial' || name === 'middle' || name === 'termination' ? name : undefined;
}

/** Every session entry with the phase block it is written in. */
export function* sessionsWithPhase(file: PlanFile): Generator<{ phase: Phase; session: Session }> {
  for (const phase of file.phases) for (const session of phase.sessions) yield { phase, session };
}

/** Length of a phase's declared range, e.g. `4-13` → 10; undefined when the range is missing. */
export function phaseLength(phase: Phase): number | undefined {
  return phase.range ? phase.range.last - phase.range.first + 1 : undefined;
}

// ---------------------------------------------------------------- strings and text edits

/** stringWords' answer per parsed file: `phi` and `risk-assessment` both read every string. */
const stringWordsCache = new WeakMap<PlanFile, readonly { word: Word; statement: Statement }[]>();

/** Every quoted string of the plan (header texts, descriptions, goals, risk, titles, notes) in text order. */
export function stringWords(file: PlanFile): readonly { word: Word; statement: Statement }[] {
  let found = stringWordsCache.get(file);
  if (!found) {
    const list: { word: Word; statement: Statement }[] = [];
    forEachStatement(file, (statement) => {
      const word = stringOf(statement);
      if (word) list.push({ word, statement });
    });
    stringWordsCache.set(file, (found = list));
  }
  return found;
}

/** A statement's one quoted string, if it has one. */
function stringOf(statement: Statement): Word | undefined {
  switch (statement.kind) {
    case 'plan':
      return statement.title;
    case 'client':
    case 'clinician':
    case 'supervisor':
    case 'diagnosis':
    case 'risk':
    case 'safety-plan':
    case 'homework':
    case 'note':
    case 'goal':
      return statement.text;
    case 'focus':
      return statement.description;
    case 'session':
      return statement.title;
    default:
      return undefined;
  }
}

/** The leading whitespace of the line that holds `offset`. */
export function indentationAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** The line break the file uses (CRLF when its first line break is one). */
export function lineBreakOf(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * An edit that adds a new line `indent + content` just after the line holding `offset` (e.g. after
 * a statement's end), so the new statement becomes that statement's next sibling.
 */
export function insertLineAfter(text: string, offset: number, indent: string, content: string): TextEdit {
  let end = Math.max(0, Math.min(offset, text.length));
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { span: { start: end, end }, newText: `${lineBreakOf(text)}${indent}${content}` };
}

/** One indentation step deeper than `indent` (the formatter's 2 spaces, or a tab in tab-indented files). */
export function deeper(indent: string): string {
  return indent.includes('\t') ? `${indent}\t` : `${indent}  `;
}

/** The full lines a span touches, with the last line break, so deleting them leaves no blank line. */
export function wholeLines(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let start = span.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = span.end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text[end] === '\r') end++;
  if (text[end] === '\n' && text[end - 1] !== '\n') end++;
  return { start, end };
}

/** An edit that deletes the whole line(s) holding `span`, with the line break. */
export function deleteLines(text: string, span: { start: number; end: number }): TextEdit {
  return { span: wholeLines(text, span), newText: '' };
}

/**
 * A string's text as the plan means it (quotes dropped, `\"` and `\\` resolved) with the source
 * offset of each character, so a match inside the text can point at the exact characters in the
 * file. `offsets[i]` is where character i starts; `offsets[value.length]` is where the text ends.
 */
export function decodeString(text: string, span: { start: number; end: number }): { value: string; offsets: ArrayLike<number> } {
  let start = span.start;
  let end = span.end;
  if (text[start] === '"') start++;
  if (end - 1 >= start && text[end - 1] === '"' && !escapedAt(text, start, end - 1)) end--;
  // Built from slices between escapes and a typed array (not `value += char`, which grows
  // quadratically on long strings in V8).
  const offsets = new Float64Array(Math.max(0, end - start) + 1);
  const parts: string[] = [];
  let length = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    offsets[length++] = i;
    if (text[i] === '\\' && i + 1 < end && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      parts.push(text.slice(from, i));
      from = i + 1; // keep the escaped character, drop the backslash
      i++;
    }
  }
  parts.push(text.slice(from, end));
  offsets[length] = end;
  return { value: parts.join(''), offsets: offsets.subarray(0, length + 1) };
}

/** True when the character at `index` is preceded by an odd number of backslashes (from `from` on). */
function escapedAt(text: string, from: number, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= from && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/**
 * True when a line between `from` and `to` holds text that no parsed statement covers (and is not a
 * comment): the parser dropped it, so a rule asking "is X present here?" cannot know the answer.
 */
export function hasUnparsedLine(text: string, from: number, to: number, parsed: readonly { start: number; end: number }[]): boolean {
  // Lines come in order, so the spans are walked once (sorted by start, keeping the furthest end):
  // linear in lines plus spans, however many there are.
  const spans = [...parsed].sort((a, b) => a.start - b.start);
  let next = 0;
  let furthest = -1;
  const lines = /[^\r\n]+/g;
  lines.lastIndex = from;
  for (let match = lines.exec(text); match && match.index < to; match = lines.exec(text)) {
    const offset = match.index + (match[0].length - match[0].trimStart().length);
    // `to` is where the next statement's keyword starts, past any indentation: a line that begins
    // there is that statement's, however it is indented (the formatter must not change the answer).
    if (offset >= to) break;
    const content = match[0].trim();
    if (content === '' || content.startsWith('#')) continue;
    while (next < spans.length && spans[next].start <= offset) furthest = Math.max(furthest, spans[next++].end);
    if (furthest <= offset) return true;
  }
  return false;
}
