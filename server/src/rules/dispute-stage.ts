/**
 * `dispute-stage`: A `role-dispute` focus declares its stage; `stage` under another area is an error.
 * The stage decides the strategy (renegotiation: calm and improve communication; impasse: reopen the
 * negotiation; dissolution: help end and mourn the relationship) [S23] [S24] [S32] [S33].
 */
import { minOf } from '../language/arrays.js';
import type { Focus } from '../language/ast.js';
import { findEntry } from '../language/catalogue.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { deeper, deleteLines, hasUnparsedLine, indentationAt, insertLineAfter } from './plan-queries.js';
import { changeTo, namesOf, suggestUnique } from '../language/suggest.js';
import { listOf } from './structure-queries.js';

const ROLE_DISPUTE = 'role-dispute';

export default {
  id: 'dispute-stage',
  defaultSeverity: 'warning',
  description: 'A `role-dispute` focus declares its stage; `stage` under another area is an error.',
  docsUrl: docsUrl('dispute-stage'),
  scope: 'statement',
  check(ctx) {
    for (const focus of ctx.file.focuses) {
      const area = focus.area ? findEntry(ctx.catalogue.problemAreas, focus.area.value) : undefined;
      // An unknown or missing area is `focus-area`'s to report; whether a stage belongs is unknowable.
      if (!area) continue;
      if (area.id === ROLE_DISPUTE) checkDispute(ctx, focus);
      else checkOtherArea(ctx, focus);
    }
  },
} satisfies Rule;

function checkDispute(ctx: RuleContext, focus: Focus): void {
  const stageNames = ctx.catalogue.stages.map((stage) => stage.id);
  const listed = listOf(stageNames, 'or');
  if (focus.stages.length === 0) {
    // A line under the focus that the parser dropped (e.g. a misspelt `stgae`) may be the stage:
    // the syntax error is the one diagnostic for it. Likewise a stage under another focus (say, a
    // duplicated `focus` line) may be this one's: `single-focus` reports the extra focus.
    if (ctx.file.focuses.some((other) => other !== focus && other.stages.length > 0)) return;
    if (hasUnparsedLine(ctx.text, focus.span.end, nextSectionStart(ctx, focus), [...focus.goals, ...focus.stages].map((s) => s.span))) return;
    // A `stage` line the parser could not place (e.g. moved above the `focus` line) is this focus's
    // stage in the wrong place: the syntax error there is the one diagnostic.
    if (unplacedStageLine(ctx)) return;
    const indent = childIndent(ctx.text, focus);
    ctx.report({
      span: focus.area!.span,
      message: `Name the stage of this role dispute: ${listed}. The stage decides the strategy (improve the talks in renegotiation, reopen them at an impasse, help end and mourn the relationship in dissolution). Add a \`stage\` line under the focus.`,
      fixes: stageNames.map((name) => ({
        title: `Add \`stage ${name}\``,
        edits: [insertLineAfter(ctx.text, focus.span.end, indent, `stage ${name}`)],
      })),
    });
    return;
  }
  let first: Focus['stages'][number] | undefined;
  for (const stage of focus.stages) {
    const name = stage.name;
    if (!name) continue;
    if (!findEntry(ctx.catalogue.stages, name.value)) {
      const suggestion = suggestUnique(name.value, namesOf(ctx.catalogue.stages));
      ctx.report({
        span: name.span,
        severity: 'error',
        message: suggestion
          ? `\`${name.value}\` is not a stage of a role dispute. Did you mean \`${suggestion}\`?`
          : `\`${name.value}\` is not a stage of a role dispute. Use ${listed}.`,
        fixes: suggestion ? [changeTo(name, suggestion)] : undefined,
      });
      continue;
    }
    if (first?.name) {
      ctx.report({
        span: { start: stage.keyword.start, end: name.span.end },
        message: `This focus already names the stage \`${first.name.value}\`. A dispute is at one stage at a time: keep the current one and remove this line.`,
        related: [{ span: first.span, message: 'The stage named first' }],
      });
      continue;
    }
    first = stage;
  }
}

function checkOtherArea(ctx: RuleContext, focus: Focus): void {
  // The area as the user wrote it (an alias like `interpersonal-sensitivity` stays as written).
  const written = focus.area!.value;
  for (const stage of focus.stages) {
    ctx.report({
      span: stage.name ? { start: stage.keyword.start, end: stage.name.span.end } : stage.span,
      severity: 'error',
      message: `\`stage\` applies only to a role-dispute focus; this focus is \`${written}\`. Remove the stage line, or change the focus area if this is a dispute.`,
      fixes: [{ title: 'Remove the stage line', edits: [deleteLines(ctx.text, stage.span)] }],
    });
  }
}

/** Where the section after this focus starts (or the end of the file). */
function nextSectionStart(ctx: RuleContext, focus: Focus): number {
  const starts = ctx.file.sections.map((section) => section.span.start).filter((start) => start > focus.span.start);
  return starts.length ? minOf(starts) : ctx.text.length;
}

/** The indentation of the focus's children, or one step deeper than the focus line. */
function childIndent(text: string, focus: Focus): string {
  const child = focus.goals[0] ?? focus.stages[0];
  return child ? indentationAt(text, child.span.start) : deeper(indentationAt(text, focus.span.start));
}

/** True when a line starting with `stage` lies outside every parsed `stage` statement. */
function unplacedStageLine(ctx: RuleContext): boolean {
  const placed = new Set(ctx.file.focuses.flatMap((focus) => focus.stages.map((stage) => stage.span.start)));
  for (const match of ctx.text.matchAll(/^[ \t]*stage\b/gm)) {
    const start = (match.index ?? 0) + match[0].length - 'stage'.length;
    if (!placed.has(start)) return true;
  }
  return false;
}
