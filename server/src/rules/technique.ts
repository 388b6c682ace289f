/**
 * `technique`: Techniques are IPT techniques. A known non-IPT technique (CBT, behavioural,
 * psychodynamic…), in either spelling or slightly misspelt, gets the catalogue's explanation; a task
 * written as a technique is pointed to `task` with a fix that moves it there (and `initial-tasks` /
 * `termination-tasks` count it, so the slip is one diagnostic). IPT techniques are not tied to a
 * phase: the manual treats them as shared tools, and what is specific to IPT is the problem-area
 * strategy [S3] [S35] (ipt-domain.md §3), so no phase check.
 *
 * `psychoeducation` is both an initial-phase task (with the sick role) and, later, education of the
 * directive techniques: on a technique line it is accepted outside the initial phase, and in the
 * initial phase it is the task (see tasksOnTechniqueLines).
 */
import type { ListItem, Session, Word } from '../language/ast.js';
import type { PhaseName } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import type { Fix, TextEdit } from '../language/diagnostic.js';
import { indentationAt, insertLineAfter, phaseNameOf } from './plan-queries.js';
import { docsUrl, type Rule, type RuleContext } from './rule.js';
import { changeTo, namesOf, suggestUnique } from '../language/suggest.js';
import { taskOnTechniqueLine } from './technique-tasks.js';

export default {
  id: 'technique',
  defaultSeverity: 'warning',
  description: 'Techniques are known IPT techniques; known non-IPT techniques are explained.',
  docsUrl: docsUrl('technique'),
  scope: 'statement',
  check(ctx) {
    for (const phase of ctx.file.phases) {
      const phaseName = phaseNameOf(phase);
      for (const session of phase.sessions) {
        for (const item of session.items) {
          if (item.kind !== 'technique') continue;
          for (const word of item.values) checkTechnique(ctx, session, phaseName, item, word);
        }
      }
    }
  },
} satisfies Rule;

function checkTechnique(ctx: RuleContext, session: Session, phaseName: PhaseName | undefined, item: ListItem, word: Word): void {
  const { catalogue } = ctx;
  const task = taskOnTechniqueLine(catalogue, word.value, phaseName);
  if (task) {
    ctx.report({
      span: word.span,
      message:
        task.id === word.value && findEntry(catalogue.techniques, word.value)
          ? `\`${word.value}\` in the ${phaseName} phase is the task (${task.title.toLowerCase()}), not a technique. List it on a \`task\` line, where it counts for the phase's tasks.`
          : `\`${word.value}\` is an IPT task, not a technique. List it on a \`task\` line instead.`,
      fixes: [moveToTaskLine(ctx, session, item, word)],
    });
    return;
  }
  if (findEntry(catalogue.techniques, word.value)) return;

  const nonIpt = findEntry(catalogue.nonIptTechniques, word.value) ?? findEntry(catalogue.nonIptTechniques, suggestUnique(word.value, namesOf(catalogue.nonIptTechniques)) ?? '');
  if (nonIpt) {
    ctx.report({
      span: word.span,
      message: `\`${word.value}\` is not an IPT technique. ${sentence(nonIpt.reason)}`,
    });
    return;
  }

  const suggestion = suggestUnique(word.value, namesOf(catalogue.techniques));
  const fixes: Fix[] | undefined = suggestion
    ? [changeTo(word, suggestion)]
    : undefined;
  ctx.report({
    span: word.span,
    message: suggestion
      ? `\`${word.value}\` is not a known IPT technique. Did you mean \`${suggestion}\`?`
      : `\`${word.value}\` is not a known IPT technique. Use an IPT technique (e.g. \`exploratory-questioning\`, \`communication-analysis\`, \`role-play\`), or add it to \`vocabulary.techniques\` in .iptrc.json if your service uses it.`,
    fixes,
  });
}

/**
 * "Move to a `task` line": the line's keyword becomes `task` when the task is its only value;
 * otherwise the task leaves the list and joins the session's last `task` line, or a new one after
 * this line. Offered in the editor; like the rest of this rule's fixes for tasks, not applied by
 * `ipt lint --fix` (the clinician may have meant a technique).
 */
function moveToTaskLine(ctx: RuleContext, session: Session, item: ListItem, word: Word): Fix {
  if (item.values.length === 1) return { title: 'Make this a `task` line', edits: [{ span: item.keyword, newText: 'task' }] };
  const index = item.values.indexOf(word);
  // The word with the comma that joins it to its neighbour (the one before, or the next for the first).
  const remove: TextEdit =
    index > 0
      ? { span: { start: item.values[index - 1].span.end, end: word.span.end }, newText: '' }
      : { span: { start: word.span.start, end: item.values[1].span.start }, newText: '' };
  const taskLines = session.items.filter((other): other is ListItem => other.kind === 'task' && other.values.length > 0);
  const last = taskLines[taskLines.length - 1];
  const add: TextEdit = last
    ? { span: { start: last.values[last.values.length - 1].span.end, end: last.values[last.values.length - 1].span.end }, newText: `, ${word.value}` }
    : insertLineAfter(ctx.text, item.span.end, indentationAt(ctx.text, item.span.start), `task ${word.value}`);
  return { title: `Move \`${word.value}\` to a \`task\` line`, edits: last && last.span.start < item.span.start ? [add, remove] : [remove, add] };
}

/** The catalogue's reason as a sentence: capitalised, ending with a full stop. */
function sentence(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) return 'It belongs to another therapy; remove it, or name the IPT technique you mean.';
  const text = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

