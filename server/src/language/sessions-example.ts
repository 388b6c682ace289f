/**
 * A broken `sessions` line gets its example from its own values: `sessions 14 fortnightly 45 min`
 * is told to write `45min` (with a safe fix), and any other mistake is shown the line as it should
 * be with the plan's count, cadence and length, not a fixed `sessions 16 weekly 50min`.
 */
import type { IToken } from 'chevrotain';
import type { Report } from './diagnostic.js';

/** Words people write after the number of minutes. */
const MINUTE_WORDS = new Set(['min', 'mins', 'minute', 'minutes']);
const DEFAULT_EXAMPLE = 'sessions 16 weekly 50min';

/** The report for a `sessions` line the parser rejected (`generic` is the parser's own report). */
export function sessionsReport(line: readonly IToken[], generic: Report): Report {
  const values = line.slice(1);
  const apart = values.findIndex((token, i) => token.tokenType.name === 'Integer' && isMinuteWord(values[i + 1]));
  const example = exampleFrom(values);
  if (apart >= 0) {
    const number = values[apart];
    const word = values[apart + 1];
    const span = { start: number.startOffset, end: word.startOffset + word.image.length };
    const joined = `${number.image}min`;
    return {
      span,
      message: `The session length is one word: write \`${joined}\`, not \`${number.image} ${word.image}\`. Write it as: ${example}`,
      fixes: [{ title: `Write \`${joined}\``, edits: [{ span, newText: joined }], safe: true }],
    };
  }
  return generic.message.endsWith(DEFAULT_EXAMPLE) ? { ...generic, message: generic.message.slice(0, -DEFAULT_EXAMPLE.length) + example } : generic;
}

function isMinuteWord(token: IToken | undefined): boolean {
  return token !== undefined && token.tokenType.name === 'Identifier' && MINUTE_WORDS.has(token.image.toLowerCase());
}

/**
 * `sessions COUNT [CADENCE] [LENGTH]` from the line's own values: the cadence and length only when
 * the line has them (both are optional), the count 16 when it has none.
 */
function exampleFrom(values: readonly IToken[]): string {
  const apart = values.findIndex((token, i) => token.tokenType.name === 'Integer' && isMinuteWord(values[i + 1]));
  const count = values.find((token, i) => token.tokenType.name === 'Integer' && i !== apart)?.image ?? '16';
  const cadence = values.find((token) => token.tokenType.name === 'Identifier' && !isMinuteWord(token))?.image;
  const length = values.find((token) => token.tokenType.name === 'Duration')?.image ?? (apart >= 0 ? `${values[apart].image}min` : undefined);
  return ['sessions', count, cadence, length].filter((part) => part !== undefined).join(' ');
}
