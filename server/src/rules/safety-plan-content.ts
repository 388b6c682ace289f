/**
 * What a `safety-plan` line says, for `risk-assessment`: whether it claims a complete structured
 * safety plan, names a professional or crisis contact (Stanley–Brown step 5), and has a step on
 * lethal means (step 6) [S73] [S94] [S96] [S97]. The line is a summary of the written safety plan, so
 * only what must never be left out is looked for, in the words clinicians use in the US, Canada, the
 * UK, Ireland and Australia: crisis lines by name or number [S98] [S99] [S100] [S101] [S102] [S103],
 * the services and professionals people are told to call, and the means and what is done about them.
 *
 * Precision first: these lists are broad on purpose (a safety plan that names its contacts in words
 * this file does not know would be a false alarm), and test/fixtures/clinician-corpus measures them.
 * Each pattern is a list of alternatives between word boundaries, with bounded gaps, so it runs in
 * linear time. Text is read in lower case with curly quotes and dashes made plain.
 */

/** A safety plan that says it is complete and structured: then each part is taken as written in it. */
const COMPLETE = new RegExp(
  [
    // "Six-step safety plan", "6 step plan", "all six steps completed"
    '\\b(?:six|6)[ -]?steps?\\b',
    // "Stanley–Brown plan written", "Stanley Brown template", "SPI completed"
    '\\bstanley[ -]?(?:and |& )?brown\\b',
    '\\bsafety planning intervention\\b',
    '\\bspi\\b',
    '\\bva safety plan\\b',
    // "full safety plan completed", "comprehensive written safety plan"
    '\\b(?:full|completed|comprehensive|structured|standard|formal|detailed)(?: written| personal| collaborative)? safety plan\\b',
    // "safety plan (fully) completed", "safety plan complete"
    '\\bsafety plan (?:was |is |has been |fully |now )*(?:completed?|finished)\\b',
  ].join('|'),
);

/** Words that make a claim of completeness a plan for later ("full safety plan to be written next session"). */
const NOT_YET = /\b(?:to be|will|shall|pending|planned|next session|not yet|outstanding|incomplete|partial|draft|started|begun|in progress|to do|to complete|to write|to finish|tbc|tbd|todo)\b/;

/**
 * Step 5: a professional, a service or a crisis line. Numbers are the crisis and emergency lines of
 * the five countries (988, 9-8-8, 911, 999, 112, 000, 111, 116 123, 85258, 741741, 50808, 13 11 14,
 * 1300 659 467 …) and organisations' numbers (UK 03 and 08, US toll-free, Australian and Irish 1300
 * and 1800). A person's number ("call sister on …") is step 4, not this.
 */
const CONTACT = new RegExp(
  [
    // Crisis and help lines by kind
    '\\bcrisis\\b',
    '\\b(?:help|hot|life|warm|talk|text|phone|support|suicide|advice|info)[ -]?lines?\\b',
    '\\bsuicide (?:prevention|call ?back)\\b',
    '\\bcall ?back service\\b',
    // Lines and services by name
    '\\b(?:samaritans|shout|papyrus|hopeline(?:uk)?|childline|kids help ?(?:line|phone)|lifeline|beyond blue|headspace|pieta|jigsaw|trevor project|befrienders|veterans? crisis|crisis text|talk suicide|988 lifeline|nightline|breathing space|nhs ?24|health ?line|youth ?line|mens ?line|qlife|1737|distress (?:centre|center|line)|good2talk)\\b',
    // Emergency and urgent care
    '\\b(?:a ?& ?e|a and e|ed|er|e\\.d\\.|casualty|urgent care|urgent treatment|walk[ -]in (?:centre|center|clinic)|ambulance|paramedics?|police|mobile crisis|safe haven|crisis caf[eé]|sanctuary)\\b',
    '\\bemergency (?:department|dept|room|services?|number|line|team|care|ward|unit|doctor|gp|appointment|assessment)\\b',
    '\\b(?:go|goes|going|attend\\w*|present\\w*|take\\w*|taken|bring|brought|come|comes) to (?:the )?(?:nearest |local )?(?:emergency|hospital|ed|er|a ?& ?e|casualty)\\b',
    // NHS and other services
    '\\bnhs ?111\\b',
    '\\b(?:camhs|cmht|cahms|htt|catt|acis|eit|iapt|hse|cmhs|mhst|pcmhs|dbt team|community mental health|mental health (?:team|service|services|line|nurse|worker|clinic|unit|access|support|professional|practitioner)|home treatment|acute (?:care|response|team)|crisis resolution|liaison (?:team|psychiatry|nurse)|duty (?:team|worker|clinician|psychiatrist|line|desk|system|officer)|on[ -]call|out[ -]of[ -]hours|after[ -]hours|afterhours|access team|triage|single point of access|the service|our service|this service|the clinic|our clinic)\\b',
    // Professionals and places of care
    '\\b(?:my office|this office|our office|gp|g\\.p\\.|family doctor|doctor|dr|physician|pcp|primary care|psychiatrist|psychologist|psychotherapist|therapist|counsell?or|clinician|care ?co-?ordinator|cpn|case ?manager|key ?worker|social worker|nurse|midwife|midwives|health visitor|school (?:counsell?or|nurse|psychologist|wellbeing|well-being)|pastoral (?:care|team|lead)|practitioner|clinic|provider|team|hospital|ward|psych|prescriber|pharmacist)\\b',
    // Crisis and emergency numbers
    '(?<![\\d,.-])(?:988|9-8-8|911|999|112|111|000|116 ?123|116 ?111|85258|741741|50808|686868|13 ?11 ?14|1300 ?659 ?467|1800 ?55 ?1800|0800 ?1111|1800 ?247 ?247|1-?833-?456-?4566|1-?800-?273-?(?:8255|talk)|1-?800-?suicide)(?![\\d])',
    // Organisations' numbers: UK 03xx and 080x, US toll-free 1-8xx, Australian and Irish 1300 and 1800
    '(?<![\\d-])(?:0(?:3\\d\\d|80\\d)|1[ -]?8(?:00|33|44|55|66|77|88)|1300|1800)[ -]?\\d',
  ].join('|'),
);

/** Lethal means named outright, or step 6 by its template name ("making the environment safe"). */
const MEANS_PHRASE = new RegExp(
  [
    '\\b(?:lethal|suicid\\w*) means\\b',
    '\\bmeans (?:safety|restriction|reduction|counsell?ing|removal|removed|secured|restricted|reduced|addressed|discussed|agreed|plan)\\b',
    '\\b(?:access to|restrict\\w* access|reduc\\w* access|limit\\w* access|no access)\\b[^;.]{0,40}\\b(?:means|methods?|firearms?|guns?|weapons?|medications?|medicines?|meds|tablets|pills|drugs|knives|blades|razors|ligatures?|sharps)\\b',
    '\\b(?:environment|home|house|room|flat|apartment) (?:made |kept |is |was )?safe(?:r)?\\b',
    '\\bmak\\w* (?:the )?(?:environment|home|house|room) safe(?:r)?\\b',
    '\\bsafe(?:r)? (?:environment|home|storage)\\b',
    '\\b(?:gun|firearms?|weapons?|medication|medicine|pill) (?:safe|lock|lockbox|lock box|cabinet|locker)\\b',
    '\\b(?:lock ?box|locked box|locked cabinet|trigger lock|cable lock)\\b',
    '\\b(?:blister pack\\w*|dosette|webster[ -]?pak|weekly (?:dispens\\w*|supply|prescriptions?|scripts?)|dispensed (?:weekly|daily)|small(?:er)? (?:supplies|supply|quantities|amounts))\\b',
    '\\bno (?:firearms?|guns?|weapons?|stockpiles?|stockpiled \\w+)\\b',
    // "gives one week at a time", "a day's supply at a time"
    "\\b(?:a|one|two|1|2) (?:week|day|dose)(?:'s|s')?(?: supply| worth)? at a time\\b",
    "\\b(?:\\d{1,2}|seven|fourteen) days?(?:'s|s')? (?:supply|of (?:medication|medicines|tablets|pills))\\b",
  ].join('|'),
);

/** What can be used to end a life… */
const MEANS_ITEM =
  /\b(?:firearms?|guns?|rifles?|shotguns?|pistols?|handguns?|weapons?|ammunition|ammo|medications?|medicines?|meds|tablets|pills|prescriptions?|paracetamol|acetaminophen|tylenol|painkillers|analgesics|insulin|overdose|drugs|knives|knife|blades?|razors?|sharps|sharp objects|ligatures?|cords?|belts?|ropes?|chemicals?|pesticides?|poisons?|car keys)\b/g;
/** …and what is done about it, close by in the same clause ("tablets kept by partner", "firearm, stored elsewhere"). */
const MEANS_ACTION =
  /\b(?:lock\w*|remov\w*|stor\w*|kept|keep\w*(?! (?:taking|using|on|going|up|busy|active|doing))|hold\w*|held|secur\w*|safe\w*|away|dispos\w*|return\w*|limit\w*|restrict\w*|reduc\w*|dispens\w*|hand\w* (?:over|in)|(?:given|gave|handed|passed|taken|took) (?:over )?to|prescribed (?:weekly|daily|in small amounts)|taken out|cleared|got rid|get rid|supervis\w*|off[ -]site|elsewhere|out of (?:the )?(?:house|home)|no access|without access|not (?:kept )?(?:at|in the) home|none (?:at|in the) home|search\w*|(?:by|with|at) (?:her |his |their |a |the )?(?:partner|husband|wife|spouse|parents?|mother|father|mum|mom|dad|sister|brother|friend|neighbou?r|son|daughter|carer|family|pharmacy|pharmacist|police)(?:'s)?)\b/g;
/** How near (in characters) a means and what is done about it must stand. */
const MEANS_NEAR = 60;

export interface SafetyPlanContent {
  /** It says it is a complete structured plan ("six-step safety plan", "Stanley–Brown plan written"). */
  complete: boolean;
  /** It names a professional, a service, or a crisis or emergency line. */
  contact: boolean;
  /** It has a step on lethal means. */
  lethalMeans: boolean;
}

/** What a safety plan's text says (several `safety-plan` lines are read as one plan). */
export function safetyPlanContent(texts: readonly string[]): SafetyPlanContent {
  const text = texts.map(plain).join('; ');
  return {
    complete: claimsComplete(text),
    contact: CONTACT.test(text),
    lethalMeans: MEANS_PHRASE.test(text) || meansWithAction(text),
  };
}

/** A claim of a complete plan, in a clause that does not put it off until later. */
function claimsComplete(text: string): boolean {
  return text.split(/[;.\n]/).some((clause) => COMPLETE.test(clause) && !NOT_YET.test(clause));
}

/** A means and what is done about it within MEANS_NEAR characters, with no `;` or `.` between them. */
function meansWithAction(text: string): boolean {
  const items = [...text.matchAll(MEANS_ITEM)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (items.length === 0) return false;
  const actions = [...text.matchAll(MEANS_ACTION)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // Both lists are in text order: one sweep pairs each action with the items near it.
  let first = 0;
  for (const action of actions) {
    while (first < items.length && items[first].end < action.start - MEANS_NEAR) first++;
    for (let i = first; i < items.length && items[i].start <= action.end + MEANS_NEAR; i++) {
      const from = Math.min(items[i].end, action.end);
      const to = Math.max(items[i].start, action.start);
      if (!/[;.\n]/.test(text.slice(from, to))) return true;
    }
  }
  return false;
}

/** Any word of a real safety plan at all (a line without one is empty, a placeholder or a contract). */
export function hasSafetyPlanContent(text: string): boolean {
  const content = safetyPlanContent([text]);
  return content.complete || content.contact || content.lethalMeans || STEP_WORDS.test(plain(text));
}

/** Steps 1–4 by the words clinicians use: warning signs, coping, distraction, people to ask for help. */
const STEP_WORDS =
  /\b(?:warning signs?|triggers?|coping|cope|distract\w*|reasons? for living|reasons to live|contacts?|friends?|family|partner|husband|wife|parents?|mother|father|mum|mom|dad|sister|brother|neighbou?r|people|person|places?|call|text|phone|numbers?|plan (?:agreed|written|made|reviewed|shared|given|on))\b/;

function plain(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u2010-\u2015]/g, '-');
}
