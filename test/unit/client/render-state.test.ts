import { describe, expect, it } from 'vitest';
import { RenderState } from '../../../client/src/preview/render-state.js';

const good = (version: number, html = `<article>v${version}</article>`) => ({ version, html, hasSyntaxErrors: false });
const broken = (version: number) => ({ version, html: `<article>broken v${version}</article>`, hasSyntaxErrors: true });

describe('RenderState: which answer the preview shows', () => {
  it('shows answers in order', () => {
    const state = new RenderState();
    const a = state.ask();
    expect(state.accept(a, good(1))).toEqual({ html: '<article>v1</article>', banner: 'none' });
    const b = state.ask();
    expect(state.accept(b, good(2))).toEqual({ html: '<article>v2</article>', banner: 'none' });
  });

  it('never paints an older answer over a newer one', () => {
    const state = new RenderState();
    const older = state.ask();
    const newer = state.ask();
    expect(state.accept(newer, good(3))?.html).toBe('<article>v3</article>');
    expect(state.accept(older, good(2))).toBeUndefined();
    expect(state.current()?.html).toBe('<article>v3</article>');
  });

  it('drops an answer for an older document version even when asked later', () => {
    const state = new RenderState();
    state.accept(state.ask(), good(5));
    expect(state.accept(state.ask(), good(4))).toBeUndefined();
  });

  it('keeps the last good render under a banner while the plan has syntax errors', () => {
    const state = new RenderState();
    state.accept(state.ask(), good(1));
    expect(state.accept(state.ask(), broken(2))).toEqual({ html: null, banner: 'syntax-errors-kept' });
    expect(state.current()).toEqual({ html: '<article>v1</article>', banner: 'syntax-errors-kept' });
    expect(state.accept(state.ask(), broken(3))).toBeUndefined(); // nothing changes on screen
    expect(state.accept(state.ask(), good(4))).toEqual({ html: '<article>v4</article>', banner: 'none' });
  });

  it('shows a broken first render (there is nothing better) with its own banner', () => {
    const state = new RenderState();
    expect(state.accept(state.ask(), broken(1))).toEqual({ html: '<article>broken v1</article>', banner: 'syntax-errors' });
  });

  it('sends nothing when the render is the same', () => {
    const state = new RenderState();
    state.accept(state.ask(), good(1, '<article>same</article>'));
    expect(state.accept(state.ask(), good(2, '<article>same</article>'))).toBeUndefined();
  });

  it('after a reset (document reopened, versions start over) accepts low versions, but not answers asked before it', () => {
    const state = new RenderState();
    const before = state.ask();
    state.accept(state.ask(), good(9));
    state.reset();
    expect(state.accept(before, good(10))).toBeUndefined();
    expect(state.accept(state.ask(), good(1))?.html).toBe('<article>v1</article>');
  });
});
