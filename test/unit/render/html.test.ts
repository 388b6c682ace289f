import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { render } from '../../../server/src/render/index.js';
import { dataLines, textOf, unbalancedTags } from './html-check.js';
import { coursePlan, hostilePlan, iptFiles, payloads, samplesDir, sharedExamplesDir } from './plans.js';

const html = (text: string, fragment = false) => render(analyse(text), { to: 'html', fragment });
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('render html: a standalone page', () => {
  const page = html(coursePlan);

  it('is a complete, balanced HTML document with embedded CSS and no scripts', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toMatch(/<style>[\s\S]*\.ipt-plan[\s\S]*<\/style>/);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(unbalancedTags(page)).toEqual([]);
  });

  it('forbids scripts with a Content-Security-Policy', () => {
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('uses VS Code theme variables with fallbacks, and has print styles', () => {
    expect(page).toContain('var(--vscode-editor-foreground, #1f2328)');
    expect(page).toContain('var(--vscode-editor-background, #ffffff)');
    expect(page).toMatch(/@media print \{[\s\S]*break-inside: avoid/);
    expect(page).not.toMatch(/var\(--vscode-[a-zA-Z-]+\)/); // every theme variable has a fallback
  });

  it('shows the header: title, client code, clinician, supervisor, variant, diagnosis, sessions, start', () => {
    const text = textOf(page);
    expect(page).toContain('<title>C-0142 acute IPT</title>');
    expect(text).toContain('Client C-0142');
    expect(text).toContain('Clinician J. Rivera, LCSW');
    expect(text).toContain('Supervisor M. Okafor, PhD');
    expect(text).toContain('Format Acute IPT acute Standard individual IPT for adult major depression');
    expect(text).toContain('Diagnosis Major depressive disorder, recurrent, moderate F33.1');
    expect(text).toContain('Sessions 16 weekly sessions, 50 minutes each');
    expect(text).toContain('Start 2026-02-02 — last session around 2026-05-18');
  });

  it('shows the focus with its area, stage and goals, and where each goal is targeted', () => {
    const text = textOf(page);
    expect(text).toContain('Role dispute Escalating conflict with partner about caring for their newborn');
    expect(text).toContain('Dispute stage: Renegotiation renegotiation');
    expect(text).toContain("G1 Name each partner's expectations about caregiving roles Targeted in sessions 4, 5, 6–7");
    expect(text).toContain('G2 State needs calmly during disagreements Targeted in sessions 8–13');
  });

  it('shows the measures with their schedule and recorded scores', () => {
    const text = textOf(page);
    expect(text).toContain('PHQ-9 Patient Health Questionnaire-9 every 4 sessions (sessions 1, 5, 9, 13, 16) 18 (s1), 12 (s5)');
    expect(text).toContain('HAM-D Hamilton Depression Rating Scale (HRSD-17) at sessions 1, 16 22 (s1)');
  });

  it('lists the scores of an instrument once, in its first measure row; a repeated goal id lists no sessions (issue 17)', () => {
    const twice = coursePlan.replace(/(measure PHQ-9 [^\n]*\n)/, '$1$1').replace(/( *)(goal G1 [^\n]*\n)/, '$1$2$1goal G1 "again"\n');
    const text = textOf(html(twice));
    const measureLine = lineOf(twice, 'measure PHQ-9') + 1;
    expect(text).toContain('PHQ-9 Patient Health Questionnaire-9 every 4 sessions (sessions 1, 5, 9, 13, 16) 18 (s1), 12 (s5)');
    expect(text).toContain(`(sessions 1, 5, 9, 13, 16) listed with the first measure PHQ-9 (line ${measureLine})`);
    expect(text).toContain(`G1 again The same id as the goal on line ${lineOf(twice, 'goal G1') + 1}: give this goal its own id`);
  });

  it('shows the risk level as a badge with the safety plan', () => {
    expect(page).toContain('<span class="badge risk-low">Low risk</span> Passive thoughts of death at intake; no plan or intent');
    expect(textOf(page)).toContain('Safety plan: Warning signs, coping steps and contacts agreed in session 1; crisis line 988');
  });

  it('groups the session timeline by phase, with ranges, dates, status, work, targets, homework and scores', () => {
    const text = textOf(page);
    expect(text).toMatch(/Initial phase sessions 1–3 · 3 sessions .*Middle phase sessions 4–13 · 10 sessions .*Termination phase sessions 14–16 · 3 sessions/);
    expect(text).toContain('1 Assessment, diagnosis and the sick role 2026-02-02 Held Tasks symptom-review sick-role medication-review Scores PHQ-9 18 (moderately severe), HAM-D 22');
    expect(text).toContain('Targets G1 Name each partner');
    expect(text).toContain('Homework One ten-minute check-in with partner each week');
    expect(page).toContain('<section class="phase phase-middle"');
  });

  it('draws one accessible chart per scored instrument, with a data table', () => {
    const charts = [...page.matchAll(/<svg class="score-chart"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(charts).toHaveLength(2);
    expect(charts[0]).toMatch(/role="img" aria-labelledby="chart-0-title chart-0-desc"/);
    expect(charts[0]).toContain('<title id="chart-0-title">PHQ-9 scores by session</title>');
    expect(charts[0]).toContain('session 1: 18 (moderately severe); session 5: 12 (moderate). Change from session 1 to session 5: −6 (−33%).');
    expect(charts[0].match(/<rect class="band /g)).toHaveLength(5);
    expect(charts[1].match(/<rect class="band /g)).toHaveLength(4); // HAM-D's bands (Zimmerman et al. 2013)
    expect(textOf(page)).toContain('PHQ-9 scores as a table Session Date Score Severity band 1 2026-02-02 18 moderately severe 5 2026-03-02 12 moderate');
  });

  it('lists no diagnostics for a clean plan', () => {
    expect(page).not.toContain('Issues to review');
  });

  it('marks rendered blocks with their 0-based source line', () => {
    const marks = dataLines(page);
    const at = (needle: string) => marks.find((m) => m.line === lineOf(coursePlan, needle));
    expect(at('plan "C-0142')?.tag).toBe('header');
    expect(at('focus role-dispute')?.after).toContain('Role dispute');
    expect(at('goal G2')?.after).toContain('G2 State needs calmly');
    expect(at('measure HAM-D')?.after).toContain('HAM-D');
    expect(at('risk low')?.after).toContain('Low risk');
    expect(at('phase termination')?.after).toContain('Termination phase');
    expect(at('session 8-13')?.after).toContain('8–13 Rehearse new ways to negotiate');
    expect(at('score PHQ-9 12')?.tag).toBe('tr');
  });
});

describe('render html: diagnostics', () => {
  const text = coursePlan.replace('technique role-play, decision-analysis', 'technique role-play, thought-record').replace('score PHQ-9 12', 'score PHQ-9 30');
  const analysis = analyse(text);
  const page = render(analysis, { to: 'html' });

  it('lists each diagnostic with severity, 1-based line, message and rule, at its source line', () => {
    expect(analysis.diagnostics.map((d) => d.rule).sort()).toEqual(['score-range', 'technique']);
    const items = [...page.matchAll(/<li data-line="(\d+)"><span class="severity severity-(\w+)">(\w+)<\/span><span class="muted">line (\d+)<\/span>/g)];
    expect(items.map((m) => [Number(m[1]), m[2], Number(m[4])])).toEqual(
      analysis.diagnostics.map((d) => [d.range.start.line, d.severity, d.range.start.line + 1]),
    );
    expect(page).toContain('<span class="rule-id">score-range</span>');
    expect(page).toContain('<code>thought-record</code>');
    expect(textOf(page)).toContain('1 error · 1 warning');
  });

  it('marks a score outside the scale in the chart and the table', () => {
    expect(page).toContain('30 (off scale)');
    expect(textOf(page)).toContain('5 2026-03-02 30 outside the 0–27 scale');
  });
});

describe('render html: escaping', () => {
  const page = html(hostilePlan);

  it('escapes every plan string: no tag, handler or entity from the plan gets through', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img|<svg onload|<style>body|<b>tag/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; plan');
    expect(page).toContain('&lt;/title&gt;&lt;style&gt;body{display:none}&lt;/style&gt;');
    expect(page).toContain('O&#39;Neil &amp; &quot;Sons&quot; &amp;amp; co');
    expect(page).toContain('&amp;lt;already escaped&amp;gt; &amp;amp;');
    expect(unbalancedTags(page)).toEqual([]);
  });

  it('shows each payload exactly as written', () => {
    const text = textOf(page);
    for (const value of Object.values(payloads)) expect(text).toContain(value.replace(/\\"/g, '"'));
  });
});

describe('render html: fragment', () => {
  it('returns only the article, without document, head or styles', () => {
    const fragment = html(coursePlan, true);
    expect(fragment.startsWith('<article class="ipt-plan">')).toBe(true);
    expect(fragment.trimEnd().endsWith('</article>')).toBe(true);
    expect(fragment).not.toMatch(/<html|<head>|<style|<!DOCTYPE/i);
    expect(unbalancedTags(fragment)).toEqual([]);
  });
});

describe('render html: incomplete plans', () => {
  it('renders an empty file with placeholders', () => {
    const text = textOf(html(''));
    expect(text).toContain('Untitled plan');
    expect(text).toContain('No focus stated.');
    expect(text).toContain('No phases planned.');
  });

  it('never throws and stays balanced on any truncation of a plan (property)', () => {
    fc.assert(
      fc.property(fc.nat(coursePlan.length), fc.nat(coursePlan.length), (a, b) => {
        const broken = coursePlan.slice(0, Math.min(a, b)) + coursePlan.slice(Math.max(a, b) + 1 > coursePlan.length ? coursePlan.length : Math.max(a, b));
        const page = html(broken);
        expect(unbalancedTags(page)).toEqual([]);
        for (const to of ['markdown', 'fhir'] as const) expect(typeof render(analyse(broken), { to })).toBe('string');
      }),
      { numRuns: 150 },
    );
  });
});

const samples = [...iptFiles(samplesDir), ...iptFiles(path.join(samplesDir, 'rules')).map((s) => ({ ...s, name: `rules/${s.name}` }))];
describe.skipIf(samples.length === 0)('render html: the project samples', () => {
  for (const { name, text } of samples) {
    it(`${name} renders balanced, with its title, every session and no scripts`, () => {
      const analysis = analyse(text);
      const page = render(analysis, { to: 'html' });
      expect(unbalancedTags(page)).toEqual([]);
      expect(page).not.toMatch(/<script/i);
      const sessions = analysis.ast.phases.flatMap((p) => p.sessions);
      expect(page.match(/<li class="session"/g)?.length ?? 0).toBe(sessions.length);
      if (analysis.ast.plan?.title) expect(textOf(page)).toContain(analysis.ast.plan.title.value);
    });
  }
});

const examples = iptFiles(sharedExamplesDir);
describe.skipIf(examples.length === 0)('render html: the shared examples (reads ../shared/design/examples)', () => {
  for (const { name, text } of examples) {
    it(`${name} renders with its expected diagnostics listed`, () => {
      const analysis = analyse(text);
      const page = render(analysis, { to: 'html' });
      expect(unbalancedTags(page)).toEqual([]);
      const listed = [...page.matchAll(/<span class="rule-id">([\w-]+)<\/span>/g)].map((m) => m[1]);
      expect(listed).toEqual(analysis.diagnostics.map((d) => d.rule));
      const expected = text.split('\n')[0].replace('# expect:', '').trim();
      if (expected === 'none') expect(page).not.toContain('Issues to review');
      else for (const rule of expected.split(/\s+/)) expect(listed).toContain(rule);
    });
  }
});

describe('render html: a configured catalogue', () => {
  it('uses the titles and severity bands of the catalogue it is given', async () => {
    const { builtinCatalogue } = await import('../../../server/src/language/catalogue.js');
    const catalogue = {
      ...builtinCatalogue,
      instruments: [
        ...builtinCatalogue.instruments,
        {
          id: 'QIDS-SR',
          title: 'Quick Inventory of Depressive Symptomatology',
          description: 'Self-report, 0–27.',
          sources: [],
          min: 0,
          max: 27,
          bands: [
            { min: 0, max: 10, label: 'low' },
            { min: 11, max: 27, label: 'high' },
          ],
        },
      ],
    };
    const text = coursePlan.replace('score PHQ-9 12', 'score QIDS-SR 12');
    const page = render(analyse(text), { to: 'html', catalogue });
    expect(page).toContain('<code>QIDS-SR</code> 12 <span class="muted">(high)</span>');
    expect(page).toContain('>high (11–27)</text>');
    expect(render(analyse(text), { to: 'html' })).not.toContain('high (11–27)');
  });
});
