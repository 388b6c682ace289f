/**
 * Injection payloads in every string field of a plan, shown in the real preview webview: nothing
 * executes, no markup from the plan becomes an element, and the text is shown literally. Each payload
 * would mark the page (a body attribute, a global) if it ran, and the test looks for those marks.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { openFile, openWorkbench, previewFrame, runCommand, type Workbench } from './workbench.js';

/** Payloads as they are written inside a plan string (`\"` is an escaped quote). */
const payloads = [
  `<script>document.body.setAttribute('data-pwned','script');window.__pwned=1</script>`,
  `<img src=x onerror=\\"document.body.setAttribute('data-pwned','img')\\">`,
  `</style><script>window.__pwned=2</script><style>`,
  `javascript:document.body.setAttribute('data-pwned','href')`,
  `\\"><svg onload=\\"document.body.setAttribute('data-pwned','svg')\\">`,
  `<a href=\\"javascript:window.__pwned=3\\">click</a>`,
  `<iframe srcdoc=\\"<script>parent.__pwned=4</script>\\"></iframe>`,
];
/** The same payloads as the reader should see them. */
const shown = payloads.map((p) => p.replace(/\\"/g, '"'));

function hostilePlan(): string {
  let next = 0;
  const p = () => payloads[next++ % payloads.length];
  return `plan "C-0142 ${p()}"
  client "C-0142"
  clinician "${p()}"
  supervisor "${p()}"
  variant acute
  diagnosis "${p()}" code F33.1
  sessions 16 weekly 50min
  start 2026-02-02

focus role-dispute "${p()}"
  stage renegotiation
  goal G1 "${p()}"
  goal G2 "${p()}"

measure PHQ-9 every 4

risk moderate "${p()}"
  safety-plan "${p()}"

phase initial sessions 1-3
  session 1 "${p()}"
    task symptom-review, sick-role
    score PHQ-9 18
    note "${p()}"
  session 2 "${p()}"
    task interpersonal-inventory
    homework "${p()}"
  session 3 "${p()}"
    task formulation, treatment-contract

phase middle sessions 4-13
  session 4-13 "${p()}"
    technique communication-analysis, role-play
    targets G1, G2
    note "${p()}"

phase termination sessions 14-16
  session 14-16 "${p()}"
    task review-progress, relapse-prevention, discuss-ending
    score PHQ-9 5
`;
}

describe('the preview webview with hostile plan text', () => {
  let bench: Workbench;

  beforeAll(async () => {
    bench = await openWorkbench({ name: 'preview-security', files: { 'hostile.ipt': hostilePlan() } });
  }, 180_000);
  afterAll(async () => {
    await bench?.close();
  });
  beforeEach((context) => bench.shootOnFailure(context));

  test('nothing executes, nothing becomes markup, and every payload is shown as text', async () => {
    const { page } = bench;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openFile(page, 'hostile.ipt');
    await runCommand(page, 'IPT: Open Preview to the Side');
    const frame = await previewFrame(page);
    const content = frame.locator('#ipt-preview-content');
    await content.locator('.course').first().waitFor();

    const marks = await frame.evaluate(() => ({
      attribute: document.body.getAttribute('data-pwned'),
      global: (window as unknown as { __pwned?: number }).__pwned,
      scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? `inline: ${s.textContent ?? ''}`),
      planElements: [...document.querySelectorAll('#ipt-preview-content script, #ipt-preview-content img, #ipt-preview-content iframe, #ipt-preview-content a[href], #ipt-preview-content style')].length,
      handlers: [...document.querySelectorAll('#ipt-preview-content *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    }));
    expect(marks.attribute).toBeNull();
    expect(marks.global).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(marks.planElements).toBe(0);
    expect(marks.handlers).toBe(0);
    // The page's scripts: the extension's own preview.js (allowed by its nonce), and the bridge VS Code
    // itself injects into every webview (acquireVsCodeApi). Nothing from the plan.
    expect(marks.scripts.filter((s) => /preview\.js$/.test(s))).toHaveLength(1);
    for (const script of marks.scripts.filter((s) => !/preview\.js$/.test(s))) {
      expect(script).toMatch(/^inline: [\s\S]*acquireVsCodeApi/);
      expect(script).not.toMatch(/pwned/);
    }
    expect(marks.csp).toMatch(/default-src 'none'/);
    expect(marks.csp).toMatch(/script-src 'nonce-[A-Za-z0-9_-]{16,}'/);
    expect(marks.csp).not.toMatch(/unsafe-inline|unsafe-eval/);

    const text = await content.innerText();
    for (const payload of shown) expect(text).toContain(payload);
    await bench.shot('1-payloads-as-text');
  });
});
