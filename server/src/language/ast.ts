/**
 * The typed syntax tree of a plan. Every node knows its source span, the span of its keyword and
 * of each significant part (a `Word`), so diagnostics, hover and rename can point at the exact word.
 *
 * Parts are optional: a statement the parser had to recover is still a node, marked `incomplete`,
 * with whatever parts it did find. Rules must treat a missing part as "unknown", never as a value.
 */
import type { Span } from './span.js';

/** A significant part of a statement: its value and where it is. */
export interface Word<T = string> {
  value: T;
  span: Span;
}

/** A session number or range as written: `4` is {first: 4, last: 4}, `4-13` is {first: 4, last: 13}. */
export interface SessionSpan {
  first: number;
  last: number;
  span: Span;
}

/** What every statement has. */
export interface StatementBase {
  /** The whole statement, from its keyword to its last token (for blocks: the opening line only). */
  span: Span;
  /** The leading keyword. */
  keyword: Span;
  /** True when the parser had to recover inside this statement (a part may be missing). */
  incomplete?: boolean;
}

/** What every block (a statement with children) has. */
export interface BlockBase extends StatementBase {
  /** The block: from its keyword to the end of its last child statement. */
  blockSpan: Span;
}

// ---------------------------------------------------------------- plan header

export interface PlanBlock extends BlockBase {
  kind: 'plan';
  /** True when the file has header lines but no `plan` line: the block stands in for it (empty spans). */
  implicit?: boolean;
  title?: Word;
  headers: Header[];
}

export type Header =
  | TextHeader
  | VariantHeader
  | DiagnosisHeader
  | SessionsHeader
  | StartHeader;

export interface TextHeader extends StatementBase {
  kind: 'client' | 'clinician' | 'supervisor';
  text?: Word;
}

export interface VariantHeader extends StatementBase {
  kind: 'variant';
  name?: Word;
}

export interface DiagnosisHeader extends StatementBase {
  kind: 'diagnosis';
  text?: Word;
  /** The `code` keyword, when present. */
  codeKeyword?: Span;
  code?: Word;
}

export interface SessionsHeader extends StatementBase {
  kind: 'sessions';
  count?: Word<number>;
  cadence?: Word;
  /** Session length in minutes, from `50min`. */
  duration?: Word<number>;
}

export interface StartHeader extends StatementBase {
  kind: 'start';
  date?: Word;
}

// ---------------------------------------------------------------- sections

export type Section = Focus | Measure | Risk | Phase;

export interface Focus extends BlockBase {
  kind: 'focus';
  area?: Word;
  description?: Word;
  stages: Stage[];
  goals: Goal[];
}

export interface Stage extends StatementBase {
  kind: 'stage';
  name?: Word;
}

export interface Goal extends StatementBase {
  kind: 'goal';
  id?: Word;
  text?: Word;
}

export interface Measure extends StatementBase {
  kind: 'measure';
  instrument?: Word;
  schedule?: MeasureSchedule;
}

export type MeasureSchedule =
  | { kind: 'at'; keyword: Span; sessions: SessionSpan[] }
  | { kind: 'every'; keyword: Span; interval?: Word<number> };

export interface Risk extends BlockBase {
  kind: 'risk';
  level?: Word;
  text?: Word;
  safetyPlans: SafetyPlan[];
}

export interface SafetyPlan extends StatementBase {
  kind: 'safety-plan';
  text?: Word;
}

export interface Phase extends BlockBase {
  kind: 'phase';
  name?: Word;
  /** The `sessions` keyword of `phase X sessions 1-3`. */
  sessionsKeyword?: Span;
  range?: SessionSpan;
  sessions: Session[];
}

export interface Session extends BlockBase {
  kind: 'session';
  number?: SessionSpan;
  title?: Word;
  items: SessionItem[];
}

// ---------------------------------------------------------------- session items

export type SessionItem = ListItem | TextItem | ScoreItem | DateItem | StatusItem;

export interface ListItem extends StatementBase {
  kind: 'task' | 'technique' | 'targets';
  values: Word[];
}

export interface TextItem extends StatementBase {
  kind: 'homework' | 'note';
  text?: Word;
}

export interface ScoreItem extends StatementBase {
  kind: 'score';
  instrument?: Word;
  value?: Word<number>;
}

export interface DateItem extends StatementBase {
  kind: 'date';
  date?: Word;
}

export interface StatusItem extends StatementBase {
  kind: 'status';
  value?: Word;
}

// ---------------------------------------------------------------- file

export interface Comment {
  /** The text after `#`, untrimmed. */
  text: string;
  /** From `#` to the end of the line. */
  span: Span;
}

export interface PlanFile {
  kind: 'file';
  /** The `plan` block, when the file has one. A second `plan` is a syntax error and is not kept. */
  plan?: PlanBlock;
  /** All sections in text order; the typed lists below hold the same nodes. */
  sections: Section[];
  focuses: Focus[];
  measures: Measure[];
  risks: Risk[];
  phases: Phase[];
  comments: Comment[];
  span: Span;
}

/** Any statement node, for walking and for features that work per line. */
export type Statement =
  | PlanBlock
  | Header
  | Focus
  | Stage
  | Goal
  | Measure
  | Risk
  | SafetyPlan
  | Phase
  | Session
  | SessionItem;

/** Calls `visit` on every statement in text order (blocks before their children). */
export function forEachStatement(file: PlanFile, visit: (statement: Statement) => void): void {
  if (file.plan) {
    visit(file.plan);
    for (const header of file.plan.headers) visit(header);
  }
  for (const section of file.sections) {
    visit(section);
    switch (section.kind) {
      case 'focus':
        for (const child of [...section.stages, ...section.goals].sort((a, b) => a.span.start - b.span.start)) visit(child);
        break;
      case 'risk':
        for (const safetyPlan of section.safetyPlans) visit(safetyPlan);
        break;
      case 'phase':
        for (const session of section.sessions) {
          visit(session);
          for (const item of session.items) visit(item);
        }
        break;
      case 'measure':
        break;
    }
  }
}

/** Every statement in text order (blocks before their children). */
export function statements(file: PlanFile): Statement[] {
  const all: Statement[] = [];
  forEachStatement(file, (statement) => all.push(statement));
  return all;
}
