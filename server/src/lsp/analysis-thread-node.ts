/** The analysis worker as a Node worker thread running this same bundle (main.ts sees workerData.role). */
import { Worker } from 'node:worker_threads';
import { ANALYSIS_WORKER_NAME, type AnalysisPort, type FromWorker } from './analysis-protocol.js';

/**
 * The analysis worker's heap. The largest plan within the limits (1 MiB of tiny statements) peaks
 * near 250 MB; past this the worker stops with ERR_WORKER_OUT_OF_MEMORY and the server lives on.
 */
export const ANALYSIS_MEMORY_LIMIT_MB = 512;

/** A worker thread running this bundle (main.ts sees workerData.role and serves analyses). */
export function analysisThread(): AnalysisPort {
  const worker = new Worker(__filename, {
    workerData: { role: ANALYSIS_WORKER_NAME },
    // The young generation as small as the server's own (--max-semi-space-size=2, server-node-flags.json).
    resourceLimits: { maxOldGenerationSizeMb: ANALYSIS_MEMORY_LIMIT_MB, maxYoungGenerationSizeMb: 6 },
    // Never the process's stdout: over stdio that is the protocol's channel.
    stdout: true,
    stderr: true,
  });
  worker.stdout.pipe(process.stderr);
  worker.stderr.pipe(process.stderr);
  let failure: (Error & { code?: string }) | undefined;
  let terminated = false;
  worker.on('error', (error: Error) => {
    failure = error;
  });
  return {
    description: 'a worker thread',
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => void worker.on('message', (message: FromWorker) => listener(message)),
    onExit: (listener) =>
      void worker.on('exit', (code) => {
        if (terminated) return; // stopped by the server
        listener({ message: failure?.message ?? `exit code ${code}`, outOfMemory: failure?.code === 'ERR_WORKER_OUT_OF_MEMORY' });
      }),
    terminate() {
      terminated = true;
      void worker.terminate();
    },
  };
}

