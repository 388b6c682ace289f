/** Every rule, in the order of LANGUAGE.md's table. `syntax` and `unused-disable` are produced by the engine. */
import type { Rule } from './rule.js';
import { docsUrl } from './rule.js';
import planHeader from './plan-header.js';
import variant from './variant.js';
import sessionCount from './session-count.js';
import phaseOrder from './phase-order.js';
import phaseCoverage from './phase-coverage.js';
import phaseLength from './phase-length.js';
import singleFocus from './single-focus.js';
import focusArea from './focus-area.js';
import disputeStage from './dispute-stage.js';
import initialTasks from './initial-tasks.js';
import terminationTasks from './termination-tasks.js';
import goalReference from './goal-reference.js';
import technique from './technique.js';
import task from './task.js';
import measureSchedule from './measure-schedule.js';
import scoreRange from './score-range.js';
import riskAssessment from './risk-assessment.js';
import phi from './phi.js';
import sessionDates from './session-dates.js';
import sessionStatus from './session-status.js';
import placeholder from './placeholder.js';
import unknownValue from './unknown-value.js';

/** Reported by the parser; cannot be disabled. */
export const syntaxRule: Rule = {
  id: 'syntax',
  defaultSeverity: 'error',
  description: 'The plan can be read: every line is a known statement with its parts, in a place it may stand.',
  docsUrl: docsUrl('syntax'),
  scope: 'statement',
  check() {
    // The parser reports syntax errors; see language/parser.ts.
  },
};

/** Reported by the suppression pass; see suppressions.ts. */
export const unusedDisableRule: Rule = {
  id: 'unused-disable',
  defaultSeverity: 'warning',
  description: 'An inline `ipt-disable` directive suppresses at least one diagnostic.',
  docsUrl: docsUrl('unused-disable'),
  scope: 'statement',
  check() {
    // Computed after all rules ran; see suppressions.ts.
  },
};

/** Reported when a rule itself fails: the other rules still run. */
export const internalErrorRule: Rule = {
  id: 'internal-error',
  defaultSeverity: 'error',
  description: 'A rule failed while checking this plan; please report it with the plan (without identifying data).',
  docsUrl: docsUrl('internal-error'),
  scope: 'statement',
  check() {
    // Produced by the engine when a rule throws.
  },
};

/** The semantic rules the engine runs, in table order. */
export const semanticRules: Rule[] = [
  planHeader,
  variant,
  sessionCount,
  phaseOrder,
  phaseCoverage,
  phaseLength,
  singleFocus,
  focusArea,
  disputeStage,
  initialTasks,
  terminationTasks,
  goalReference,
  technique,
  task,
  measureSchedule,
  scoreRange,
  riskAssessment,
  phi,
  sessionDates,
  sessionStatus,
  placeholder,
  unknownValue,
];

/** Every rule with metadata, in LANGUAGE.md's table order (for `ipt rules`, SARIF and docs). */
export const allRules: Rule[] = [syntaxRule, ...semanticRules, unusedDisableRule, internalErrorRule];

const byId = new Map(allRules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
