/**
 * Mutations of a plan for property and differential tests: character edits (delete, insert,
 * replace), line swaps, and word edits that keep most lines looking like statements (a word
 * replaced by another token, dropped or doubled), so the well-formed-but-wrong lines are exercised too.
 */
import fc from 'fast-check';
import { characterEdit } from '../../fuzz/inputs.js';

/** Pieces of plan text, good and bad, that mutations insert. */
export const fragments = [
  'plan', 'client', 'variant', 'diagnosis', 'code', 'sessions', 'start', 'focus', 'stage', 'goal', 'measure',
  'at', 'every', 'risk', 'safety-plan', 'phase', 'session', 'task', 'technique', 'targets', 'homework', 'note',
  'score', 'date', 'status', 'initial', 'middle', 'termination', 'G1', 'PHQ-9', 'grief', '12', '4-13', '4-',
  '2026-02-02', '2026-13-45', '50min', '12.5', '"text"', '"open', '"esc \\" \\\\"', ',', ' ', '  ', '\t', '\n',
  '\r\n', '\r', '#', '# ipt-disable phi', '# ipt-enable phi', '# ipt-disable-next-line score-range -- r', '@', 'é', '\u00a0', '\ufeff', '😀',
];

/** Whole words for word edits: every token kind, values that read but mean something wrong, and slips. */
export const words = [
  ...fragments.filter((f) => f.trim() !== '' && !/[\r\n]/.test(f)),
  '3-1', '1-1', '0', '007', '99999999999999999999', '2026-02-30', '2024-02-29', '2025-02-29', '2026-00-10', '1.5.2',
  '50minutes', '16x', 'sessionsX', 'safety-planning', 'F33.1', 'role-dispute', 'weekly', 'held', '"a\\"b"', '"x\\\\"',
  '""', '"\\', '-2', '09/03/2026', '\u201cquoted\u201d', 'G2,', ',G1', '4-13,', 'at-home', '.', '-',
];

export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...fragments) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }), text: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('word' as const), line: fc.nat(), word: fc.nat(), edit: fc.constantFrom('replace' as const, 'drop' as const, 'double' as const), text: fc.constantFrom(...words) }),
);

export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

export function mutate(text: string, steps: Mutation[]): string {
  let out = text;
  for (const step of steps) {
    if (step.kind === 'swap' || step.kind === 'word') {
      const lines = out.split('\n');
      if (step.kind === 'swap') {
        const a = step.a % lines.length;
        const b = step.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
      } else {
        const n = step.line % lines.length;
        const parts = lines[n].split(/( +)/);
        const wordIndexes = parts.flatMap((part, i) => (part.trim() === '' ? [] : [i]));
        if (wordIndexes.length > 0) {
          const at = wordIndexes[step.word % wordIndexes.length];
          if (step.edit === 'replace') parts[at] = step.text;
          else if (step.edit === 'drop') parts[at] = '';
          else parts[at] = `${parts[at]} ${parts[at]}`;
          lines[n] = parts.join('');
        }
      }
      out = lines.join('\n');
      continue;
    }
    out = characterEdit(out, step);
  }
  return out;
}
