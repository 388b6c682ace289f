/**
 * `phi`: Plans must not hold identifying data. Strings and comments are searched for e-mail
 * addresses, phone numbers, US Social Security numbers, street addresses and dates of birth; the
 * `client` and the plan title must not be a person's name; and no string names the people in the
 * client's life (phi-names.ts: after a relation word or a title, or a first and last name), except
 * the clinicians' own lines. Comments are checked too: they end up in git like everything else, and
 * the patterns below never fire on directives or rule ids.
 *
 * Precision first (a false alarm teaches people to switch the rule off): crisis lines (988, 911, 999,
 * 112, 116 123), toll-free and organisation numbers (US 8xx, UK 03/08/09), any number right after a
 * crisis or help-line word, session numbers, scores, ICD codes, session dates, durations and ranges
 * like `1-3` do not match. `.iptrc.json` adds patterns (`phi.patterns`) and exact texts that are
 * never reported (`phi.allow`, e.g. the clinic's front desk). The patterns live in phi-patterns.ts,
 * where every one is written to run in linear time.
 */
import type { Span } from '../language/span.js';
import { decodeString, stringWords } from './plan-queries.js';
import { allowList } from './phi-allow.js';
import { COMMENT_NAME_DETECTORS, MAY_HOLD_NAME, mayBeName, NAME_DETECTORS, NAME_FREE_STATEMENTS } from './phi-names.js';
import { BUILT_IN_DETECTORS, findIdentifyingData, nameInTitle, type Detector, type Finding } from './phi-patterns.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';

/** Two to four capitalised words ("Maria Lopez", "J. Smith", "Lopez, Maria") and no digits. */
const PERSON_NAME = /^(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:,?[ \t]{1,3}(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,3}$/;

const CODE_ADVICE = 'Identify the client only by a code, like `client "C-0142"`, and keep the key to the code in the clinical record.';

export default {
  id: 'phi',
  defaultSeverity: 'warning',
  description:
    "Strings must not look like identifying data (e-mail, phone, SSN, street address, date of birth, a name as client or title, names of the client's relatives and other people).",
  docsUrl: docsUrl('phi'),
  scope: 'statement',
  check(ctx) {
    const detectors = [...BUILT_IN_DETECTORS, ...configDetectors(ctx)];
    const allow = ctx.config.phi.allow;
    for (const { word, statement } of stringWords(ctx.file)) {
      // The escapes `\"` and `\\` never make or break a match of the quick tests, so the raw text
      // tells which detectors can match before the string is decoded.
      const raw = ctx.text.slice(word.span.start, word.span.end);
      const named = statement.kind === 'client' || statement.kind === 'plan';
      // Names of the client's people: not in the clinicians' lines, and in the client and the title
      // only after their own checks (there a name is the client's, and says so).
      const names = named || NAME_FREE_STATEMENTS.includes(statement.kind) ? NONE : namesFor(raw, NAME_DETECTORS);
      const builtIn = detectorsFor(raw, detectors);
      const candidates = names.length === 0 ? builtIn : [...builtIn, ...names];
      if (candidates.length === 0 && !named) continue;
      const { value, offsets } = decodeString(ctx.text, word.span);
      const toSource = (start: number, end: number): Span => ({ start: offsets[start], end: offsets[end] });
      const found = findIdentifyingData(value, candidates, allow);
      for (const finding of found) report(ctx, toSource(finding.start, finding.end), finding);
      if (statement.kind === 'client') checkWholeName(ctx, value, toSource, 'The client looks like a person\'s name.');
      if (statement.kind === 'plan' && found.length === 0 && !checkTitle(ctx, value, toSource)) {
        for (const finding of findIdentifyingData(value, namesFor(raw, NAME_DETECTORS), allow)) report(ctx, toSource(finding.start, finding.end), finding);
      }
    }
    for (const comment of ctx.file.comments) {
      const base = comment.span.start + 1; // just after `#`
      const names = namesFor(comment.text, COMMENT_NAME_DETECTORS);
      const builtIn = detectorsFor(comment.text, detectors);
      const candidates = names.length === 0 ? builtIn : [...builtIn, ...names];
      if (candidates.length === 0) continue;
      for (const finding of findIdentifyingData(comment.text, candidates, allow)) report(ctx, { start: base + finding.start, end: base + finding.end }, finding);
    }
  },
} satisfies Rule;

/**
 * Any built-in detector's quick test, in one pattern: most texts fail it and are done at once. With
 * the quick tests' own flags (none), so it passes exactly the texts one of them passes: a
 * case-insensitive union let most notes through (`SS` in "discuss", a digit then any letter).
 */
const ANY_BUILT_IN = new RegExp([...new Set(BUILT_IN_DETECTORS.map((detector) => detector.mayMatch!.source))].join('|'));

/** The detectors whose quick test the text passes (all of them for patterns without one). */
function detectorsFor(text: string, detectors: readonly Detector[]): Detector[] {
  if (detectors.length === BUILT_IN_DETECTORS.length && !ANY_BUILT_IN.test(text)) return [];
  return detectors.filter((detector) => !detector.mayMatch || detector.mayMatch.test(text));
}

const NONE: Detector[] = [];

/** The name detectors whose quick test the text passes (one shared test first: most texts hold no capital after a word). */
function namesFor(text: string, detectors: readonly Detector[]): Detector[] {
  if (!MAY_HOLD_NAME.test(text)) return NONE;
  return detectors.filter((detector) => detector.mayMatch!.test(text));
}

function report(ctx: RuleContext, span: Span, finding: Finding): void {
  ctx.report({ span, message: finding.message, ...(finding.severity ? { severity: finding.severity } : {}) });
}

/** A client (or a title) that is nothing but a person's name. */
function checkWholeName(ctx: RuleContext, value: string, toSource: (start: number, end: number) => Span, head: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length > 120 || !PERSON_NAME.test(trimmed) || allowList(ctx.config.phi.allow).has(trimmed)) return false;
  const start = value.indexOf(trimmed);
  ctx.report({ span: toSource(start, start + trimmed.length), message: `${head} ${CODE_ADVICE}` });
  return true;
}

/** The plan title: a name on its own, or after "for" ("Plan for Maria Lopez"). True when it reported one. */
function checkTitle(ctx: RuleContext, value: string, toSource: (start: number, end: number) => Span): boolean {
  // A title in title case ("Role Play With Mother") is a name only if a word of it can be one.
  if (mayBeName(value) && checkWholeName(ctx, value, toSource, 'The plan title looks like a person\'s name.')) return true;
  const name = nameInTitle(value, catalogueTitleWords(ctx));
  if (!name || allowList(ctx.config.phi.allow).has(value.slice(name.start, name.end))) return false;
  ctx.report({
    span: toSource(name.start, name.end),
    message: `The plan title holds what looks like a person's name. Title the plan with the client code, e.g. \`plan "C-0142 acute IPT"\`; ${CODE_ADVICE.charAt(0).toLowerCase()}${CODE_ADVICE.slice(1)}`,
  });
  return true;
}

const titleWordsCache = new WeakMap<object, Set<string>>();

/** Words of the catalogue's titles and ids ("Role dispute", "IPT for adolescents"): never a name in a plan title. */
function catalogueTitleWords(ctx: RuleContext): Set<string> {
  const cached = titleWordsCache.get(ctx.catalogue);
  if (cached) return cached;
  const words = new Set<string>();
  titleWordsCache.set(ctx.catalogue, words);
  for (const list of Object.values(ctx.catalogue)) {
    for (const entry of list as { id: string; title: string }[]) {
      for (const word of `${entry.title} ${entry.id}`.toLowerCase().split(/[^a-z0-9'’-]+/)) if (word) words.add(word);
    }
  }
  return words;
}

/** `phi.patterns` from .iptrc.json, compiled for RE2 when the configuration was resolved. */
function configDetectors(ctx: RuleContext): Detector[] {
  return ctx.config.phi.patterns.map((pattern) => ({
    regex: pattern.pattern,
    message: `This matches the \`${pattern.name}\` pattern for identifying data (\`phi.patterns\` in .iptrc.json). Remove it from the plan, or add the exact text to \`phi.allow\` if it is not identifying.`,
  }));
}
