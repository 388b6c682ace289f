/** Helpers for the plan-content rule tests. */
import { expect } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import type { Diagnostic } from '../../../server/src/language/diagnostic.js';

/**
 * The one diagnostic the whole analysis gives for a plan with one mistake in it, whatever the rule:
 * one mistake must give one diagnostic (LANGUAGE.md "How rules combine").
 */
export function onlyDiagnostic(text: string): Diagnostic {
  const diagnostics = analyse(text).diagnostics;
  expect(diagnostics.map((d) => `${d.rule}: ${d.message}`)).toHaveLength(1);
  return diagnostics[0];
}
