/**
 * Hover: what the word under the cursor means. Vocabulary words show their catalogue entry; goal
 * ids, phase and session lines, scores and measures show what the plan says about them; inside a
 * diagnostic, the rule's explanation and its docs. A pure function over an analysis.
 */
import type { Analysis } from '../analyse.js';
import type { Phase, Session, Statement, Word } from '../language/ast.js';
import { statements } from '../language/ast.js';
import type { Catalogue, CatalogueEntry } from '../language/catalogue-types.js';
import { findEntry } from '../language/catalogue.js';
import type { Span } from '../language/span.js';
import type { ResolvedConfig } from '../rules/config.js';
import { ruleById } from '../rules/registry.js';
import { describeEntry } from './hover-entries.js';
import { safetyPlanFacts } from './hover-safety-plan.js';
import { courseFacts, goalFacts, measureFacts, phaseFacts, scoreFacts, sessionFacts } from './hover-facts.js';
import { withoutSourceTags } from './hover-sources.js';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  /** The span the hover is about (the editor highlights it). */
  span: Span;
}

/** The catalogue words a statement holds, each with the list it is looked up in. */
function wordsOf(statement: Statement, catalogue: Catalogue): [Word | undefined, CatalogueEntry[]][] {
  switch (statement.kind) {
    case 'variant':
      return [[statement.name, catalogue.variants]];
    case 'sessions':
      return [[statement.cadence, catalogue.cadences]];
    case 'focus':
      return [[statement.area, catalogue.problemAreas]];
    case 'stage':
      return [[statement.name, catalogue.stages]];
    case 'measure':
    case 'score':
      return [[statement.instrument, catalogue.instruments]];
    case 'risk':
      return [[statement.level, catalogue.riskLevels]];
    case 'phase':
      return [[statement.name, catalogue.phases]];
    case 'status':
      return [[statement.value, catalogue.statuses]];
    case 'task':
      return statement.values.map((w) => [w, catalogue.tasks]);
    case 'technique':
      return statement.values.map((w) => [w, [...catalogue.techniques, ...catalogue.nonIptTechniques]]);
    default:
      return [];
  }
}

function inside(offset: number, span: Span | undefined): span is Span {
  return span !== undefined && offset >= span.start && offset <= span.end;
}

/** The statement on the cursor's line that holds the offset, with the phase and session around it. */
function statementAt(analysis: Analysis, offset: number): { statement: Statement; phase?: Phase; session?: Session } | undefined {
  let phase: Phase | undefined;
  let session: Session | undefined;
  for (const statement of statements(analysis.ast)) {
    if (statement.span.start > offset) break;
    if (statement.kind === 'phase') {
      phase = statement;
      session = undefined;
    } else if (statement.kind === 'session') session = statement;
    else if (statement.kind === 'focus' || statement.kind === 'risk' || statement.kind === 'measure') phase = session = undefined;
    if (inside(offset, statement.span)) return { statement, phase, session };
  }
  return undefined;
}

/** What the plan itself says about the part under the cursor. */
function planHover(analysis: Analysis, offset: number, catalogue: Catalogue): HoverResult | undefined {
  const found = statementAt(analysis, offset);
  if (!found) return undefined;
  const { statement, phase, session } = found;

  for (const [word, entries] of wordsOf(statement, catalogue)) {
    if (!word || !inside(offset, word.span)) continue;
    const entry = findEntry(entries, word.value);
    if (!entry) return undefined;
    const parts = [describeEntry(entry)];
    if (statement.kind === 'phase') parts.push(phaseFacts(analysis, statement, catalogue));
    return { contents: parts.join('\n\n---\n\n'), span: word.span };
  }

  switch (statement.kind) {
    case 'sessions':
    case 'start':
      if (inside(offset, statement.keyword) || inside(offset, statement.kind === 'sessions' ? statement.count?.span : statement.date?.span)) {
        return { contents: courseFacts(analysis), span: statement.span };
      }
      break;
    case 'goal':
      if (statement.id && inside(offset, statement.id.span)) return { contents: goalFacts(analysis, statement.id.value), span: statement.id.span };
      break;
    case 'targets':
      for (const value of statement.values) if (inside(offset, value.span)) return { contents: goalFacts(analysis, value.value), span: value.span };
      break;
    case 'phase':
      if (inside(offset, statement.keyword) || inside(offset, statement.sessionsKeyword) || inside(offset, statement.range?.span)) {
        return { contents: phaseFacts(analysis, statement, catalogue), span: statement.span };
      }
      break;
    case 'session':
      if (phase && (inside(offset, statement.keyword) || inside(offset, statement.number?.span))) {
        return { contents: sessionFacts(analysis, statement, phase), span: statement.number?.span ?? statement.keyword };
      }
      break;
    case 'score': {
      if (!inside(offset, statement.keyword) && !inside(offset, statement.value?.span)) break;
      const facts = scoreFacts(analysis, statement, catalogue);
      if (facts) return { contents: facts, span: statement.span };
      break;
    }
    case 'measure':
      if (inside(offset, statement.keyword) || (statement.schedule && offset >= statement.schedule.keyword.start)) {
        return { contents: measureFacts(analysis, statement), span: statement.span };
      }
      break;
    case 'date':
      if (session && phase && inside(offset, statement.span)) return { contents: sessionFacts(analysis, session, phase), span: statement.span };
      break;
    case 'safety-plan':
      if (inside(offset, statement.keyword)) {
        const risk = analysis.ast.risks.find((r) => r.safetyPlans.includes(statement));
        return { contents: safetyPlanFacts(analysis.text, risk), span: statement.keyword };
      }
      break;
  }
  return undefined;
}

/** The rules behind the diagnostics at the cursor: what each checks and where its docs are. */
function diagnosticHover(analysis: Analysis, offset: number): { contents: string; span: Span } | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const seen = new Set<string>();
  for (const d of analysis.diagnostics) {
    if (d.span.start > offset) break;
    if (offset > d.span.end || seen.has(d.rule)) continue;
    const rule = ruleById(d.rule);
    if (!rule) continue;
    seen.add(d.rule);
    span ??= d.span;
    parts.push(`**\`${rule.id}\`** (${d.severity}) — ${withoutSourceTags(rule.description)} [Read more](${rule.docsUrl})`);
  }
  return span ? { contents: parts.join('\n\n'), span } : undefined;
}

export function hoverAt(analysis: Analysis, offset: number, config: ResolvedConfig): HoverResult | undefined {
  const plan = planHover(analysis, offset, config.catalogue);
  const rules = diagnosticHover(analysis, offset);
  if (plan && rules) return { contents: `${plan.contents}\n\n---\n\n${rules.contents}`, span: plan.span };
  return plan ?? rules;
}
