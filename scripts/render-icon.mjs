#!/usr/bin/env node
/**
 * Renders client/media/icon.png, the 128×128 extension icon, from client/media/source/icon.svg
 * with headless Chromium (transparent corners). Run it after changing the SVG; not run by the tests.
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM=/path) and playwright-core.
 *
 *   node scripts/render-icon.mjs
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(root, 'client/media/source/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(root, 'client/media/icon.png'), omitBackground: true });
  console.log('wrote client/media/icon.png');
} finally {
  await browser.close();
}
