/**
 * How each statement node is made from its parts. Both parser paths build through these, so a
 * statement has one shape (the same keys, in the same order, absent parts as `undefined`) whichever
 * path read it; one shape per kind also keeps the rules' property reads monomorphic.
 * A block owns its `blockSpan` object (a copy of `span`) so the tree builder can grow it in place.
 */
import type {
  DiagnosisHeader,
  Focus,
  Goal,
  ListItem,
  Measure,
  MeasureSchedule,
  Phase,
  PlanBlock,
  Risk,
  SafetyPlan,
  ScoreItem,
  Session,
  SessionSpan,
  SessionsHeader,
  Stage,
  StartHeader,
  DateItem,
  StatusItem,
  TextHeader,
  TextItem,
  VariantHeader,
  Word,
} from './ast.js';
import type { Span } from './span.js';

export const planNode = (span: Span, keyword: Span, title: Word | undefined): PlanBlock => ({
  kind: 'plan',
  span,
  keyword,
  blockSpan: { start: span.start, end: span.end },
  title,
  headers: [],
});

export const textHeaderNode = (kind: TextHeader['kind'], span: Span, keyword: Span, text: Word | undefined): TextHeader => ({ kind, span, keyword, text });

export const variantNode = (span: Span, keyword: Span, name: Word | undefined): VariantHeader => ({ kind: 'variant', span, keyword, name });

export const diagnosisNode = (span: Span, keyword: Span, text: Word | undefined, codeKeyword: Span | undefined, code: Word | undefined): DiagnosisHeader => ({
  kind: 'diagnosis',
  span,
  keyword,
  text,
  codeKeyword,
  code,
});

export const sessionsNode = (span: Span, keyword: Span, count: Word<number> | undefined, cadence: Word | undefined, duration: Word<number> | undefined): SessionsHeader => ({
  kind: 'sessions',
  span,
  keyword,
  count,
  cadence,
  duration,
});

export const startNode = (span: Span, keyword: Span, date: Word | undefined): StartHeader => ({ kind: 'start', span, keyword, date });

export const focusNode = (span: Span, keyword: Span, area: Word | undefined, description: Word | undefined): Focus => ({
  kind: 'focus',
  span,
  keyword,
  blockSpan: { start: span.start, end: span.end },
  area,
  description,
  stages: [],
  goals: [],
});

export const stageNode = (span: Span, keyword: Span, name: Word | undefined): Stage => ({ kind: 'stage', span, keyword, name });

export const goalNode = (span: Span, keyword: Span, id: Word | undefined, text: Word | undefined): Goal => ({ kind: 'goal', span, keyword, id, text });

export const measureNode = (span: Span, keyword: Span, instrument: Word | undefined, schedule: MeasureSchedule | undefined): Measure => ({
  kind: 'measure',
  span,
  keyword,
  instrument,
  schedule,
});

export const atScheduleNode = (keyword: Span, sessions: SessionSpan[]): MeasureSchedule => ({ kind: 'at', keyword, sessions });

export const everyScheduleNode = (keyword: Span, interval: Word<number> | undefined): MeasureSchedule => ({ kind: 'every', keyword, interval });

export const riskNode = (span: Span, keyword: Span, level: Word | undefined, text: Word | undefined, safetyPlans: SafetyPlan[]): Risk => ({
  kind: 'risk',
  span,
  keyword,
  blockSpan: { start: span.start, end: span.end },
  level,
  text,
  safetyPlans,
});

export const safetyPlanNode = (span: Span, keyword: Span, text: Word | undefined): SafetyPlan => ({ kind: 'safety-plan', span, keyword, text });

export const phaseNode = (span: Span, keyword: Span, name: Word | undefined, sessionsKeyword: Span | undefined, range: SessionSpan | undefined): Phase => ({
  kind: 'phase',
  span,
  keyword,
  blockSpan: { start: span.start, end: span.end },
  name,
  sessionsKeyword,
  range,
  sessions: [],
});

export const sessionNode = (span: Span, keyword: Span, number: SessionSpan | undefined, title: Word | undefined): Session => ({
  kind: 'session',
  span,
  keyword,
  blockSpan: { start: span.start, end: span.end },
  number,
  title,
  items: [],
});

export const listItemNode = (kind: ListItem['kind'], span: Span, keyword: Span, values: Word[]): ListItem => ({ kind, span, keyword, values });

export const textItemNode = (kind: TextItem['kind'], span: Span, keyword: Span, text: Word | undefined): TextItem => ({ kind, span, keyword, text });

export const scoreNode = (span: Span, keyword: Span, instrument: Word | undefined, value: Word<number> | undefined): ScoreItem => ({ kind: 'score', span, keyword, instrument, value });

export const dateNode = (span: Span, keyword: Span, date: Word | undefined): DateItem => ({ kind: 'date', span, keyword, date });

export const statusNode = (span: Span, keyword: Span, value: Word | undefined): StatusItem => ({ kind: 'status', span, keyword, value });
