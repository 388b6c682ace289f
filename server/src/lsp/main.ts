/**
 * The language server's one bundle, dist/server.js, for Node and for a browser web worker (VS Code
 * for the Web): one file in the .vsix instead of two nearly identical ones. A web worker has `self`
 * with `postMessage`; a Node process has not. Each side's entry is loaded with require(), which
 * esbuild turns into a lazily evaluated module, so the Node modules (fs, net, the Node connection)
 * never run in a worker and the worker's never run in Node.
 *
 * The same bundle is the server's analysis worker (analysis-worker.ts): a nested web worker named
 * ANALYSIS_WORKER_NAME, or a Node worker thread whose workerData says so.
 */
import { ANALYSIS_WORKER_NAME } from './analysis-protocol.js';

const scope = globalThis as { self?: { postMessage?: unknown; name?: string } };

if (typeof scope.self?.postMessage === 'function') {
  if (scope.self.name === ANALYSIS_WORKER_NAME) require('./analysis-worker-browser.js');
  else require('./main-browser.js');
} else if ((require('node:worker_threads') as typeof import('node:worker_threads')).workerData?.role === ANALYSIS_WORKER_NAME) {
  require('./analysis-worker-node.js');
} else {
  require('./main-node.js');
}
