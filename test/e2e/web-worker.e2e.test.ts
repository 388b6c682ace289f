/**
 * The web build (dist/client.js + dist/server.js, which serves the web worker too) in VS Code's web-worker
 * extension host, where vscode.dev and github.dev run extensions. The web-only package (no desktop
 * entry) is installed into code-server, so the workbench has no choice but the web worker; the
 * Running Extensions view shows where it runs. Diagnostics, completion, hover, formatting and the
 * preview must work there as on the desktop, with plans checked in a web worker nested in the
 * server's (the analysis worker; docs/language-server.md).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closePanel, goTo, hoverOver, openFile, openWorkbench, outputChannel, previewFrame, problems, runCommand, suggestions, type Workbench } from './workbench.js';

describe('the web build in the web-worker extension host', () => {
  let bench: Workbench;

  beforeAll(async () => {
    bench = await openWorkbench({
      name: 'web-worker',
      vsix: 'web',
      // A workspace rule setting the web worker can only know through the client (workspace.fs → ipt/configFiles).
      files: { 'rules/.iptrc.json': '{ "rules": { "technique": "error" } }\n' },
    });
  }, 180_000);
  afterAll(async () => {
    await bench?.close();
  });
  beforeEach((context) => bench.shootOnFailure(context));

  test('runs in the web worker extension host', async () => {
    const { page } = bench;
    await openFile(page, 'acute-grief-dated.ipt');
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'IPT Plan' });
    await row.waitFor({ timeout: 30_000 });
    const text = await row.innerText();
    await bench.shot('1-running-extensions');
    expect(text).toMatch(/web worker/i);
    await page.keyboard.press('Control+W');
  });

  test('diagnostics arrive, with the .iptrc.json read through workspace.fs', async () => {
    const { page } = bench;
    await openFile(page, 'rules/technique.ipt');
    // The folder's .iptrc.json raises `technique` to an error: the squiggle is red, not yellow.
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 30_000 });
    const rows = (await problems(page)).join('\n');
    expect(rows).toMatch(/`mindfulness` is not an IPT technique/);
    await bench.shot('2-problems');
    await closePanel(page);
  });

  test('completion and hover', async () => {
    const { page } = bench;
    await openFile(page, 'acute-grief-dated.ipt');
    await goTo(page, 26, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('task psycho');
    await page.keyboard.press('Control+Space');
    expect(await suggestions(page)).toContain('psychoeducation');
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
    const hover = await hoverOver(page, 'sick-role');
    expect(hover).toMatch(/not their fault/);
    await bench.shot('3-hover');
    await page.mouse.move(5, 400);
  });

  test('plans are checked in a web worker nested in the server’s', async () => {
    const { page } = bench;
    await openFile(page, 'acute-grief-dated.ipt');
    const log = await outputChannel(page, 'IPT Plan');
    await bench.shot('4-output-nested-worker');
    expect(log).toMatch(/Plans are checked in a nested web worker\./);
    expect(log).not.toMatch(/analysis worker is not available/);
    await closePanel(page);
  });

  test('the preview renders the plan', async () => {
    const { page } = bench;
    await openFile(page, 'acute-grief-dated.ipt');
    await runCommand(page, 'IPT: Open Preview to the Side');
    const frame = await previewFrame(page);
    const content = frame.locator('#ipt-preview-content');
    expect(await content.innerText()).toMatch(/C-0583 acute IPT, grief/);
    expect(await content.locator('.course [data-goto-line]').count()).toBe(16);
    await bench.shot('5-preview');
  });
});
