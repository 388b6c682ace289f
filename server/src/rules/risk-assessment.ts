/**
 * `risk-assessment`: Every plan records a suicide risk assessment [S27]; `moderate` or `high` risk
 * has a safety plan (Stanley–Brown Safety Planning Intervention) [S27] [S73] [S74]; "no-suicide
 * contract" wording is flagged, because such contracts are not effective and should not be used
 * [S27] [S73] (ipt-domain.md §7). An unknown risk level is `unknown-value`'s to report.
 */
import type { PlanFile } from '../language/ast.js';
import type { Span } from '../language/span.js';
import { decodeString, stringWords } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';

const NEEDS_SAFETY_PLAN: ReadonlySet<string> = new Set(['moderate', 'high']);

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
  description: 'A `risk` statement exists; moderate or high risk has a `safety-plan`; "no-suicide contract" wording is flagged.',
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
    checkContractWording(ctx);
  },
} satisfies Rule;

/** Every name NO_SUICIDE_CONTRACT matches holds one of these words: a quick test before the full pattern. */
const CONTRACT_WORD = /contract|agreement|pact/i;

function checkContractWording(ctx: RuleContext): void {
  for (const { word } of stringWords(ctx.file)) {
    // The escapes `\"` and `\\` cannot split these words, so the raw text answers the quick test.
    if (!CONTRACT_WORD.test(ctx.text.slice(word.span.start, word.span.end))) continue;
    const { value, offsets } = decodeString(ctx.text, word.span);
    for (const match of value.matchAll(NO_SUICIDE_CONTRACT)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (negated(value, start, end)) continue;
      ctx.report({
        span: { start: offsets[start], end: offsets[end] },
        severity: 'warning',
        message: `"${match[0]}": no-suicide contracts do not prevent suicide and should not be used. Replace it with a Stanley–Brown safety plan (warning signs, coping steps, contacts, crisis line, lethal-means safety) in a \`safety-plan\` line.`,
      });
    }
  }
}

/** True when the clause holding the match says the contract is not used. */
function negated(value: string, start: number, end: number): boolean {
  const clauseStart = Math.max(value.lastIndexOf(';', start), value.lastIndexOf('.', start - 1), value.lastIndexOf(',', start)) + 1;
  const tail = value.slice(end);
  const clauseEndRelative = tail.search(/[;.,]/);
  const clauseEnd = clauseEndRelative < 0 ? value.length : end + clauseEndRelative;
  const clause = value.slice(clauseStart, start) + ' ' + value.slice(end, clauseEnd);
  return NEGATION.test(clause);
}

/** The `plan` line, or the first line with text when the file has none. */
function planAnchor(file: PlanFile, text: string): Span {
  if (file.plan) return file.plan.span;
  const match = /\S[^\r\n]*/.exec(text);
  return match ? { start: match.index, end: match.index + match[0].trimEnd().length } : { start: 0, end: 0 };
}
