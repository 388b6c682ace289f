import { describe, expect, it } from 'vitest';
import { clientCodeProblem } from '../../../client/src/client-code.js';
import { exportFileName } from '../../../client/src/export-names.js';
import { statusText } from '../../../client/src/status-text.js';

describe('New Plan: the client code', () => {
  it.each(['C-0142', 'c0142', 'IPT_17.b', ' C-0142 '])('accepts %j', (code) => expect(clientCodeProblem(code)).toBeUndefined());
  it('refuses an empty code', () => expect(clientCodeProblem('  ')).toMatch(/Type a client code/));
  it('refuses what looks like a name', () => expect(clientCodeProblem('Jane Doe')).toMatch(/no spaces/));
  it.each(['C--0142', 'C-0142-', 'C/0142', 'ü-1', 'C'.repeat(33)])('refuses %j', (code) => expect(clientCodeProblem(code)).toMatch(/C-0142/));
});

describe('Export: the suggested file name', () => {
  it('replaces .ipt with the format’s suffix', () => {
    expect(exportFileName('/plans/c-0142.ipt', 'html')).toBe('c-0142.html');
    expect(exportFileName('/plans/c-0142.IPT', 'markdown')).toBe('c-0142.md');
    expect(exportFileName('/plans/c-0142.ipt', 'fhir')).toBe('c-0142.fhir.json');
  });
  it('names untitled plans by their buffer name, and a nameless one "plan"', () => {
    expect(exportFileName('Untitled-1', 'html')).toBe('Untitled-1.html');
    expect(exportFileName('', 'fhir')).toBe('plan.fhir.json');
  });
});

describe('Status bar: the plan’s words', () => {
  it('shows variant, sessions and problem counts', () => {
    const { text, tooltip } = statusText({ variant: 'acute', sessions: 16, cadence: 'weekly', errors: 1, warnings: 2, infos: 0 });
    expect(text).toBe('$(notebook) acute · 16 sessions  $(error) 1 $(warning) 2');
    expect(tooltip).toBe('IPT plan: acute, 16 sessions, weekly. 1 error, 2 warnings, 0 notes. Click to open the Problems panel.');
  });
  it('says when the variant is missing, counts one session singular, and shows notes only when there are some', () => {
    const { text } = statusText({ sessions: 1, errors: 0, warnings: 0, infos: 3 });
    expect(text).toBe('$(notebook) no variant · 1 session  $(error) 0 $(warning) 0 $(info) 3');
  });
});
