/**
 * SARIF `properties.tags` for each rule: what part of a plan it checks, so code scanning can filter
 * alerts (GitHub shows tags on each alert and in the rule filter).
 */
const tagsByRule: Record<string, readonly string[]> = {
  syntax: ['syntax'],
  'plan-header': ['plan-structure'],
  variant: ['plan-structure'],
  'session-count': ['plan-structure', 'ipt-model'],
  'phase-order': ['plan-structure', 'ipt-model'],
  'phase-coverage': ['plan-structure'],
  'phase-length': ['plan-structure', 'ipt-model'],
  'single-focus': ['ipt-model'],
  'focus-area': ['ipt-model'],
  'dispute-stage': ['ipt-model'],
  'initial-tasks': ['ipt-model'],
  'termination-tasks': ['ipt-model'],
  'goal-reference': ['goals'],
  technique: ['ipt-model'],
  task: ['ipt-model'],
  'measure-schedule': ['measurement'],
  'score-range': ['measurement'],
  'risk-assessment': ['safety'],
  phi: ['privacy'],
  'session-dates': ['schedule'],
  'session-status': ['measurement', 'schedule'],
  placeholder: ['completeness'],
  'unknown-value': ['vocabulary'],
  'unused-disable': ['suppressions'],
  'internal-error': ['tool-error'],
};

/** Tags for a rule: `ipt` first, then its topics (rules added later get `ipt` alone until listed). */
export function ruleTags(id: string): string[] {
  return ['ipt', ...(tagsByRule[id] ?? [])];
}
