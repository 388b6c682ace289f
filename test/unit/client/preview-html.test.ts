import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, makeNonce, previewPage } from '../../../client/src/preview/preview-html.js';

const parts = {
  title: 'Preview C-0142 <draft>.ipt',
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123',
  styles: ['https://res/plan.css', 'https://res/preview.css'],
  script: 'https://res/preview.js',
  settings: { resource: 'file:///p/"><script>alert(1)</script>.ipt' },
  html: '<article class="ipt-plan">plan</article>',
};

describe('the preview page', () => {
  it('has a strict CSP: no inline script or style, only the nonce-tagged script and the extension resources', () => {
    const csp = contentSecurityPolicy(parts.cspSource, 'n0nce');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'nonce-n0nce'");
    expect(csp).toContain(`style-src ${parts.cspSource}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/\*/);
  });

  it('tags its one script with the nonce and carries the plan fragment', () => {
    const page = previewPage(parts);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('<script nonce="abc123" src="https://res/preview.js"></script>');
    expect(page).toContain('<article class="ipt-plan">plan</article>');
    expect(page).toContain('<link rel="stylesheet" href="https://res/plan.css">');
  });

  it('escapes the settings attribute, so a hostile file name cannot break out of it', () => {
    const page = previewPage(parts);
    const meta = /<meta id="ipt-preview-settings" data-settings="([^"]*)">/.exec(page);
    expect(meta).not.toBeNull();
    expect(meta![1]).not.toContain('<');
    expect(meta![1]).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('has a title (the tab’s, escaped) and the plan in its main landmark, for screen readers', () => {
    const page = previewPage(parts);
    expect(page).toContain('<title>Preview C-0142 &lt;draft&gt;.ipt</title>');
    expect(page).toMatch(/<main id="ipt-preview-content">\s*<article class="ipt-plan">plan<\/article>\s*<\/main>/);
  });

  it('says it is rendering before the first render arrives', () => {
    expect(previewPage({ ...parts, html: undefined })).toContain('Rendering the plan…');
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, makeNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
