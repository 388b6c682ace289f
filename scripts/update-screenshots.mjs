// Copies the screenshots of the last e2e run (.cache/screenshots/, written by `npm test` or
// `npm run test:e2e`) that the README and docs show into docs/images/, under stable names.
//   npm run test:e2e && node scripts/update-screenshots.mjs
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const from = path.join(root, '.cache', 'screenshots');
const shown = {
  'editor-light-1-highlighting.png': 'vscode-highlighting-light.png',
  'editor-dark-1-highlighting.png': 'vscode-highlighting-dark.png',
  'editor-light-3-problems.png': 'vscode-problems.png',
  'editor-light-4-quick-fix.png': 'vscode-quick-fix.png',
  'editor-light-5-completion.png': 'vscode-completion.png',
  'editor-dark-6-hover.png': 'vscode-hover-dark.png',
  'editor-light-7-preview-timeline.png': 'vscode-preview-light.png',
  'editor-dark-8-preview-chart.png': 'vscode-preview-chart-dark.png',
  'preview-1-follows-typing.png': 'vscode-preview-high-contrast.png',
  'preview-2-syntax-error-banner.png': 'vscode-preview-syntax-error.png',
  'web-worker-1-running-extensions.png': 'vscode-web-worker.png',
};
let missing = 0;
for (const [source, target] of Object.entries(shown)) {
  if (!existsSync(path.join(from, source))) {
    console.error(`missing: ${source} (run the e2e tests first)`);
    missing++;
    continue;
  }
  copyFileSync(path.join(from, source), path.join(root, 'docs', 'images', target));
  console.log(`docs/images/${target}`);
}
process.exit(missing ? 1 : 0);
