/**
 * Regular-expression fragments shared by the TextMate grammar (Oniguruma syntax) and the language
 * configuration. Each mirrors a token of server/src/language/lexer.ts, so the editor's colours and
 * the parser agree on where a word, number or string starts and ends.
 *
 * Linear on any line (the grammar tests tokenise 100k-character adversarial lines): no quantifier
 * is nested in another, and no two alternatives can match the same character, so a pattern never
 * backtracks more than one step. (Possessive quantifiers are avoided on purpose: Oniguruma keeps a
 * stack entry per repetition for them, which is slower on long words than plain greedy ones.)
 */

/** The lexer's whitespace: space, tab, vertical tab, form feed, no-break space, BOM. */
export const WS = '[ \\t\\x0B\\x0C\\x{00A0}\\x{FEFF}]';

/** Anything that is neither whitespace nor a line break: a character the lexer must read. */
export const NOT_WS = '[^ \\t\\x0B\\x0C\\x{00A0}\\x{FEFF}\\r\\n]';

/**
 * An identifier: a letter, then letters and digits, with single `-` or `.` between parts (`PHQ-9`,
 * `F33.1`): the lexer's `[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*`, written without nesting.
 */
export const NAME = '[A-Za-z](?:[A-Za-z0-9]|[-.](?=[A-Za-z0-9]))*';

/**
 * Where a keyword ends: the identifier pattern could not go on. `sessionsX` and `safety-plan2` are
 * identifiers, as in the lexer (keywords there have the identifier as their `longer_alt`).
 */
export const WORD_END = '(?![A-Za-z0-9]|[-.][A-Za-z0-9])';

/** A keyword spelled exactly, as a whole word. */
export function keywordPattern(spelling: string): string {
  return `${spelling.replace(/[-.]/g, (c) => `\\${c}`)}${WORD_END}`;
}

/** The block openers: the lines after them belong to their block (docs/language.md "Blocks"). */
export const BLOCK_OPENERS = ['plan', 'focus', 'risk', 'phase', 'session'] as const;
