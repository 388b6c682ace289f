import { describe, expect, it } from 'vitest';
import { ScrollEcho } from '../../../client/src/preview/scroll-echo.js';

describe('ScrollEcho', () => {
  it('takes a scroll to where we sent the other side, within the window, as the echo', () => {
    const echo = new ScrollEcho(400);
    echo.expect(40, 1, 1000);
    expect(echo.isEcho(40, 1100)).toBe(true);
    expect(echo.isEcho(41, 1200)).toBe(true); // fractional or rounded lines
    expect(echo.isEcho(40, 1500)).toBe(false); // too late: the user scrolled back there
  });

  it('passes on a scroll elsewhere at once, even inside the window, and stops waiting for the echo', () => {
    const echo = new ScrollEcho(400);
    echo.expect(0, 1, 1000);
    expect(echo.isEcho(60, 1050)).toBe(false);
    expect(echo.isEcho(0, 1100)).toBe(false);
  });

  it('knows nothing before the first scroll of ours', () => {
    expect(new ScrollEcho().isEcho(0)).toBe(false);
  });

  it('a tolerance covers a reveal that centres the line', () => {
    const echo = new ScrollEcho(400);
    echo.expect(80, 30, 0);
    expect(echo.isEcho(62, 10)).toBe(true);
  });
});
