/**
 * The analysis worker: a worker thread (Node) or a nested web worker (browser) running the same
 * bundle as the server (main.ts picks this entry). It answers one job at a time, straight through:
 * the server stops a job that runs past its time budget by terminating the worker, never by asking.
 */
import type { ServerHost } from './host.js';
import { finish } from '../analyse.js';
import type { FromWorker, ToWorker } from './analysis-protocol.js';
import { AnalysisService } from './analysis-service.js';

export interface WorkerEndpoint {
  post(message: FromWorker): void;
  onMessage(listener: (message: ToWorker) => void): void;
}

export function serveAnalyses(endpoint: WorkerEndpoint, host: Pick<ServerHost, 'configFor' | 'configFilesChanged' | 'setConfigFiles'>): void {
  const service = new AnalysisService((uri) => host.configFor(uri));
  endpoint.onMessage((message) => {
    switch (message.kind) {
      case 'setup':
        service.slow = message.slow;
        return;
      case 'config':
        if (message.files) host.setConfigFiles?.(message.files);
        else host.configFilesChanged?.([]);
        service.forget();
        return;
      case 'job':
        try {
          const value = finish(service.run(message.job, (plan) => endpoint.post({ kind: 'partial', id: message.id, value: plan })));
          endpoint.post({ kind: 'result', id: message.id, value });
        } catch (error) {
          endpoint.post({ kind: 'error', id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        }
    }
  });
  endpoint.post({ kind: 'ready' });
}
