/**
 * Drives a real VS Code workbench (code-server) in headless Chromium the way a user does: the
 * packaged .vsix installed with code-server's CLI, the samples folder opened, files opened with
 * Quick Open, commands run from the Command Palette, text typed with the keyboard. Every step can
 * leave a screenshot in .cache/screenshots/ (CI prints the folder).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { axeViolations } from '../../scripts/workbench/axe.mjs';
import { launchChromium } from '../../scripts/workbench/browser.mjs';
import { ensureCodeServer, installVsix, projectRoot, startCodeServer } from '../../scripts/workbench/code-server.mjs';

export const screenshotsDir = path.join(projectRoot, '.cache', 'screenshots');

export type Theme = 'light' | 'dark' | 'high-contrast';
const themes: Record<Theme, string> = { light: 'Default Light Modern', dark: 'Default Dark Modern', 'high-contrast': 'Default High Contrast' };

export interface WorkbenchOptions {
  /** Which packaged extension: the usual one, or the web-only variant (`npm run package -- --web`). */
  vsix?: 'desktop' | 'web';
  theme?: Theme;
  /** Extra files written into the workspace (path relative to it → text). */
  files?: Record<string, string>;
  settings?: Record<string, unknown>;
  /** Environment additions for code-server and so the extension host and language server (test hooks). */
  env?: Record<string, string>;
  /** Open the folder in Restricted Mode (workspace trust on, the folder not trusted), as a cloned repository opens. */
  restricted?: boolean;
  /** Makes what `files` cannot (symbolic links, FIFOs, large files) in the workspace before the workbench opens. */
  prepare?(workspace: string): void;
  /** A name for this workbench's screenshots and folders. */
  name: string;
}

export interface Workbench {
  page: Page;
  /** Call in beforeEach: a failing test leaves a screenshot named after it. */
  shootOnFailure(context: { task: { name: string }; onTestFailed(fn: () => Promise<void>): void }): void;
  workspace: string;
  /** Saves a screenshot as .cache/screenshots/<name>-<step>.png and returns its path. */
  shot(step: string): Promise<string>;
  close(): Promise<void>;
  serverLog(): string;
}

export function packagedVsix(kind: 'desktop' | 'web' = 'desktop'): string {
  const { name, version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const file = path.join(projectRoot, kind === 'web' ? `${name}-web-${version}.vsix` : `${name}-${version}.vsix`);
  if (!existsSync(file)) throw new Error(`${path.basename(file)} is missing: run \`npm run package\`${kind === 'web' ? ' -- --web' : ''} first (npm test does).`);
  return file;
}

export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const entry = ensureCodeServer();
  const home = path.join(projectRoot, '.cache', 'e2e', options.name);
  rmSync(home, { recursive: true, force: true });
  const extensionsDir = path.join(home, 'extensions');
  installVsix(entry, packagedVsix(options.vsix), extensionsDir);
  const workspace = path.join(home, 'workspace');
  cpSync(path.join(projectRoot, 'samples'), workspace, { recursive: true });
  writeFileSync(path.join(workspace, '.iptrc.json'), '{ "root": true }\n');
  for (const [file, text] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  }
  options.prepare?.(workspace);
  const trust = options.restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' } : {};
  const server = await startCodeServer({
    entry,
    home,
    extensionsDir,
    env: options.env,
    workspaceTrust: options.restricted === true,
    settings: { 'workbench.colorTheme': themes[options.theme ?? 'light'], 'editor.fontSize': 14, 'window.zoomLevel': 0, ...trust, ...options.settings },
  });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.folderUrl(workspace));
    await workbenchReady(page);
    mkdirSync(screenshotsDir, { recursive: true });
    const opened: Browser = browser;
    const failures = new Map<string, number>();
    const shot = async (step: string) => {
      const file = path.join(screenshotsDir, `${options.name}-${step}.png`);
      await page.screenshot({ path: file });
      return file;
    };
    return {
      page,
      workspace,
      shot,
      shootOnFailure(context) {
        context.onTestFailed(async () => {
          // A retried test fails under the same name; each attempt keeps its own picture.
          const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
          const attempt = (failures.get(name) ?? 0) + 1;
          failures.set(name, attempt);
          const file = await shot(`FAILED-${name}${attempt > 1 ? `-attempt-${attempt}` : ''}`);
          console.error(`screenshot of the failure: ${file}`);
        });
      },
      async close() {
        await opened.close();
        await server.stop();
      },
      serverLog: () => server.log(),
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/**
 * Opens the quick input with a key (Ctrl+P, F1, Ctrl+G) and returns its text box, focused. Under load
 * a key pressed while the workbench is still moving focus (a panel closing, a menu going away) can be
 * lost, so the key is pressed again, up to three times, rather than waiting forever for the box.
 */
async function quickInput(page: Page, key: string) {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null && document.activeElement?.tagName === 'INPUT', undefined, { timeout: 5_000 });
      return input;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user does, and waits for its editor. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = path.basename(relativePath);
  const input = await quickInput(page, 'Control+P');
  await input.fill(relativePath);
  // Enter opens the focused row, so wait until the list has caught up with the text typed.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  // The editor has the keyboard, so what the test types next goes into the plan.
  await page.waitForFunction(() => document.activeElement?.closest('.editor-instance .monaco-editor') !== null, undefined, { timeout: 10_000 });
}

/** Runs a command from the Command Palette by its title ("IPT: Open Preview to the Side"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = await pickCommand(page, title);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The Command Palette with `title` typed and its row focused, ready for Enter; returns the text box. */
async function pickCommand(page: Page, title: string) {
  const input = await quickInput(page, 'F1');
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor();
  return input;
}

/** Waits for a loaded workbench: the editor area, and the explorer listing the folder (it is connected to its server then). */
async function workbenchReady(page: Page): Promise<void> {
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

/**
 * Reloads the window the way a user does, with Developer: Reload Window. (Not `page.reload()`: the
 * command saves the workbench's state, its open editors and webviews, before the page goes; a bare
 * browser reload races that save and sometimes comes back with the editors of an older state.)
 */
export async function reloadWindow(page: Page): Promise<void> {
  await pickCommand(page, 'Developer: Reload Window');
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.keyboard.press('Enter')]);
  await workbenchReady(page);
}

/** Moves the cursor to a line and column (1-based) with Go to Line (Ctrl+G). */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
  const input = await quickInput(page, 'Control+G');
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The rows of the Problems panel, as the user reads them. The panel opens for the read and closes after. */
export async function problems(page: Page, expectAtLeast = 1): Promise<string[]> {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  await page.waitForFunction((n) => document.querySelectorAll('.markers-panel .monaco-tl-row').length >= n, expectAtLeast, { timeout: 30_000 });
  return page.locator('.markers-panel .monaco-tl-row').allInnerTexts();
}

/** The rows of the Problems panel once its text matches `pattern` (a diagnostic that arrives later than others). */
export async function problemsMatching(page: Page, pattern: RegExp, timeout = 30_000): Promise<string[]> {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  await page.waitForFunction(([source, flags]) => new RegExp(source, flags).test(document.querySelector('.markers-panel')?.textContent ?? ''), [pattern.source, pattern.flags] as const, { timeout });
  return page.locator('.markers-panel .monaco-tl-row').allInnerTexts();
}

/** Closes the bottom panel and gives the keyboard back to the editor. */
export async function closePanel(page: Page): Promise<void> {
  await runCommand(page, 'View: Hide Panel');
  await runCommand(page, 'View: Focus Active Editor Group');
}

/** The visible editor's line text elements containing `text`. */
export function editorText(page: Page, text: string) {
  return page.locator('.editor-instance .monaco-editor .view-line span span', { hasText: text });
}

/** Hovers over the first visible token containing `text` and returns the hover's text. */
export async function hoverOver(page: Page, text: string): Promise<string> {
  const token = editorText(page, text).first();
  await token.waitFor();
  const box = await token.boundingBox();
  if (!box) throw new Error(`no box for ${text}`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
  await hover.waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForFunction(() => !/Loading/.test(document.querySelector('.monaco-hover-content')?.textContent ?? 'Loading'), undefined, { timeout: 20_000 });
  return hover.innerText();
}

/** The text of an output channel ("IPT Plan"), shown in the panel for the read. */
export async function outputChannel(page: Page, name: string): Promise<string> {
  const input = await pickCommand(page, 'Output: Show Output Channels...');
  await page.keyboard.press('Enter');
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
  await page.keyboard.press('Enter');
  const lines = page.locator('.part.panel .monaco-editor .view-lines').first();
  await lines.waitFor();
  await page.waitForFunction(() => (document.querySelector('.part.panel .monaco-editor .view-lines')?.textContent ?? '').trim().length > 0, undefined, { timeout: 30_000 });
  // The editor draws spaces as no-break spaces.
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
}

/** The labels in the suggest widget once it is open. */
export async function suggestions(page: Page): Promise<string[]> {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  await widget.waitFor({ state: 'visible', timeout: 20_000 });
  await page.waitForFunction(() => document.querySelectorAll('.suggest-widget.visible .monaco-list-row').length > 0, undefined, { timeout: 20_000 });
  return widget.locator('.monaco-list-row .label-name').allInnerTexts();
}

/** The titles in the quick-fix menu (Ctrl+.) at the cursor. */
export async function quickFixes(page: Page): Promise<string[]> {
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget .monaco-list-row.action');
  await menu.first().waitFor({ state: 'visible', timeout: 20_000 });
  return menu.allInnerTexts();
}

/** The preview webview's inner document (VS Code nests it: iframe.webview → iframe#active-frame). */
export async function previewFrame(page: Page, timeout = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$('#ipt-preview-content article, #ipt-preview-content .ipt-plan')) return frame;
      } catch {
        // a frame that is navigating; look again
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the preview webview did not show a rendered plan');
}

/**
 * The colours the theme gives the first tokens whose text is exactly each of `texts`, once they all
 * differ: highlighting arrives in two steps (the TextMate grammar at once, semantic tokens from the
 * server a moment later), so this waits for the final colours rather than reading the first ones.
 */
export async function distinctTokenColours(page: Page, texts: string[], timeout = 30_000): Promise<string[]> {
  const read = (wanted: string[]) => {
    const spans = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line span span')];
    return wanted.map((text) => {
      // The editor draws spaces as no-break spaces.
      const span = spans.find((s) => s.textContent?.replace(/\u00a0/g, ' ') === text);
      return span ? getComputedStyle(span).color : undefined;
    });
  };
  const deadline = Date.now() + timeout;
  for (;;) {
    const colours = await page.evaluate(read, texts);
    if (colours.every((c) => c !== undefined) && new Set(colours).size === colours.length) return colours as string[];
    if (Date.now() > deadline) {
      throw new Error(`tokens without distinct colours after ${timeout} ms: ${JSON.stringify(Object.fromEntries(texts.map((text, i) => [text, colours[i] ?? 'not found'])))}`);
    }
    await page.waitForTimeout(250);
  }
}

/**
 * Text in the preview whose contrast with what is behind it is below WCAG AA (4.5:1): each as
 * "selector: text (ratio)". The background is the first non-transparent one up the tree.
 */
export async function lowContrastText(frame: Frame, selectors: string[]): Promise<string[]> {
  return frame.evaluate((wanted) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element: Element | null): number[] => {
      for (let e = element; e; e = e.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(e).backgroundColor);
        if (a > 0.5) return [r, g, b];
      }
      return rgb(getComputedStyle(document.body).backgroundColor);
    };
    const problems: string[] = [];
    for (const selector of wanted) {
      for (const element of [...document.querySelectorAll(selector)].slice(0, 20)) {
        if (!element.textContent?.trim() || element.getClientRects().length === 0) continue;
        const [l1, l2] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))].sort((a, b) => b - a);
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        if (ratio < 4.5) problems.push(`${selector}: ${element.textContent.trim().slice(0, 40)} (${ratio.toFixed(2)}:1)`);
      }
    }
    return problems;
  }, selectors);
}

/**
 * Plans whose previews show what the usual sample does not: errors and warnings in the issue list,
 * missed and cancelled sessions. previewAxeViolations opens each one's preview in turn.
 */
export const previewAxePlans = ['maintenance-biweekly-grief.ipt', 'rules/placeholder.ipt', 'rules/session-count.ipt'];

/** axe-core's violations in the preview of each plan (opened in turn, then closed), as "plan: violation". */
export async function previewAxeViolations(page: Page, plans: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const plan of plans) {
    await openFile(page, plan);
    await runCommand(page, 'IPT: Open Preview');
    await page.locator('.tabs-container .tab', { hasText: `Preview ${path.basename(plan)}` }).waitFor({ timeout: 30_000 });
    const frame = await previewFrame(page);
    for (const violation of await axeViolations(frame)) found.push(`${plan}: ${violation}`);
    await runCommand(page, 'View: Close All Editors');
  }
  return found;
}

/** The preview's text elements a reader relies on, for lowContrastText. */
export const previewTextSelectors = ['h1', 'h2', 'h3', '.panel p', '.chips li', '.session-title', '.muted', '.badge', 'td', 'th', '.course-number', '.course-legend span', '.issues li'];
