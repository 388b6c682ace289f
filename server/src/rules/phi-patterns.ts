/**
 * What `phi` looks for, as patterns that run in linear time. A backtracking engine can take
 * quadratic or cubic time when two quantified parts can match the same characters next to each other
 * (`\s*(?:on)?\s*` over a run of spaces): so here every gap between words is bounded
 * (`[ \t]{1,3}`), every repeated part is bounded or separated by a character the next part cannot
 * start with, and anything longer is found by a short bounded candidate pattern and checked in code.
 * test/unit/rules/regex-linear.test.ts times each on 10k and 100k adversarial characters.
 */
import { allowList } from './phi-allow.js';
import type { WorkspacePattern } from './workspace-pattern.js';

import type { Severity } from '../language/diagnostic.js';

export interface Finding {
  /** Offsets into the searched text. */
  start: number;
  end: number;
  message: string;
  /** When not the rule's own (a clinician's name is information). */
  severity?: Severity;
}

export interface Detector {
  /** A global pattern, or a workspace's pattern compiled for RE2 (`phi.patterns`). */
  regex: RegExp | WorkspacePattern;
  message: string;
  /** Which capture group is the identifying part (default: the whole match). */
  group?: number;
  /**
   * Checks a match in its text: false drops it, a number keeps that many characters of it (a
   * candidate pattern may take a little more than the identifying part).
   */
  accept?: (matched: string, text: string, start: number) => boolean | number;
  /**
   * A cheap test every text this detector can match passes (e.g. it holds an `@`), so the full
   * pattern runs only on the few texts that might hold such data. Never narrower than the regex.
   */
  mayMatch?: RegExp;
  /** When not the rule's own (a clinician's name is information). */
  severity?: Severity;
}

// ---------------------------------------------------------------- messages

/** What to do, per kind of finding: only contact details can belong to someone else, like the clinic. */
const REMOVE_CONTACT =
  "Remove it: contact and identity details belong in the clinical record, not in the plan. If it is not the client's (e.g. the clinic's front desk), add the exact text to `phi.allow` in .iptrc.json.";
const REMOVE_ADDRESS =
  "Remove it: an address identifies the client and belongs in the clinical record, not in the plan. If it is not a person's address (e.g. the clinic's), add the exact text to `phi.allow` in .iptrc.json.";
const REMOVE_SSN =
  'Remove it: a Social Security number identifies the client and belongs only in the clinical record. If these digits are not an SSN (e.g. a reference number), add the exact text to `phi.allow` in .iptrc.json.';
const REMOVE_BIRTH =
  'Remove it: a date of birth identifies the client and belongs in the clinical record. If age matters for the plan, write the age instead (e.g. "aged 34").';

const PHONE = `This looks like a phone number. ${REMOVE_CONTACT}`;
const BIRTH = `This looks like a date of birth. ${REMOVE_BIRTH}`;

// ---------------------------------------------------------------- building blocks

/** A gap between two words: one to three spaces or tabs (never unbounded, see above). */
const GAP = '[ \\t\\u00a0]{1,3}';
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
/** A day and month in words, either order: "3 May", "3rd of May", "the 3rd of May", "May 3rd". */
const DAY_MONTH = `(?:(?:the${GAP})?${DAY}(?:${GAP}of)?${GAP}${MONTH}|${MONTH}${GAP}${DAY}(?!\\d))`;
/** A full date: ISO, numeric with / . or -, or a day and month in words with a year. */
const DATE = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|${DAY_MONTH},?${GAP}\\d{4})`;
/** What may stand between a label and its value: "DOB: ", "DOB - ", "date of birth is ". */
const LABEL_GAP = `[ \\t]{0,3}(?:[:-][ \\t]{0,3})?(?:is${GAP})?`;

/** US toll-free area codes: numbers of organisations (helplines), never of a client. */
const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

/**
 * Words that make a number near them a service's, not a person's (a crisis team, a help line):
 * "crisis line", "Samaritans", "out-of-hours service", "NHS 111". Looked for in the few words before
 * a number, or after it ("Ring the ward on 0161 496 0123 if the crisis team is busy"), within its
 * clause.
 */
const SERVICE_WORDS =
  /\b(?:crisis[ -](?:line|team|service|centre|center|text|number|phone|hotline|helpline|resolution|cafe|café)|help[ -]?lines?|hot[ -]?lines?|life[ -]?lines?|samaritans|suicide[ -](?:prevention|hotline|helpline|line)|out[- ]of[- ]hours[ -](?:service|team|line|number|gp|doctor)|duty[ -](?:team|line|desk|worker|clinician|psychiatrist)|nhs[ -]?111|talk[ -]?line|warm[ -]?line|childline|befrienders)\b/i;

/** Words just before a number that make it a person's whatever follows ("her mobile 07700 900123 or the crisis line"). */
const PERSONAL_BEFORE =
  /\b(?:mobile|mob|cell|cellphone|home|landline|personal|own|private|client['’]s|her|his|their|(?:mum|mom|dad|partner|husband|wife|sister|brother|friend|son|daughter)['’]s)\b[^;\n|]{0,16}$/i;

/** True when a crisis or help-line word stands in the same clause, in the 48 characters before `start` or after `end`. */
function nearServiceWord(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const clauseBefore = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('\n'), before.lastIndexOf('|')) + 1);
  if (SERVICE_WORDS.test(clauseBefore)) return true;
  if (PERSONAL_BEFORE.test(clauseBefore)) return false;
  const after = text.slice(end, end + 48);
  const breakAt = after.search(/[;\n|]/);
  return SERVICE_WORDS.test(breakAt < 0 ? after : after.slice(0, breakAt));
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

// ---------------------------------------------------------------- phone numbers

/** North American numbers: (617) 555-0143, 617-555-0143, 617.555.0143, +1 617 555 0143. */
const northAmerican: Detector = {
  mayMatch: /\d{3}[ .-]\d{4}/,
  regex: /(?<![\w+])(?:\+?1[ .-]?)?(?:\(([2-9]\d{2})\)[ .-]?|([2-9]\d{2})[ .-])[2-9]\d{2}[ .-]\d{4}(?![\w-])/g,
  message: PHONE,
  accept: (matched, text, start) => !TOLL_FREE.has(usAreaCode(digitsOf(matched))) && !nearServiceWord(text, start, start + matched.length),
};

function usAreaCode(digits: string): string {
  return digits.length === 11 ? digits.slice(1, 4) : digits.slice(0, 3);
}

/**
 * International numbers with a country code other than 1: +44 20 7946 0958, +49 30 1234567,
 * +44 (0)20 7946 0958. A bounded candidate, then checked in code (see refineInternational).
 */
const international: Detector = {
  mayMatch: /\+[2-9]/,
  regex: /(?<![\w+])\+[2-9][\d ().-]{6,24}/g,
  message: PHONE,
  accept: (matched, text, start) => {
    const length = refineInternational(matched);
    return length === false || nearServiceWord(text, start, start + length) ? false : length;
  },
};

/**
 * The length of the phone number at the start of an international candidate, or false: it ends
 * before a doubled separator and at its last digit, drops trailing groups past 15 digits (a session
 * number after it), and has 8 to 15 digits with balanced parentheses.
 */
function refineInternational(candidate: string): number | false {
  const doubled = candidate.search(/[ .-]{2}|\)\(/);
  let text = doubled < 0 ? candidate : candidate.slice(0, doubled);
  text = text.slice(0, text.search(/\d[^\d]*$/) + 1);
  while (digitsOf(text).length > 15) {
    const lastGap = Math.max(text.lastIndexOf(' '), text.lastIndexOf('.'), text.lastIndexOf('-'));
    if (lastGap <= 3) return false;
    text = text.slice(0, lastGap);
  }
  const digits = digitsOf(text).length;
  const open = text.split('(').length - 1;
  const close = text.split(')').length - 1;
  return digits >= 8 && open === close && open <= 1 ? text.length : false;
}

/**
 * UK numbers written the domestic way: 020 7946 0958, 0161 496 0123, 07700 900123, 07700 900 123,
 * 01632 960123, (020) 7946 0958. 01, 02 and 07 are people's and businesses' numbers; 03, 08 and 09
 * are organisations' (NHS, charities, freephone help lines) and are left alone.
 */
const ukDomestic: Detector = {
  mayMatch: /0\d{2,4}\)?[ -]\d{3}/,
  regex: /(?<![\w+.-])(?:(?:\(0\d{2}\)|0\d{2})[ -]\d{4}[ -]\d{4}|(?:\(0\d{3}\)|0\d{3})[ -]\d{3}[ -]\d{4}|(?:\(0\d{4}\)|0\d{4})[ -](?:\d{6}|\d{3}[ -]\d{3}))(?![\w-])/g,
  message: PHONE,
  accept: (matched, text, start) => /^\(?0[127]/.test(matched) && digitsOf(matched).length === 11 && !nearServiceWord(text, start, start + matched.length),
};

/**
 * A number only counts as a phone number on its own (a local 555-0143, or ten or eleven digits
 * written together, 5035550187 or 07700900123) right after a word that says it is one: "call her
 * on 555-0143", "mobile 07700900123".
 */
const afterPhoneWord: Detector = {
  mayMatch: /\d{3}[ .-]\d{4}|\d{10}/,
  regex: /\b(?:call|phone|tel|telephone|cell|cellphone|mobile|mob|text|ring|landline|whatsapp)\b\.?:?[ \t]{0,3}(?:(?:him|her|them|the client|client|me|us|mum|mom|dad)[ \t]{1,3})?(?:(?:on|at|number|no\.?|#)[ \t]{0,3})?([2-9]\d{2}[ .-]\d{4}|\d{10,11})(?![\w-])/gi,
  group: 1,
  message: PHONE,
  accept: (matched, text, start) => bareNumberIsPhone(digitsOf(matched)) && !nearServiceWord(text, start, start + matched.length),
};

/** A 7-digit local number, a 10-digit US number (not toll-free), or 11 digits: 1 + US, or a UK 01/02/07 number. */
function bareNumberIsPhone(digits: string): boolean {
  if (digits.length === 7) return true;
  if (digits.length === 10) return /^[2-9]/.test(digits) && !TOLL_FREE.has(digits.slice(0, 3));
  if (digits.startsWith('1')) return /^1[2-9]/.test(digits) && !TOLL_FREE.has(digits.slice(1, 4));
  return /^0[127]/.test(digits);
}

// ---------------------------------------------------------------- other identifiers

const email: Detector = {
  mayMatch: /@/,
  regex: /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g,
  message: `This looks like an e-mail address. ${REMOVE_CONTACT}`,
};

const ssn: Detector = {
  mayMatch: /\d{3}-\d{2}-\d{4}/,
  regex: /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g,
  message: `This looks like a US Social Security number. ${REMOVE_SSN}`,
};

const labelledSsn: Detector = {
  mayMatch: /SS|[Ss]ocial [Ss]ecurity/,
  regex: /\b(?:SSN|SS#|[Ss]ocial [Ss]ecurity(?: [Nn]umber| [Nn]o\.?)?)[ \t]{0,3}(?:[:#][ \t]{0,3})?\d{3}[ -]?\d{2}[ -]?\d{4}(?![\w-])/g,
  message: `This looks like a US Social Security number. ${REMOVE_SSN}`,
};

/**
 * Capitalised words that often stand between a number and a street word without being an address:
 * "2 Family Court hearings", "the 12 Step Way", "3 Best Friends Close by", "a 2 Hour Drive".
 */
const NOT_STREET_NAMES = new Set(
  `family county crown magistrates magistrates' supreme youth district juvenile probate circuit claims housing tax appeals appeal drug federal state city
  municipal superior tennis basketball food small step steps one two three four five six right wrong best only easy hard better new the other same different
  no some very too so friends friend quite really test sex flash disk car memory fast slow bus cycle bike session sessions week weeks day days month months
  year years hour hours minute minutes time times point points item items phase goal goals long short mile miles`.split(/\s+/),
);

/**
 * "12 Elm Street", "400 Main St.", "4 Acacia Close": a number, one to three capitalised name words
 * and a street type. Court, Close, Way, Lane and Drive also end ordinary title-case phrases, hence the
 * list of words that are not street names.
 */
const streetAddress: Detector = {
  mayMatch: /\d[A-Za-z]?[ \t\u00a0]{1,3}[A-Z]/,
  regex: new RegExp(
    `(?<![\\w.-])\\d{1,5}[A-Za-z]?${GAP}((?:[A-Z][A-Za-z'’-]{0,30}\\.?${GAP}){1,3})(?:Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Boulevard|Blvd\\.?|Lane|Ln\\.?|Drive|Terrace|Parkway|Pkwy\\.?|Highway|Hwy\\.?|Crescent|Court|Ct\\.?|Close|Way)(?![\\w’'-])`,
    'g',
  ),
  message: `This looks like a street address. ${REMOVE_ADDRESS}`,
  accept: (matched) => {
    const words = matched.replace(/^\d+[A-Za-z]?\s+/, '').split(/\s+/).slice(0, -1);
    return !words.some((word) => NOT_STREET_NAMES.has(word.replace(/\.$/, '').toLowerCase()));
  },
};

const dob: Detector = {
  mayMatch: /D\.?O\.?B/,
  regex: new RegExp(`(?<![\\w.])(?:DOB|D\\.O\\.B\\.?)(?!\\w)(?:${LABEL_GAP}${DATE})?`, 'g'),
  message: BIRTH,
};

const dateOfBirth: Detector = {
  mayMatch: /[Dd]ate of [Bb]irth/,
  regex: new RegExp(`\\b[Dd]ate of [Bb]irth\\b(?:${LABEL_GAP}${DATE})?`, 'g'),
  message: BIRTH,
};

/** "born 1990-04-02", "born on 3 May 2010", "born 03/05/2010" (a year alone, "born in 2025", is fine). */
const born: Detector = {
  mayMatch: /[Bb]orn/,
  regex: new RegExp(`\\b[Bb]orn(?:${GAP}on)?${GAP}${DATE}`, 'g'),
  message: BIRTH,
};

/** A birthday with its day and month: "birthday 3 May 2010", "birthday is the 3rd of May", "b-day 03/05". */
const BIRTHDAY = new RegExp(
  `\\b(?:[Bb]irthday|[Bb]-?day)\\b(?:${GAP}(?:is|was|on|falls on))?[ \\t]{0,3}:?[ \\t]{0,3}(?:${DATE}|${DAY_MONTH}|\\d{1,2}[/.]\\d{1,2}(?![\\d/.]))`,
  'g',
);

/**
 * Whose birthday: someone else's when a possessive or a death word stands before it in the clause
 * ("deceased friend's birthday 14 May", "late father's birthday", "anniversary of the death; her
 * birthday…" is not: the clause ends at `;`). The client's own ("client's", "her", "my") is the client's.
 */
const SOMEONE_ELSES = /\b(?:(?!client['’]s|patient['’]s)\w+['’]s|deceased|late|died|death|dead|passed|memorial|anniversary|in memory|would have been)\b/i;

function someoneElsesBirthday(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('.'), before.lastIndexOf('\n'), before.lastIndexOf('|')) + 1);
  return SOMEONE_ELSES.test(clause);
}

/** The date carries a year (a day and month alone do not give an age). */
const hasYear = (matched: string) => /\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}/.test(matched);

/** The client's birthday (a date of birth). */
const birthday: Detector = {
  mayMatch: /[Bb]-?(?:irth)?day/,
  regex: BIRTHDAY,
  message: BIRTH,
  accept: (_matched, text, start) => !someoneElsesBirthday(text, start),
};

/**
 * Someone else's birthday, with its year: a relative's date of birth identifies the client too
 * [S104]. Without a year it is left alone: the day and month of a deceased person's birthday is what
 * an anniversary reaction is planned around.
 */
const relativeBirthday: Detector = {
  mayMatch: /[Bb]-?(?:irth)?day/,
  regex: BIRTHDAY,
  message: `This looks like a relative's or another person's date of birth, which identifies the client too. Write their age instead (e.g. "daughter, aged 6"); for an anniversary, the day and month are enough.`,
  accept: (matched, text, start) => someoneElsesBirthday(text, start) && hasYear(matched),
};

export const BUILT_IN_DETECTORS: readonly Detector[] = [
  email,
  northAmerican,
  international,
  ukDomestic,
  afterPhoneWord,
  ssn,
  labelledSsn,
  streetAddress,
  dob,
  dateOfBirth,
  born,
  birthday,
  relativeBirthday,
];

// ---------------------------------------------------------------- names in a plan title

/**
 * Capitalised words common in plan titles, none of them a name: "IPT for Postnatal Depression",
 * "Plan for Role Dispute". The catalogue's titles are added by the rule.
 */
const TITLE_WORDS = new Set(
  `plan plans treatment care course therapy psychotherapy interpersonal ipt ipt-a ipt-b ipt-g ipt-m mipt acute brief group maintenance adolescent adolescents
  teen teens teenager young youth child children adult adults older late life new mother mothers father fathers parent parents parenting first time baby
  newborn infant pregnancy pregnant perinatal postnatal postpartum antenatal prenatal depression depressive disorder disorders major minor recurrent
  episode episodes single chronic persistent dysthymia mild moderate severe anxiety grief loss bereavement complicated prolonged traumatic role roles
  dispute disputes transition transitions deficits deficit sensitivity isolation loneliness social job work career school college university move
  relocation migration divorce separation retirement marriage partner couple family caregiver carer illness medical health mental physical cancer hiv
  ptsd trauma bipolar eating bulimia binge service services clinic team programme program pilot trial study case client patient weekly biweekly monthly
  session sessions phase review update draft revised version spring summer autumn fall winter january february march april may june july august
  september october november december monday tuesday wednesday thursday friday saturday sunday veteran veterans student students staff primary secondary
  community outpatient inpatient home online telehealth telephone video in person relapse prevention remission recovery`.split(/\s+/),
);

const HONORIFIC = '(?:Mr|Mrs|Ms|Miss|Mx)\\.?';
const NAME_WORD = "[A-Z][a-z'’-]{1,30}";
/** "Plan for Maria Lopez", "IPT for Mrs Lopez", "Plan re: J. Smith" (bounded gaps, see above). */
const NAME_AFTER_FOR = new RegExp(
  `\\b(?:[Ff]or|[Rr]e:?|[Aa]bout)${GAP}(${HONORIFIC}${GAP}${NAME_WORD}|${NAME_WORD}(?:${GAP}(?:${NAME_WORD}|[A-Z]\\.)){1,2}|[A-Z]\\.${GAP}${NAME_WORD})(?![\\w'’-])`,
  'g',
);

/**
 * Where a plan title holds what looks like a person's name after "for" (or "re", "about"): an
 * honorific and a surname, or two or three capitalised words none of which is a title word.
 */
export function nameInTitle(title: string, moreTitleWords: ReadonlySet<string> = new Set()): { start: number; end: number } | undefined {
  for (const match of title.matchAll(NAME_AFTER_FOR)) {
    const name = match[1];
    const words = name.split(/[ \t\u00a0]+/).map((word) => word.replace(/\.$/, '').toLowerCase());
    const honorific = /^(?:mr|mrs|ms|miss|mx)$/.test(words[0]);
    if (!honorific && words.some((word) => TITLE_WORDS.has(word) || moreTitleWords.has(word))) continue;
    const start = (match.index ?? 0) + match[0].length - name.length;
    return { start, end: start + name.length };
  }
  return undefined;
}

// ---------------------------------------------------------------- running the detectors

/** Every identifying-looking part of `text`, without overlaps, skipping allowed texts. */
export function findIdentifyingData(text: string, detectors: readonly Detector[], allow: readonly string[]): Finding[] {
  if (detectors.length === 0) return [];
  let allowed: ((start: number, end: number) => boolean) | undefined;
  const isAllowed = (start: number, end: number) => (allowed ??= allowList(allow).coverage(text))(start, end);
  const found: Finding[] = [];
  for (const detector of detectors) {
    for (const match of detector.regex instanceof RegExp ? text.matchAll(detector.regex) : detector.regex.matchAll(text)) {
      if (match[0] === '') continue;
      const whole = match.index ?? 0;
      let start = whole;
      let matched = match[0];
      if (detector.group !== undefined) {
        const part = match[detector.group];
        if (part === undefined) continue;
        start = whole + match[0].lastIndexOf(part);
        matched = part;
      }
      const verdict = detector.accept ? detector.accept(matched, text, start) : true;
      if (verdict === false) continue;
      const end = start + (typeof verdict === 'number' ? verdict : matched.length);
      if (end <= start || isAllowed(start, end)) continue;
      found.push({ start, end, message: detector.message, ...(detector.severity ? { severity: detector.severity } : {}) });
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
