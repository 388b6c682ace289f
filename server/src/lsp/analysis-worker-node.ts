/** The analysis worker in a Node worker thread (started by host-node.ts from this same bundle). */
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './analysis-protocol.js';
import { serveAnalyses } from './analysis-worker.js';
import { diskConfig } from './disk-config.js';

const port = parentPort!;
serveAnalyses({ post: (message: FromWorker) => port.postMessage(message), onMessage: (listener) => port.on('message', (message: ToWorker) => listener(message)) }, diskConfig());
