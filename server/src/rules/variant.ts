/** `variant`: The variant is built in or defined in config; the `sessions` cadence is one the variant allows. */
import { findEntry } from '../language/catalogue.js';
import { hasUnparsedLine, headerOf } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { listOf, replacementSuggestion, variantName } from './structure-queries.js';
import { namesOf } from '../language/suggest.js';

export default {
  id: 'variant',
  defaultSeverity: 'error',
  description: 'The variant is built in or defined in config; the `sessions` cadence is one the variant allows.',
  docsUrl: docsUrl('variant'),
  scope: 'statement',
  check(ctx) {
    const variants = ctx.catalogue.variants;
    for (const header of ctx.file.plan?.headers ?? []) {
      if (header.kind !== 'variant' || !header.name) continue;
      const entry = findEntry(variants, header.name.value);
      if (entry && entry.id !== header.name.value) {
        // A name from the literature (IPT-A, MIPT): accepted, with the plan language's word offered.
        ctx.report({
          span: header.name.span,
          severity: 'info',
          message: `\`${header.name.value}\` is the literature's name for the \`${entry.id}\` variant, which the plan uses. Write \`variant ${entry.id}\`, the plan language's word for it.`,
          fixes: [{ title: `Replace with \`${entry.id}\``, edits: [{ span: header.name.span, newText: entry.id }], safe: true }],
        });
        continue;
      }
      if (entry) continue;
      const known = variants.map((v) => v.id);
      const hint = replacementSuggestion(header.name, namesOf(variants));
      ctx.report({
        span: header.name.span,
        message: `\`${header.name.value}\` is not a known IPT variant; the known ones are ${listOf(known, 'and')}.${hint.text} For another format, define it under \`variants\` in .iptrc.json.`,
        fixes: hint.fixes,
      });
    }

    // The cadence check needs a known variant and a known cadence (`unknown-value` reports a misspelt one).
    const variant = ctx.variant;
    const cadence = headerOf(ctx.file, 'sessions')?.cadence;
    if (!variant || !cadence || !findEntry(ctx.catalogue.cadences, cadence.value)) return;
    // Without a `variant` line the default applies, unless the header has a line the parser dropped
    // (a misspelt `vairant maintenance`): then the plan's variant is unknown, and `syntax` reports it.
    if (!headerOf(ctx.file, 'variant') && headerLineDropped(ctx)) return;
    if (variant.cadences.includes(cadence.value)) return;
    const allowed = variant.cadences;
    const others = variants.filter((v) => v.id !== variant.id && v.cadences.includes(cadence.value)).map((v) => v.id);
    const switchHint = others.length > 0 ? `, or set \`variant ${others[0]}\` if this is ${variantName(variants.find((v) => v.id === others[0])!)}` : '';
    // Acute IPT is weekly [S4] [seed 002]; maintenance IPT may be monthly [S16] [S49].
    ctx.report({
      span: cadence.span,
      severity: 'warning',
      message: `${variantName(variant)} sessions are ${listOf(allowed, 'or')}; this plan is \`${cadence.value}\`. Use ${listOf(allowed, 'or')}${switchHint}.`,
      fixes: allowed.length === 1
        ? [{ title: `Change the cadence to \`${allowed[0]}\``, edits: [{ span: cadence.span, newText: allowed[0] }], safe: false }]
        : undefined,
    });
  },
} satisfies Rule;

/** True when a line between the `plan` line and the first section is one the parser could not read. */
function headerLineDropped(ctx: RuleContext): boolean {
  const plan = ctx.file.plan;
  if (!plan) return false;
  const end = ctx.file.sections[0]?.span.start ?? ctx.text.length;
  return hasUnparsedLine(ctx.text, plan.span.start, end, [plan.span, ...plan.headers.map((header) => header.span)]);
}
