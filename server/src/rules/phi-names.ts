/**
 * Names of people in plan text, for `phi`. HIPAA's Safe Harbor counts the names of the client's
 * relatives, employers and household members as identifiers, like the client's own [S104] [S105];
 * a plan names the people in the client's life by role ("husband", "aunt"), never by name. Three
 * detectors, each a linear-time candidate pattern checked in code against word lists:
 *
 * - a name after a relation word: "husband Daniel Okoro", "Aunt Maria", "her friend Kwame Mensah";
 * - a name after a title: "Mrs Okafor", "Mr. Reyes" (and "Dr Hughes", "Prof Lee", as information:
 *   Safe Harbor does not require removing a treating clinician's name, yet the role says as much);
 * - a capitalised first and last name anywhere: "Daniel Okoro", "Jordan A. Reyes".
 *
 * Precision first. A first name is one of ~8,400 given names (phi-name-lists.ts) plus the names below
 * from other cultures; a name that is also a common word ("Grace", "Will", "May", "Frank") counts as
 * a first name only before a surname that is not a common word ("Grace Okafor", never "Grace
 * Period"). Months, weekdays, festivals, places, instruments and services are never names, and a
 * pair followed by an institution word ("Mary Seacole Ward", "Victoria Road") is a place. In title
 * case a given name before a capitalised word is still reported: the name itself is the leak.
 *
 * The `clinician` and `supervisor` lines name the clinicians, not the client's people: they are
 * exempt (NAME_FREE_STATEMENTS, which a sign-off line joins when there is one). Comments are read
 * for names after relation words only: teams sign and address each other there.
 */
import type { Detector } from './phi-patterns.js';
import { COMMON_WORDS, GIVEN_NAMES } from './phi-name-lists.js';

/** Statements whose text names the clinicians, not the client's people: no name detection there. */
export const NAME_FREE_STATEMENTS: readonly string[] = ['clinician', 'supervisor'];

// ---------------------------------------------------------------- word lists

/**
 * Given names of the client populations the tool serves that the English lists miss: Irish, Māori
 * and Pacific, African, Arabic, South and East Asian, Hispanic and Eastern European names.
 */
const MORE_GIVEN_NAMES = `Aoife Niamh Saoirse Ciara Siobhan Sinead Roisin Orla Caoimhe Clodagh Grainne Deirdre Eimear Aisling Sorcha Una Eoin Cian
  Oisin Padraig Seamus Ciaran Darragh Cathal Colm Ronan Fionn Tadhg Donal Eamon Eamonn Declan Fergal Diarmuid Aroha Mere Wiremu Tane Hemi Ngaire
  Moana Sione Losa Mele Tevita Kwame Kofi Ama Akua Yaw Abena Kwabena Chidi Chinedu Ngozi Chioma Emeka Obinna Oluwaseun Tunde Femi Funmilayo Bola
  Adaeze Amara Nkechi Ifeoma Uchenna Thabo Sipho Thandiwe Zanele Lindiwe Themba Kagiso Wanjiru Wanjiku Kamau Otieno Achieng Akinyi Fatoumata
  Mamadou Aminata Ousmane Abdi Hodan Ayaan Hamza Mohammed Muhammad Mohamed Ahmed Ahmad Ali Omar Yusuf Youssef Ibrahim Khalid Hassan Hussein
  Mustafa Tariq Karim Fatima Aisha Ayesha Layla Leila Noor Nour Zainab Maryam Yasmin Amira Samira Huda Rania Salma Priya Anjali Aarav Arjun Rahul
  Rohan Vikram Sanjay Ravi Raj Amit Sunil Deepak Anil Pooja Neha Divya Kavya Lakshmi Meera Sunita Harpreet Gurpreet Jaspreet Manpreet Simran
  Navdeep Imran Asif Bilal Usman Zara Wei Jing Ming Xin Hui Hiroshi Yuki Haruto Sakura Akira Kenji Minh Anh Linh Thanh Huong Jae Alejandro Carlos
  Diego Javier Jorge Luis Miguel Rafael Santiago Sofia Valentina Camila Lucia Gabriela Ximena Guadalupe Marisol Esperanza Olena Oksana Natalia
  Svetlana Irina Dmitri Sergei Andrei Piotr Agnieszka Katarzyna Magdalena Tomasz Krzysztof Bogdan`;

/**
 * Given names that are also common words but are names first: "John" and "Maria" are in the
 * dictionary (a toilet, lunar seas), yet in a plan they are people.
 */
const NAMES_FIRST = `Abigail Alison Amelia Ana Ann Anna Barry Beth Betty Billie Billy Bobby Bonnie Carmen Carol Connie Corey Cory Danny Daphne Diane Dolly
  Donna Doris Emma Emmy Erica Gloria Hazel Heather Isabel Isabella Jane Jasmine Jean Jenny Jerry Jess Jesse Jessie Jill Joanna Joey Judy Juliet
  Kara Kelly Kyle Laura Lily Lou Lulu Madeleine Maggie Margarita Marge Maria Mary Matilda Maud Max Meg Minnie Molly Nancy Nellie Norma Pam Patty
  Peggy Phoebe Polly Rosemary Ruby Ruth Sally Sam Sammy Sean Sharon Shawn Sheila Stella Sylvia Teddy Terry Tiffany Tina Toby Tommy Tony Vanessa
  Vera Veronica Violet Wally Willie Alan Albert Alec Alexander Alfredo Barney Baxter Benedict Benjamin Brad Brent Carl Charlie Clarence Colin Craig
  Dan Denis Derrick Dexter Eric Franklin Fritz Gilbert Graham Gus Harry Hector Henry Jack Jake James Jasper Jeff Jimmy Joe John Johnny Joseph
  Josh Ken Lars Lionel Louis Luke Marc Marcel Martin Matt Maxwell Michael Mick Mickey Mike Milo Mitch Monty Morris Moses Murray Neal Ned Nelson
  Nick Noah Norman Oliver Paddy Patrick Paul Pedro Peter Ralph Rick Riley Roger Rory Rowan Saul Simon Spencer Steven Ted Timothy Tom Travis Troy
  Tyler Victor William Zack`;

/**
 * Never a person's name in a plan, though some are in the name lists: months, weekdays, seasons and
 * festivals; places that are also given names; instruments, services and help lines.
 */
const NEVER_NAMES = `January February March April May June July August September October November December Monday Tuesday Wednesday
  Thursday Friday Saturday Sunday Spring Summer Autumn Fall Winter Christmas Easter Hanukkah Chanukah Diwali Eid Ramadan Passover Thanksgiving
  Halloween Advent Lent Boxing Pentecost Whitsun Victoria Florence Sydney Adelaide Perth Brisbane Melbourne Hobart Darwin Canberra Austin Houston Dallas
  Denver Phoenix Orlando Lincoln Jackson Madison Charlotte Regina Kent Chester Preston Lancaster Kerry Clare Shannon Derry Galway Cork Jordan
  Georgia Virginia Carolina Dakota Indiana Florida Montana Savannah Brooklyn Chelsea Hampton Camden Devon Cornwall Brittany Lorraine Holland India
  Israel Paris London Dublin Belfast Cardiff Toronto Ottawa Calgary Edmonton Winnipeg Halifax Vancouver Quebec Montreal Auckland Wellington Hamilton
  Beck Edinburgh Stanley Beyond Samaritans Samaritan Lifeline Childline Shout Papyrus Pieta Jigsaw Headspace Kooth Trevor Crisis Patient Health
  Mood Feelings Kaiser`;

/** Words after a name pair that make it a place or an institution ("Mary Seacole Ward", "Victoria Road"). */
const PLACE_WORDS = `street st road rd avenue ave lane ln close drive dr crescent terrace boulevard way square gardens place row mews
  highway hwy motorway freeway expressway parkway bypass junction roundabout river creek lake beach bay island mountain mount valley hills forest
  hospital clinic centre center house college school university academy church chapel cathedral mosque temple synagogue trust foundation ward
  unit wing team service services group library hall park station airport bridge day night week weekend holiday eve fund society institute
  project programme program line helpline lifeline scale inventory questionnaire test method model plan syndrome disease disorder memorial
  stadium arena theatre theater cinema museum gallery market mall shop store cafe café restaurant pub hotel inn court county district`;

/** Words before a first name that make the pair a place or an institution ("St John Ambulance", "Lake Louise"). */
const PLACE_BEFORE = new Set(`st st. saint san santa los las mount mt lake port fort cape new north south east west upper lower great little
  king queen prince princess lord lady royal university college hospital clinic`.split(/\s+/));

/**
 * A name of a public or fictional figure, not of the client's people: a name before a word for a work
 * ("Taylor Swift songs", "a Harry Potter book") or after a verb for taking one in ("reads Harry Potter").
 */
const WORK_AFTER = new Set(`song songs music album albums concert concerts tour book books novel novels story stories film films movie movies
  series show shows episode episodes podcast podcasts video videos game games poster posters fan fans lyrics quote quotes biography recipe
  recipes cookbook programme program`.split(/\s+/));
const WORK_BEFORE = /\b(?:reads?|reading|read|watch(?:es|ed|ing)?|listen(?:s|ed|ing)? to|likes|loves|enjoys|fan of|quotes?|quoted|sings?|sang|plays?)[ \t\u00a0]{1,3}$/i;

/** Phrases that look like names and are not: the safety plan's authors, an instrument, a charity. */
const NOT_NAMES = new Set([
  'Stanley Brown', 'Father Christmas', 'Santa Claus', 'Mother Nature', 'Beyond Blue', 'Mary Poppins', 'Martin Luther', 'Guy Fawkes',
  'Alice Springs', 'Milton Keynes', 'Tim Hortons', 'Jack Daniels', 'Jack Daniel', 'Harvey Norman', 'David Jones',
]);

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The words of a front-coded list (see scripts/generate-name-lists.mjs): a digit, the shared prefix's length, starts each word. */
export function frontDecoded(coded: string): string[] {
  const result: string[] = [];
  let previous = '';
  let at = 0;
  while (at < coded.length) {
    const shared = coded.charCodeAt(at) - 48;
    let end = at + 1;
    while (end < coded.length && (coded.charCodeAt(end) < 48 || coded.charCodeAt(end) > 57)) end++;
    previous = previous.slice(0, shared) + coded.slice(at + 1, end);
    result.push(previous);
    at = end;
  }
  return result;
}

let lists: { given: Set<string>; namesFirst: Set<string>; never: Set<string>; placeWords: Set<string> } | undefined;
let common: Set<string> | undefined;

/** The word lists as sets, built on first use (tens of thousands of words; most plans never need them). */
function wordLists() {
  lists ??= {
    given: new Set([...frontDecoded(GIVEN_NAMES), ...words(MORE_GIVEN_NAMES)]),
    namesFirst: new Set(words(NAMES_FIRST)),
    never: new Set(words(NEVER_NAMES)),
    placeWords: new Set(words(PLACE_WORDS)),
  };
  return lists;
}

/** The common English words, built apart on first use: only a name that is also a word needs them. */
const isCommon = (word: string) => (common ??= new Set(frontDecoded(COMMON_WORDS))).has(word.toLowerCase());

/** A first name: a given name that is not a common word (unless a name first), nor never a name. */
function isFirstName(word: string): boolean {
  const { given, namesFirst, never } = wordLists();
  return given.has(word) && !never.has(word) && (namesFirst.has(word) || !isCommon(word));
}

/** A given name that is also a common word ("Grace", "Will"): a first name only before a real surname. */
function isWordLikeName(word: string): boolean {
  const { given, never } = wordLists();
  return given.has(word) && !never.has(word);
}

/** A surname: a capitalised word that is not a place or institution word and not never a name. */
function isSurname(word: string): boolean {
  const { never, placeWords } = wordLists();
  return !never.has(word) && !placeWords.has(word.toLowerCase());
}

const isPlaceWord = (word: string) => wordLists().placeWords.has(word.toLowerCase());

// ---------------------------------------------------------------- patterns

/** One capitalised name word: Okoro, O'Brien, McDonald, Anne-Marie (bounded, see phi-patterns.ts). */
const NAME = "(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]{1,30}(?:-[A-Z][a-z]{1,30})?";
const GAP = '[ \\t\\u00a0]{1,3}';
/** The end of a name, which may be possessive ("father Patrick's anniversary"): the `'s` is not reported. */
const POSSESSIVE = "(?:['’]s)?(?![\\w'’-])";
/** A middle initial: "Jordan A. Reyes". */
const INITIAL = `(?:[A-Z]\\.${GAP})?`;

/** People in the client's life, as clinicians write them (in lower case; a plural `s` is read too). */
const RELATIONS = new Set(
  `husband wife partner spouse fiancé fiancée fiance fiancee boyfriend girlfriend ex ex-husband ex-wife ex-partner mother father mum mom mam dad
  stepmother stepfather stepmum stepmom stepdad step-mother step-father son daughter stepson stepdaughter brother sister half-brother half-sister
  sibling twin aunt auntie aunty uncle niece nephew cousin grandmother grandfather grandma grandpa granny grandad granddad nan nana gran
  grandson granddaughter grandchild mother-in-law father-in-law sister-in-law brother-in-law son-in-law daughter-in-law friend flatmate roommate
  housemate neighbour neighbor boss manager colleague co-worker coworker employer landlord landlady teacher tutor coach carer caregiver guardian
  godmother godfather baby child kid`.split(/\s+/),
);

/**
 * A capitalised name after a word and a gap: the candidates for a name after a relation word, which
 * the check keeps when the word is one (a word and a Set lookup are cheaper than ninety alternatives
 * at every position). The word is a lookbehind and the surname a lookahead, so no candidate swallows
 * the next one ("Visit Sister Anna" still reaches "Sister Anna"). A sentence end between the word
 * and the name starts a new sentence, not a name.
 */
const RELATION_NAME = new RegExp(`(?<=[A-Za-zé]{2,20}(?:-[a-z]{2,10}){0,2},?${GAP}(?:(?:named|called)${GAP})?)(${NAME})(?=(?:${GAP}${NAME})?${POSSESSIVE})`, 'g');

/** The relation word just before a name at `start` ("husband ␣Daniel", "sisters, ␣Anna"), if there is one. */
function relationBefore(text: string, start: number): boolean {
  const match = /([A-Za-zé-]{2,40}),?[ \t\u00a0]{1,3}(?:(?:named|called)[ \t\u00a0]{1,3})?$/.exec(text.slice(Math.max(0, start - 60), start));
  if (!match) return false;
  const word = match[1].toLowerCase();
  return RELATIONS.has(word) || (word.endsWith('s') && RELATIONS.has(word.slice(0, -1)));
}

const TITLE_NAME = new RegExp(`(?<![\\w.'’-])(Mrs|Mr|Ms|Miss|Mx)\\.?${GAP}(${NAME})(?:${GAP}(${NAME}))?${POSSESSIVE}`, 'g');
const DOCTOR_NAME = new RegExp(`(?<![\\w.'’-])(?:Dr|Doctor|Prof|Professor)\\.?${GAP}(${NAME})(?:${GAP}(${NAME}))?${POSSESSIVE}`, 'g');

/** A first name with a following last name in a lookahead, so "With Daniel Okoro" still finds its pair. */
const FULL_NAME = new RegExp(`(?<![\\w'’.-])(${NAME})(?=${GAP}${INITIAL}(${NAME})${POSSESSIVE})`, 'g');

// ---------------------------------------------------------------- messages

export const NAME_MESSAGE =
  'This looks like the name of a person in the client\'s life. Names of relatives, friends, employers and household members identify the client as much as the client\'s own: write the relationship or role instead (e.g. "husband", "aunt", "manager"). If it is not a name, add the exact text to `phi.allow` in .iptrc.json.';
export const CLINICIAN_MESSAGE =
  'This looks like a clinician\'s name. A treating clinician\'s name need not be removed for de-identification, but the role says as much in a plan and cannot help identify the client: write it (e.g. "the GP", "the psychiatrist"). If it is not a name, add the exact text to `phi.allow` in .iptrc.json.';

// ---------------------------------------------------------------- detectors

/** The name word (and the middle initial before it) right after `from`: "␠Okoro", "␠A. Reyes". */
const NEXT_NAME = new RegExp(`^(${GAP}${INITIAL})(${NAME})${POSSESSIVE}`);
function nextName(text: string, from: number): { name: string; length: number } | undefined {
  const match = NEXT_NAME.exec(text.slice(from, from + 80));
  return match ? { name: match[2], length: match[1].length + match[2].length } : undefined;
}

/** "husband Daniel", "Aunt Maria Lopez", "friend Kwame Mensah": a name after a relation word. */
export const relationName: Detector = {
  mayMatch: /[a-zé],?[ \t\u00a0]{1,3}[A-Z]/,
  regex: RELATION_NAME,
  message: NAME_MESSAGE,
  accept: (first, text, start) => {
    if (!relationBefore(text, start)) return false;
    const second = nextName(text, start + first.length);
    if (second !== undefined && isPlaceWord(second.name)) return false;
    // A listed first name; a word-like or unlisted one only with a surname that is not a common word.
    if (isFirstName(first)) return first.length + (second !== undefined && isSurname(second.name) && !isCommon(second.name) ? second.length : 0);
    const couldBeName = isWordLikeName(first) || (!isCommon(first) && !wordLists().never.has(first) && !isPlaceWord(first));
    return couldBeName && second !== undefined && isSurname(second.name) && !isCommon(second.name) ? first.length + second.length : false;
  },
};

/** Title, name and, when it is a surname that is not a common word, the word after: the length to report. */
function titledLength(matched: string, text: string, start: number): number | false {
  const [, title, gap, name] = /^(\w+\.?)([ \t\u00a0]{1,3})([^ \t\u00a0'’]+)/.exec(matched) ?? [];
  if (!name || !isSurname(name)) return false;
  if (/^(?:Miss|Doctor|Professor)\.?$/.test(title) && isCommon(name)) return false;
  const end = title.length + gap.length + name.length;
  const second = nextName(text, start + end);
  return end + (second !== undefined && isSurname(second.name) && !isCommon(second.name) ? second.length : 0);
}

/** "Mrs Okafor", "Mr. Reyes", "Ms Ada Obi": a name after a title (after "Miss" only a word that is not a common word). */
export const titledName: Detector = {
  mayMatch: /\bM(?:rs?|s|iss|x)\b/,
  regex: TITLE_NAME,
  message: NAME_MESSAGE,
  accept: titledLength,
};

/** "Dr Hughes", "Prof. Lee": reported as information (a clinician's name, see CLINICIAN_MESSAGE). */
export const doctorName: Detector = {
  mayMatch: /\b(?:Dr|Doctor|Prof|Professor)\b/,
  regex: DOCTOR_NAME,
  message: CLINICIAN_MESSAGE,
  severity: 'info',
  accept: titledLength,
};

/** "Daniel Okoro", "Maria Lopez", "Jordan A. Reyes": a first name and a last name. */
export const fullName: Detector = {
  mayMatch: /[A-Za-z'’][ \t\u00a0]{1,3}(?:[A-Z]\.[ \t\u00a0]{1,3})?[A-Z]/,
  regex: FULL_NAME,
  message: NAME_MESSAGE,
  accept: (first, text, start) => {
    const second = nextName(text, start + first.length);
    if (!second || NOT_NAMES.has(`${first} ${second.name}`) || !isSurname(second.name)) return false;
    // "St John Ambulance", "Lake Louise": a place word before; "Mary Seacole Ward": one after.
    const before = /([\w.]+)[ \t\u00a0]{1,3}$/.exec(text.slice(Math.max(0, start - 20), start))?.[1].toLowerCase();
    if (before !== undefined && PLACE_BEFORE.has(before)) return false;
    const after = nextName(text, start + first.length + second.length);
    if (after !== undefined && isPlaceWord(after.name)) return false;
    const following = /^[ \t\u00a0]{1,3}([A-Za-z]+)/.exec(text.slice(start + first.length + second.length, start + first.length + second.length + 24))?.[1];
    if ((following !== undefined && WORK_AFTER.has(following.toLowerCase())) || WORK_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return false;
    if (!(isFirstName(first) || (isWordLikeName(first) && !isCommon(second.name)))) return false;
    return first.length + second.length;
  },
};

/**
 * Whether capitalised words can be a person's name at all: one of them is a first name, or a word
 * that is not a common English word ("Maria Lopez", "Lopez, Maria", "J. Okafor"; never "Role Play
 * With Mother" or "Frank Discussion About Ending").
 */
export function mayBeName(text: string): boolean {
  const parts = text.match(/[A-Z][A-Za-z'’-]*/g) ?? [];
  return parts.some((part) => isFirstName(part) || (part.length > 1 && !isCommon(part) && !wordLists().never.has(part)));
}

/**
 * What every text a name detector can match holds: a capital after a word and a gap ("husband
 * Daniel", "Mrs Okafor", "Mr. Reyes", "with Daniel Okoro"). Never narrower than the detectors' own
 * quick tests; most notes fail it and are done at once.
 */
export const MAY_HOLD_NAME = /[A-Za-z'’é,.][ \t\u00a0]{1,3}[A-Z]/;

/** The detectors for strings, and the one for comments (see the file comment). */
export const NAME_DETECTORS: readonly Detector[] = [relationName, titledName, doctorName, fullName];
export const COMMENT_NAME_DETECTORS: readonly Detector[] = [relationName];
