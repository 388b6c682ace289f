/**
 * The language server in a browser web worker (dist/server.js through main.ts, for VS Code for the Web):
 * the same server as in Node, over the worker's message port; config comes from `ipt/configFiles`.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { browserHost } from './host-browser.js';
import { createServer } from './server.js';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

createServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), browserHost());
