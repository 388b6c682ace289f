/**
 * Hover on a `safety-plan` line's keyword: the six steps of the Stanley–Brown Safety Planning
 * Intervention [S73] [S94], what the plan's line must name at each risk level (what `risk-assessment`
 * checks), the crisis lines of the countries the tool serves, and what this plan's line says.
 */
import type { Risk } from '../language/ast.js';
import { decodeString } from '../rules/plan-queries.js';
import { safetyPlanContent } from '../rules/safety-plan-content.js';
import { needsSafetyPlan } from '../rules/safety-plans-needed.js';
import { sourcesLine } from './hover-sources.js';

const STEPS = [
  '**Warning signs** of a coming crisis: thoughts, images, moods, situations, behaviours.',
  '**Internal coping strategies**: things to do alone, without contacting anyone.',
  '**People and social settings** that distract from suicidal thoughts.',
  '**Family members or friends** who can help resolve the crisis, with their numbers.',
  '**Mental health professionals and agencies**: the clinician in and out of hours, a crisis line, urgent care or the emergency department.',
  '**Making the environment safe**: reducing access to lethal means, a plan for each means the client might use.',
];

/** The hover text: the steps, the requirement, and this plan's safety plan as the rule reads it. */
export function safetyPlanFacts(text: string, risk: Risk | undefined): string {
  const lines = [
    '**Safety plan** (Stanley–Brown Safety Planning Intervention)',
    '',
    "A written, prioritised list in the client's own words, worked through in order:",
    '',
    ...STEPS.map((step, i) => `${i + 1}. ${step}`),
    '',
    'Required at moderate and high risk. This line summarises the written plan: at high risk it names a professional or crisis contact and a step on lethal means; at moderate risk a professional or crisis contact. "Six-step safety plan" or "Stanley–Brown plan written" says the written plan has every step. Crisis lines: 988 (US), 9-8-8 (Canada), Samaritans 116 123 (UK and Ireland), Lifeline 13 11 14 (Australia). A no-suicide contract is not a safety plan.',
  ];
  if (risk && needsSafetyPlan(risk)) {
    const texts = risk.safetyPlans.flatMap((plan) => (plan.text ? [decodeString(text, plan.text.span).value] : []));
    const content = safetyPlanContent(texts);
    const mark = (present: boolean) => (present || content.complete ? 'yes' : 'not named');
    lines.push(
      '',
      content.complete
        ? `This plan's safety plan (${risk.level!.value} risk) says it is a complete structured plan.`
        : `This plan's safety plan (${risk.level!.value} risk): professional or crisis contact — ${mark(content.contact)}; lethal-means step — ${mark(content.lethalMeans)}.`,
    );
  }
  const cited = sourcesLine(['S73', 'S94', 'S97', 'S98', 'S99', 'S100', 'S103']);
  if (cited) lines.push('', cited);
  return lines.join('\n');
}
