#!/usr/bin/env node
/**
 * Renders plans to HTML and screenshots them with headless Chromium, to look at the rendering.
 * Not run by the tests. Usage:
 *
 *   node scripts/screenshot-render.mjs [out-dir] [plan.ipt ...]
 *
 * Defaults: out-dir docs/images, two samples plus a plan with diagnostics. For each plan it writes
 * <name>.png (screen, light); the first plan also gets <name>-print.png (print media emulation).
 * The HTML pages it screenshots are left in a temporary folder (printed at the end).
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM=/path) and playwright-core.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.argv[2] ?? 'docs/images');
const plans = process.argv.slice(3).length
  ? process.argv.slice(3)
  : ['samples/acute-grief-dated.ipt', 'samples/adolescent-role-dispute-parent.ipt', 'test/unit/render/fixtures/with-diagnostics.ipt'];

// Bundle the library from source so the script does not depend on a previous build.
const bundleDir = mkdtempSync(path.join(tmpdir(), 'ipt-render-'));
const bundle = path.join(bundleDir, 'index.cjs');
await build({
  entryPoints: [path.join(root, 'server/src/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // jsonc-parser's UMD build cannot be bundled; use its ESM build (as scripts/build.mjs does).
  mainFields: ['module', 'main'],
  outfile: bundle,
  logLevel: 'warning',
});
const { analyse, render } = createRequire(import.meta.url)(bundle);

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({ viewport: { width: 980, height: 900 }, deviceScaleFactor: 1 });
  for (const plan of plans) {
    const name = path.basename(plan, '.ipt');
    const html = render(analyse(readFileSync(path.resolve(root, plan), 'utf8')), { to: 'html' });
    const htmlFile = path.join(bundleDir, `${name}.html`);
    writeFileSync(htmlFile, html);
    await page.goto(pathToFileURL(htmlFile).href);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
    if (plan === plans[0]) {
      await page.emulateMedia({ media: 'print' });
      // A screenshot has no @page margins; show the page with the margins print would give it.
      await page.addStyleTag({ content: 'body { margin: 16mm 14mm; }' });
      await page.screenshot({ path: path.join(outDir, `${name}-print.png`), fullPage: true });
    }
    console.log(`${plan} → ${path.relative(root, outDir)}/${name}${plan === plans[0] ? '{.png,-print.png}' : '.png'}`);
  }
} finally {
  await browser.close();
}
console.log(`HTML pages: ${bundleDir}`);
