/** `phase-length`: Initial and termination lengths within the variant's bounds; middle longer than termination. */
import type { Phase } from '../language/ast.js';
import type { VariantEntry } from '../language/catalogue-types.js';
import { phaseLength } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { cadenceFitsVariant, numbersText, phaseRangesContiguous, trustedTotal, uniquePhase, variantName } from './structure-queries.js';

export default {
  id: 'phase-length',
  defaultSeverity: 'warning',
  description: "Initial and termination lengths within the variant's bounds; middle longer than termination.",
  docsUrl: docsUrl('phase-length'),
  scope: 'plan',
  check(ctx) {
    // A missing phase is `phase-order`'s to report; a gap, overlap or backwards range is `phase-coverage`'s.
    if (!phaseRangesContiguous(ctx.file.phases, trustedTotal(ctx))) return;
    const lengthOf = (phase: Phase | undefined) => {
      const length = phase ? phaseLength(phase) : undefined;
      return length !== undefined && length >= 1 ? length : undefined;
    };
    const initial = uniquePhase(ctx.file, 'initial');
    const middle = uniquePhase(ctx.file, 'middle');
    const termination = uniquePhase(ctx.file, 'termination');
    const initialLength = lengthOf(initial);
    const middleLength = lengthOf(middle);
    const terminationLength = lengthOf(termination);
    // A total outside the variant's range (`session-count` reports it) or a cadence it does not allow
    // (`variant` reports it) may mean the variant is the wrong one: then its bounds are not applied either.
    const variantFits = (ctx.plannedTotal === undefined || trustedTotal(ctx) !== undefined) && cadenceFitsVariant(ctx);
    const variant = variantFits ? ctx.variant : undefined;
    const plural = (n: number) => (n === 1 ? '1 session' : `${n} sessions`);

    if (variant && initial && initialLength !== undefined && initialLength > variant.initialMax) {
      // Markowitz: the initial phase takes no more than three sessions [S2] [S3]; IPT-B uses two [S12].
      ctx.report({
        span: initial.range!.span,
        message: `The initial phase has ${plural(initialLength)}; ${variantName(variant)} keeps it to at most ${variant.initialMax}, so the work on the focus can start. End it at session ${initial.range!.first + variant.initialMax - 1} and start the middle phase at ${initial.range!.first + variant.initialMax}, or set \`variant\` if this is another IPT format.`,
      });
    }

    let terminationReported = false;
    if (variant && termination && terminationLength !== undefined) {
      const { min, max } = variant.termination;
      if (terminationLength < min || terminationLength > max) {
        terminationReported = true;
        // Termination takes the last few sessions: ending, progress and relapse signs [S7] [S10] [S11].
        const advice = terminationLength < min ? `Give it at least ${plural(min)}` : `Keep it to at most ${max} and give the rest to the middle phase`;
        ctx.report({
          span: termination.range!.span,
          message: `The termination phase has ${plural(terminationLength)}; ${variantName(variant)} gives it ${numbersText(min, max)} sessions to review progress, relapse warning signs and the ending. ${advice}, or set \`variant\` if this is another IPT format.`,
        });
      }
    }

    // A termination phase already reported as too long explains a short middle phase: one report.
    if (middle && middleLength !== undefined && terminationLength !== undefined && middleLength <= terminationLength && !terminationReported) {
      ctx.report({
        span: middle.range!.span,
        message: `The middle phase has ${plural(middleLength)} and the termination phase ${plural(terminationLength)}; the middle phase, where the work on the focus happens, should be the longer one. ${longerMiddleAdvice(ctx, initial, initialLength, middleLength, terminationLength, variant)}`,
      });
    }
  },
} satisfies Rule;

/**
 * Advice that makes the middle phase the longer one without breaking another bound: take sessions
 * from termination only while it stays at its minimum or above; otherwise shorten the initial phase
 * (keeping one session) or add sessions (within the variant's maximum).
 */
function longerMiddleAdvice(
  ctx: RuleContext,
  initial: Phase | undefined,
  initialLength: number | undefined,
  middleLength: number,
  terminationLength: number,
  variant: VariantEntry | undefined,
): string {
  const terminationMin = variant?.termination.min ?? 1;
  // Moving k sessions makes the middle longer when middle + k > termination - k.
  const fromTermination = Math.floor((terminationLength - middleLength) / 2) + 1;
  if (terminationLength - fromTermination >= terminationMin) return 'Move sessions from the termination phase to the middle phase.';
  const needed = terminationLength - middleLength + 1;
  const plural = (n: number) => (n === 1 ? '1 session' : `${n} sessions`);
  const options: string[] = [];
  if (initial?.range && initialLength !== undefined && initialLength - needed >= 1) {
    const end = initial.range.last - needed;
    options.push(`shorten the initial phase to ${plural(initialLength - needed)} (end it at session ${end} and start the middle phase at ${end + 1})`);
  }
  const total = ctx.plannedTotal;
  const max = variant?.sessions.max;
  if (total !== undefined && (max === undefined || total + needed <= max)) {
    options.push(`raise \`sessions\` to ${total + needed} and give the new ${needed === 1 ? 'session' : 'sessions'} to the middle phase`);
  }
  const why = `The termination phase cannot give any: it is at its minimum of ${plural(terminationMin)}${variant ? ` for ${variantName(variant)}` : ''}.`;
  if (options.length === 0) return `${why} This plan has too few sessions for a longer middle phase: set \`variant\` if this is another IPT format.`;
  const [first, ...rest] = options;
  return `${why} ${first.charAt(0).toUpperCase()}${first.slice(1)}${rest.length ? `, or ${rest.join(', or ')}` : ''}.`;
}
