/**
 * The Markdown rendering: a readable summary for pull-request comments (GitHub-flavoured tables).
 * Every plan string goes through escapeMarkdown.
 */
import { pushAll } from '../language/arrays.js';
import { bandOf } from './chart-svg.js';
import { escapeMarkdown as m } from './escape.js';
import type { Named, PlanView, SessionView } from './model.js';

export function renderMarkdown(view: PlanView): string {
  const out: string[] = [];
  out.push(`# ${view.title !== undefined ? m(view.title) : 'Untitled plan'}`, '');
  // Sections append in a loop: a section of a huge plan has more lines than push(...) can take.
  const sections = [headerTable(view), view.diagnostics.length ? diagnosticsList(view) : undefined, focusSection(view), sessionsSection(view), measuresSection(view)];
  for (const section of sections) if (section) pushAll(out, section).push('');
  pushAll(out, riskSection(view));
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

const notStated = '_not stated_';

function value(text: string | undefined): string {
  return text === undefined || text === '' ? notStated : m(text);
}

function word(named: Named | undefined): string {
  if (!named) return notStated;
  return named.title ? `${m(named.title)} (${code(named.id)})` : `${code(named.id)} (not in the catalogue)`;
}

/** Inline code for a catalogue word as written (identifiers cannot hold a backtick or a bar). */
function code(id: string): string {
  return `\`${id.replace(/[`|]/g, '')}\``;
}

function headerTable(view: PlanView): string[] {
  const rows: [string, string][] = [
    ['Client', view.client !== undefined ? m(view.client) : notStated],
    ['Clinician', value(view.clinician)],
  ];
  if (view.supervisor !== undefined) rows.push(['Supervisor', m(view.supervisor)]);
  rows.push(['Format', view.variant ? `${word(view.variant)}${view.variant.declared ? '' : ' — default, no `variant` line'}` : notStated]);
  const d = view.diagnosis;
  rows.push(['Diagnosis', d ? `${value(d.text)}${d.code ? ` (${code(d.code)})` : ''}` : notStated]);
  const s = view.sessions;
  rows.push([
    'Sessions',
    s ? [s.count, s.cadence ? m(s.cadence.id) : undefined, s.minutes !== undefined ? `${s.minutes} min` : undefined].filter((x) => x !== undefined).join(' ') || notStated : notStated,
  ]);
  rows.push(['Start', value(view.start)]);
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

function diagnosticsList(view: PlanView): string[] {
  const errors = view.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = view.diagnostics.filter((d) => d.severity === 'warning').length;
  const lines = [`## Issues to review (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`, ''];
  for (const d of view.diagnostics) lines.push(`- **${d.severity}** line ${d.line + 1}: ${withCode(d.message)} (${code(d.rule)})`);
  return lines;
}

/** A diagnostic message: `backticked` words become code spans, the rest is escaped text. */
function withCode(message: string): string {
  return message
    .split(/`([^`\r\n]+)`/)
    .map((part, i) => (i % 2 === 1 ? code(part) : m(part)))
    .join('');
}

function focusSection(view: PlanView): string[] {
  if (view.focuses.length === 0) return ['## Focus', '', '_No focus stated._'];
  const lines: string[] = [];
  for (const focus of view.focuses) {
    lines.push(`## Focus: ${focus.area ? (focus.area.title ? m(focus.area.title) : code(focus.area.id)) : 'problem area not stated'}`, '');
    lines.push(value(focus.description), '');
    if (focus.stage) lines.push(`Dispute stage: ${word(focus.stage)}`, '');
    if (focus.goals.length === 0) lines.push('_No goals stated._');
    for (const goal of focus.goals) {
      const where =
        goal.sameIdAs !== undefined
          ? ` — the same id as the goal on line ${goal.sameIdAs + 1}: give this goal its own id`
          : goal.targetedIn.length
            ? ` — targeted in ${goal.targetedIn.length === 1 && !goal.targetedIn[0].includes('–') ? 'session' : 'sessions'} ${m(goal.targetedIn.join(', '))}`
            : ' — not targeted by any session yet';
      lines.push(`- **${goal.id !== undefined ? m(goal.id) : '?'}** ${value(goal.text)}${where}`);
    }
    lines.push('');
  }
  return lines;
}

function sessionsSection(view: PlanView): string[] {
  if (view.phases.length === 0) return ['## Sessions', '', '_No phases planned._'];
  const lines = ['## Sessions', '', '| Phase | Session | Title | Work | Targets | Status |', '|---|---|---|---|---|---|'];
  for (const phase of view.phases) {
    const name = phase.name ? `**${m(phase.name.id)}** (${phase.range ? m(phase.range) : '?'})` : '**?**';
    if (phase.sessions.length === 0) lines.push(`| ${name} | | _no sessions written_ | | | |`);
    phase.sessions.forEach((session, i) => {
      lines.push(`| ${i === 0 ? name : ''} | ${m(session.label)} | ${value(session.title)} | ${work(session)} | ${session.targets.map(m).join(', ')} | ${status(session)} |`);
    });
  }
  return lines;
}

function work(session: SessionView): string {
  const parts = [...session.tasks, ...session.techniques].map((w) => m(w.id));
  const extra = [...session.homework.map((h) => `homework: ${m(h)}`), ...session.notes.map((n) => `note: ${m(n)}`)];
  return [parts.join(', '), ...extra].filter((x) => x !== '').join('<br>');
}

function status(session: SessionView): string {
  return [session.status ? m(session.status.id) : '', session.date ? m(session.date) : ''].filter((x) => x !== '').join(' ');
}

function measuresSection(view: PlanView): string[] {
  const lines = ['## Measures', ''];
  if (view.measures.length === 0) lines.push('_No measures scheduled._');
  for (const measure of view.measures) {
    const name = measure.instrument ? code(measure.instrument.id) : 'instrument not stated';
    const sessions = measure.schedule?.startsWith('every') && measure.sessions.length ? ` (sessions ${measure.sessions.join(', ')})` : '';
    lines.push(`- ${name} ${measure.schedule !== undefined ? m(measure.schedule) : notStated}${sessions}`);
  }
  if (view.series.length) {
    lines.push('', '### Recorded scores', '', '| Instrument | Session | Date | Score | Band |', '|---|---|---|---|---|');
    for (const series of view.series) {
      for (const p of series.points) {
        lines.push(`| ${code(series.instrument.id)} | ${m(p.sessionLabel)} | ${p.date ? m(p.date) : ''} | ${p.value} | ${m(bandOf(series, p.value) ?? '')} |`);
      }
    }
  }
  return lines;
}

function riskSection(view: PlanView): string[] {
  const lines = ['## Risk', ''];
  if (view.risks.length === 0) lines.push('_No risk assessment stated._');
  for (const risk of view.risks) {
    lines.push(`**${risk.level ? m(risk.level.title ?? risk.level.id) : 'Level not stated'}** — ${value(risk.text)}`, '');
    for (const plan of risk.safetyPlans) lines.push(`Safety plan: ${m(plan)}`, '');
    if (risk.safetyPlans.length === 0) lines.push('_No safety plan written._', '');
  }
  return lines;
}
