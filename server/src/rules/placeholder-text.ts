/**
 * Where a plan string is still a placeholder: `TODO`, `TBD`, `TBC`, `FIXME`, `XXX`, or an ellipsis
 * standing for missing words (`"…"`, `"Conflict with … about …"`). Shared by `placeholder` and by
 * `risk-assessment`, which reports a placeholder safety plan at moderate or high risk itself.
 *
 * Precision: the words count only in capitals and whole (`to-do list`, `XXXL` are text); an
 * ellipsis only when it is the whole string or stands alone between words (one that ends a
 * sentence, "did not know…", is prose); and never inside quotation marks, straight or curly, single
 * or double: `"Try the 'I feel ... when ...' opener"` quotes a sentence frame whose blanks the client
 * fills, it is not a template left unfilled.
 */

const WORD = /(?<![A-Za-z0-9])(?:TODO|TBD|TBC|FIXME|XXX)(?![A-Za-z0-9])/;
const WHOLE_ELLIPSIS = /^[ \t]*(…|\.{3,})[ \t]*$/;
const GAP_ELLIPSIS = /(?<=[ \t])(?:…|\.{3})(?=[ \t])/g;
/** Every placeholder holds one of these: a quick test on the raw text before the string is decoded. */
export const MAY_HOLD_PLACEHOLDER = /TODO|TBD|TBC|FIXME|XXX|…|\.\.\./;

/**
 * Quoted words inside a string: an opening mark after a space, bracket or the start (so an
 * apostrophe inside a word, "client's", opens nothing) and its closing mark before a space,
 * punctuation or the end. Bounded, so a string full of quote marks is still read in linear time.
 */
const QUOTED = /(?<![\p{L}\p{N}])(?:'[^'\n]{1,200}'|"[^"\n]{1,200}"|‘[^’\n]{1,200}’|“[^”\n]{1,200}”)(?![\p{L}\p{N}])/gu;

/** The first placeholder in a string's text, if any. */
export function firstPlaceholder(value: string): { start: number; end: number } | undefined {
  const whole = WHOLE_ELLIPSIS.exec(value);
  if (whole) {
    const start = whole.index + whole[0].indexOf(whole[1]);
    return { start, end: start + whole[1].length };
  }
  const word = WORD.exec(value);
  let ellipsis: { start: number; end: number } | undefined;
  if (value.includes('…') || value.includes('...')) {
    const quoted = [...value.matchAll(QUOTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    let q = 0;
    for (const match of value.matchAll(GAP_ELLIPSIS)) {
      while (q < quoted.length && quoted[q].end <= match.index) q++;
      if (q < quoted.length && quoted[q].start < match.index) continue; // inside quoted words
      ellipsis = { start: match.index, end: match.index + match[0].length };
      break;
    }
  }
  if (word && (!ellipsis || word.index < ellipsis.start)) return { start: word.index, end: word.index + word[0].length };
  return ellipsis;
}
