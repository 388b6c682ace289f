/**
 * `task`: Tasks are known, and used in a phase they belong to (ipt-domain.md §1.2: the initial phase
 * assesses and formulates, the middle phase works on the focus, the termination phase ends) [S3] [S6].
 * Inside a phase block with an unknown or missing name nothing is said about phase fit: `phase-order`
 * reports the name; nor in a phase whose name is written twice. Nor for a session whose number lies
 * outside its block's range (see withinPhase).
 */
import type { Phase, Session, Word } from '../language/ast.js';
import type { PhaseName, TaskEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import type { Fix } from '../language/diagnostic.js';
import { phaseNameOf } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { changeTo, namesOf, suggestUnique } from '../language/suggest.js';
import { uniquePhases } from './structure-queries.js';

export default {
  id: 'task',
  defaultSeverity: 'warning',
  description: 'Tasks are known and used in a phase they belong to.',
  docsUrl: docsUrl('task'),
  scope: 'statement',
  check(ctx) {
    const unique = uniquePhases(ctx.file);
    for (const phase of ctx.file.phases) {
      // A phase name written twice (e.g. `phase initial` renamed `middle`): which block is which phase
      // is unclear, and `phase-order` reports it; phase fit is not judged in either block.
      const named = phaseNameOf(phase);
      const phaseName = named !== undefined && unique.get(named) === phase ? named : undefined;
      for (const session of phase.sessions) {
        const phaseKnown = phaseName !== undefined && withinPhase(phase, session);
        for (const item of session.items) {
          if (item.kind !== 'task') continue;
          for (const word of item.values) {
            const entry = findEntry(ctx.catalogue.tasks, word.value);
            if (!entry) reportUnknown(ctx, word);
            else if (phaseKnown && !entry.phases.includes(phaseName)) reportMisplaced(ctx, word, entry, phaseName);
          }
        }
      }
    }
  },
} satisfies Rule;

/**
 * A session counts as part of its phase only when its number lies in the phase's range. Otherwise
 * the block it is written in is not its phase (a dropped or missing `phase` line, a session under the
 * wrong block): `phase-coverage` or `syntax` reports that, and phase fit cannot be judged.
 */
function withinPhase(phase: Phase, session: Session): boolean {
  const range = phase.range;
  const number = session.number;
  return !!range && !!number && number.first >= range.first && number.last <= range.last;
}

function reportUnknown(ctx: RuleContext, word: Word): void {
  if (findEntry(ctx.catalogue.techniques, word.value) || findEntry(ctx.catalogue.nonIptTechniques, word.value)) {
    ctx.report({
      span: word.span,
      message: `\`${word.value}\` is a technique, not a task. List it on a \`technique\` line instead.`,
    });
    return;
  }
  const suggestion = suggestUnique(word.value, namesOf(ctx.catalogue.tasks));
  const fixes: Fix[] | undefined = suggestion
    ? [changeTo(word, suggestion)]
    : undefined;
  ctx.report({
    span: word.span,
    message: suggestion
      ? `\`${word.value}\` is not a known IPT task. Did you mean \`${suggestion}\`?`
      : `\`${word.value}\` is not a known IPT task. Use a task from the catalogue (e.g. \`symptom-review\`, \`interpersonal-inventory\`, \`review-progress\`), or add it to \`vocabulary.tasks\` in .iptrc.json with the phases it belongs to.`,
    fixes,
  });
}

function reportMisplaced(ctx: RuleContext, word: Word, entry: TaskEntry, phaseName: PhaseName): void {
  const belongs = phaseList(entry.phases);
  ctx.report({
    span: word.span,
    message: `\`${word.value}\` belongs to the ${belongs}, not the ${phaseName} phase. Move it to a session of the ${belongs}, or remove it here.`,
  });
}

function phaseList(phases: readonly PhaseName[]): string {
  if (phases.length === 1) return `${phases[0]} phase`;
  return `${phases.slice(0, -1).join(', ')} or ${phases[phases.length - 1]} phase`;
}
