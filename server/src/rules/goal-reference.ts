/**
 * `goal-reference`: `targets` names a defined goal; no goal id is defined twice; every goal is worked
 * on in the middle phase, where IPT applies the focus's strategies [S3] [S6] (ipt-domain.md §1.2).
 */
import type { Focus, Goal, Word } from '../language/ast.js';
import type { Fix } from '../language/diagnostic.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { deeper, indentationAt, insertLineAfter } from './plan-queries.js';
import { suggestUnique } from './suggest.js';

export default {
  id: 'goal-reference',
  defaultSeverity: 'error',
  description: '`targets` names a defined goal; goal ids are unique; every goal is targeted in the middle phase.',
  docsUrl: docsUrl('goal-reference'),
  scope: 'plan',
  check(ctx) {
    const { first, duplicates } = collectGoals(ctx);
    const undefinedTargets = targetsWithoutGoal(ctx, first);
    // One duplicate id and one target naming no goal: almost always a goal given the wrong id
    // (`goal G1` written for `goal G2`). Say so once, on the duplicate.
    const renamed = duplicates.length === 1 && undefinedTargets.size === 1 ? [...undefinedTargets.keys()][0] : undefined;
    for (const goal of duplicates) reportDuplicate(ctx, goal, first.get(goal.id.value)!, renamed);
    const meant = reportUndefinedTargets(ctx, first, undefinedTargets, renamed);
    checkUntargeted(ctx, first, meant);
  },
} satisfies Rule;

/** A goal statement whose id the parser found. */
type DefinedGoal = Goal & { id: Word };

/** The first definition of each goal id, and every later definition of an id already used. */
function collectGoals(ctx: RuleContext): { first: Map<string, DefinedGoal>; duplicates: DefinedGoal[] } {
  const first = new Map<string, DefinedGoal>();
  const duplicates: DefinedGoal[] = [];
  for (const focus of ctx.file.focuses) {
    for (const goal of focus.goals) {
      if (!goal.id) continue;
      if (first.has(goal.id.value)) duplicates.push(goal as DefinedGoal);
      else first.set(goal.id.value, goal as DefinedGoal);
    }
  }
  return { first, duplicates };
}

function reportDuplicate(ctx: RuleContext, goal: DefinedGoal, earlier: DefinedGoal, renamed: string | undefined): void {
  const id = goal.id;
  ctx.report({
    span: id.span,
    message: renamed
      ? `Goal \`${id.value}\` is already defined, and \`targets\` names \`${renamed}\`, which no goal defines. Did you mean \`goal ${renamed}\` here?`
      : `Goal \`${id.value}\` is already defined. Give this goal its own id (and update the \`targets\` lines that mean it), or remove the duplicate.`,
    related: [{ span: earlier.id.span, message: `\`${id.value}\` is first defined here` }],
    fixes: renamed ? [{ title: `Change to \`${renamed}\``, edits: [{ span: id.span, newText: renamed }] }] : undefined,
  });
}

/** Every `targets` word that names no defined goal, grouped by the id it names. */
function targetsWithoutGoal(ctx: RuleContext, defined: Map<string, DefinedGoal>): Map<string, Word[]> {
  const found = new Map<string, Word[]>();
  // With no focus at all, every goal is undefined: `single-focus` reports the one real mistake.
  if (ctx.file.focuses.length === 0) return found;
  for (const phase of ctx.file.phases) {
    for (const session of phase.sessions) {
      for (const item of session.items) {
        if (item.kind !== 'targets') continue;
        for (const target of item.values) {
          if (defined.has(target.value)) continue;
          found.set(target.value, [...(found.get(target.value) ?? []), target]);
        }
      }
    }
  }
  return found;
}

/** Reports undefined targets; returns the goals a misspelt target clearly meant (already reported). */
function reportUndefinedTargets(
  ctx: RuleContext,
  defined: Map<string, DefinedGoal>,
  targets: Map<string, Word[]>,
  renamed: string | undefined,
): Set<string> {
  const meant = new Set<string>();
  const ids = [...defined.keys()];
  for (const [value, words] of targets) {
    if (value === renamed) continue;
    const suggestion = suggestUnique(value, ids);
    if (suggestion) meant.add(suggestion);
    for (const target of words) {
      const fixes: Fix[] = [];
      if (suggestion) fixes.push({ title: `Change to \`${suggestion}\``, edits: [{ span: target.span, newText: suggestion }] });
      const create = createGoalFix(ctx, ctx.file.focuses[0], value);
      if (create) fixes.push(create);
      ctx.report({
        span: target.span,
        message: suggestion
          ? `No goal \`${value}\` is defined. Did you mean \`${suggestion}\`? Otherwise add \`goal ${value} "…"\` under the focus.`
          : `No goal \`${value}\` is defined. Add \`goal ${value} "…"\` under the focus${ids.length ? `, or target one of ${ids.map((id) => `\`${id}\``).join(', ')}` : ''}.`,
        fixes,
      });
    }
  }
  return meant;
}

/** Adds `goal ID "…"` after the focus's last goal (or its stage, or the focus line itself). */
function createGoalFix(ctx: RuleContext, focus: Focus | undefined, id: string): Fix | undefined {
  if (!focus) return undefined;
  const children = [...focus.stages, ...focus.goals].sort((a, b) => a.span.start - b.span.start);
  const last = children[children.length - 1];
  const indent = children[0] ? indentationAt(ctx.text, children[0].span.start) : deeper(indentationAt(ctx.text, focus.span.start));
  return {
    title: `Define goal \`${id}\` under the focus`,
    edits: [insertLineAfter(ctx.text, (last ?? focus).span.end, indent, `goal ${id} "Describe goal ${id}"`)],
  };
}

/** A goal no middle-phase session targets is not being worked on. Nothing to say without a middle phase. */
function checkUntargeted(ctx: RuleContext, defined: Map<string, DefinedGoal>, meant: Set<string>): void {
  const middle = ctx.file.phases.filter((phase) => phase.name?.value === 'middle');
  if (middle.length === 0 || defined.size === 0) return;
  if (middle.every((phase) => phase.sessions.length === 0)) {
    // A middle phase not yet planned: one diagnostic for the phase, not one per goal.
    const phase = middle[0];
    ctx.report({
      span: { start: phase.keyword.start, end: phase.name!.span.end },
      severity: 'warning',
      message: `The middle phase has no sessions yet, so no session works on ${[...defined.keys()].map((id) => `\`${id}\``).join(', ')}. Plan its sessions, each with a \`targets\` line naming the goals it works on.`,
    });
    return;
  }
  const targeted = new Set<string>();
  for (const phase of middle) {
    for (const session of phase.sessions) {
      for (const item of session.items) if (item.kind === 'targets') for (const value of item.values) targeted.add(value.value);
    }
  }
  for (const [id, goal] of defined) {
    // A misspelt `targets` that clearly means this goal is already reported: one mistake, one diagnostic.
    if (targeted.has(id) || meant.has(id)) continue;
    ctx.report({
      span: goal.id.span,
      severity: 'warning',
      message: `No middle-phase session targets goal \`${id}\`. Add \`targets ${id}\` to the session(s) that work on it, or remove the goal if it is no longer part of the plan.`,
    });
  }
}
