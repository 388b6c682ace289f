/**
 * `phi`: Plans must not hold identifying data. Strings and comments are searched for e-mail
 * addresses, phone numbers, US Social Security numbers, street addresses and dates of birth, and the
 * `client` must be a code, not a person's name. Comments are checked too: they end up in git like
 * everything else, and the patterns below never fire on directives or rule ids.
 *
 * Precision first (a false alarm teaches people to switch the rule off): crisis lines (988, 911, 999,
 * 112, 116 123), US toll-free numbers (organisations, not people), session numbers, scores, ICD codes,
 * session dates, durations and ranges like `1-3` do not match. `.iptrc.json` adds patterns
 * (`phi.patterns`) and exact texts that are never reported (`phi.allow`, e.g. the clinic's front desk).
 */
import type { Span } from '../language/span.js';
import { decodeString, stringWords } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';

interface Finding {
  /** Offsets into the decoded text. */
  start: number;
  end: number;
  message: string;
}

interface Detector {
  regex: RegExp;
  message: string;
  /** Which capture group is the identifying part (default: the whole match). */
  group?: number;
  /** Extra test on the matched text; false drops the match. */
  accept?: (matched: string) => boolean;
  /**
   * A cheap test every text this detector can match passes (e.g. it holds an `@`), so the full
   * pattern runs only on the few texts that might hold such data. Never narrower than the regex.
   */
  mayMatch?: RegExp;
}

/** What to do, per kind of finding: only contact details can belong to someone else, like the clinic. */
const REMOVE_CONTACT =
  "Remove it: contact and identity details belong in the clinical record, not in the plan. If it is not the client's (e.g. the clinic's front desk), add the exact text to `phi.allow` in .iptrc.json.";
const REMOVE_ADDRESS =
  "Remove it: an address identifies the client and belongs in the clinical record, not in the plan. If it is not a person's address (e.g. the clinic's), add the exact text to `phi.allow` in .iptrc.json.";
const REMOVE_SSN =
  'Remove it: a Social Security number identifies the client and belongs only in the clinical record. If these digits are not an SSN (e.g. a reference number), add the exact text to `phi.allow` in .iptrc.json.';
const REMOVE_BIRTH =
  'Remove it: a date of birth identifies the client and belongs in the clinical record. If age matters for the plan, write the age instead (e.g. "aged 34").';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4})`;

/** US toll-free area codes: numbers of organisations (helplines), never of a client. */
const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

const DETECTORS: Detector[] = [
  {
    mayMatch: /@/,
    regex: /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g,
    message: `This looks like an e-mail address. ${REMOVE_CONTACT}`,
  },
  {
    mayMatch: /\d{3}[\s.-]\d{4}/,
    // North American numbers: (617) 555-0143, 617-555-0143, 617.555.0143, +1 617 555 0143.
    regex: /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(([2-9]\d{2})\)[\s.-]?|([2-9]\d{2})[\s.-])[2-9]\d{2}[\s.-]\d{4}(?![\w-])/g,
    message: `This looks like a phone number. ${REMOVE_CONTACT}`,
    accept: (matched) => !TOLL_FREE.has(areaCode(matched)),
  },
  {
    mayMatch: /\+/,
    // International numbers with a country code other than 1: +44 20 7946 0958, +49 30 1234567.
    regex: /(?<![\w+])\+[2-9]\d{0,2}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?![\w-])/g,
    message: `This looks like a phone number. ${REMOVE_CONTACT}`,
    accept: (matched) => {
      const digits = matched.replace(/\D/g, '').length;
      return digits >= 8 && digits <= 15;
    },
  },
  {
    mayMatch: /\d{3}[\s.-]\d{4}/,
    // A local number only counts next to a word that says it is one ("call 555-0143").
    regex: /\b(?:call|phone|tel|telephone|cell|mobile|text|ring)\b\.?:?\s*(?:him|her|them|the client|client)?\s*(?:on|at)?\s*([2-9]\d{2}[\s.-]\d{4})(?![\w-])/gi,
    group: 1,
    message: `This looks like a phone number. ${REMOVE_CONTACT}`,
  },
  {
    mayMatch: /\d{3}-\d{2}-\d{4}/,
    regex: /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g,
    message: `This looks like a US Social Security number. ${REMOVE_SSN}`,
  },
  {
    mayMatch: /SS|[Ss]ocial [Ss]ecurity/,
    regex: /\b(?:SSN|SS#|[Ss]ocial [Ss]ecurity(?: [Nn]umber| [Nn]o\.?)?)\s*[:#]?\s*\d{3}[\s-]?\d{2}[\s-]?\d{4}(?![\w-])/g,
    message: `This looks like a US Social Security number. ${REMOVE_SSN}`,
  },
  {
    mayMatch: /\d[A-Za-z]?\s+[A-Z]/,
    // "12 Elm Street", "400 Main St.": a number, capitalised name words, a street type. Types that
    // also end ordinary title-case phrases (Court, Place, Way, Square) are left out for precision.
    regex: /(?<![\w.-])\d{1,5}[A-Za-z]?\s+(?:[A-Z][A-Za-z'’-]*\.?\s+){1,3}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Terrace|Parkway|Pkwy\.?|Highway|Hwy\.?|Crescent)(?![\w’'-])/g,
    message: `This looks like a street address. ${REMOVE_ADDRESS}`,
  },
  {
    mayMatch: /D\.?O\.?B/,
    regex: new RegExp(`(?<![\\w.])(?:DOB|D\\.O\\.B\\.?)(?![\\w])(?:\\s*[:-]?\\s*${DATE})?`, 'g'),
    message: `This looks like a date of birth. ${REMOVE_BIRTH}`,
  },
  {
    mayMatch: /[Dd]ate of [Bb]irth/,
    regex: new RegExp(`\\b[Dd]ate of [Bb]irth\\b(?:\\s*[:-]?\\s*${DATE})?`, 'g'),
    message: `This looks like a date of birth. ${REMOVE_BIRTH}`,
  },
  {
    mayMatch: /[Bb]orn/,
    regex: new RegExp(`\\b[Bb]orn(?:\\s+on)?\\s+${DATE}`, 'g'),
    message: `This looks like a date of birth. ${REMOVE_BIRTH}`,
  },
];

/** Two to four capitalised words ("Maria Lopez", "J. Smith", "Lopez, Maria") and no digits. */
const PERSON_NAME = /^(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:,?\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,3}$/;

export default {
  id: 'phi',
  defaultSeverity: 'warning',
  description: 'Strings must not look like identifying data (e-mail, phone, SSN, street address, date of birth).',
  docsUrl: docsUrl('phi'),
  scope: 'statement',
  check(ctx) {
    const detectors = [...DETECTORS, ...configDetectors(ctx)];
    for (const { word, statement } of stringWords(ctx.file)) {
      // The escapes `\"` and `\\` never make or break a match of the quick tests, so the raw text
      // tells which detectors can match before the string is decoded.
      const candidates = detectorsFor(ctx.text.slice(word.span.start, word.span.end), detectors);
      if (candidates.length === 0 && statement.kind !== 'client') continue;
      const { value, offsets } = decodeString(ctx.text, word.span);
      const toSource = (start: number, end: number): Span => ({ start: offsets[start], end: offsets[end] });
      for (const finding of findIdentifyingData(value, candidates, ctx.config.phi.allow)) {
        ctx.report({ span: toSource(finding.start, finding.end), message: finding.message });
      }
      if (statement.kind === 'client') checkClientName(ctx, value, toSource);
    }
    for (const comment of ctx.file.comments) {
      const base = comment.span.start + 1; // just after `#`
      const candidates = detectorsFor(comment.text, detectors);
      if (candidates.length === 0) continue;
      for (const finding of findIdentifyingData(comment.text, candidates, ctx.config.phi.allow)) {
        ctx.report({ span: { start: base + finding.start, end: base + finding.end }, message: finding.message });
      }
    }
  },
} satisfies Rule;

/** Any built-in detector's quick test, in one pattern: most texts fail it and are done at once. */
const ANY_BUILT_IN = new RegExp(DETECTORS.map((detector) => detector.mayMatch!.source).join('|'));

/** The detectors whose quick test the text passes (all of them for patterns without one). */
function detectorsFor(text: string, detectors: readonly Detector[]): Detector[] {
  if (detectors.length === DETECTORS.length && !ANY_BUILT_IN.test(text)) return [];
  return detectors.filter((detector) => !detector.mayMatch || detector.mayMatch.test(text));
}

/** Every identifying-looking part of `text`, without overlaps, skipping allowed texts. */
function findIdentifyingData(text: string, detectors: readonly Detector[], allow: readonly string[]): Finding[] {
  if (detectors.length === 0) return [];
  const allowed = allowedSpans(text, allow);
  const found: Finding[] = [];
  for (const detector of detectors) {
    for (const match of text.matchAll(detector.regex)) {
      const whole = match.index ?? 0;
      let start = whole;
      let matched = match[0];
      if (detector.group !== undefined) {
        const part = match[detector.group];
        if (part === undefined) continue;
        start = whole + match[0].lastIndexOf(part);
        matched = part;
      }
      const end = start + matched.length;
      if (end <= start) continue;
      if (detector.accept && !detector.accept(matched)) continue;
      if (allowed.some((span) => span.start <= start && end <= span.end)) continue;
      found.push({ start, end, message: detector.message });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const finding of found) {
    const previous = kept[kept.length - 1];
    if (previous && finding.start < previous.end) continue;
    kept.push(finding);
  }
  return kept;
}

function checkClientName(ctx: RuleContext, value: string, toSource: (start: number, end: number) => Span): void {
  const trimmed = value.trim();
  if (!PERSON_NAME.test(trimmed) || ctx.config.phi.allow.includes(trimmed)) return;
  const start = value.indexOf(trimmed);
  ctx.report({
    span: toSource(start, start + trimmed.length),
    message: 'The client looks like a person\'s name. Identify the client only by a code, like `client "C-0142"`, and keep the key to the code in the clinical record.',
  });
}

/** `phi.patterns` from .iptrc.json, as global regexes (their own flags kept). */
function configDetectors(ctx: RuleContext): Detector[] {
  return ctx.config.phi.patterns.map((pattern) => ({
    regex: new RegExp(pattern.regex.source, pattern.regex.flags.includes('g') ? pattern.regex.flags : `${pattern.regex.flags}g`),
    message: `This matches the \`${pattern.name}\` pattern for identifying data (\`phi.patterns\` in .iptrc.json). Remove it from the plan, or add the exact text to \`phi.allow\` if it is not identifying.`,
  }));
}

/** Where allowed texts occur (an exact `phi.allow` text is never reported, wherever it appears). */
function allowedSpans(text: string, allow: readonly string[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const entry of allow) {
    if (!entry) continue;
    for (let index = text.indexOf(entry); index >= 0; index = text.indexOf(entry, index + 1)) {
      spans.push({ start: index, end: index + entry.length });
    }
  }
  return spans;
}

function areaCode(matched: string): string {
  const digits = matched.replace(/\D/g, '');
  return digits.length === 11 ? digits.slice(1, 4) : digits.slice(0, 3);
}
