/** `plan-header`: A `plan` title; `sessions` and `diagnosis` present; no header field twice. */
import type { Header } from '../language/ast.js';
import { docsUrl, type Rule } from './rule.js';
import { lineNumberOf, planAnchor, wholeLines } from './structure-queries.js';

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

