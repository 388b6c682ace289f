// dist/client.js is the web extension's entry and the desktop's client at once (client/src/client-bundle.ts).
// Loading it must require nothing but `vscode`: a web worker has no Node built-ins, so each host's half
// has to stay behind its lazy `require`. Needs dist/ built (`npm test` builds it).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const bundle = path.resolve(__dirname, '../../../dist/client.js');

describe.skipIf(!existsSync(bundle))('dist/client.js, the one client bundle for the desktop and the web', () => {
  it('loads requiring nothing, not even vscode, and exports both entries', () => {
    const required: string[] = [];
    const requireInWorker = (name: string) => {
      required.push(name);
      throw new Error(`a web worker cannot require ${name}`);
    };
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', 'require', readFileSync(bundle, 'utf8'))(module, module.exports, requireInWorker);
    expect(required).toEqual([]);
    expect(Object.keys(module.exports).sort()).toEqual(['activate', 'createNodeClient', 'deactivate']);
  });
});
