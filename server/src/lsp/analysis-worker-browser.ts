/** The analysis worker as a web worker nested in the browser server's worker (started by host-browser.ts). */
import type { FromWorker, ToWorker } from './analysis-protocol.js';
import { serveAnalyses } from './analysis-worker.js';
import { browserHost } from './host-browser.js';

declare const self: { postMessage(message: unknown): void; addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void };

serveAnalyses({ post: (message: FromWorker) => self.postMessage(message), onMessage: (listener) => self.addEventListener('message', (event) => listener(event.data)) }, browserHost());
