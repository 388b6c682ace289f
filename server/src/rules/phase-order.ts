/** `phase-order`: `initial`, `middle`, `termination` each exactly once, in that order; an unknown phase name is reported here (did-you-mean). */
import type { Phase } from '../language/ast.js';
import type { PhaseName } from '../language/catalogue-types.js';
import type { Fix, TextEdit } from '../language/diagnostic.js';
import type { LineIndex, Span } from '../language/span.js';
import { lineBreakOf, PHASE_ORDER, phaseNameOf } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { article, lineNumberOf, listOf, planAnchor, replacementSuggestion } from './structure-queries.js';

/** Other names the IPT literature uses for the three phases (ipt-domain.md §1.2). */
const SYNONYMS: Record<string, PhaseName> = {
  opening: 'initial',
  beginning: 'initial',
  assessment: 'initial',
  intermediate: 'middle',
  final: 'termination',
  ending: 'termination',
  conclusion: 'termination',
};

/**
 * Why each phase is needed, for "missing" messages: initial [S2] [S3], middle [S3] [S6], termination
 * [S7] [S11]. (Sources stay out of messages: hover and docs/sources.md show them.)
 */
const PURPOSE: Record<PhaseName, string> = {
  initial: 'IPT opens with an initial phase for assessment, the sick role, the interpersonal inventory and the formulation',
  middle: 'the middle phase is where the work on the focus happens',
  termination: 'IPT ends with a termination phase that reviews progress and relapse warning signs and discusses the ending',
};

const WHERE: Record<PhaseName, string> = {
  initial: 'before the middle phase',
  middle: 'between the initial and termination phases',
  termination: 'after the middle phase',
};

export default {
  id: 'phase-order',
  defaultSeverity: 'error',
  description: '`initial`, `middle`, `termination` each exactly once, in that order; an unknown phase name is reported here (did-you-mean).',
  docsUrl: docsUrl('phase-order'),
  scope: 'plan',
  check(ctx) {
    const phases = ctx.file.phases.filter((phase) => phase.name);
    if (ctx.file.phases.length === 0) {
      ctx.report({
        span: planAnchor(ctx.file, ctx.text, ctx.lines),
        message:
          'The plan has no phases. IPT runs in three phases: add `phase initial sessions 1-3`, `phase middle sessions 4-13` and `phase termination sessions 14-16` (adjusted to the planned total), each with its sessions.',
      });
      return;
    }

    /** The blocks of each known phase name, in text order. */
    const blocks = new Map<PhaseName, Phase[]>();
    /** Names an unknown phase block may stand for: a missing phase they explain is not reported again. */
    const explained = new Set<PhaseName>();
    let unexplainedUnknown = false;
    for (const phase of phases) {
      const known = phaseNameOf(phase);
      if (!known) {
        const meant = reportUnknownName(ctx, phase);
        if (meant) explained.add(meant);
        else unexplainedUnknown = true;
        continue;
      }
      const list = blocks.get(known);
      if (list) list.push(phase);
      else blocks.set(known, [phase]);
    }

    const missing = PHASE_ORDER.filter((name) => !blocks.has(name) && !explained.has(name) && !unexplainedUnknown);
    /** The one block that stands for each phase: the order check looks at these only. */
    const chosen = new Map<PhaseName, Phase>();
    for (const known of PHASE_ORDER) {
      const list = blocks.get(known);
      if (!list) continue;
      if (list.length === 1) {
        chosen.set(known, list[0]);
        continue;
      }
      // A repeated phase while another is missing is most likely that phase, misnamed: one report.
      // The misnamed block is the earlier one when the missing phase comes before this one.
      const meant = missing.shift();
      const misnamed = meant === undefined ? list.slice(1) : [PHASE_ORDER.indexOf(meant) < PHASE_ORDER.indexOf(known) ? list[0] : list[list.length - 1]];
      const kept = list.find((block) => !misnamed.includes(block))!;
      chosen.set(known, kept);
      for (const phase of misnamed) reportRepeated(ctx, phase, kept, known, meant);
    }

    for (const name of missing) {
      ctx.report({
        span: missingAnchor(ctx, name),
        message: `The plan has no \`${name}\` phase; ${PURPOSE[name]}. Add a \`phase ${name} sessions …\` block ${WHERE[name]}.`,
      });
    }

    reportMisplaced(ctx, [...chosen.values()].sort((a, b) => a.span.start - b.span.start));
  },
} satisfies Rule;

/** A second block of a phase; when another phase is missing, it is probably that one, misnamed. */
function reportRepeated(ctx: RuleContext, phase: Phase, kept: Phase, known: PhaseName, meant: PhaseName | undefined): void {
  const line = lineNumberOf(ctx.lines, kept.span.start);
  const name = phase.name!;
  ctx.report({
    span: name.span,
    message: meant
      ? `The plan has ${article(known)} \`${known}\` phase on line ${line} as well, and no \`${meant}\` phase. If this block is the ${meant} phase, rename it to \`${meant}\`; otherwise move its sessions into the other ${known} phase.`
      : `The plan already has ${article(known)} \`${known}\` phase (line ${line}); each phase comes once. Move these sessions into that block and delete this one.`,
    related: [{ span: kept.span, message: `The other \`${known}\` phase.` }],
    fixes: meant ? [{ title: `Rename to \`${meant}\``, edits: [{ span: name.span, newText: meant }], safe: false }] : undefined,
  });
}

/** Reports a phase name that is not one of the three; returns the phase it most likely means. */
function reportUnknownName(ctx: RuleContext, phase: Phase): PhaseName | undefined {
  const name = phase.name!;
  const synonym = SYNONYMS[name.value.toLowerCase()];
  if (synonym) {
    ctx.report({
      span: name.span,
      message: `\`${name.value}\` is not a phase name here: IPT Plan calls this phase \`${synonym}\`. Rename it to \`${synonym}\`.`,
      fixes: [{ title: `Rename to \`${synonym}\``, edits: [{ span: name.span, newText: synonym }], safe: true }],
    });
    return synonym;
  }
  const hint = replacementSuggestion(name, PHASE_ORDER);
  ctx.report({
    span: name.span,
    message: `\`${name.value}\` is not an IPT phase; the phases are ${listOf(PHASE_ORDER)}.${hint.text}`,
    fixes: hint.fixes,
  });
  return hint.suggestion as PhaseName | undefined;
}

/** A missing phase is reported on the phase line next to where it belongs. */
function missingAnchor(ctx: RuleContext, missing: PhaseName): Span {
  const all = ctx.file.phases;
  const termination = all.find((p) => phaseNameOf(p) === 'termination');
  const neighbour = missing === 'initial' ? all[0] : missing === 'middle' && termination ? termination : all[all.length - 1];
  return { start: neighbour.keyword.start, end: neighbour.name?.span.end ?? neighbour.keyword.end };
}

/**
 * Finds the fewest phases to move so that the rest are in order (initial, middle, termination),
 * and reports each of those with a fix that moves its block. When two choices tie, moving
 * `initial` to the front or `termination` to the end reads more naturally than moving `middle`.
 */
function reportMisplaced(ctx: RuleContext, firsts: Phase[]): void {
  const rank = (phase: Phase) => PHASE_ORDER.indexOf(phaseNameOf(phase)!);
  let best: { kept: Phase[]; moved: Phase[]; cost: number } | undefined;
  for (let mask = 0; mask < 1 << firsts.length; mask++) {
    const kept = firsts.filter((_, i) => mask & (1 << i));
    if (kept.some((phase, i) => i > 0 && rank(kept[i - 1]) > rank(phase))) continue;
    const moved = firsts.filter((_, i) => !(mask & (1 << i)));
    const cost = moved.length * 10 + moved.filter((phase) => phaseNameOf(phase) === 'middle').length;
    if (!best || cost < best.cost) best = { kept, moved, cost };
  }
  if (!best || best.moved.length === 0) return;

  for (const phase of best.moved) {
    const name = phaseNameOf(phase)!;
    const after = [...best.kept].reverse().find((k) => rank(k) < rank(phase));
    const before = best.kept.find((k) => rank(k) > rank(phase));
    const target = after ?? before!;
    const targetName = phaseNameOf(target)!;
    const relation = after ? 'after' : 'before';
    const textRelation = phase.span.start < target.span.start ? 'before' : 'after';
    ctx.report({
      span: phase.name!.span,
      message: `The \`${name}\` phase comes ${textRelation} the \`${targetName}\` phase; phases run initial → middle → termination. Move this block ${relation} the ${targetName} phase.`,
      related: [{ span: target.span, message: `The \`${targetName}\` phase.` }],
      fixes: [moveFix(ctx, phase, target, relation, best.moved.length === 1)],
    });
  }
}

/** Cuts a phase block (with the comments just above it) and inserts it before or after another block. */
function moveFix(ctx: RuleContext, phase: Phase, target: Phase, relation: 'before' | 'after', safe: boolean): Fix {
  const { text, lines } = ctx;
  const nl = lineBreakOf(text);
  const region = blockRegion(text, lines, phase);
  const moving = text.slice(region.start, region.contentEnd);
  const edits: TextEdit[] = [];
  if (region.end >= text.length) {
    // The last block of the file: cut from the end of the text before it, so no blank lines are left at the end.
    edits.push({ span: { start: lastContentEnd(text, region.start), end: region.contentEnd }, newText: '' });
  } else {
    edits.push({ span: { start: region.start, end: region.end }, newText: '' });
  }
  const targetRegion = blockRegion(text, lines, target);
  if (relation === 'after') edits.push({ span: { start: targetRegion.contentEnd, end: targetRegion.contentEnd }, newText: `${nl}${nl}${moving}` });
  else edits.push({ span: { start: targetRegion.start, end: targetRegion.start }, newText: `${moving}${nl}${nl}` });
  return { title: `Move the ${phaseNameOf(phase)} phase ${relation} the ${phaseNameOf(target)} phase`, edits, safe };
}

/**
 * The lines of a block: `start` is the start of the comment lines just above it (they travel with it),
 * `contentEnd` the end of its last line, `end` the start of the next non-blank line (or the end of the text).
 */
function blockRegion(text: string, lines: LineIndex, phase: Phase): { start: number; contentEnd: number; end: number } {
  let firstLine = lines.positionAt(phase.blockSpan.start).line;
  const indent = phase.keyword.start - lines.lineStarts[firstLine];
  while (firstLine > 0) {
    // A comment indented deeper than `phase` belongs to the block above; one at its level, to this block.
    const above = text.slice(lines.lineStarts[firstLine - 1], lines.lineEnd(firstLine - 1));
    const trimmed = above.trimStart();
    if (!trimmed.startsWith('#') || above.length - trimmed.length > indent) break;
    firstLine--;
  }
  const lastLine = lines.positionAt(Math.max(phase.blockSpan.start, phase.blockSpan.end - 1)).line;
  const contentEnd = lines.lineEnd(lastLine);
  let nextLine = lastLine + 1;
  while (nextLine < lines.lineCount && text.slice(lines.lineStarts[nextLine], lines.lineEnd(nextLine)).trim() === '') nextLine++;
  const end = nextLine < lines.lineCount ? lines.lineStarts[nextLine] : text.length;
  return { start: lines.lineStarts[firstLine], contentEnd, end };
}

/** The offset just after the last non-whitespace character before `offset`. */
function lastContentEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
