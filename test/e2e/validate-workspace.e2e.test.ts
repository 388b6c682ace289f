/**
 * Validate Workspace in a workspace holding files that are not plans (issue 17), as a user sees it
 * in a real VS Code (code-server, headless Chromium): a FIFO named `x.ipt` (it blocked the server for
 * ever), a link to /dev/zero (the server read 3 GB in 3 s and stopped answering) and a 300 MB file.
 * The closing notification names the first two and says why; the 300 MB file gets its size error in
 * the Problems panel; the server answers on. Screenshot: .cache/screenshots/validate-workspace-*.png.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closePanel, hoverOver, openFile, openWorkbench, problems, runCommand, type Workbench } from './workbench.js';

describe.runIf(process.platform === 'linux')('Validate Workspace with files that are not plans', () => {
  let bench: Workbench;

  beforeAll(async () => {
    bench = await openWorkbench({ name: 'validate-workspace' });
    execFileSync('mkfifo', [path.join(bench.workspace, 'x.ipt')]);
    symlinkSync('/dev/zero', path.join(bench.workspace, 'zero.ipt'));
    writeFileSync(path.join(bench.workspace, 'big.ipt'), '');
    truncateSync(path.join(bench.workspace, 'big.ipt'), 300 * 1024 * 1024);
  }, 180_000);
  afterAll(async () => {
    await bench?.close();
  });
  beforeEach((context) => bench.shootOnFailure(context));

  test('the notification names the FIFO and the link to /dev/zero; Problems shows the size of the 300 MB file', async () => {
    const { page } = bench;
    await openFile(page, 'acute-grief-dated.ipt');
    await runCommand(page, 'IPT: Validate Workspace');
    const toast = page.locator('.notification-toast', { hasText: 'not a plan file' });
    await toast.waitFor({ timeout: 60_000 });
    const text = await toast.innerText();
    expect(text).toMatch(/^x\.ipt is a named pipe \(FIFO\), not a plan file: it was skipped\. zero\.ipt is a link to \/dev\/zero, a device, not a plan file: it was skipped\. Checked \d+ plans: \d+ problems\./);
    // Expanded, as a user reads it.
    await toast.hover();
    await toast.locator('.codicon-notifications-expand').click({ timeout: 5_000 }).catch(() => undefined);
    await bench.shot('1-skipped-files');
    await problems(page);
    // The samples have many problems: filter the panel down to the size error.
    await page.locator('.viewpane-filter input, .markers-panel-action-filter input').first().fill('300.0 MB');
    const row = page.locator('.markers-panel .monaco-tl-row', { hasText: 'This file is 300.0 MB; IPT Plan reads plans up to 1.0 MB' });
    await row.first().waitFor({ timeout: 30_000 });
    await bench.shot('2-size-error-in-problems');
  });

  test('the server still answers: hover on a plan', async () => {
    await closePanel(bench.page);
    await openFile(bench.page, 'acute-grief-dated.ipt');
    expect(await hoverOver(bench.page, 'symptom-review')).toMatch(/symptom/i);
  });
});
