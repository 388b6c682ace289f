/** `plan-header`: A `plan` title; `sessions` and `diagnosis` present; no header field twice. */
import type { Header, PlanBlock } from '../language/ast.js';
import type { Fix } from '../language/diagnostic.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { lineNumberOf, planAnchor } from './structure-queries.js';
import { lineBreakOf, wholeLines } from './plan-queries.js';

export default {
  id: 'plan-header',
  defaultSeverity: 'error',
  description: 'A `plan` title; `sessions` and `diagnosis` present; no header field twice.',
  docsUrl: docsUrl('plan-header'),
  scope: 'plan',
  check(ctx) {
    const plan = ctx.file.plan;
    const anchor = planAnchor(ctx.file, ctx.text, ctx.lines);
    if (!plan || plan.implicit) {
      ctx.report({
        span: anchor,
        message: plan
          ? 'This file has no `plan` line. Add one above the header fields, with a title that uses the client code, never a name, e.g. `plan "C-0142 acute IPT"`.'
          : 'This file has no `plan` statement. Start it with a titled plan and its header, e.g. `plan "C-0142 acute IPT"` followed by `diagnosis "…"` and `sessions 16 weekly 50min`.',
      });
      if (!plan) return;
    } else if (!plan.title && !plan.incomplete) {
      ctx.report({
        span: plan.keyword,
        message: 'The plan has no title. Add a short title with the client code, never a name, e.g. `plan "C-0142 acute IPT"`.',
      });
    } else if (plan.title && plan.title.value.trim() === '') {
      ctx.report({
        span: plan.title.span,
        message: 'The plan title is empty. Give the plan a short title with the client code, never a name, e.g. `plan "C-0142 acute IPT"`.',
      });
    }

    // The time limit is set at the start of IPT [S4]: the planned total must be written down.
    if (!plan.headers.some((h) => h.kind === 'sessions')) {
      ctx.report({
        span: anchor,
        message:
          'The plan has no `sessions` line, so its time limit is not set. IPT fixes the number of sessions at the start: add e.g. `sessions 16 weekly 50min` under `plan`.',
        fixes: addSessionsFix(ctx, plan),
      });
    }
    // IPT starts from a diagnosis made by standard criteria [S2] [S3] [S6].
    if (!plan.headers.some((h) => h.kind === 'diagnosis')) {
      ctx.report({
        span: anchor,
        message:
          'The plan has no `diagnosis` line. IPT treats a diagnosed disorder: add it under `plan`, e.g. `diagnosis "Major depressive disorder, recurrent, moderate" code F33.1`.',
      });
    }

    const first = new Map<Header['kind'], Header>();
    for (const header of plan.headers) {
      const earlier = first.get(header.kind);
      if (!earlier) {
        first.set(header.kind, header);
        continue;
      }
      const line = lineNumberOf(ctx.lines, earlier.span.start);
      ctx.report({
        span: header.keyword,
        message: `\`${header.kind}\` is already given on line ${line}; a plan has one \`${header.kind}\`. Keep the right one and delete the other.`,
        related: [{ span: earlier.span, message: `The first \`${header.kind}\` of the plan.` }],
        fixes: [{ title: `Delete this second \`${header.kind}\` line`, edits: [{ span: wholeLines(ctx.text, header.span), newText: '' }], safe: false }],
      });
    }
  },
} satisfies Rule;

/**
 * When the phases already say how long the plan is, a quick fix adds the `sessions` line they imply
 * (with the variant's cadence when it has only one). Not applied by --fix: the total is a clinical decision.
 */
function addSessionsFix(ctx: RuleContext, plan: PlanBlock): Fix[] | undefined {
  const ends = ctx.file.phases.map((phase) => phase.range?.last ?? 0);
  const total = Math.max(0, ...ends);
  if (total < 1) return undefined;
  const cadence = ctx.variant?.cadences.length === 1 ? ` ${ctx.variant.cadences[0]}` : '';
  const last = plan.headers.length > 0 ? plan.headers[plan.headers.length - 1] : plan;
  const indent = plan.headers.length > 0 ? indentationOf(ctx.text, plan.headers[0].span.start) : '  ';
  const lineEnd = ctx.lines.lineEnd(ctx.lines.positionAt(last.span.end).line);
  const line = `sessions ${total}${cadence}`;
  return [{ title: `Add \`${line}\` (the phases end at session ${total})`, edits: [{ span: { start: lineEnd, end: lineEnd }, newText: `${lineBreakOf(ctx.text)}${indent}${line}` }], safe: false }];
}

/** The spaces or tabs before the statement that starts at `offset`. */
function indentationOf(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return text.slice(start, offset);
}
