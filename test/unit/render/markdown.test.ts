import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { render } from '../../../server/src/render/index.js';
import { coursePlan, hostilePlan, iptFiles, samplesDir, sharedExamplesDir } from './plans.js';

const markdown = (text: string) => render(analyse(text), { to: 'markdown' });

/** Table rows whose cell count differs from their table's header (a `|` from a plan string would do it). */
function brokenTableRows(md: string): string[] {
  const broken: string[] = [];
  let columns = 0;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      columns = 0;
      continue;
    }
    const cells = line.replace(/\\\|/g, '').split('|').length - 2;
    if (columns === 0) columns = cells;
    else if (cells !== columns) broken.push(line);
  }
  return broken;
}

describe('render markdown', () => {
  const md = markdown(coursePlan);

  it('starts with the title and a header table', () => {
    expect(md.startsWith('# C-0142 acute IPT\n\n| | |\n|---|---|\n| Client | C-0142 |\n')).toBe(true);
    expect(md).toContain('| Format | Acute IPT (`acute`) |');
    expect(md).toContain('| Diagnosis | Major depressive disorder, recurrent, moderate (`F33.1`) |');
    expect(md).toContain('| Sessions | 16 weekly 50 min |');
    expect(md).toContain('| Start | 2026-02-02 |');
  });

  it('shows the focus and its goals with where they are targeted', () => {
    expect(md).toContain('## Focus: Role dispute\n\nEscalating conflict with partner about caring for their newborn\n');
    expect(md).toContain('Dispute stage: Renegotiation (`renegotiation`)');
    expect(md).toContain("- **G1** Name each partner's expectations about caregiving roles — targeted in sessions 4, 5, 6–7");
  });

  it('lists the targeting sessions once, under the first goal of an id; a repeated id says where the first one is', () => {
    const twice = coursePlan.replace(/( *)(goal G1 [^\n]*\n)/, '$1$2$1goal G1 "the same id again"\n');
    const out = markdown(twice.replace('targets G1', 'targets G1, G1'));
    const first = coursePlan.split('\n').findIndex((line) => /^ *goal G1 /.test(line)) + 1;
    expect(out).toContain("- **G1** Name each partner's expectations about caregiving roles — targeted in sessions 4, 5, 6–7");
    expect(out).toContain(`- **G1** the same id again — the same id as the goal on line ${first}: give this goal its own id`);
  });

  it('has a table of sessions by phase', () => {
    expect(md).toContain('| Phase | Session | Title | Work | Targets | Status |');
    expect(md).toContain('| **initial** (1–3) | 1 | Assessment, diagnosis and the sick role | symptom-review, sick-role, medication-review |  | held 2026-02-02 |');
    expect(md).toContain('|  | 8–13 | Rehearse new ways to negotiate | role-play, decision-analysis<br>homework: One ten-minute check-in with partner each week | G2 |  |');
    expect(md.match(/^\| \*\*(initial|middle|termination)\*\*/gm)).toHaveLength(3);
    expect(brokenTableRows(md)).toEqual([]);
  });

  it('lists the measures and a table of recorded scores', () => {
    expect(md).toContain('- `PHQ-9` every 4 sessions (sessions 1, 5, 9, 13, 16)\n- `HAM-D` at sessions 1, 16');
    expect(md).toContain('| `PHQ-9` | 1 | 2026-02-02 | 18 | moderately severe |\n| `PHQ-9` | 5 | 2026-03-02 | 12 | moderate |\n| `HAM-D` | 1 | 2026-02-02 | 22 | moderate |');
  });

  it('shows the risk and safety plan, and no issues section for a clean plan', () => {
    expect(md).toContain('**Low risk** — Passive thoughts of death at intake; no plan or intent');
    expect(md).toContain('Safety plan: Warning signs, coping steps and contacts agreed in session 1; crisis line 988');
    expect(md).not.toContain('Issues to review');
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('lists diagnostics with severity, line, message (code spans kept) and rule', () => {
    const broken = markdown(coursePlan.replace('technique role-play, decision-analysis', 'technique role-play, thought-record'));
    expect(broken).toContain('## Issues to review (0 errors, 1 warning)');
    const line = coursePlan.split('\n').findIndex((l) => l.includes('technique role-play')) + 1;
    expect(broken).toMatch(new RegExp(`- \\*\\*warning\\*\\* line ${line}: \`thought-record\` is not an IPT technique\\..* \\(\`technique\`\\)`));
  });

  it('escapes plan strings: no HTML, emphasis, code, link or table break gets through', () => {
    const hostile = markdown(hostilePlan);
    expect(hostile).not.toMatch(/<(script|img|svg|style|b)\b/i);
    expect(hostile).toContain('# &lt;script&gt;alert(1)&lt;/script&gt; plan');
    expect(hostile).toContain('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\| pipe &lt;b&gt;tag&lt;/b&gt;');
    expect(hostile).toContain('\\# heading? - list? \\[link\\](javascript:alert(3))');
    expect(hostile).toContain('&amp;lt;already escaped&amp;gt; &amp;amp;');
    expect(brokenTableRows(hostile)).toEqual([]);
  });

  it('renders an empty file with placeholders and its diagnostics', () => {
    const empty = markdown('');
    expect(empty).toContain('# Untitled plan');
    expect(empty).toContain('_No focus stated._');
    expect(empty).toContain('(`plan-header`)');
  });
});

const files = [...iptFiles(samplesDir), ...iptFiles(path.join(samplesDir, 'rules')).map((s) => ({ ...s, name: `rules/${s.name}` }))];
describe.skipIf(files.length === 0)('render markdown: the project samples', () => {
  for (const { name, text } of files) {
    it(`${name} has well-formed tables and every session`, () => {
      const analysis = analyse(text);
      const md = render(analysis, { to: 'markdown' });
      expect(brokenTableRows(md)).toEqual([]);
      const sessions = analysis.ast.phases.flatMap((p) => p.sessions);
      const rows = md.split('## Sessions')[1].split('## Measures')[0].split('\n').filter((l) => /^\| .* \| [\d–?]+ \|/.test(l));
      expect(rows).toHaveLength(sessions.length);
    });
  }
});

const examples = iptFiles(sharedExamplesDir);
describe.skipIf(examples.length === 0)('render markdown: the shared examples (reads ../shared/design/examples)', () => {
  for (const { name, text } of examples) {
    it(`${name} lists exactly its diagnostics`, () => {
      const analysis = analyse(text);
      const md = render(analysis, { to: 'markdown' });
      const listed = [...md.matchAll(/^- \*\*(error|warning|info)\*\* line \d+: .* \(`([\w-]+)`\)$/gm)].map((m) => m[2]);
      expect(listed).toEqual(analysis.diagnostics.map((d) => d.rule));
      expect(brokenTableRows(md)).toEqual([]);
    });
  }
});
