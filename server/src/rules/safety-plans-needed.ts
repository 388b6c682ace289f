/**
 * The `safety-plan` lines of moderate and high risks: the safety plans a plan must have [S27] [S73].
 * `risk-assessment` judges what they say (a placeholder there is no safety plan, an error), so
 * `placeholder` leaves them alone: one mistake, one diagnostic.
 */
import type { PlanFile, Risk, SafetyPlan } from '../language/ast.js';

/** The risk levels that need a written safety plan. */
export const NEEDS_SAFETY_PLAN: ReadonlySet<string> = new Set(['moderate', 'high']);

/** True when this risk's level needs a safety plan. */
export function needsSafetyPlan(risk: Risk): boolean {
  return risk.level !== undefined && NEEDS_SAFETY_PLAN.has(risk.level.value);
}

/** The safety-plan lines of every risk whose level needs one. */
export function safetyPlansNeeded(file: PlanFile): Set<SafetyPlan> {
  return new Set(file.risks.filter(needsSafetyPlan).flatMap((risk) => risk.safetyPlans));
}
