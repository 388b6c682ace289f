/**
 * The server's analysis workers, seen from the request thread: jobs go to a free worker, each job
 * has a time budget, and a worker past its budget (or out of memory, or crashed) is terminated and
 * replaced, its job rejected with AnalysisStopped. One worker does the work; a second starts when a
 * job has run long enough to look slow, so the plans behind it need not wait for its budget. Workers
 * retire after a while without work (the last after a minute), giving their memory back. Workspace
 * validation runs in small batches on one worker at a time, so an open plan's check waits for one
 * batch at most.
 *
 * A port that cannot start (a browser whose workers cannot start workers) switches the pool to
 * running jobs on this thread in slices (analysis-in-thread.ts), with the same budget.
 */
import type { AnalysisPort, FromWorker, Job, Partial, RunnerExit, ToWorker } from './analysis-protocol.js';

/** Why a job did not finish: it ran past the time budget, past the memory limit, or its runner died. */
export class AnalysisStopped extends Error {
  constructor(
    readonly reason: 'time' | 'memory' | 'crash',
    message: string,
  ) {
    super(message);
  }
}

/** How long a job runs before the pool starts a spare worker beside its busy one. */
const SPARE_AFTER_MS = 200;

/** Lower runs first: a request waiting, then an open plan's diagnostics, then workspace validation. */
export const Priority = { request: 0, open: 1, workspace: 2 } as const;

export interface PoolOptions {
  /** A new worker. */
  start(): AnalysisPort;
  /** Jobs on this thread, in slices: used when `start` throws or a worker stops before it is ready. */
  startInThread(): AnalysisPort;
  budgetMs: number;
  /** For the messages: the memory limit of a worker, when it has one. */
  memoryLimitMb?: number;
  maxWorkers?: number;
  /** A worker beyond the first retires after this long without a job (default 10 s)… */
  idleMs?: number;
  /** …and the last one after this long (default 60 s). */
  lastIdleMs?: number;
  log(message: string): void;
}

interface Slot {
  port: AnalysisPort;
  ready: boolean;
  job?: Pending;
  idle?: ReturnType<typeof setTimeout>;
}

interface Pending {
  id: number;
  job: Job;
  priority: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onPartial?(value: Partial): void;
  slot?: Slot;
  timer?: ReturnType<typeof setTimeout>;
  spare?: ReturnType<typeof setTimeout>;
}

export interface PoolJob<T> {
  result: Promise<T>;
  /** A request now waits for this job: move it ahead of the others. */
  promote(): void;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  /** Sent to every new worker before its first job: the setup, then the latest config. */
  private setup?: ToWorker;
  private config?: ToWorker;
  private nextId = 1;
  private inThread = false;
  private readonly maxWorkers: number;
  private readonly idleMs: number;
  private readonly lastIdleMs: number;

  constructor(private readonly options: PoolOptions) {
    this.maxWorkers = options.maxWorkers ?? 2;
    this.idleMs = options.idleMs ?? 10_000;
    this.lastIdleMs = Math.max(this.idleMs, options.lastIdleMs ?? 60_000);
  }

  get budgetMs(): number {
    return this.options.budgetMs;
  }

  /** Starts the first worker ahead of the first job (it loads while the editor opens documents). */
  warm(): void {
    if (this.slots.length === 0) this.spawn();
  }

  run<T, P extends Partial = Partial>(job: Job, priority: number, onPartial?: (value: P) => void): PoolJob<T> {
    let pending!: Pending;
    const result = new Promise<T>((resolve, reject) => {
      pending = { id: this.nextId++, job, priority, resolve: resolve as (value: unknown) => void, reject, onPartial: onPartial as ((value: Partial) => void) | undefined };
    });
    this.enqueue(pending);
    this.dispatch();
    return {
      result,
      promote: () => {
        const at = this.queue.indexOf(pending);
        if (at < 0 || pending.priority === Priority.request) return;
        this.queue.splice(at, 1);
        pending.priority = Priority.request;
        this.enqueue(pending);
        this.dispatch();
      },
    };
  }

  /** The setup for every worker (sent now to those running, and to each new one). */
  configure(setup: ToWorker & { kind: 'setup' }): void {
    this.setup = setup;
    for (const slot of this.slots) slot.port.post(setup);
  }

  /** Config changed: every worker drops what it cached; a browser's new set of files goes along. */
  configChanged(message: ToWorker & { kind: 'config' }): void {
    // Without files the message only says "forget"; a new worker has nothing to forget.
    this.config = message.files ? message : this.config;
    for (const slot of this.slots) slot.port.post(message);
  }

  dispose(): void {
    for (const slot of [...this.slots]) this.remove(slot);
    for (const pending of this.queue.splice(0)) pending.reject(new AnalysisStopped('crash', 'The language server is shutting down.'));
  }

  private enqueue(pending: Pending): void {
    let at = this.queue.length;
    while (at > 0 && this.queue[at - 1].priority > pending.priority) at--;
    this.queue.splice(at, 0, pending);
  }

  private dispatch(): void {
    for (;;) {
      const validating = this.slots.some((slot) => slot.job?.job.kind === 'validate');
      const next = this.queue.find((pending) => pending.job.kind !== 'validate' || !validating);
      if (!next) return;
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) {
        // A worker still starting takes the job when it is ready. Only the first starts here: a
        // second starts when a job has run long enough to look slow (spareFor), not for a burst of
        // quick ones, which one worker clears in milliseconds.
        if (this.slots.length === 0) this.spawn();
        return;
      }
      this.queue.splice(this.queue.indexOf(next), 1);
      this.assign(slot, next);
    }
  }

  private assign(slot: Slot, pending: Pending): void {
    if (slot.idle !== undefined) clearTimeout(slot.idle);
    slot.idle = undefined;
    slot.job = pending;
    pending.slot = slot;
    slot.port.post({ kind: 'job', id: pending.id, job: pending.job });
    this.startClock(pending);
  }

  private startClock(pending: Pending): void {
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    pending.timer = setTimeout(() => this.overBudget(pending), this.options.budgetMs);
    // A job still running after SPARE_AFTER_MS may be a slow plan: start the next worker now, so
    // it is ready when another plan needs checking (a worker takes a few hundred ms to start).
    if (pending.spare === undefined) pending.spare = setTimeout(() => this.spareFor(pending), SPARE_AFTER_MS);
  }

  private spareFor(pending: Pending): void {
    if (pending.slot?.job !== pending || this.slots.some((s) => !s.job || !s.ready) || this.slots.length >= this.maxWorkers) return;
    this.spawn();
  }

  private spawn(): void {
    let port: AnalysisPort;
    try {
      port = this.inThread ? this.options.startInThread() : this.options.start();
    } catch (error) {
      this.fallBack(`it could not start (${String(error)})`);
      port = this.options.startInThread();
    }
    const slot: Slot = { port, ready: false };
    this.slots.push(slot);
    port.onMessage((message) => this.received(slot, message));
    port.onExit((why) => this.exited(slot, why));
    if (this.setup) port.post(this.setup);
    if (this.config) port.post(this.config);
  }

  private fallBack(why: string): void {
    if (this.inThread) return;
    this.inThread = true;
    this.options.log(`The analysis worker is not available here: ${why}. Plans are checked on the server's own thread, in slices, with the same time budget.`);
  }

  private received(slot: Slot, message: FromWorker): void {
    if (!this.slots.includes(slot)) return;
    if (message.kind === 'ready') {
      slot.ready = true;
      this.options.log(`Plans are checked in ${slot.port.description}.`);
      this.idleLater(slot);
      this.dispatch();
      return;
    }
    const pending = slot.job;
    if (!pending || pending.id !== message.id) return;
    if (message.kind === 'partial') {
      pending.onPartial?.(message.value);
      this.startClock(pending); // each plan of a validation has its own budget
      return;
    }
    this.release(slot, pending);
    if (message.kind === 'result') pending.resolve(message.value);
    else pending.reject(new Error(message.message));
    this.dispatch();
  }

  private release(slot: Slot, pending: Pending): void {
    stopClocks(pending);
    slot.job = undefined;
    this.idleLater(slot);
  }

  /**
   * A worker retires when it has been idle for idleMs, the last one after lastIdleMs: an idle editor
   * gets the worker's memory back, and the next check starts one again.
   */
  private idleLater(slot: Slot): void {
    if (slot.idle !== undefined) clearTimeout(slot.idle);
    const retire = () => {
      if (slot.job) return;
      if (this.slots.length > 1) return this.remove(slot);
      slot.idle = setTimeout(() => {
        if (!slot.job && this.queue.length === 0) this.remove(slot);
      }, this.lastIdleMs - this.idleMs);
    };
    slot.idle = setTimeout(retire, this.idleMs);
  }

  private overBudget(pending: Pending): void {
    const slot = pending.slot;
    if (!slot || slot.job !== pending) return;
    this.remove(slot);
    this.options.log(`A job (${describe(pending.job)}) ran past the time budget of ${seconds(this.options.budgetMs)}; its worker was stopped and will be replaced.`);
    pending.reject(new AnalysisStopped('time', `took longer than ${seconds(this.options.budgetMs)}`));
    this.dispatch();
  }

  private exited(slot: Slot, why: RunnerExit): void {
    if (!this.slots.includes(slot)) return;
    this.remove(slot);
    if (!slot.ready) this.fallBack(`it stopped before it was ready (${why.message})`);
    const pending = slot.job;
    if (pending) {
      stopClocks(pending);
      const limit = this.options.memoryLimitMb ? `more than ${this.options.memoryLimitMb} MB of memory` : 'more memory than it may use';
      this.options.log(`A job (${describe(pending.job)}) stopped its worker: ${why.message}.`);
      pending.reject(why.outOfMemory ? new AnalysisStopped('memory', `needed ${limit}`) : new AnalysisStopped('crash', `stopped unexpectedly (${why.message})`));
    }
    this.dispatch();
  }

  private remove(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    if (slot.idle !== undefined) clearTimeout(slot.idle);
    if (slot.job) stopClocks(slot.job);
    slot.port.terminate();
  }
}

function stopClocks(pending: Pending): void {
  if (pending.timer !== undefined) clearTimeout(pending.timer);
  if (pending.spare !== undefined) clearTimeout(pending.spare);
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function describe(job: Job): string {
  if (job.kind === 'validate') return `validating ${job.plans.length} plan${job.plans.length === 1 ? '' : 's'}`;
  return `${job.kind === 'analyse' ? 'checking' : `rendering (${job.to})`} ${job.uri}`;
}
