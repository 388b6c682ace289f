/**
 * Preview and HTML security in a real browser (headless Chromium through playwright-core): the page
 * `ipt render --to html` writes, with script-injection payloads in every string field of a plan,
 * runs none of them — neither through escaping alone (the page loaded without its CSP) nor with
 * the CSP — and shows each payload as literal text. A script that does get into the page is
 * blocked by the page's Content-Security-Policy. Skips, saying so, when /usr/bin/chromium is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../contract/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const cliJs = path.join(repoRoot, 'dist', 'cli.js');
const available = existsSync(CHROMIUM) && existsSync(cliJs);
if (!available) console.warn(`html-injection: skipped — needs ${CHROMIUM} (Debian package \`chromium\`) and dist/cli.js (npm run build).`);

/** Each payload calls __pwned(n) if it ever runs. Written as plan-string text (quotes escaped). */
const payloads = [
  '<script>__pwned(1)</script>',
  '<img src=x onerror=__pwned(2)>',
  '</style><script>__pwned(3)</script>',
  'javascript:__pwned(4)',
  '\\"><svg onload=__pwned(5)>',
  "'><img src=x onerror=__pwned(6)>",
  '</title><script>__pwned(7)</script>',
  '<iframe srcdoc=\\"<script>parent.__pwned(8)</script>\\"></iframe>',
  '<a href=\\"javascript:__pwned(9)\\">x</a>',
];
/** The text a reader should see for each payload (the plan-string escapes resolved). */
const shown = payloads.map((p) => p.replace(/\\"/g, '"'));

/** A plan with the payloads in every string field, and in a word the diagnostics quote. */
function hostilePlan(): string {
  const p = (i: number) => `"${payloads[i % payloads.length]} #${i}"`;
  let i = 0;
  return `plan ${p(i++)}
  client ${p(i++)}
  clinician ${p(i++)}
  supervisor ${p(i++)}
  variant acute
  diagnosis ${p(i++)} code F33.1
  sessions 16 weekly 50min
  start 2026-02-02

focus role-dispute ${p(i++)}
  stage renegotiation
  goal G1 ${p(i++)}
  goal G2 ${p(i++)}

measure PHQ-9 every 4

risk moderate ${p(i++)}
  safety-plan ${p(i++)}

phase initial sessions 1-3
  session 1 ${p(i++)}
    task symptom-review, sick-role, interpersonal-inventory, formulation
    score PHQ-9 18
    note ${p(i++)}
  session 2-3 ${p(i++)}
    homework ${p(i++)}
    status held

phase middle sessions 4-13
  session 4-13 ${p(i++)}
    technique role-play
    targets G1, G2
    note ${p(i++)}
    score PHQ-9 9

phase termination sessions 14-16
  session 14-16 ${p(i++)}
    task review-progress, relapse-prevention, discuss-ending
    score PHQ-9 4
    homework ${p(i++)} ${p(i++)}
`;
}

describe.skipIf(!available)('rendered HTML in headless Chromium', () => {
  let browser: Browser;
  let html: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'ipt-xss-'));
  let pages = 0;

  beforeAll(async () => {
    writeFileSync(path.join(dir, '.iptrc.json'), '{ "root": true }\n');
    writeFileSync(path.join(dir, 'hostile.ipt'), hostilePlan());
    const result = spawnSync(process.execPath, [cliJs, 'render', 'hostile.ipt', '--to', 'html'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    html = result.stdout;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Loads `page` content and reports every payload call and CSP violation. */
  async function load(content: string): Promise<{ page: Page; calls: unknown[]; violations: string[] }> {
    const page = await browser.newPage();
    const calls: unknown[] = [];
    await page.exposeFunction('__pwned', (n: unknown) => calls.push(n));
    // Browser code as text: this project's type-check has no DOM library.
    await page.addInitScript("window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));");
    // A real navigation (not setContent), so the init script and the page's own CSP both apply as in a browser.
    const file = path.join(dir, `page-${++pages}.html`);
    writeFileSync(file, content);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Give event handlers (onerror of a broken image, onload) time to fire.
    await page.waitForTimeout(500);
    const violations = (await page.evaluate('window.__violations')) as string[];
    return { page, calls, violations };
  }

  it('the plan puts a payload in every string field (the test is not vacuous)', () => {
    expect(hostilePlan().match(/__pwned/g)!.length).toBeGreaterThanOrEqual(18);
  });

  it('the detector works: a script that runs calls __pwned', async () => {
    const { page, calls } = await load('<!DOCTYPE html><body><script>__pwned(0)</script></body>');
    await expect.poll(() => calls).toEqual([0]);
    await page.close();
  }, 60_000);

  it('escaping alone runs no payload (the page loaded without its CSP), and shows each one as text', async () => {
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(withoutCsp).not.toBe(html);
    const { page, calls } = await load(withoutCsp);
    expect(calls).toEqual([]);
    const text = (await page.evaluate('document.body.innerText')) as string;
    for (const payload of shown) expect(text).toContain(payload);
    // No element the plan could have made: no script, frame or image, no event handler, no javascript: link.
    const found = await page.evaluate(`(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        elements: all.filter((el) => ['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED'].includes(el.tagName)).map((el) => el.tagName),
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => el.tagName + ' ' + a.name)),
        links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((href) => /^\\s*javascript:/i.test(href || '')),
      };
    })()`);
    expect(found).toEqual({ elements: [], handlers: [], links: [] });
    await page.close();
  }, 60_000);

  it('with its CSP the page runs nothing and violates nothing', async () => {
    const { page, calls, violations } = await load(html);
    expect(calls).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);

  it('the CSP blocks a script that got into the page anyway', async () => {
    const injected = html.replace('<body>', '<body><script>__pwned("inline")</script><img src="x" onerror="__pwned(\'handler\')">');
    expect(injected).not.toBe(html);
    const { page, calls, violations } = await load(injected);
    expect(calls).toEqual([]);
    expect(violations.length).toBeGreaterThanOrEqual(1);
    await page.close();
  }, 60_000);
});
