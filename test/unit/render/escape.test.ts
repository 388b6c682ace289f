import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../../../server/src/render/escape.js';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('neutralises script tags, closing tags and event handlers', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml('</script><img src=x onerror=alert(1)>')).not.toMatch(/[<>]/);
  });

  it('escapes an already escaped entity again, so it shows as written', () => {
    expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });

  it('turns undefined and numbers into text', () => {
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(12)).toBe('12');
  });
});

describe('escapeMarkdown', () => {
  it('escapes emphasis, code, table, link and strikethrough characters', () => {
    expect(escapeMarkdown('a|b *c* _d_ `e` [f](g) ~h~ \\')).toBe('a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\~h\\~ \\\\');
  });

  it('turns markup into entities', () => {
    expect(escapeMarkdown('<script>x</script> & y')).toBe('&lt;script&gt;x&lt;/script&gt; &amp; y');
  });

  it('escapes a leading heading, list or numbered-list marker only', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('+ plus')).toBe('\\+ plus');
    expect(escapeMarkdown('12. not numbered')).toBe('12\\. not numbered');
    expect(escapeMarkdown('C-0142 stays readable')).toBe('C-0142 stays readable');
  });

  it('keeps a value on one line', () => {
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one two three');
  });
});
