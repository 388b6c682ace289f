/**
 * When each open document is analysed and its diagnostics published.
 *
 * - Edits are coalesced per document: the analysis runs after a short trailing delay, half as long
 *   as the document's last analysis took (at most 50 ms; about 1 ms for a typical plan). Waiting
 *   a fraction of the cost of an analysis bounds what waiting can lose, and a burst of edits
 *   that arrives within it costs one analysis instead of one per edit. An edit that keeps coming
 *   never postpones diagnostics by more than `maxWait`.
 * - Diagnostics are published once per version, for the version that is current when they are
 *   made: a run analyses the document as it is then, so a stale version is never published.
 * - A request (hover, completion, …) answers from the current version's analysis. When that is
 *   still waiting for its delay, the request makes it at once and publishes it, so completion sees
 *   the character just typed and no analysis is made twice. The wait is bounded by one analysis
 *   of that document; a request on another document never waits for this one's delay.
 *
 * Timers only (no setImmediate): the same code runs in Node and in a browser worker.
 */

export interface ScheduledDocument {
  uri: string;
  version: number;
}

export interface SchedulerOptions<D extends ScheduledDocument, A extends { version: number }> {
  /** The document as it is now, or undefined once it is closed. */
  current(uri: string): D | undefined;
  analyse(document: D): A;
  publish(document: D, analysed: A): void;
  /** A scheduled run threw (a request's own analysis throws to the request instead). */
  failed(error: unknown, uri: string): void;
  /** Milliseconds to wait after an edit, given how long the last analysis took (undefined before the first). */
  delayFor?(lastAnalysisMs: number | undefined): number;
  /** The longest an edit waits, however often new edits reset the delay. */
  maxWait?: number;
}

interface DocumentState<A> {
  analysed?: A;
  /** The version whose diagnostics went out last. */
  publishedVersion?: number;
  /** How long the last analysis took (ms). */
  lastMs?: number;
  timer?: ReturnType<typeof setTimeout>;
  /** When the oldest edit still waiting arrived. */
  waitingSince?: number;
}

/** Half the last analysis time, within 0–50 ms; no delay before the first analysis (a document just opened). */
export function defaultDelay(lastAnalysisMs: number | undefined): number {
  return lastAnalysisMs === undefined ? 0 : Math.min(50, lastAnalysisMs / 2);
}

export class DocumentScheduler<D extends ScheduledDocument, A extends { version: number }> {
  private readonly states = new Map<string, DocumentState<A>>();
  private readonly delayFor: (lastAnalysisMs: number | undefined) => number;
  private readonly maxWait: number;

  constructor(private readonly options: SchedulerOptions<D, A>) {
    this.delayFor = options.delayFor ?? defaultDelay;
    this.maxWait = options.maxWait ?? 150;
  }

  private state(uri: string): DocumentState<A> {
    let state = this.states.get(uri);
    if (!state) {
      state = {};
      this.states.set(uri, state);
    }
    return state;
  }

  /** The document was opened or changed: publish its diagnostics after the delay. */
  changed(document: D): void {
    const state = this.state(document.uri);
    if (state.publishedVersion === document.version && state.timer === undefined) return;
    const now = performance.now();
    state.waitingSince ??= now;
    // Trailing: each edit restarts the delay, until the oldest waiting edit has waited maxWait.
    const delay = Math.max(0, Math.min(this.delayFor(state.lastMs), state.waitingSince + this.maxWait - now));
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = setTimeout(() => this.run(document.uri), delay);
  }

  /** Config changed: forget the analysis and publish again, even for the same version. */
  invalidate(document: D): void {
    const state = this.state(document.uri);
    state.analysed = undefined;
    state.publishedVersion = undefined;
    this.changed(document);
  }

  /** The current version's analysis, made now if it is waiting (and then published at once). */
  analysisOf(document: D): A {
    const state = this.state(document.uri);
    if (state.analysed?.version === document.version) return state.analysed;
    const analysed = this.analyseNow(document, state);
    if (state.timer !== undefined) this.publishNow(document, state, analysed);
    return analysed;
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer !== undefined) clearTimeout(state.timer);
    this.states.delete(uri);
  }

  private run(uri: string): void {
    const state = this.states.get(uri);
    const document = this.options.current(uri);
    if (!state || !document) return;
    state.timer = undefined;
    state.waitingSince = undefined;
    if (state.publishedVersion === document.version) return;
    try {
      const analysed = state.analysed?.version === document.version ? state.analysed : this.analyseNow(document, state);
      this.publishNow(document, state, analysed);
    } catch (error) {
      this.options.failed(error, uri);
    }
  }

  private analyseNow(document: D, state: DocumentState<A>): A {
    const start = performance.now();
    const analysed = this.options.analyse(document);
    state.lastMs = performance.now() - start;
    state.analysed = analysed;
    return analysed;
  }

  private publishNow(document: D, state: DocumentState<A>, analysed: A): void {
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    state.waitingSince = undefined;
    state.publishedVersion = analysed.version;
    this.options.publish(document, analysed);
  }
}
