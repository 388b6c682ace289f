/**
 * What a therapist sees in a real VS Code (code-server, headless Chromium), with the packaged .vsix
 * installed: highlighting, squiggles, the Problems panel, completion, hover, a quick fix, the status
 * bar and the preview beside the editor — in a light and a dark theme. Each step asserts what is on
 * screen and leaves a screenshot in .cache/screenshots/.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { axeViolations } from '../../scripts/workbench/axe.mjs';
import { closePanel, lowContrastText, previewAxePlans, previewAxeViolations, previewTextSelectors, editorText, goTo, hoverOver, openFile, openWorkbench, previewFrame, problems, quickFixes, runCommand, suggestions, distinctTokenColours, type Theme, type Workbench } from './workbench.js';

for (const theme of ['light', 'dark'] as Theme[]) {
  describe(`the extension in a real VS Code workbench (${theme} theme)`, () => {
    let bench: Workbench;

    beforeAll(async () => {
      bench = await openWorkbench({ name: `editor-${theme}`, theme });
    }, 180_000);
    afterAll(async () => {
      await bench?.close();
    });
    beforeEach((context) => bench.shootOnFailure(context));

    test('a plan is highlighted: keywords, vocabulary words and strings each have their own colour', async () => {
      const { page } = bench;
      await openFile(page, 'acute-grief-dated.ipt');
      await editorText(page, 'symptom-review').first().waitFor();
      const colours = await distinctTokenColours(page, ['focus', 'grief', '"C-0583"', '2026-01-06', 'G1']);
      expect(new Set(colours).size).toBe(5);
      await bench.shot('1-highlighting');
    });

    test('the status bar shows the plan: variant, sessions and problems; a click opens Problems', async () => {
      const item = bench.page.locator('#ipt\\.status, [id="ipt-plan.ipt-plan.ipt.status"], .statusbar-item[aria-label*="sessions"]').first();
      await item.waitFor({ timeout: 30_000 });
      expect(await item.innerText()).toMatch(/acute · 16 sessions/);
      await item.click();
      await bench.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 20_000 });
      await closePanel(bench.page);
    });

    test('a problem is underlined and listed in the Problems panel with its rule', async () => {
      const { page } = bench;
      await openFile(page, 'rules/technique.ipt');
      await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 30_000 });
      await bench.shot('2-squiggles');
      const rows = await problems(page);
      const text = rows.join('\n');
      expect(text).toMatch(/`mindfulness` is not an IPT technique/);
      expect(text).toMatch(/technique/);
      await bench.shot('3-problems');
      await closePanel(page);
    });

    test('quick fixes: the did-you-mean change and disabling the rule for the line', async () => {
      const { page } = bench;
      await goTo(page, 31, 74);
      expect((await quickFixes(page)).join('\n')).toMatch(/Disable technique for this line/);
      await page.keyboard.press('Escape');
      await openFile(page, 'rules/focus-area.ipt');
      await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 30_000 });
      await goTo(page, 11, 9);
      const fixes = await quickFixes(page);
      expect(fixes[0]).toMatch(/Change to `role-transition`/);
      await bench.shot('4-quick-fix');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.editor-instance .squiggly-error').count(), { timeout: 20_000 }).toBe(0);
      await runCommand(page, 'File: Revert File');
    });

    test('completion offers the tasks of the phase while typing', async () => {
      const { page } = bench;
      await openFile(page, 'acute-grief-dated.ipt');
      await goTo(page, 26, 1);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('task psycho');
      await page.keyboard.press('Control+Space');
      const labels = await suggestions(page);
      expect(labels).toContain('psychoeducation');
      await bench.shot('5-completion');
      await page.keyboard.press('Escape');
      await runCommand(page, 'File: Revert File');
      await expect.poll(() => editorText(page, 'psycho').count(), { timeout: 20_000 }).toBe(0);
    });

    test('hover explains an IPT word', async () => {
      const { page } = bench;
      const text = await hoverOver(page, 'sick-role');
      expect(text).toMatch(/Sick role/);
      expect(text).toMatch(/not their fault/);
      await bench.shot('6-hover');
      await page.mouse.move(5, 400);
    });

    test('hover on `safety-plan` lists the six Stanley–Brown steps, and a high-risk plan with a full safety plan is clean', async () => {
      const { page } = bench;
      await openFile(page, 'acute-grief-high-risk.ipt');
      const text = await hoverOver(page, 'safety-plan');
      expect(text).toMatch(/Stanley–Brown Safety Planning Intervention/);
      expect(text).toMatch(/Warning signs[\s\S]*Internal coping strategies[\s\S]*People and social settings[\s\S]*Family members or friends[\s\S]*Mental health professionals and agencies[\s\S]*Making the environment safe/);
      expect(text).toMatch(/says it is a complete structured plan/);
      await bench.shot('6b-hover-safety-plan');
      await page.mouse.move(5, 400);
      await expect.poll(() => page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').count(), { timeout: 10_000 }).toBe(0);
    });

    test('the preview opens beside the plan with the timeline, goals, measures and score chart', async () => {
      const { page } = bench;
      await openFile(page, 'acute-grief-dated.ipt');
      await runCommand(page, 'IPT: Open Preview to the Side');
      const frame = await previewFrame(page);
      const content = frame.locator('#ipt-preview-content');
      await content.locator('.course').first().waitFor();
      const text = await content.innerText();
      expect(text).toMatch(/C-0583/);
      expect(text).toMatch(/Tell the story of the marriage/);
      expect(await content.locator('.course [data-goto-line]').count()).toBe(16);
      expect(await content.locator('svg').count()).toBeGreaterThan(0);
      await page.locator('.tabs-container .tab', { hasText: 'Preview acute-grief-dated.ipt' }).waitFor();
      expect(await lowContrastText(frame, previewTextSelectors)).toEqual([]);
      // axe-core, every default rule (WCAG A/AA and best practices), in this theme's colours.
      expect(await axeViolations(frame)).toEqual([]);
      await content.locator('.timeline h2').scrollIntoViewIfNeeded();
      await bench.shot('7-preview-timeline');
      await content.locator('svg').first().scrollIntoViewIfNeeded();
      await bench.shot('8-preview-chart');
    });

    test('the editor and the preview scroll together, and clicking a session in the preview moves the cursor to it', async () => {
      const { page } = bench;
      const frame = await previewFrame(page);
      const previewTop = () => frame.evaluate(() => window.scrollY);
      await frame.evaluate(() => window.scrollTo(0, 0));
      await page.locator('.tabs-container .tab', { hasText: 'acute-grief-dated.ipt' }).first().click();
      // Editor → preview: moving far down the plan brings the preview down with it.
      await goTo(page, 80);
      await expect.poll(previewTop, { timeout: 20_000 }).toBeGreaterThan(400);
      // Preview → editor: a click on a session's block puts the cursor on its line.
      const title = frame.locator('#ipt-preview-content li.session .session-title', { hasText: /^The story of the marriage$/ });
      const line = Number(await title.locator('xpath=ancestor::li[@data-line][1]').getAttribute('data-line'));
      expect(line).toBeGreaterThan(30);
      await title.click();
      await expect.poll(() => page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().innerText(), { timeout: 20_000 }).toMatch(new RegExp(`^Ln ${line + 1}, Col`));
      await bench.shot('9-preview-click');
    });

    test('axe-core finds nothing in the previews of plans with problems and missed or cancelled sessions', async () => {
      expect(await previewAxeViolations(bench.page, previewAxePlans)).toEqual([]);
    });
  });
}
