/**
 * Inline control (LANGUAGE.md "Inline control"), in comments:
 *
 *   # ipt-disable-next-line RULE[, RULE] -- reason
 *       covers the next line that holds a statement: blank lines and comment-only lines in between
 *       are skipped, so directives can be stacked and a blank line does not break them.
 *   # ipt-disable RULE[, RULE] -- reason   …   # ipt-enable RULE[, RULE]
 *       covers the lines strictly between the two comments, or to the end of the file when the rule
 *       is not re-enabled.
 *
 * A diagnostic is suppressed when its START line is covered. Rule ids may be separated by commas
 * and/or spaces; ` -- ` starts a free-text reason. Decisions (docs/rules/unused-disable.md):
 * - `syntax` and `internal-error` cannot be disabled, and `unused-disable` cannot be disabled inline
 *   (switch it off in config instead): naming one is reported, as is an unknown rule id (with
 *   did-you-mean).
 * - A directive must name its rules; a bare `# ipt-disable` is reported, not "disable everything".
 * - A rule id in a directive that suppressed nothing is reported (`unused-disable`) at that id, with
 *   a safe fix that removes the id, or the whole comment when it was the only one (and the matching
 *   `ipt-enable` of an unused block with it).
 * - A directive for a rule that did not run (off in config, or a whole-plan rule skipped because of
 *   syntax errors) is not reported as unused: whether it is needed cannot be known.
 * - When a block and a next-line directive both cover a diagnostic, the block gets the credit, so a
 *   redundant next-line directive inside a disabled block is the one reported as unused.
 */
import type { Comment } from '../language/ast.js';
import type { Fix, Report, TextEdit } from '../language/diagnostic.js';
import type { LineIndex, Span } from '../language/span.js';
import { allRules } from './registry.js';
import { didYouMean } from '../language/suggest.js';

export interface SuppressionInput {
  comments: Comment[];
  lines: LineIndex;
  /** Diagnostics after rules and severities, before suppression; `syntax` is never suppressed. */
  diagnostics: { rule: string; report: Report }[];
  knownRuleIds: ReadonlySet<string>;
  /**
   * Rules that did not run on this file (switched off in config). A directive naming one cannot be
   * judged, so it is not reported as unused. Rules of scope `plan` are added here automatically when
   * the file has syntax errors, since the engine skips them then.
   */
  rulesNotRun?: ReadonlySet<string>;
}

export interface SuppressionResult {
  /** The diagnostics that survive. */
  kept: { rule: string; report: Report }[];
  /** `unused-disable` reports (and reports about malformed directives). */
  unused: Report[];
  /** The diagnostics that a directive suppressed (for summaries such as `ipt lint --stats`). */
  suppressed: { rule: string; report: Report }[];
}

/** Rules that no directive can suppress. */
const NOT_SUPPRESSIBLE: Record<string, string> = {
  syntax: '`syntax` cannot be disabled: a line the parser cannot read must be fixed. Remove `syntax` from this directive.',
  'internal-error':
    '`internal-error` cannot be disabled: it says that a check did not run. Switch the failing rule off in .iptrc.json instead, and please report the failure.',
  'unused-disable':
    '`unused-disable` cannot be disabled inline. Remove the directive it reports, or set "unused-disable": "off" in .iptrc.json.',
};

export type DirectiveKind = 'ipt-disable-next-line' | 'ipt-disable' | 'ipt-enable';
const DIRECTIVES: ReadonlySet<string> = new Set<DirectiveKind>(['ipt-disable-next-line', 'ipt-disable', 'ipt-enable']);

export interface RuleName {
  id: string;
  span: Span;
}

export interface Directive {
  kind: DirectiveKind;
  comment: Comment;
  /** The directive word, e.g. `ipt-disable-next-line`. */
  keyword: Span;
  names: RuleName[];
  /** 0-based line of the comment. */
  line: number;
}

/** One rule id of one directive that can suppress diagnostics on lines [from, to]. */
interface Suppression {
  directive: Directive;
  name: RuleName;
  from: number;
  to: number;
  block: boolean;
  used: boolean;
  /** The `ipt-enable` that closed this block, if any. */
  enable?: { directive: Directive; name: RuleName };
}

export function applySuppressions(input: SuppressionInput): SuppressionResult {
  const { lines } = input;
  const unused: Report[] = [];
  const report = (span: Span, message: string, fixes?: Fix[]) => unused.push(fixes ? { span, message, fixes } : { span, message });

  const directives: Directive[] = [];
  for (const comment of [...input.comments].sort((a, b) => a.span.start - b.span.start)) {
    const parsed = parseDirective(comment, lines);
    if (parsed === undefined) continue;
    if ('unknownWord' in parsed) {
      report(parsed.span, `\`${parsed.unknownWord}\` is not a directive. Write \`# ipt-disable-next-line RULE\` on the line above, or \`# ipt-disable RULE\` … \`# ipt-enable RULE\` around the lines.`);
      continue;
    }
    directives.push(parsed);
  }

  const suppressions: Suppression[] = [];
  const open = new Map<string, Suppression>();
  const nextStatement = nextStatementLines(lines);
  for (const directive of directives) {
    if (directive.names.length === 0) {
      const example = directive.kind === 'ipt-enable' ? '# ipt-enable phi' : `# ${directive.kind} phi -- reason`;
      report(directive.keyword, `\`${directive.kind}\` needs the rule id(s) it applies to, e.g. \`${example}\`. Name the rule, or remove the comment.`, [
        { title: `Remove this \`${directive.kind}\` comment`, edits: [removeNames(directive, directive.names, lines)] },
      ]);
      continue;
    }
    const seen = new Set<string>();
    for (const name of directive.names) {
      const problem = nameProblem(name.id, input.knownRuleIds, seen);
      seen.add(name.id);
      if (problem) {
        report(name.span, problem.message, problem.fixes(directive, name, lines));
        continue;
      }
      if (directive.kind === 'ipt-disable-next-line') {
        const target = nextStatement(directive.line);
        suppressions.push({ directive, name, from: target ?? -1, to: target ?? -1, block: false, used: false });
      } else if (directive.kind === 'ipt-disable') {
        const already = open.get(name.id);
        if (already) {
          report(name.span, `\`${name.id}\` is already disabled by the \`ipt-disable\` on line ${already.directive.line + 1}. Remove this one.`, [removeFix(directive, name, lines)]);
          continue;
        }
        const suppression: Suppression = { directive, name, from: directive.line + 1, to: Infinity, block: true, used: false };
        suppressions.push(suppression);
        open.set(name.id, suppression);
      } else {
        const block = open.get(name.id);
        if (!block) {
          report(name.span, `\`${name.id}\` is not disabled here, so this \`ipt-enable\` does nothing. Remove it, or add \`# ipt-disable ${name.id}\` above the lines to disable.`, [removeFix(directive, name, lines)]);
          continue;
        }
        block.to = directive.line - 1;
        block.enable = { directive, name };
        open.delete(name.id);
      }
    }
  }

  const coverage = new Coverage(suppressions);
  const kept: SuppressionResult['kept'] = [];
  const suppressed: SuppressionResult['suppressed'] = [];
  for (const diagnostic of input.diagnostics) {
    const by = NOT_SUPPRESSIBLE[diagnostic.rule] ? undefined : coverage.find(diagnostic.rule, () => lines.positionAt(diagnostic.report.span.start).line);
    if (by) {
      by.used = true;
      suppressed.push(diagnostic);
    } else kept.push(diagnostic);
  }

  // A rule that did not run says nothing about whether its directive is needed: never a false alarm.
  const notRun = new Set(input.rulesNotRun ?? []);
  if (input.diagnostics.some((d) => d.rule === 'syntax')) for (const rule of allRules) if (rule.scope === 'plan') notRun.add(rule.id);
  for (const s of suppressions) {
    if (!s.used && !notRun.has(s.name.id)) report(s.name.span, unusedMessage(s), [removeFix(s.directive, s.name, lines, s.enable)]);
  }
  unused.sort((a, b) => a.span.start - b.span.start);
  return { kept, unused, suppressed };
}

/**
 * Which suppression covers a diagnostic, found without a scan of every directive (a plan can hold
 * 35,000 of them). Blocks come first, so that a redundant next-line directive inside a block is the
 * one left unused; then the next-line directives in text order. The blocks of one rule never overlap
 * (a second `ipt-disable` of an open rule is refused), so they are searched by line.
 */
class Coverage {
  private readonly blocks = new Map<string, Suppression[]>();
  private readonly nextLine = new Map<string, Map<number, Suppression>>();

  constructor(suppressions: readonly Suppression[]) {
    for (const s of suppressions) {
      if (s.block) {
        let list = this.blocks.get(s.name.id);
        if (!list) this.blocks.set(s.name.id, (list = []));
        list.push(s); // in text order, so sorted by `from`
      } else if (s.from >= 0) {
        let byLine = this.nextLine.get(s.name.id);
        if (!byLine) this.nextLine.set(s.name.id, (byLine = new Map()));
        if (!byLine.has(s.from)) byLine.set(s.from, s); // stacked directives: the first one gets the credit
      }
    }
  }

  /** The suppression of `rule` covering the diagnostic's line (asked for only when there is one to check). */
  find(rule: string, lineOf: () => number): Suppression | undefined {
    const blocks = this.blocks.get(rule);
    const nextLine = this.nextLine.get(rule);
    if (!blocks && !nextLine) return undefined;
    const line = lineOf();
    if (blocks) {
      let low = 0;
      let high = blocks.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (blocks[mid].from <= line) low = mid + 1;
        else high = mid;
      }
      const block = blocks[low - 1];
      if (block && line <= block.to) return block;
    }
    return nextLine?.get(line);
  }
}

// ---------------------------------------------------------------- messages

function nameProblem(
  id: string,
  known: ReadonlySet<string>,
  seen: ReadonlySet<string>,
): { message: string; fixes: (d: Directive, n: RuleName, lines: LineIndex) => Fix[] } | undefined {
  const remove = (d: Directive, n: RuleName, lines: LineIndex) => [removeFix(d, n, lines)];
  if (NOT_SUPPRESSIBLE[id]) return { message: NOT_SUPPRESSIBLE[id], fixes: remove };
  if (!known.has(id)) {
    const candidates = [...known].filter((k) => !NOT_SUPPRESSIBLE[k]);
    const hint = didYouMean(id, candidates);
    return {
      message: `\`${id}\` is not a rule id, so nothing is disabled.${hint.text} Run \`ipt rules\` to list the rule ids.`,
      // Two reasonable repairs (correct the id, or drop it): offered, never applied automatically.
      fixes: (d, n, lines) => [
        ...(hint.suggestion ? [{ title: `Change to \`${hint.suggestion}\``, edits: [{ span: n.span, newText: hint.suggestion }] }] : []),
        { ...removeFix(d, n, lines), safe: false },
      ],
    };
  }
  if (seen.has(id)) return { message: `\`${id}\` is listed twice in this directive. Remove the second one.`, fixes: remove };
  return undefined;
}

function unusedMessage(s: Suppression): string {
  const { id } = s.name;
  const alone = s.directive.names.length === 1;
  const action = alone ? 'Remove the directive so it cannot hide a future problem.' : `Remove \`${id}\` from the directive.`;
  if (!s.block) {
    if (s.from < 0) return `\`${id}\` is disabled for the next line, but no plan line follows. ${action}`;
    return `\`${id}\` is disabled for the next line (line ${s.from + 1}), but that line has no \`${id}\` diagnostic. ${action}`;
  }
  const end = s.enable ? `the \`ipt-enable\` on line ${s.enable.directive.line + 1}` : 'the end of the file';
  const blockAction = alone ? `Remove the directive${s.enable ? ' and its `ipt-enable`' : ''} so it cannot hide a future problem.` : action;
  return `\`${id}\` is disabled from here to ${end}, but there is no \`${id}\` diagnostic in between. ${blockAction}`;
}

// ---------------------------------------------------------------- parsing

/** Reads an `ipt-…` directive out of a comment (also used by semantic highlighting). */
export function parseDirective(comment: Comment, lines: LineIndex): Directive | { unknownWord: string; span: Span } | undefined {
  const base = comment.span.start + 1; // the text starts after `#`
  const head = /^\s*(ipt-[A-Za-z-]*)/.exec(comment.text);
  if (!head) return undefined;
  const word = head[1];
  const keyword = { start: base + head[0].length - word.length, end: base + head[0].length };
  if (!DIRECTIVES.has(word)) {
    return word.startsWith('ipt-disable') || word.startsWith('ipt-enable') ? { unknownWord: word, span: keyword } : undefined;
  }
  let rest = comment.text.slice(head[0].length);
  const reason = /(^|\s)--(\s|$)/.exec(rest);
  if (reason) rest = rest.slice(0, reason.index);
  const names: RuleName[] = [];
  for (const match of rest.matchAll(/[^\s,]+/g)) {
    const start = base + head[0].length + match.index;
    names.push({ id: match[0], span: { start, end: start + match[0].length } });
  }
  return { kind: word as DirectiveKind, comment, keyword, names, line: lines.positionAt(comment.span.start).line };
}

/**
 * For a directive's line, the next line after it that is neither blank nor only a comment. Asked in
 * text order, so one pointer walks the lines once however many directives are stacked (a scan per
 * directive made 35,000 stacked directives quadratic: 18.5 s).
 */
function nextStatementLines(lines: LineIndex): (directiveLine: number) => number | undefined {
  let line = 0;
  const isStatement = (n: number) => {
    const content = lines.text.slice(lines.lineStarts[n], lines.lineEnd(n)).trim();
    return content !== '' && !content.startsWith('#');
  };
  return (directiveLine) => {
    line = Math.max(line, directiveLine + 1);
    while (line < lines.lineCount && !isStatement(line)) line++;
    return line < lines.lineCount ? line : undefined;
  };
}

// ---------------------------------------------------------------- fixes

function removeFix(directive: Directive, name: RuleName, lines: LineIndex, enable?: { directive: Directive; name: RuleName }): Fix {
  // The name is one of the directive's own (by identity): it is the last one left when it is the only one.
  const remaining = directive.names.length - 1;
  const edits = [removeNames(directive, [name], lines)];
  if (enable) edits.push(removeNames(enable.directive, [enable.name], lines));
  const title =
    remaining === 0
      ? `Remove the \`${directive.kind} ${name.id}\` comment${enable ? ' and its `ipt-enable`' : ''}`
      : `Remove \`${name.id}\` from this \`${directive.kind}\``;
  return { title, edits, safe: true };
}

/** An edit that removes some rule ids from a directive, or the whole comment when none would remain. */
function removeNames(directive: Directive, remove: RuleName[], lines: LineIndex): TextEdit {
  const names = directive.names;
  if (remove.length === 1 && names.length > 1) {
    // Only the one name and its separator. Rewriting the whole list, once per name, made a
    // directive of n unknown names cost n² (33,000 names needed gigabytes of fix text).
    const i = positionOf(directive, remove[0]);
    if (i !== undefined) return i < names.length - 1 ? { span: { start: names[i].span.start, end: names[i + 1].span.start }, newText: '' } : { span: { start: names[i - 1].span.end, end: names[i].span.end }, newText: '' };
  }
  const remaining = names.filter((n) => !remove.includes(n));
  if (remaining.length > 0) {
    const first = directive.names[0].span.start;
    const last = directive.names[directive.names.length - 1].span.end;
    return { span: { start: first, end: last }, newText: remaining.map((n) => n.id).join(', ') };
  }
  return { span: commentRemovalSpan(directive, lines), newText: '' };
}

const positions = new WeakMap<Directive, Map<RuleName, number>>();

/** Where a name stands in its directive, from an index built once per directive. */
function positionOf(directive: Directive, name: RuleName): number | undefined {
  let index = positions.get(directive);
  if (!index) positions.set(directive, (index = new Map(directive.names.map((n, i) => [n, i]))));
  return index.get(name);
}

/** The whole line for a comment on its own line; otherwise the comment and the spaces before it. */
function commentRemovalSpan(directive: Directive, lines: LineIndex): Span {
  const { text } = lines;
  const lineStart = lines.lineStarts[directive.line];
  const commentStart = directive.comment.span.start;
  if (text.slice(lineStart, commentStart).trim() === '') {
    const nextStart = directive.line + 1 < lines.lineCount ? lines.lineStarts[directive.line + 1] : text.length;
    if (nextStart < text.length || directive.line === 0) return { start: lineStart, end: nextStart };
    // The last line: take the line break before it instead, so the file keeps its final shape.
    return { start: directive.line > 0 ? lines.lineEnd(directive.line - 1) : lineStart, end: text.length };
  }
  let start = commentStart;
  while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: directive.comment.span.end };
}
