import { describe, expect, it } from 'vitest';
import { parseFromWebview, parsePreviewState } from '../../../client/src/preview/messages.js';

describe('messages from the preview webview are validated', () => {
  it('accepts the messages the page script sends', () => {
    expect(parseFromWebview({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseFromWebview({ type: 'reveal', line: 12 })).toEqual({ type: 'reveal', line: 12 });
    expect(parseFromWebview({ type: 'scrolled', line: 3.5 })).toEqual({ type: 'scrolled', line: 3.5 });
    expect(parseFromWebview({ type: 'showProblems' })).toEqual({ type: 'showProblems' });
  });

  it.each([
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
    ['no type', { line: 1 }],
    ['a fractional line to reveal', { type: 'reveal', line: 1.5 }],
    ['a negative line', { type: 'reveal', line: -1 }],
    ['a line as text', { type: 'reveal', line: '3' }],
    ['a huge line', { type: 'scrolled', line: 1e12 }],
    ['NaN', { type: 'scrolled', line: Number.NaN }],
    ['a string', 'ready'],
    ['null', null],
    ['an array', [{ type: 'ready' }]],
  ])('refuses %s', (_what, message) => {
    expect(parseFromWebview(message)).toBeUndefined();
  });

  it('drops unknown keys rather than passing them on', () => {
    expect(parseFromWebview({ type: 'reveal', line: 2, command: 'evil' })).toEqual({ type: 'reveal', line: 2 });
  });

  it('checks the saved state a reload brings back', () => {
    expect(parsePreviewState({ resource: 'file:///plans/a.ipt', line: 4 })).toEqual({ resource: 'file:///plans/a.ipt', line: 4 });
    expect(parsePreviewState({ resource: 'file:///plans/a.ipt' })).toEqual({ resource: 'file:///plans/a.ipt' });
    expect(parsePreviewState({ resource: 42 })).toBeUndefined();
    expect(parsePreviewState({ resource: 'x'.repeat(10_000) })).toBeUndefined();
    expect(parsePreviewState(undefined)).toBeUndefined();
  });
});
