/**
 * Accessibility as axe-core (Deque's engine, from npm) judges it in headless Chromium, with every rule
 * axe enables by default — WCAG 2.0/2.1/2.2 A and AA and the best practices (one `main` landmark, all
 * content in landmarks, heading order, …):
 * - the page `ipt render --to html` writes, for every plan in samples/, rule samples with problems of
 *   each kind (so the issue list is checked too) and a plan with a syntax error, in its light colours;
 * - the preview's page as the extension builds it (preview-html.ts, with client/media's styles and
 *   script) around the renderer's fragment, with the syntax-error banner shown and hidden. Here it has
 *   no VS Code theme, so this checks its structure; its colours are checked where a theme gives them,
 *   in the real workbench, light, dark and high contrast (test/e2e/preview.e2e.test.ts).
 * Skips, saying so, without Chromium (/usr/bin/chromium; CI installs it). About 20 s (axe takes about a
 * second a page).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewPage } from '../../../client/src/preview/preview-html.js';
import { axeVersion, axeViolations } from '../../../scripts/workbench/axe.mjs';
import { hasChromium, launchChromium } from '../../../scripts/workbench/browser.mjs';
import { iptFiles, samplesDir } from '../format/plans.js';
import { describeRun, repoRoot, run, tempDir } from './tools.js';

const available = hasChromium();
if (!available && process.env.CI === 'true') {
  describe('accessibility (axe-core in Chromium)', () => {
    it('has Chromium under CI', () => expect.fail('the accessibility test needs /usr/bin/chromium; .ci/run installs it'));
  });
} else if (!available) console.warn('accessibility test skipped: needs Chromium (apt-get install chromium).');

/**
 * Every sample plan, and the rule samples whose pages differ most: an error, several warnings, phases
 * out of order, a header missing its parts, and a syntax error (the page shows what could be read).
 * (The other rule samples are the same page with another single issue; axe takes seconds a page.)
 */
const ruleSamples = ['session-count', 'placeholder', 'phase-order', 'plan-header'];
const plans = [
  ...iptFiles(samplesDir),
  ...iptFiles(path.join(samplesDir, 'rules'))
    .filter((p) => ruleSamples.includes(p.name.replace(/\.ipt$/, '')))
    .map((p) => ({ ...p, name: `rules/${p.name}` })),
  { name: 'syntax-error.ipt', text: readFileSync(path.join(samplesDir, 'acute-grief-dated.ipt'), 'utf8').replace('  session 2 ', '  session "unclosed\n  session 2 ') },
];

describe.skipIf(!available)(`accessibility (axe-core ${axeVersion} in Chromium)`, { timeout: 120_000 }, () => {
  const work = tempDir('axe');
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist', 'cli.js'))) throw new Error('Build first (npm run build): dist/cli.js is missing');
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * axe's violations on a page loaded from a file (a real navigation: the page's own CSP applies),
   * after `ready` (which may also check what the page shows).
   */
  async function violationsOf(file: string, init?: string, ready?: (page: Page) => Promise<void>): Promise<string[]> {
    const page = await browser.newPage();
    try {
      if (init) await page.addInitScript(init);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await ready?.(page);
      return await axeViolations(page);
    } finally {
      await page.close();
    }
  }

  it('finds the problems it is here for: a page without a main landmark, and content outside landmarks', async () => {
    writeFileSync(path.join(work, 'no-main.html'), '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><h1>Plan</h1><p>text</p></body></html>');
    const found = (await violationsOf(path.join(work, 'no-main.html'))).map((v) => v.split(' ')[0]);
    expect(found).toEqual(expect.arrayContaining(['landmark-one-main', 'region']));
  });

  it(`finds nothing in the page ipt render --to html writes, for each of the ${plans.length} sample plans`, async () => {
    // The built library renders them (dist/index.js, as the package ships it); the CLI writes one,
    // to show its page is the library's.
    const library = require(path.join(repoRoot, 'dist', 'index.js')) as typeof import('../../../server/src/index.js');
    const cli = run(process.execPath, [path.join(repoRoot, 'bin', 'ipt.js'), 'render', path.join(samplesDir, plans[0].name), '--to', 'html'], { cwd: work });
    expect(cli.code, describeRun(cli)).toBe(0);
    expect(cli.stdout).toBe(library.render(library.analyse(plans[0].text), { to: 'html' }));
    const found: string[] = [];
    for (const plan of plans) {
      const file = path.join(work, `${plan.name.replace('/', '-')}.html`);
      writeFileSync(file, library.render(library.analyse(plan.text), { to: 'html' }));
      for (const violation of await violationsOf(file)) found.push(`${plan.name}: ${violation}`);
    }
    expect(found).toEqual([]);
  });

  describe('the preview page (structure; its theme colours are checked in the workbench)', () => {
    const previewWith = (fragment: string, name: string) => {
      for (const file of ['plan.css', 'preview.css', 'preview.js']) copyFileSync(path.join(repoRoot, 'client', 'media', file), path.join(work, file));
      const page = previewPage({ title: 'Preview acute-grief-dated.ipt', cspSource: "'self'", nonce: 'n0nce', styles: ['plan.css', 'preview.css'], script: 'preview.js', settings: { resource: 'file:///plans/acute-grief-dated.ipt' }, html: fragment });
      writeFileSync(path.join(work, name), page);
      return path.join(work, name);
    };
    // What the webview gives the page script; the syntax-error banner is shown through it, as the extension does.
    const vscodeApi = (banner: string) =>
      `window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState() {} }); window.addEventListener('load', () => window.postMessage({ type: 'render', html: null, banner: '${banner}' }, '*'));`;
    const bannerShown = (shown: boolean) => async (page: Page) => {
      await page.locator('#ipt-preview-banner').waitFor({ state: shown ? 'visible' : 'hidden' });
    };

    it('finds nothing with a plan shown, and with the syntax-error banner over it', async () => {
      const fragment = run(process.execPath, [path.join(repoRoot, 'bin', 'ipt.js'), 'render', path.join(samplesDir, 'acute-grief-dated.ipt'), '--to', 'html'], { cwd: work });
      expect(fragment.code, describeRun(fragment)).toBe(0);
      const article = /<article class="ipt-plan">[^]*<\/article>/.exec(fragment.stdout)![0];
      const file = previewWith(article, 'preview.html');
      expect(await violationsOf(file, vscodeApi('none'), bannerShown(false))).toEqual([]);
      expect(await violationsOf(file, vscodeApi('syntax-errors-kept'), bannerShown(true))).toEqual([]);
    });

    it('finds nothing while it waits for the first render', async () => {
      expect(await violationsOf(previewWith(undefined as unknown as string, 'waiting.html'), vscodeApi('none'))).toEqual([]);
    });
  });
});
