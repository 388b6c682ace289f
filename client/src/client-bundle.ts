/**
 * dist/client.js: the language client, bundled once for both hosts. It is the web extension's entry
 * (package.json "browser": vscode.dev, github.dev) and the bundle the desktop entry (extension.ts)
 * loads after activation for its Node client. Each host's half is a `require` that esbuild makes
 * lazy, so only that host's code runs there (no Node built-in is required in a web worker) and the
 * .vsix carries vscode-languageclient once instead of twice.
 */
import type * as vscode from 'vscode';

type WebEntry = typeof import('./browser.js');
type DesktopClient = typeof import('./node-client.js');

/** The web extension's activation. */
export function activate(context: vscode.ExtensionContext): void {
  (require('./browser.js') as WebEntry).activate(context);
}

export function deactivate(): Promise<void> {
  return (require('./browser.js') as WebEntry).deactivate();
}

/** The desktop's client: dist/server.js as a Node process over IPC. */
export function createNodeClient(...args: Parameters<DesktopClient['createNodeClient']>): ReturnType<DesktopClient['createNodeClient']> {
  return (require('./node-client.js') as DesktopClient).createNodeClient(...args);
}
