/**
 * The fast path: a well-formed line, straight from the scanner's tokens to its statement node.
 *
 * Each statement kind is matched against its complete, error-free form in the grammar (grammar.ts is
 * the grammar of record). Anything else — a missing or extra part, a range with no end or running
 * backwards, a number past its bound (limits.ts), a date that does not exist, a keyword that cannot start a line — returns undefined and
 * the line is parsed by Chevrotain, which recovers and words the diagnostic. So the fast path never
 * reports anything: it only skips the CST for the lines that have nothing to report.
 */
import type { SafetyPlan, SessionSpan, Statement, Word } from './ast.js';
import * as nodes from './nodes.js';
import { keywordIndex, keywordOfKind, scanned, Tok } from './scanner.js';
import type { Span } from './span.js';
import { durationWordAt, isCalendarDate, numberWordAt, sessionSpanAt, stringWordAt, wordAt, type Reporter } from './values.js';

const kind = (spelling: string) => Tok.Keyword + keywordIndex(spelling, 0, spelling.length);
const KW_CODE = kind('code');
const KW_SESSIONS = kind('sessions');
const KW_AT = kind('at');
const KW_EVERY = kind('every');
const KW_SAFETY_PLAN = kind('safety-plan');

/** Problems are left to the Chevrotain path, which reports them: here they only mean "not well formed". */
const notWellFormed: Reporter = () => undefined;

// Readers of the scanned line's token i (module-level, so a line allocates only its nodes).
const isName = (i: number) => scanned.kinds[i] === Tok.Identifier || scanned.kinds[i] >= Tok.Keyword;
const isString = (i: number) => scanned.kinds[i] === Tok.String;
const name = (text: string, i: number): Word => wordAt(text, scanned.starts[i], scanned.ends[i]);
const string = (text: string, i: number): Word => stringWordAt(text, scanned.starts[i], scanned.ends[i]);
const spanOf = (i: number): Span => ({ start: scanned.starts[i], end: scanned.ends[i] });
const lineSpan = (): Span => ({ start: scanned.starts[0], end: scanned.ends[scanned.count - 1] });
/** `4` or a complete range `4-13`; undefined for anything the Chevrotain path would report. */
const sessionNumber = (text: string, i: number): SessionSpan | undefined =>
  scanned.kinds[i] === Tok.Integer || scanned.kinds[i] === Tok.Range ? sessionSpanAt(text, scanned.starts[i], scanned.ends[i], notWellFormed) : undefined;

/** The statement of the scanned line when it is well formed, else undefined (→ the Chevrotain path). */
export function fastStatement(text: string): Statement | undefined {
  const { count, kinds, starts, ends } = scanned;
  const keyword = keywordOfKind(kinds[0]);
  if (keyword === undefined) return undefined;
  switch (keyword) {
    case 'plan':
      if (count === 1) return nodes.planNode(lineSpan(), spanOf(0), undefined);
      return count === 2 && isString(1) ? nodes.planNode(lineSpan(), spanOf(0), string(text, 1)) : undefined;
    case 'client':
    case 'clinician':
    case 'supervisor':
      return count === 2 && isString(1) ? nodes.textHeaderNode(keyword, lineSpan(), spanOf(0), string(text, 1)) : undefined;
    case 'variant':
      return count === 2 && isName(1) ? nodes.variantNode(lineSpan(), spanOf(0), name(text, 1)) : undefined;
    case 'diagnosis':
      if (count === 2 && isString(1)) return nodes.diagnosisNode(lineSpan(), spanOf(0), string(text, 1), undefined, undefined);
      if (count === 4 && isString(1) && kinds[2] === KW_CODE && isName(3)) return nodes.diagnosisNode(lineSpan(), spanOf(0), string(text, 1), spanOf(2), name(text, 3));
      return undefined;
    case 'sessions': {
      if (count < 2 || count > 4 || kinds[1] !== Tok.Integer) return undefined;
      let i = 2;
      const cadence = i < count && isName(i) ? name(text, i++) : undefined;
      let duration: Word<number> | undefined;
      if (i < count && kinds[i] === Tok.Duration) {
        duration = durationWordAt(text, starts[i], ends[i++], notWellFormed);
        if (!duration) return undefined;
      }
      const total = numberWordAt(text, starts[1], ends[1], false, 'count', notWellFormed);
      if (i !== count || !total) return undefined;
      return nodes.sessionsNode(lineSpan(), spanOf(0), total, cadence, duration);
    }
    case 'start':
    case 'date':
      if (count !== 2 || kinds[1] !== Tok.Date || !isCalendarDate(text, starts[1])) return undefined;
      return keyword === 'start' ? nodes.startNode(lineSpan(), spanOf(0), name(text, 1)) : nodes.dateNode(lineSpan(), spanOf(0), name(text, 1));
    case 'focus':
      return count === 3 && isName(1) && isString(2) ? nodes.focusNode(lineSpan(), spanOf(0), name(text, 1), string(text, 2)) : undefined;
    case 'stage':
      return count === 2 && isName(1) ? nodes.stageNode(lineSpan(), spanOf(0), name(text, 1)) : undefined;
    case 'goal':
      return count === 3 && isName(1) && isString(2) ? nodes.goalNode(lineSpan(), spanOf(0), name(text, 1), string(text, 2)) : undefined;
    case 'measure': {
      if (count < 4 || !isName(1)) return undefined;
      if (kinds[2] === KW_EVERY) {
        const interval = count === 4 && kinds[3] === Tok.Integer ? numberWordAt(text, starts[3], ends[3], false, 'interval', notWellFormed) : undefined;
        return interval ? nodes.measureNode(lineSpan(), spanOf(0), name(text, 1), nodes.everyScheduleNode(spanOf(2), interval)) : undefined;
      }
      // at N, N-M, …: a session number at every odd place after `at`, commas between.
      if (kinds[2] !== KW_AT || count % 2 !== 0) return undefined;
      const sessions: SessionSpan[] = [];
      for (let i = 3; i < count; i += 2) {
        if (i + 1 < count && kinds[i + 1] !== Tok.Comma) return undefined;
        const session = sessionNumber(text, i);
        if (!session) return undefined;
        sessions.push(session);
      }
      return nodes.measureNode(lineSpan(), spanOf(0), name(text, 1), nodes.atScheduleNode(spanOf(2), sessions));
    }
    case 'risk': {
      if ((count !== 3 && count !== 5) || !isName(1) || !isString(2)) return undefined;
      const safetyPlans: SafetyPlan[] = [];
      if (count === 5) {
        if (kinds[3] !== KW_SAFETY_PLAN || !isString(4)) return undefined;
        safetyPlans.push(nodes.safetyPlanNode({ start: starts[3], end: ends[4] }, spanOf(3), string(text, 4)));
      }
      return nodes.riskNode(lineSpan(), spanOf(0), name(text, 1), string(text, 2), safetyPlans);
    }
    case 'safety-plan':
      return count === 2 && isString(1) ? nodes.safetyPlanNode(lineSpan(), spanOf(0), string(text, 1)) : undefined;
    case 'phase': {
      if (count !== 4 || !isName(1) || kinds[2] !== KW_SESSIONS) return undefined;
      const range = sessionNumber(text, 3);
      return range ? nodes.phaseNode(lineSpan(), spanOf(0), name(text, 1), spanOf(2), range) : undefined;
    }
    case 'session': {
      if (count < 2 || count > 3 || (count === 3 && !isString(2))) return undefined;
      const number = sessionNumber(text, 1);
      return number ? nodes.sessionNode(lineSpan(), spanOf(0), number, count === 3 ? string(text, 2) : undefined) : undefined;
    }
    case 'task':
    case 'technique':
    case 'targets': {
      // Names at every odd place, commas between.
      if (count % 2 !== 0) return undefined;
      const values: Word[] = [];
      for (let i = 1; i < count; i += 2) {
        if (!isName(i) || (i + 1 < count && kinds[i + 1] !== Tok.Comma)) return undefined;
        values.push(name(text, i));
      }
      return nodes.listItemNode(keyword, lineSpan(), spanOf(0), values);
    }
    case 'homework':
    case 'note':
      return count === 2 && isString(1) ? nodes.textItemNode(keyword, lineSpan(), spanOf(0), string(text, 1)) : undefined;
    case 'score': {
      if (count !== 3 || !isName(1) || (kinds[2] !== Tok.Integer && kinds[2] !== Tok.Decimal)) return undefined;
      const value = numberWordAt(text, starts[2], ends[2], kinds[2] === Tok.Decimal, 'score', notWellFormed);
      return value ? nodes.scoreNode(lineSpan(), spanOf(0), name(text, 1), value) : undefined;
    }
    case 'status':
      return count === 2 && isName(1) ? nodes.statusNode(lineSpan(), spanOf(0), name(text, 1)) : undefined;
    default:
      // `code`, `at` and `every` start no statement: the Chevrotain path says so.
      return undefined;
  }
}
