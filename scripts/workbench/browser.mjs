// Debian's Chromium driven by playwright-core (no browser download): headless, and with the switches
// this closed network needs (background services would otherwise retry their connections forever).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.IPT_CHROMIUM || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox', // the tests may run as root, where Chromium's sandbox cannot start
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function hasChromium() {
  return existsSync(chromiumPath);
}

export async function launchChromium(options = {}) {
  if (!hasChromium()) throw new Error(`Chromium is not at ${chromiumPath} (apt-get install chromium, or set IPT_CHROMIUM).`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: options.headless ?? true });
}
