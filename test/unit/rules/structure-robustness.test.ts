/** The plan-structure rules on many mangled plans: they never fail, and every range lies in the text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { applyEdits, basePlan, diagnosticsOf } from './plan-fixtures.js';

const structureRules = new Set([
  'plan-header', 'variant', 'session-count', 'phase-order', 'phase-coverage',
  'phase-length', 'single-focus', 'session-dates', 'unknown-value', 'measure-schedule',
]);
const lines = basePlan.split('\n');

type LineEdit =
  | { kind: 'drop'; at: number }
  | { kind: 'repeat'; at: number }
  | { kind: 'move'; at: number; to: number }
  | { kind: 'number'; at: number; value: number };

/** An edit of the base plan a person might make: drop, repeat or move a line, or change a number. */
const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(lines.length - 1), to: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(lines.length - 1), value: fc.integer({ min: 0, max: 40 }) }),
);

function mangle(edits: LineEdit[]): string {
  const out = [...lines];
  for (const edit of edits) {
    const at = edit.at % out.length;
    if (edit.kind === 'drop') out.splice(at, 1);
    else if (edit.kind === 'repeat') out.splice(at, 0, out[at]);
    else if (edit.kind === 'move') out.splice(edit.to % out.length, 0, ...out.splice(at, 1));
    else out[at] = out[at].replace(/\d+/, String(edit.value));
    if (out.length === 0) out.push('');
  }
  return out.join('\n');
}

describe('plan-structure rules on mangled plans', () => {
  it('never throw and always point inside the text', () => {
    fc.assert(
      fc.property(fc.array(lineEdit, { minLength: 1, maxLength: 6 }), (edits) => {
        const text = mangle(edits);
        const { diagnostics } = analyse(text);
        expect(diagnostics.filter((d) => d.rule === 'internal-error')).toEqual([]);
        for (const d of diagnostics.filter((d) => structureRules.has(d.rule))) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.message.length).toBeGreaterThan(20);
        }
      }),
      { numRuns: 300, seed: 20260202 },
    );
  });

  it('reorders a fully reversed plan with the phase-order fixes, one at a time', () => {
    const head = basePlan.slice(0, basePlan.indexOf('phase initial'));
    const block = (from: string, to?: string) => basePlan.slice(basePlan.indexOf(from), to ? basePlan.indexOf(to) : undefined).trimEnd();
    let text = `${head}${[block('phase termination'), block('phase middle', 'phase termination'), block('phase initial', 'phase middle')].join('\n\n')}\n`;
    const first = diagnosticsOf('phase-order', text);
    expect(first).toHaveLength(2);
    expect(first.every((d) => d.fixes?.[0].safe === false)).toBe(true);
    for (let step = 0; step < 3 && diagnosticsOf('phase-order', text).length > 0; step++) {
      text = applyEdits(text, diagnosticsOf('phase-order', text)[0].fixes![0].edits);
    }
    expect(text).toBe(basePlan);
  });

  it('keeps CRLF line breaks when moving a phase block', () => {
    const head = basePlan.slice(0, basePlan.indexOf('phase initial'));
    const block = (from: string, to?: string) => basePlan.slice(basePlan.indexOf(from), to ? basePlan.indexOf(to) : undefined).trimEnd();
    const lf = `${head}${[block('phase initial', 'phase middle'), block('phase termination'), block('phase middle', 'phase termination')].join('\n\n')}\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const [d] = diagnosticsOf('phase-order', crlf);
    expect(applyEdits(crlf, d.fixes![0].edits)).toBe(basePlan.replace(/\n/g, '\r\n'));
  });

  it('leaves an indented comment at the end of the block above in place when moving a block', () => {
    const head = basePlan.slice(0, basePlan.indexOf('phase initial'));
    const block = (from: string, to?: string) => basePlan.slice(basePlan.indexOf(from), to ? basePlan.indexOf(to) : undefined).trimEnd();
    const initialWithNote = `${block('phase initial', 'phase middle')}\n    # formulation agreed with the client`;
    const text = `${head}${[initialWithNote, block('phase termination'), block('phase middle', 'phase termination')].join('\n')}\n`;
    const [d] = diagnosticsOf('phase-order', text);
    const fixed = applyEdits(text, d.fixes![0].edits);
    expect(fixed).toContain('treatment-contract\n    # formulation agreed with the client\nphase middle');
    expect(diagnosticsOf('phase-order', fixed)).toEqual([]);
  });
});

describe('plan-structure rules on huge session numbers', () => {
  it('are read as syntax errors (beyond the 500 a plan can have), at once and without failing', () => {
    let text = basePlan.replace('variant acute', 'variant maintenance').replace('sessions 16 weekly', 'sessions 999999999 weekly');
    text = text.replace('measure PHQ-9 every 4', 'measure PHQ-9 every 1').replace('phase termination sessions 14-16', 'phase termination sessions 14-999999999');
    text = text.replace('  session 16 "Ending and next steps"\n', '  session 16-999999999 "Ending and next steps"\n    date 2026-05-18\n  session 16 "Ending"\n');
    const started = performance.now();
    const { diagnostics } = analyse(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diagnostics.filter((d) => d.rule === 'internal-error')).toEqual([]);
    const syntax = diagnostics.filter((d) => d.rule === 'syntax');
    expect(syntax.map((d) => text.slice(d.span.start, d.span.end))).toEqual(['999999999', '14-999999999', '16-999999999']);
    for (const d of syntax) expect(d.message).toMatch(/^A plan has at most 500 sessions/);
  });

  it('still reach the rules up to the limit', () => {
    let text = basePlan.replace('variant acute', 'variant maintenance').replace('sessions 16 weekly', 'sessions 500 weekly');
    text = text.replace('phase termination sessions 14-16', 'phase termination sessions 14-500');
    const { diagnostics } = analyse(text);
    expect(diagnostics.filter((d) => d.rule === 'syntax' || d.rule === 'internal-error')).toEqual([]);
    // The long termination phase is judged like any other.
    expect(diagnostics.map((d) => d.rule)).toContain('phase-length');
  });
});
