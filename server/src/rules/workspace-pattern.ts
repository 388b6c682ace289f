/**
 * Regular expressions a workspace supplies (`phi.patterns` in .iptrc.json) run on RE2 (the re2js
 * port, pure JavaScript, so the web build runs them too). RE2 matches in time linear in the text
 * for a given pattern, whatever the pattern: JavaScript's engine backtracks, and a shape check in
 * front of it always missed one (`(a+){25}$` on 100 characters ran past 20 s). So the documented
 * syntax is RE2's, and what RE2 cannot run in linear time — lookaround, backreferences — is a
 * located config error that says how to rewrite the pattern.
 *
 * Linear in the text is not yet cheap: RE2 finds a match's place with a machine whose work per
 * character grows with the size of the compiled pattern (its instructions): about 25 ns per
 * character and instruction on a busy 2-core machine, for the worst pattern (`[xy].{190}[xy]` over a
 * 1 MiB note that matches it throughout: 5.3 s at 194 instructions). So a pattern is at most
 * MAX_PATTERN_CHARS long, and all of a configuration's patterns together compile to at most
 * MAX_PATTERN_INSTRUCTIONS (a pattern for an identifier takes 10 to 50; bench/phi-patterns.mjs).
 */
import { RE2JS } from 're2js';

/** The longest pattern compiled (a pattern for an identifier is under 100 characters). */
export const MAX_PATTERN_CHARS = 1000;
/** The most RE2 instructions all of a configuration's patterns may take together. */
export const MAX_PATTERN_INSTRUCTIONS = 200;

/** One match: where it starts and the matched text (the part of a RegExp match `findIdentifyingData` reads). */
export interface PatternMatch {
  index: number;
  0: string;
  /** Capture groups are not reported (a workspace pattern's whole match is the finding). */
  [group: number]: string | undefined;
}

export interface WorkspacePattern {
  /** The pattern as written, and its flags. */
  source: string;
  flags: string;
  /** The size of the compiled pattern (RE2 instructions). */
  instructions: number;
  /** Every non-overlapping match, left to right. */
  matchAll(text: string): Iterable<PatternMatch>;
}

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, g: 0, u: 0 };

/** The flags a pattern may have: `g` and `u` are accepted and change nothing (every match is found; RE2 reads characters). */
export const PATTERN_FLAGS = /^[gimsu]*$/;
export const FLAGS_MESSAGE =
  'Flags are letters among `i` (ignore case), `m` (`^` and `$` at line ends) and `s` (`.` also matches a line break), each written once; `g` and `u` are accepted and change nothing.';

function flagsProblem(flags: string): string | undefined {
  return PATTERN_FLAGS.test(flags) && new Set(flags).size === flags.length ? undefined : FLAGS_MESSAGE;
}

/** Compiles a workspace pattern, or says (in words for the config error) why it cannot be used. */
export function compileWorkspacePattern(source: string, flags = ''): WorkspacePattern | { error: string; at: 'flags' | 'pattern' } {
  if (flagsProblem(flags)) return { error: FLAGS_MESSAGE, at: 'flags' };
  if (source.length > MAX_PATTERN_CHARS) {
    return { error: `This pattern is ${source.length} characters long; IPT Plan runs patterns of up to ${MAX_PATTERN_CHARS} (a pattern for an identifier is under 100). Shorten it, or split it into several patterns.`, at: 'pattern' };
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, [...flags].reduce((bits, flag) => bits | FLAG_BITS[flag], 0));
  } catch (error) {
    return { error: rewriteAdvice(error instanceof Error ? error.message : String(error)), at: 'pattern' };
  }
  const instructions = re.programSize();
  if (instructions > MAX_PATTERN_INSTRUCTIONS) return { error: tooLarge(`This pattern compiles to ${instructions} RE2 instructions`), at: 'pattern' };
  return {
    source,
    flags,
    instructions,
    *matchAll(text) {
      // The quick test runs RE2's DFA, which needs no match positions: most texts end here.
      if (!re.test(text)) return;
      const matcher = re.matcher(text);
      while (matcher.find()) yield { index: matcher.start(), 0: matcher.group() ?? '' };
    },
  };
}

/** The config error for patterns past MAX_PATTERN_INSTRUCTIONS: `what` they compile to, and what became of them. */
export function tooLarge(what: string, outcome = ''): string {
  return `${what}; IPT Plan runs up to ${MAX_PATTERN_INSTRUCTIONS} for all \`phi.patterns\` together (a pattern for an identifier takes 10 to 50), so that checking a plan stays fast.${outcome} Simplify: a bounded repeat such as \`.{100}\` costs one instruction per repetition.`;
}

const RE2_SYNTAX = 'IPT Plan runs `phi.patterns` with RE2 syntax, which always runs in linear time (see docs/config.md)';

/**
 * The config error for a pattern RE2 refused: what it is, and how to write it for RE2. The
 * constructs JavaScript has and RE2 has not get their own advice.
 */
function rewriteAdvice(message: string): string {
  const reason = message.replace(/^error parsing regexp: /, '');
  const lookaround = /(?:unsupported Perl syntax|invalid named capture): `\(\?(<?)[=!]/.exec(message);
  if (lookaround) {
    return lookaround[1]
      ? `RE2 has no lookbehind (\`(?<=…)\`, \`(?<!…)\`): it cannot be run in linear time. Make the text before it part of the pattern (\`(?<=MRN )\\d{6}\` → \`MRN \\d{6}\`; the whole match is reported), or use \`\\b\` for a word boundary. ${RE2_SYNTAX}.`
      : `RE2 has no lookahead (\`(?=…)\`, \`(?!…)\`): it cannot be run in linear time. Make the text after it part of the pattern, or use \`\\b\` for a word boundary (\`\\d{6}(?!\\d)\` → \`\\d{6}\\b\`). ${RE2_SYNTAX}.`;
  }
  if (/invalid escape sequence: `\\[1-9k]/.test(message)) {
    return `RE2 has no backreferences (\`\\1\`, \`\\k<name>\`): matching what an earlier group matched cannot be done in linear time. Write out what may repeat instead (\`(\\d{3})-\\1\` → \`\\d{3}-\\d{3}\`, which also matches two different groups). ${RE2_SYNTAX}.`;
  }
  if (/invalid escape sequence: `\\u/.test(message)) {
    return `RE2 writes a character by its code as \`\\x{00E9}\`, not \`\\u00E9\` or \`\\u{1F600}\`: change \`\\u\` escapes to \`\\x{…}\`. ${RE2_SYNTAX}.`;
  }
  if (/invalid escape sequence: `\\c/.test(message)) return `RE2 has no \`\\cX\` control escapes: write the character by its code, e.g. \`\\x01\` for \`\\cA\`. ${RE2_SYNTAX}.`;
  if (/invalid repeat count/.test(message)) return `RE2 repeats a part at most 1000 times (\`{n,m}\` up to 1000, nested repeats multiplied): ${reason}. Use \`+\` or \`*\` for "any number", or a smaller bound. ${RE2_SYNTAX}.`;
  if (/invalid nested repetition operator/.test(message)) return `RE2 does not repeat a repetition (\`a++\`, \`a*+\`, possessive quantifiers): write it once (\`a+\`). ${RE2_SYNTAX}.`;
  if (/expression too large|nests too deeply/.test(message)) return tooLarge(`This pattern is too large for RE2 (${reason})`);
  return `This pattern is not valid RE2 syntax (${reason}). Fix it, or remove this pattern. ${RE2_SYNTAX}.`;
}
