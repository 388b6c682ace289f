/**
 * `score-range`: A recorded `score` lies within its instrument's range (PHQ-9 0–27, HAM-D 0–52,
 * BDI-II 0–63, EPDS 0–30, GAD-7 0–21, CDRS-R 17–113, MFQ-C 0–66, MFQ-P 0–68, SMFQ 0–26, and bare
 * MFQ 0–68 since it may be either form; config can add instruments) [S20] [S57] [S63] [S65] [S87]
 * [S91] [S111].
 *
 * Also judged here, because this rule cannot check a score it cannot place:
 * - a `score` with an unknown instrument (warning, did-you-mean). `measure-schedule` judges the
 *   instruments of `measure` lines; a `score` line is only ever judged here.
 * - a decimal total on a questionnaire whose total is a sum of whole-number item scores (warning).
 *   HAM-D is left out: averaged ratings from two raters can legitimately give halves.
 */
import type { ScoreItem, Word } from '../language/ast.js';
import type { InstrumentEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { changeTo, choicesText, namesOf, suggestUnique } from '../language/suggest.js';

/** Questionnaires scored as the sum of whole-number item scores [S20] [S63] [S65] [S91]. */
const WHOLE_NUMBER_TOTALS: ReadonlySet<string> = new Set(['PHQ-9', 'BDI-II', 'EPDS', 'GAD-7', 'MFQ', 'MFQ-C', 'MFQ-P', 'SMFQ']);

export default {
  id: 'score-range',
  defaultSeverity: 'error',
  description: "A recorded score lies within its instrument's range.",
  docsUrl: docsUrl('score-range'),
  scope: 'statement',
  check(ctx) {
    for (const phase of ctx.file.phases) {
      for (const session of phase.sessions) {
        for (const item of session.items) if (item.kind === 'score') checkScore(ctx, item);
      }
    }
  },
} satisfies Rule;

function checkScore(ctx: RuleContext, item: ScoreItem): void {
  const instrument = item.instrument;
  if (!instrument) return;
  const entry = findEntry(ctx.catalogue.instruments, instrument.value);
  if (!entry) {
    reportUnknownInstrument(ctx, instrument);
    return;
  }
  const value = item.value;
  if (!value || !Number.isFinite(value.value)) return;
  const score = value.value;
  if (score < entry.min || score > entry.max) {
    ctx.report({
      span: value.span,
      message: `${entry.id} scores run ${entry.min}–${entry.max}; ${sourceText(ctx, value)} is out of range. Check the total.`,
    });
    return;
  }
  if (!Number.isInteger(score) && WHOLE_NUMBER_TOTALS.has(entry.id)) {
    ctx.report({
      span: value.span,
      severity: 'warning',
      message: `${entry.id} totals are whole numbers (the sum of its item scores); ${sourceText(ctx, value)} cannot be a ${entry.id} total. Check the scoring and record the whole-number total.`,
    });
  }
}

function reportUnknownInstrument(ctx: RuleContext, instrument: Word): void {
  const entries: readonly InstrumentEntry[] = ctx.catalogue.instruments;
  const suggestion = suggestUnique(instrument.value, namesOf(entries));
  const known = choicesText(entries);
  ctx.report({
    span: instrument.span,
    severity: 'warning',
    message: suggestion
      ? `\`${instrument.value}\` is not a known instrument, so this score cannot be checked. Did you mean \`${suggestion}\`?`
      : `\`${instrument.value}\` is not a known instrument, so this score cannot be checked. Use one of ${known}, or add it with its score range to \`vocabulary.instruments\` in .iptrc.json.`,
    fixes: suggestion ? [changeTo(instrument, suggestion)] : undefined,
  });
}

/** The number as written (`31`, `12.5`), not as JavaScript prints it. */
function sourceText(ctx: RuleContext, value: Word<number>): string {
  const written = ctx.text.slice(value.span.start, value.span.end).trim();
  return written || String(value.value);
}
