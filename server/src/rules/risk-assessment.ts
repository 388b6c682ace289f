/**
 * `risk-assessment`: Every plan records a suicide risk assessment [S27]; `moderate` or `high` risk
 * has a safety plan (Stanley–Brown Safety Planning Intervention) [S27] [S73] [S74]; "no-suicide
 * contract" wording is flagged, because such contracts are not effective and should not be used
 * [S27] [S73] (ipt-domain.md §7). An unknown risk level is `unknown-value`'s to report.
 *
 * What the safety plan says is checked for what must never be left out, not step by step (the line
 * summarises the written plan; a warning per missing step would fire on most sound plans): at high
 * risk a professional or crisis contact (an error without one) and a step on lethal means (a
 * warning); at moderate risk a professional or crisis contact (a warning). A plan that says it is a
 * complete structured one ("six-step safety plan", "Stanley–Brown plan written") counts as complete.
 * One diagnostic per safety plan, naming what is missing; a placeholder safety plan is an error here
 * (and `placeholder` leaves that string alone). The vocabulary is in safety-plan-content.ts.
 */
import type { PlanFile, Risk, Statement, Word } from '../language/ast.js';
import type { Severity } from '../language/diagnostic.js';
import type { Span } from '../language/span.js';
import { decodeString, stringWords } from './plan-queries.js';
import { firstPlaceholder } from './placeholder-text.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { hasSafetyPlanContent, safetyPlanContent } from './safety-plan-content.js';
import { NEEDS_SAFETY_PLAN } from './safety-plans-needed.js';

/** Names of no-suicide / no-harm contracts ("contract for safety", "safety contract", …). */
const NO_SUICIDE_CONTRACT =
  /\bno[- ]?(?:self[- ]?)?(?:suicide|harm|self[- ]?harm)[- ](?:contracts?|agreements?|pacts?)\b|\bcontract(?:s|ed|ing)? for safety\b|\bsafety contract(?:s|ed|ing)?\b|\bcontract(?:s|ed|ing)? (?:against|not to) (?:suicide|self[- ]?harm|harm)\b|\bsuicide(?:[- ]prevention)? contracts?\b/gi;

/**
 * Words in the same clause that say the contract is NOT being used ("safety plan instead of a
 * no-suicide contract"): flagging those would be a false alarm.
 */
const NEGATION = /\b(?:not|never|instead of|rather than|without|avoid\w*|declin\w*|replac\w*|in place of|no longer|ineffective)\b/i;

export default {
  id: 'risk-assessment',
  defaultSeverity: 'error',
  description:
    'A `risk` statement exists; moderate or high risk has a `safety-plan` that names a professional or crisis contact (and, at high risk, a step on lethal means); "no-suicide contract" wording is flagged.',
  docsUrl: docsUrl('risk-assessment'),
  scope: 'plan',
  check(ctx) {
    const risks = ctx.file.risks;
    if (risks.length === 0) {
      ctx.report({
        span: planAnchor(ctx.file, ctx.text),
        message:
          'The plan records no suicide risk assessment. Assess suicide risk at the start of treatment and record it after the header, e.g. `risk low "Passive thoughts of death; no plan or intent"`, with a `safety-plan` line when risk is present.',
      });
    }
    for (const risk of risks) {
      const level = risk.level;
      if (!level || !NEEDS_SAFETY_PLAN.has(level.value) || risk.safetyPlans.length > 0) continue;
      ctx.report({
        span: level.span,
        message: `${level.value === 'high' ? 'High' : 'Moderate'} suicide risk needs a written safety plan. Add a \`safety-plan "…"\` line under this risk: warning signs, coping steps, people and places, professional and crisis contacts (e.g. 988), and making lethal means less available.`,
      });
    }
    const contractOnly = checkContractWording(ctx);
    for (const risk of risks) checkSafetyPlanContent(ctx, risk, contractOnly);
  },
} satisfies Rule;

/** Who to call, for the messages: the service, a crisis line in each country, the emergency number. */
const CONTACT_ADVICE =
  'add who to call when the earlier steps do not help: the clinician or service (in and out of hours), a crisis line (988 in the US and Canada, Samaritans 116 123 in the UK and Ireland, Lifeline 13 11 14 in Australia) and the emergency number or department';
const MEANS_ADVICE = 'add how access to the means the client might use is reduced (e.g. "tablets kept by partner", "firearm stored off-site")';
const SAY_SO = 'If the written plan already has this, say so in this line (e.g. "Stanley–Brown plan written; crisis line 988").';

/**
 * What a moderate or high risk's safety plan says: one diagnostic naming what is missing (a contact;
 * at high risk a lethal-means step) or that it is still a placeholder. A safety plan that is only a
 * no-suicide contract was reported by the contract check.
 */
function checkSafetyPlanContent(ctx: RuleContext, risk: Risk, contractOnly: ReadonlyMap<Statement, string>): void {
  const level = risk.level?.value;
  if (!level || !NEEDS_SAFETY_PLAN.has(level)) return;
  const plans = risk.safetyPlans.filter((plan) => plan.text !== undefined && !contractOnly.has(plan));
  if (plans.length === 0) return;
  const texts = plans.map((plan) => decodeString(ctx.text, plan.text!.span));
  const at = { start: texts[0].offsets[0], end: texts[0].offsets[texts[0].value.length] };

  // A placeholder: the whole plan when nothing else in it is a safety plan's content.
  const placeholderIndex = texts.findIndex((text) => firstPlaceholder(text.value) !== undefined);
  const placeholder = placeholderIndex < 0 ? undefined : { ...firstPlaceholder(texts[placeholderIndex].value)!, text: texts[placeholderIndex] };
  const placeholderWords = placeholder && placeholder.text.value.slice(placeholder.start, placeholder.end);
  const placeholderSpan = placeholder && { start: placeholder.text.offsets[placeholder.start], end: placeholder.text.offsets[placeholder.end] };
  if (placeholderSpan && !texts.some((text) => hasSafetyPlanContent(withoutPlaceholders(text.value)))) {
    ctx.report({
      span: placeholderSpan,
      message: `This safety plan is still a placeholder (\`${placeholderWords}\`), and at ${level} risk a placeholder is no safety plan. Write the Stanley–Brown safety plan here: warning signs, coping steps, people and places, professional and crisis contacts (e.g. 988), and making lethal means less available.`,
    });
    return;
  }

  // A clause still holding a placeholder ("lethal means TBC") is not done yet.
  const content = safetyPlanContent(texts.map((text) => finishedClauses(text.value)));
  const noContact = !content.complete && !content.contact;
  const noMeans = !content.complete && level === 'high' && !content.lethalMeans;
  if (!noContact && !noMeans && !placeholder) return;
  let severity: Severity = 'warning';
  let message: string;
  if (noContact && noMeans) {
    severity = 'error';
    message = `At high risk the safety plan must name a professional or crisis contact and have a step on lethal means, and this one has neither: ${CONTACT_ADVICE}; and ${MEANS_ADVICE}. ${SAY_SO}`;
  } else if (noContact) {
    severity = level === 'high' ? 'error' : 'warning';
    message = `${level === 'high' ? 'At high risk the safety plan must name a professional or crisis contact, and this one names none' : 'This safety plan names no professional or crisis contact'}: ${CONTACT_ADVICE}. ${SAY_SO}`;
  } else if (noMeans) {
    message = `This high-risk safety plan has no step on lethal means: ${MEANS_ADVICE}. ${SAY_SO}`;
  } else {
    message = `This safety plan is unfinished (\`${placeholderWords}\`): write the missing part before the plan is used.`;
  }
  if (placeholder && (noContact || noMeans)) message += ` It is also unfinished (\`${placeholderWords}\`): write the rest before the plan is used.`;
  ctx.report({ span: placeholderSpan && !noContact && !noMeans ? placeholderSpan : at, severity, message });
}

/** The clauses of a safety plan that hold no placeholder. */
function finishedClauses(value: string): string {
  return value
    .split(/(?<=[;.\n])/)
    .filter((clause) => firstPlaceholder(clause) === undefined)
    .join('');
}

/** A string without its placeholder words and ellipses, to see what else it says. */
function withoutPlaceholders(value: string): string {
  return value.replace(/\b(?:TODO|TBD|TBC|FIXME|XXX)\b|…|\.{3,}/g, ' ');
}

/** Every name NO_SUICIDE_CONTRACT matches holds one of these words: a quick test before the full pattern. */
const CONTRACT_WORD = /contract|agreement|pact/i;

/** A found contract name with where it is in the decoded string. */
interface ContractWording {
  word: Word;
  statement: Statement;
  start: number;
  end: number;
  value: string;
  offsets: ArrayLike<number>;
}

/** Reports no-suicide contract wording; returns the safety-plan lines that are nothing but a contract (reported as errors). */
function checkContractWording(ctx: RuleContext): Map<Statement, string> {
  const found: ContractWording[] = [];
  for (const { word, statement } of stringWords(ctx.file)) {
    // The escapes `\"` and `\\` cannot split these words, so the raw text answers the quick test.
    if (!CONTRACT_WORD.test(ctx.text.slice(word.span.start, word.span.end))) continue;
    const { value, offsets } = decodeString(ctx.text, word.span);
    const isNegated = negationTest(value);
    for (const match of value.matchAll(NO_SUICIDE_CONTRACT)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (!isNegated(start, end)) found.push({ word, statement, start, end, value, offsets });
    }
  }
  const contractOnly = contractOnlySafetyPlans(ctx, found);
  for (const wording of found) {
    const { start, end, value, offsets } = wording;
    const level = contractOnly.get(wording.statement);
    const words = value.slice(start, end);
    ctx.report({
      span: { start: offsets[start], end: offsets[end] },
      severity: level ? 'error' : 'warning',
      message: level
        ? `"${words}" is the whole safety plan, and a no-suicide contract is in effect no safety plan: at ${level} risk the plan needs a real one. Write a Stanley–Brown safety plan in this \`safety-plan\` line: warning signs, coping steps, people and places, professional and crisis contacts (e.g. 988), and making lethal means less available.`
        : `"${words}": no-suicide contracts do not prevent suicide and should not be used. Replace it with a Stanley–Brown safety plan (warning signs, coping steps, contacts, crisis line, lethal-means safety) in a \`safety-plan\` line.`,
    });
  }
  return contractOnly;
}

/**
 * The safety-plan lines of moderate or high risks that hold a no-suicide contract and nothing of a
 * real safety plan, when the risk has no other safety-plan line: the risk is then in effect without
 * a safety plan, which is an error like a missing one. Each maps to its risk level.
 */
function contractOnlySafetyPlans(ctx: RuleContext, found: readonly ContractWording[]): Map<Statement, string> {
  const result = new Map<Statement, string>();
  for (const risk of ctx.file.risks) {
    const level = risk.level?.value;
    if (!level || !NEEDS_SAFETY_PLAN.has(level) || risk.safetyPlans.length === 0) continue;
    const onlyContract = risk.safetyPlans.every((plan) => {
      const wordings = found.filter((wording) => wording.statement === plan);
      if (wordings.length === 0) return false;
      // The line without its contract words, built in one pass (a line may hold thousands of them).
      const value = wordings[0].value;
      const parts: string[] = [];
      let from = 0;
      for (const { start, end } of wordings) {
        parts.push(value.slice(from, start));
        from = end;
      }
      parts.push(value.slice(from));
      return !hasSafetyPlanContent(parts.join(' '));
    });
    if (onlyContract) for (const plan of risk.safetyPlans) result.set(plan, level);
  }
  return result;
}

/**
 * A test "does the clause around [start, end) say the contract is not used?". The clause runs between
 * the nearest `;`, `.` or `,` on either side; the negation words are found once per string, so a
 * string with thousands of matches is still read in linear time (one binary search per match).
 */
function negationTest(value: string): (start: number, end: number) => boolean {
  const breaks = [...value.matchAll(/[;.,]/g)].map((match) => match.index ?? 0);
  const negations = [...value.matchAll(NEGATION_ALL)].map((match) => ({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length }));
  if (negations.length === 0) return () => false;
  const negationStarts = negations.map((n) => n.start);
  return (start, end) => {
    const before = breaks[lastIndexBelow(breaks, start)] ?? -1;
    const afterIndex = lastIndexBelow(breaks, end) + 1;
    const after = breaks[afterIndex] ?? value.length;
    // A negation inside the clause but outside the contract words themselves ("contract not to harm").
    const from = firstIndexAtLeast(negationStarts, before + 1);
    for (let i = from; i < negations.length && negations[i].start < after; i++) {
      const n = negations[i];
      if (n.end <= start || n.start >= end) return true;
    }
    return false;
  };
}

const NEGATION_ALL = new RegExp(NEGATION.source, 'gi');

/** Index of the last value below `limit` in an ascending list (-1 when none). */
function lastIndexBelow(sorted: readonly number[], limit: number): number {
  return firstIndexAtLeast(sorted, limit) - 1;
}

/** Index of the first value at least `limit` in an ascending list (its length when none). */
function firstIndexAtLeast(sorted: readonly number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The `plan` line, or the first line with text when the file has none. */
function planAnchor(file: PlanFile, text: string): Span {
  if (file.plan) return file.plan.span;
  const match = /\S[^\r\n]*/.exec(text);
  return match ? { start: match.index, end: match.index + match[0].trimEnd().length } : { start: 0, end: 0 };
}
