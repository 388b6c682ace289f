/** `session-count`: The planned total is within the variant's range. */
import { headerOf } from './plan-queries.js';
import { docsUrl, type Rule } from './rule.js';
import { cadenceFitsVariant, sessionBoundsText, variantName } from './structure-queries.js';

export default {
  id: 'session-count',
  defaultSeverity: 'error',
  description: "The planned total is within the variant's range.",
  docsUrl: docsUrl('session-count'),
  scope: 'plan',
  check(ctx) {
    // Without `sessions` (plan-header reports it) or with an unknown variant (variant reports it) there is nothing to compare.
    const count = headerOf(ctx.file, 'sessions')?.count;
    const variant = ctx.variant;
    // A cadence the variant does not allow is reported by `variant`, and may mean the variant is wrong.
    if (!count || !variant || !cadenceFitsVariant(ctx)) return;
    const { min, max } = variant.sessions;
    const total = count.value;
    const tooMany = max !== undefined && total > max;
    if (total >= min && !tooMany) return;
    const bound = tooMany ? max! : min;
    // Acute IPT is 12–16 weekly sessions [S4]; each variant sets its own course length (LANGUAGE.md, ipt-domain.md §4).
    const action = tooMany ? 'Shorten it' : 'Lengthen it';
    ctx.report({
      span: count.span,
      message: `${variantName(variant)} plans have ${sessionBoundsText(variant.sessions)} sessions; this plan has ${total}. ${action}, or set \`variant\` if this is another IPT format.`,
      // Changing the length of a treatment is a clinical decision: offered, never applied by --fix.
      fixes: [{ title: `Set the planned total to ${bound}`, edits: [{ span: count.span, newText: String(bound) }], safe: false }],
    });
  },
} satisfies Rule;
