/** Small shared questions rules ask of a plan. */
import type { Header, Phase, PlanFile, Session } from '../language/ast.js';
import type { PhaseName } from '../language/catalogue-types.js';

export const PHASE_ORDER: readonly PhaseName[] = ['initial', 'middle', 'termination'];

/** The first header of a kind (`plan-header` reports duplicates). */
export function headerOf<K extends Header['kind']>(file: PlanFile, kind: K): Extract<Header, { kind: K }> | undefined {
  return file.plan?.headers.find((h): h is Extract<Header, { kind: K }> => h.kind === kind);
}

/** The first phase block with this name, if any (`phase-order` reports missing and repeated phases). */
export function phaseNamed(file: PlanFile, name: PhaseName): Phase | undefined {
  return file.phases.find((phase) => phase.name?.value === name);
}

/** The phase name a phase block declares when it is one of the three; undefined otherwise. */
export function phaseNameOf(phase: Phase): PhaseName | undefined {
  const name = phase.name?.value;
  return name === 'initial' || name === 'middle' || name === 'termination' ? name : undefined;
}

/** Every session entry with the phase block it is written in. */
export function* sessionsWithPhase(file: PlanFile): Generator<{ phase: Phase; session: Session }> {
  for (const phase of file.phases) for (const session of phase.sessions) yield { phase, session };
}

/** Length of a phase's declared range, e.g. `4-13` → 10; undefined when the range is missing. */
export function phaseLength(phase: Phase): number | undefined {
  return phase.range ? phase.range.last - phase.range.first + 1 : undefined;
}
