/**
 * `goal-reference`: `targets` names a defined goal; no goal id is defined twice; every goal is worked
 * on in the middle phase, where IPT applies the focus's strategies [S3] [S6] (ipt-domain.md §1.2).
 *
 * One mistake, one diagnostic: a goal given the wrong id shows up twice (a `targets` id no goal
 * defines, and a goal nobody targets or a duplicate id). When exactly one of each is present they
 * are paired and reported once, with the fix that reconciles them.
 */
import type { Focus, Goal, Word } from '../language/ast.js';
import type { Fix } from '../language/diagnostic.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { deeper, indentationAt, insertLineAfter } from './plan-queries.js';
import { choicesText, suggestUnique } from '../language/suggest.js';

/** A goal statement whose id the parser found. */
type DefinedGoal = Goal & { id: Word };

export default {
  id: 'goal-reference',
  defaultSeverity: 'error',
  description: '`targets` names a defined goal; goal ids are unique; every goal is targeted in the middle phase.',
  docsUrl: docsUrl('goal-reference'),
  scope: 'plan',
  check(ctx) {
    const { first, duplicates } = collectGoals(ctx);
    const undefinedTargets = targetsWithoutGoal(ctx, first);
    const ids = [...first.keys()];

    // A duplicate id and one undefined target: the duplicate was meant to have that id.
    const renamed = duplicates.length === 1 && undefinedTargets.size === 1 ? [...undefinedTargets.keys()][0] : undefined;
    for (const goal of duplicates) reportDuplicate(ctx, goal, first.get(goal.id.value)!, renamed);
    if (renamed !== undefined) undefinedTargets.delete(renamed);

    // Misspelt targets that clearly mean one goal (`g2` for `G2`).
    const suggestions = new Map<string, string>();
    for (const value of undefinedTargets.keys()) {
      const suggestion = suggestUnique(value, ids);
      if (suggestion) suggestions.set(value, suggestion);
    }
    const untargeted = untargetedGoals(ctx, first, new Set(suggestions.values()));

    // One undefined target with no clear suggestion and one untargeted goal: one of the two ids is wrong.
    const unmatched = [...undefinedTargets.keys()].filter((value) => !suggestions.has(value));
    if (untargeted && untargeted.length === 1 && unmatched.length === 1 && undefinedTargets.size === 1) {
      const [goal] = untargeted;
      const value = unmatched[0];
      const words = undefinedTargets.get(value)!;
      if (words.length > 1) {
        // The same id on several `targets` lines: the goal's own id is the odd one out.
        reportGoalMisnamed(ctx, goal, value);
      } else {
        reportUndefinedTarget(ctx, words, goal.id.value, ids, 'the one goal no middle-phase session targets');
      }
      return;
    }

    for (const [value, words] of undefinedTargets) reportUndefinedTarget(ctx, words, suggestions.get(value), ids);
    reportUntargeted(ctx, first, untargeted);
  },
} satisfies Rule;

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
          const uses = found.get(target.value);
          if (uses) uses.push(target);
          else found.set(target.value, [target]);
        }
      }
    }
  }
  return found;
}

/**
 * Goals no middle-phase session targets, leaving out those a misspelt target clearly means (already
 * reported). Undefined when there is nothing to judge: no middle phase (`phase-order` reports it),
 * or a middle phase without sessions (reported once by `reportUntargeted`).
 */
function untargetedGoals(ctx: RuleContext, defined: Map<string, DefinedGoal>, meant: Set<string>): DefinedGoal[] | undefined {
  const middle = ctx.file.phases.filter((phase) => phase.name?.value === 'middle');
  if (middle.length === 0 || middle.every((phase) => phase.sessions.length === 0)) return undefined;
  const targeted = new Set<string>();
  for (const phase of middle) {
    for (const session of phase.sessions) {
      for (const item of session.items) if (item.kind === 'targets') for (const value of item.values) targeted.add(value.value);
    }
  }
  return [...defined.values()].filter((goal) => !targeted.has(goal.id.value) && !meant.has(goal.id.value));
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

function reportGoalMisnamed(ctx: RuleContext, goal: DefinedGoal, targetedId: string): void {
  const id = goal.id;
  ctx.report({
    span: id.span,
    message: `No middle-phase session targets goal \`${id.value}\`, and \`targets\` lines name \`${targetedId}\`, which no goal defines. Did you mean \`goal ${targetedId}\` here?`,
    fixes: [{ title: `Change to \`${targetedId}\``, edits: [{ span: id.span, newText: targetedId }] }],
  });
}

/**
 * One diagnostic per undefined id, on its first use; later uses are listed as related places, and
 * the did-you-mean fix changes them all.
 */
function reportUndefinedTarget(ctx: RuleContext, targets: Word[], suggestion: string | undefined, ids: string[], why?: string): void {
  const [target, ...more] = targets;
  const fixes: Fix[] = [];
  // Ids are case-sensitive; `g3` for a defined `G3` can mean nothing else, so that fix is safe.
  const caseOnly = suggestion !== undefined && suggestion.toLowerCase() === target.value.toLowerCase();
  if (suggestion) {
    fixes.push({ title: `Change to \`${suggestion}\``, edits: targets.map((word) => ({ span: word.span, newText: suggestion })), ...(caseOnly ? { safe: true } : {}) });
  }
  // Defining `g3` next to `G3` would make two goals that differ only in case: not offered.
  const create = caseOnly ? undefined : createGoalFix(ctx, ctx.file.focuses[0], target.value);
  if (create) fixes.push(create);
  const others = ids.length ? `, or target one of ${choicesText(ids)}` : '';
  const also = more.length ? ` (\`${target.value}\` is also targeted on ${more.length === 1 ? 'one more line' : `${more.length} more lines`}.)` : '';
  ctx.report({
    span: target.span,
    message: caseOnly
      ? `No goal \`${target.value}\` is defined; goal ids are case-sensitive, and this one is \`${suggestion}\`. Write \`${suggestion}\`.${also}`
      : suggestion
      ? `No goal \`${target.value}\` is defined. Did you mean \`${suggestion}\`${why ? `, ${why}` : ''}? Otherwise add \`goal ${target.value} "…"\` under the focus.${also}`
      : `No goal \`${target.value}\` is defined. Add \`goal ${target.value} "…"\` under the focus${others}.${also}`,
    fixes,
    related: more.map((word) => ({ span: word.span, message: `\`${word.value}\` is targeted here too` })),
  });
}

/** Adds `goal ID "…"` after the focus's last goal (or its stage, or the focus line itself). */
function createGoalFix(ctx: RuleContext, focus: Focus | undefined, id: string): Fix | undefined {
  if (!focus) return undefined;
  const children = [...focus.stages, ...focus.goals].sort((a, b) => a.span.start - b.span.start);
  const last = children[children.length - 1];
  const indent = children[0] ? indentationAt(ctx.text, children[0].span.start) : deeper(indentationAt(ctx.text, focus.span.start));
  return {
    title: `Define goal \`${id}\` under the focus`,
    edits: [insertLineAfter(ctx.text, (last ?? focus).span.end, indent, `goal ${id} "TODO: describe goal ${id}"`)],
  };
}

/** A goal no middle-phase session targets is not being worked on. */
function reportUntargeted(ctx: RuleContext, defined: Map<string, DefinedGoal>, untargeted: DefinedGoal[] | undefined): void {
  if (untargeted === undefined) {
    const middle = ctx.file.phases.find((phase) => phase.name?.value === 'middle');
    if (!middle || defined.size === 0) return;
    // A middle phase not yet planned: one diagnostic for the phase, not one per goal.
    ctx.report({
      span: { start: middle.keyword.start, end: middle.name!.span.end },
      severity: 'warning',
      message: `The middle phase has no sessions yet, so no session works on ${choicesText([...defined.keys()])}. Plan its sessions, each with a \`targets\` line naming the goals it works on.`,
    });
    return;
  }
  const outside = untargeted.length > 0 ? targetedOutsideMiddle(ctx) : new Map<string, OutsidePlace[]>();
  for (const goal of untargeted) {
    const id = goal.id.value;
    const elsewhere = outside.get(id) ?? [];
    if (elsewhere.length > 0) {
      // Targeted, but in a phase that does not count: say where, so the message does not read as
      // if the `targets` line the clinician wrote were missing.
      const phases = [...new Set(elsewhere.map((place) => place.phase))];
      const numbers = elsewhere.map((place) => place.number);
      const where = `${numbers.length === 1 ? 'session' : 'sessions'} ${numbers.length === 1 ? numbers[0] : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`}`;
      ctx.report({
        span: goal.id.span,
        severity: 'warning',
        message: `Goal \`${id}\` is targeted only in ${where} (${phases.join(' and ')} phase), which does not count: IPT works on its goals in the middle phase. Add \`targets ${id}\` to the middle-phase session(s) that work on it, or remove the goal if it is no longer part of the plan.`,
        related: elsewhere.map((place) => ({ span: place.span, message: `\`${id}\` is targeted here, in the ${place.phase} phase.` })),
      });
      continue;
    }
    ctx.report({
      span: goal.id.span,
      severity: 'warning',
      message: `No middle-phase session targets goal \`${id}\`. Add \`targets ${id}\` to the session(s) that work on it, or remove the goal if it is no longer part of the plan.`,
    });
  }
}

interface OutsidePlace {
  phase: string;
  number: string;
  span: Word['span'];
}

/**
 * By goal id, the `targets` words naming it in sessions of the initial or termination phase (the
 * first on each line), in one pass: a search per untargeted goal was quadratic in goals × sessions.
 */
function targetedOutsideMiddle(ctx: RuleContext): Map<string, OutsidePlace[]> {
  const found = new Map<string, OutsidePlace[]>();
  for (const phase of ctx.file.phases) {
    const name = phase.name?.value;
    if (name !== 'initial' && name !== 'termination') continue;
    for (const session of phase.sessions) {
      for (const item of session.items) {
        if (item.kind !== 'targets') continue;
        const number = session.number ? (session.number.first === session.number.last ? `${session.number.first}` : `${session.number.first}–${session.number.last}`) : '(unnumbered)';
        const seen = new Set<string>();
        for (const word of item.values) {
          if (seen.has(word.value)) continue;
          seen.add(word.value);
          const places = found.get(word.value);
          const place = { phase: name, number, span: word.span };
          if (places) places.push(place);
          else found.set(word.value, [place]);
        }
      }
    }
  }
  return found;
}
