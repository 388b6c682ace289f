/**
 * Jobs on the server's own thread, in slices, for a browser whose workers cannot start workers of
 * their own. A job's steps (analyse.ts: parsing, then each rule) run for up to SLICE_MS, then the
 * thread goes back to its messages, so a request on another plan is answered between two steps; the
 * pool's time budget stops the job between two steps too. What slicing cannot do is interrupt one
 * step: a single rule that never ends holds the thread. A worker does not have that limit.
 */
import type { ResolvedConfig } from '../rules/config.js';
import type { AnalysisPort, FromWorker, ToWorker } from './analysis-protocol.js';
import { AnalysisService } from './analysis-service.js';

/** The longest the thread works on a job before it reads its messages again. */
export const SLICE_MS = 10;

export function inThreadPort(configFor: (uri: string) => ResolvedConfig): AnalysisPort {
  const service = new AnalysisService(configFor);
  const listeners: ((message: FromWorker) => void)[] = [];
  const queue: ToWorker[] = [];
  let running = false;
  let stopped = false;
  const emit = (message: FromWorker) => {
    if (!stopped) for (const listener of listeners) listener(message);
  };

  function next(): void {
    const message = queue.shift();
    if (!message || stopped) {
      running = false;
      return;
    }
    if (message.kind === 'setup') service.slow = message.slow;
    else if (message.kind === 'config') service.forget();
    else {
      const { id } = message;
      const steps = service.run(message.job, (value) => emit({ kind: 'partial', id, value }));
      const slice = () => {
        if (stopped) return;
        const end = performance.now() + SLICE_MS;
        try {
          for (;;) {
            const step = steps.next();
            if (step.done) {
              emit({ kind: 'result', id, value: step.value });
              break;
            }
            if (performance.now() >= end) return void setTimeout(slice, 0);
          }
        } catch (error) {
          emit({ kind: 'error', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        }
        next();
      };
      return void setTimeout(slice, 0);
    }
    next();
  }

  setTimeout(() => emit({ kind: 'ready' }), 0);
  return {
    description: 'this thread, in slices (no nested workers here)',
    post(message) {
      queue.push(message);
      if (!running) {
        running = true;
        setTimeout(next, 0);
      }
    },
    onMessage: (listener) => void listeners.push(listener),
    onExit() {
      // Nothing here stops by itself: it runs on the server's own thread.
    },
    terminate() {
      stopped = true;
    },
  };
}
