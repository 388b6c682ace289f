/**
 * The live preview's behaviour in a real workbench: it follows typing, keeps the last good render
 * under a banner while the plan has a syntax error, comes back after a window reload, and follows a
 * high-contrast theme — where axe-core finds no accessibility violation, with or without the banner.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { axeViolations } from '../../scripts/workbench/axe.mjs';
import { goTo, lowContrastText, previewAxePlans, previewAxeViolations, previewTextSelectors, openFile, openWorkbench, previewFrame, reloadWindow, runCommand, type Workbench } from './workbench.js';

describe('the live preview', () => {
  let bench: Workbench;

  beforeAll(async () => {
    bench = await openWorkbench({ name: 'preview', theme: 'high-contrast' });
  }, 180_000);
  afterAll(async () => {
    await bench?.close();
  });
  beforeEach((context) => bench.shootOnFailure(context));

  test('follows typing: a new session title appears in the preview', async () => {
    const { page } = bench;
    await openFile(page, 'brief-perinatal-role-transition.ipt');
    await runCommand(page, 'IPT: Open Preview to the Side');
    const frame = await previewFrame(page);
    await page.locator('.tabs-container .tab', { hasText: 'brief-perinatal-role-transition.ipt' }).first().click();
    await goTo(page, 1);
    await page.keyboard.press('Control+F');
    await page.keyboard.type('session 1 "');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    // Find leaves `session 1 "` selected; the right arrow puts the cursor inside the title's quotes.
    await page.keyboard.type('Typed live: ');
    await expect.poll(() => frame.locator('#ipt-preview-content').innerText(), { timeout: 20_000 }).toMatch(/Typed live: /);
    // High contrast: every text the reader relies on stands out from what is behind it.
    expect(await lowContrastText(frame, previewTextSelectors)).toEqual([]);
    // axe-core, every default rule (WCAG A/AA and best practices), in the high-contrast theme.
    expect(await axeViolations(frame)).toEqual([]);
    await bench.shot('1-follows-typing');
  });

  test('keeps the last good render under a banner while the plan has a syntax error', async () => {
    const { page } = bench;
    const frame = await previewFrame(page);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('session "unclosed');
    const banner = frame.locator('#ipt-preview-banner');
    await expect.poll(() => banner.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await banner.innerText()).toMatch(/syntax error/);
    // The plan is still shown (the last version that could be read), not an empty page.
    expect(await frame.locator('#ipt-preview-content').innerText()).toMatch(/Typed live: /);
    expect(await axeViolations(frame)).toEqual([]); // the banner too
    await bench.shot('2-syntax-error-banner');
    await page.keyboard.press('Control+Shift+K'); // delete the line again
    await expect.poll(() => banner.isVisible(), { timeout: 20_000 }).toBe(false);
  });

  test('comes back after the window reloads', async () => {
    const { page } = bench;
    await runCommand(page, 'File: Revert File');
    await reloadWindow(page);
    await page.locator('.tabs-container .tab', { hasText: 'Preview brief-perinatal-role-transition.ipt' }).waitFor({ timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Preview brief-perinatal-role-transition.ipt' }).click();
    const frame = await previewFrame(page);
    expect(await frame.locator('#ipt-preview-content').innerText()).toMatch(/C-4418 IPT-B, transition to parenthood/);
    await bench.shot('3-after-reload');
  });

  test('axe-core finds nothing in the previews of plans with problems and missed or cancelled sessions (high contrast)', async () => {
    expect(await previewAxeViolations(bench.page, previewAxePlans)).toEqual([]);
  });
});
