/**
 * syntaxes/language-configuration.json: comments, quotes, words and indentation for the editor.
 * Indentation follows docs/language.md "Blocks": the line after a block opener is indented one
 * level and any other line keeps the indentation of the line above. Nothing is outdented as it is
 * typed: how far a `phase` or `focus` line goes back depends on the block above it (one level after
 * a goal, two after a session item), which an indentation pattern cannot see, and a wrong guess would
 * move a line the writer had already put right. Format Document gives every line its exact level.
 */
import { BLOCK_OPENERS } from './patterns.js';

/** The keyword end in JavaScript syntax (the editor's regular expressions are JavaScript ones). */
const JS_WORD_END = '(?![A-Za-z0-9]|[-.][A-Za-z0-9])';

/** A line that starts with one of these keywords. */
function lineStartingWith(keywords: readonly string[]): string {
  return `^\\s*(?:${keywords.join('|')})${JS_WORD_END}`;
}

export const blockOpenerLine = `${lineStartingWith(BLOCK_OPENERS)}.*$`;

/** VS Code needs a decrease pattern with the increase one; this one never matches (see above). */
export const neverMatches = '^(?!)';

/**
 * A word for double-click, Ctrl+D and word-based suggestions: letters and digits joined by single
 * `-` or `.`, so `role-dispute`, `PHQ-9`, `F33.1`, `2026-02-02` and `4-13` are one word, while a
 * full stop after a word in a note is not part of it. Unicode letters, for the prose in strings.
 */
export const wordPattern = '[\\p{L}\\p{N}]+(?:[-.][\\p{L}\\p{N}]+)*';

export function languageConfiguration(): Record<string, unknown> {
  return {
    comments: { lineComment: '#' },
    // No bracket pairs: the language has none (parentheses only appear inside quoted text).
    brackets: [],
    autoClosingPairs: [{ open: '"', close: '"', notIn: ['string', 'comment'] }],
    // Close a quote only before a space, a comma, a comment or the end of the line, not in front of a word.
    autoCloseBefore: ' \t,#',
    surroundingPairs: [['"', '"']],
    wordPattern: { pattern: wordPattern, flags: 'u' },
    indentationRules: {
      increaseIndentPattern: blockOpenerLine,
      decreaseIndentPattern: neverMatches,
    },
    onEnterRules: [
      // After a block opener, the next line belongs to its block.
      { beforeText: blockOpenerLine, action: { indent: 'indent' } },
    ],
    // Indentation-based folding before the language server's folding ranges arrive: a blank line
    // after a block belongs to the next one.
    folding: { offSide: true },
  };
}
