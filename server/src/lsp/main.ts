/**
 * The language server's one bundle, dist/server.js, for Node and for a browser web worker (VS Code
 * for the Web): one file in the .vsix instead of two nearly identical ones. A web worker has `self`
 * with `postMessage`; a Node process has not. Each side's entry is loaded with require(), which
 * esbuild turns into a lazily evaluated module, so the Node modules (fs, net, the Node connection)
 * never run in a worker and the worker's never run in Node.
 */
const scope = globalThis as { self?: { postMessage?: unknown } };

if (typeof scope.self?.postMessage === 'function') require('./main-browser.js');
else require('./main-node.js');
