/**
 * How clinicians write each task in words, for `initial-tasks` and `termination-tasks`: a required
 * task counts as done when a session of the phase says so in its title or a note ("Revisit
 * formulation; early warning signs"), not only with a `task` line. A plan written before a task id
 * existed, or by someone who plans in prose, must not be told to add what it already says.
 *
 * Decided per task (docs/rules/initial-tasks.md and termination-tasks.md list the words):
 * - every built-in task that a variant requires, or that a project may require, has words here;
 * - the words are the task's own name and the phrases the IPT literature and clinicians use for it,
 *   specific enough that a title holding them is about that work (`inventory`, `formulation`,
 *   `sick role`, `warning signs`), never a word that merely appears in the same session (`mother`
 *   alone does not make an inventory);
 * - a word a task is satisfied by also counts for it (`closeness circle` in IPT-A's initial phase
 *   gives the inventory, as `task closeness-circle` does).
 *
 * Text is compared in lower case with hyphens, underscores and runs of spaces read as one space, so
 * "Sick-role", "sick role" and "sick  role" are the same words.
 */

const words = (source: string) => new RegExp(`(?<![a-z0-9])(?:${source})`, 'i');

/** A parent or carer, as clinicians name them in an IPT-A session ("mother joins", "with the carer"). */
const PARENT =
  "(?:parents?|parental|carers?|care ?givers?|guardians?|mother|father|mum|mom|mam|dad|step ?(?:mother|father|mum|mom|dad|parents?)|foster (?:parents?|carers?|mother|father|mum|mom|dad)|grand ?(?:parents?|mother|father)|grandm[ao]|grandpa|nan|nana|gran|granny|kinship carers?|family|joint session)(?![a-z])";

/** Phrases per task id. */
export const TASK_WORDS: Readonly<Record<string, RegExp>> = {
  // ------------------------------------------------------------ initial phase
  'symptom-review': words(
    'symptom|assess|diagnos|baseline|intake|review of (?:mood|depression)|(?:mood|depression) (?:review|check|rating)|remission|remitted|well since|euthymi',
  ),
  diagnosis: words('diagnos'),
  'sick-role': words(
    'sick role|psycho ?education|ipt model|how ipt works|(?:educat\\w*|information) (?:about|on) (?:depression|the illness)|depression (?:as an? (?:treatable |medical )?illness|explained|is an illness)|explain\\w* depression|medical model|not (?:the|their|his|her) fault',
  ),
  psychoeducation: words('psycho ?education|(?:educat\\w*|information) (?:about|on) (?:depression|the illness)'),
  'medication-review': words('medication|meds\\b|antidepressant|ssri|prescri|pharmaco'),
  'onset-review': words('onset|what changed|(?:life )?events (?:before|around|at) (?:the )?(?:onset|episode)'),
  'interpersonal-inventory': words(
    "inventory|(?:review of|map of|mapping) (?:the )?(?:key |important |close |current )?(?:relationships|people)|relationships? (?:review|map|mapping|history)|(?:key|important|close|significant) (?:relationships|people|others)|social network|support network|people in (?:her|his|their|the client's) life|closeness circle|circles? of closeness|concentric circles",
  ),
  'closeness-circle': words('closeness circle|circles? of closeness|concentric circles'),
  formulation: words('formulat|conceptuali|problem area|focus area|interpersonal focus|(?:agree\\w*|chose|choose|choosing|set|name\\w*|identif\\w*) (?:on )?(?:the |a )?focus|focus (?:agreed|chosen|named|set)'),
  'treatment-contract': words(
    '(?<!(?:suicide|harm|safety) )contract|treatment agreement|therapy agreement|time limit|time ?frame|(?:agree\\w*|set) (?:on )?(?:the )?(?:number of sessions|frequency|goals|focus|time limit)|(?:frequency|goals|focus) agreed|agreement on (?:goals|the focus|frequency|sessions)',
  ),
  'parent-involvement': words(PARENT),
  // ------------------------------------------------------------ any phase
  'risk-review': words('risk|suicid|safety plan'),
  'mood-event-review': words('mood and events|mood (?:and|\\+) event|since (?:the )?last session|how (?:things )?(?:have|has) (?:things )?been'),
  'warning-signs': words('warning signs?|early signs|signs of (?:relapse|recurrence|a new episode)|(?:relapse|recurrence) (?:signature|signs|indicators)|prodrom'),
  // ------------------------------------------------------------ termination phase
  'review-progress': words('progress|review (?:of )?(?:the )?(?:gains|goals|change|treatment|outcomes?)|gains|consolidat|outcome|look(?:ing)? back|what (?:has|have) changed'),
  'relapse-prevention': words('relapse|recurrence|warning signs?|early signs|staying well|stay well|keeping well|wellness plan|well being plan|wellbeing plan|maintain\\w* (?:the )?gains|setbacks?'),
  'discuss-ending': words('ending|end of (?:therapy|treatment|ipt|sessions)|termination|goodbye|good bye|farewell|final session|last session|closure|wrap up|graduat'),
  'maintenance-plan': words('maintenance|continuation|booster|follow up plan|further (?:treatment|sessions)'),
  'non-response-plan': words('non ?response|not responded|no response|alternative treatment|other treatment|step(?:ped)? up|referr'),
};

/** A session title or note as compared: lower case, hyphens and underscores as spaces, one space between words. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/[-_\u2010-\u2014]+/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
}
