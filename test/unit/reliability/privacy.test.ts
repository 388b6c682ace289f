/**
 * Privacy: plans never leave the machine. The built bundles (dist/*.js) use no network API and no
 * telemetry, except the exact library code allow-listed below (each with the reason it is harmless);
 * our own sources never call the protocol's telemetry channel.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../contract/helpers.js';

const dist = path.join(repoRoot, 'dist');

/** Network and telemetry uses, by the text that reveals them in a bundle. */
const watched: Record<string, RegExp> = {
  'node http/https/http2/tls/dgram/dns': /require\("(?:node:)?(?:http|https|http2|tls|dgram|dns)"\)/g,
  'node net': /require\("(?:node:)?net"\)/g,
  'fetch(': /\bfetch\(/g,
  XMLHttpRequest: /XMLHttpRequest/g,
  WebSocket: /WebSocket/g,
  EventSource: /EventSource/g,
  sendBeacon: /sendBeacon/g,
  'importScripts(': /importScripts\(/g,
  'telemetry libraries': /applicationinsights|extension-telemetry|sendTelemetryEvent|TelemetryReporter/g,
  'telemetry logEvent(': /logEvent\(/g,
};

/**
 * What each bundle may contain, with why. Anything else (or more of it) fails the test.
 * - `require("net")`: vscode-jsonrpc's Node transports for named pipes and sockets (`--pipe`,
 *   `--socket`), which the editor uses to talk to a local process; we start the server over
 *   stdio or IPC, and nothing in them connects to a network host.
 * - `logEvent(`: vscode-languageserver's `connection.telemetry.logEvent`, which only sends a
 *   `telemetry/event` notification to the editor when called; our code never calls it (checked below).
 */
const allowed: Record<string, Record<string, number>> = {
  // One server bundle for Node and the web worker (each side's entry is required lazily).
  'server.js': { 'node net': 1, 'telemetry logEvent(': 1 },
  'extension.js': {},
  // One client bundle for the desktop and the web (each host's half is required lazily).
  'client.js': { 'node net': 1 },
  'cli.js': {},
  'index.js': {},
};

describe.skipIf(!existsSync(path.join(dist, 'server.js')))('the built bundles', () => {
  it('are the ones this test knows', () => {
    expect(readdirSync(dist).filter((f) => f.endsWith('.js')).sort()).toEqual(Object.keys(allowed).sort());
  });

  for (const [bundle, allowances] of Object.entries(allowed)) {
    it(`${bundle} uses no network API and no telemetry beyond the allow-list`, () => {
      const text = readFileSync(path.join(dist, bundle), 'utf8');
      const found: Record<string, number> = {};
      for (const [name, pattern] of Object.entries(watched)) {
        const count = text.match(pattern)?.length ?? 0;
        if (count > 0) found[name] = count;
      }
      expect(found).toEqual(allowances);
    });
  }
});

describe('our own sources', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  it('never use the telemetry channel or a network API', () => {
    const offenders: string[] = [];
    for (const file of [...files(path.join(repoRoot, 'server', 'src')), ...files(path.join(repoRoot, 'client', 'src'))]) {
      const text = readFileSync(file, 'utf8');
      if (/\btelemetry\b|\bfetch\(|XMLHttpRequest|WebSocket|from 'node:(?:http|https|net|tls|dgram)'/.test(text)) offenders.push(path.relative(repoRoot, file));
    }
    expect(offenders).toEqual([]);
  });
});
