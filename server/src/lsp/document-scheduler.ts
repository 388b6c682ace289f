/**
 * When each open document is analysed and its diagnostics published. Analyses run elsewhere (the
 * analysis worker, analysis-pool.ts) and arrive later, so everything here is asynchronous.
 *
 * - Edits are coalesced per document: the analysis starts after a short trailing delay, half as long
 *   as the document's last analysis took (at most 50 ms; about 1 ms for a typical plan). Waiting
 *   a fraction of the cost of an analysis bounds what waiting can lose, and a burst of edits
 *   that arrives within it costs one analysis instead of one per edit. An edit that keeps coming
 *   never postpones diagnostics by more than `maxWait`.
 * - One analysis per document at a time. Edits that arrive while one runs are analysed when it is
 *   done, as one version.
 * - Diagnostics are published once per version, only for the version that is current when they
 *   arrive: a stale version is never published. They may arrive before the rest of the analysis
 *   (`early`), and are published then.
 * - A request (hover, completion, …) waits for the current version's analysis. When that is still
 *   waiting for its delay, the request starts it at once (and it is published), so completion sees
 *   the character just typed and no analysis is made twice. A request never waits for another
 *   document.
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
  /**
   * Analyses this version; `urgent` when a request waits for it. `previous` is the last analysis of
   * the document (another version), for a result that must keep it (a check that was stopped).
   */
  analyse(document: D, urgent: boolean, previous: A | undefined): Analysing<A>;
  publish(document: D, analysed: A): void;
  /** An analysis failed (a request waiting for it gets the failure too). */
  failed(error: unknown, uri: string): void;
  /** Milliseconds to wait after an edit, given how long the last analysis took (undefined before the first). */
  delayFor?(lastAnalysisMs: number | undefined): number;
  /** The longest an edit waits, however often new edits reset the delay. */
  maxWait?: number;
}

/** An analysis under way. */
export interface Analysing<A> {
  result: Promise<A>;
  /** What can be published before the result arrives (its diagnostics), when that comes first. */
  early?: Promise<A>;
  /** A request now waits for it. */
  promote(): void;
}

interface Running<A> extends Analysing<A> {
  version: number;
  /** The config generation it was started under (see invalidate). */
  generation: number;
}

interface DocumentState<A> {
  /** The last analysis that arrived, of whatever version. */
  analysed?: A;
  generation: number;
  /** The version whose diagnostics went out last. */
  publishedVersion?: number;
  /** How long the last analysis took (ms). */
  lastMs?: number;
  timer?: ReturnType<typeof setTimeout>;
  /** When the oldest edit still waiting arrived. */
  waitingSince?: number;
  running?: Running<A>;
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
      state = { generation: 0 };
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

  /** Config changed: analyses made before it do not count, and the current version is published again. */
  invalidate(document: D): void {
    const state = this.state(document.uri);
    state.generation++;
    state.analysed = undefined;
    state.publishedVersion = undefined;
    this.changed(document);
  }

  /** The current version's analysis: the one made, the one under way, or one started now (then published). */
  analysisOf(document: D): Promise<A> {
    const state = this.state(document.uri);
    if (state.analysed?.version === document.version && !state.running) return Promise.resolve(state.analysed);
    if (state.running && this.isCurrent(state, state.running, document)) {
      state.running.promote();
      return state.running.result;
    }
    if (state.running) {
      // An older version is under way: this one starts when it is done.
      return state.running.result.then(
        () => this.analysisOf(document),
        () => this.analysisOf(document),
      );
    }
    return this.start(document, state, true).result;
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer !== undefined) clearTimeout(state.timer);
    this.states.delete(uri);
  }

  private isCurrent(state: DocumentState<A>, running: Running<A>, document: D): boolean {
    return running.version === document.version && running.generation === state.generation;
  }

  private run(uri: string): void {
    const state = this.states.get(uri);
    const document = this.options.current(uri);
    if (!state || !document) return;
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    state.waitingSince = undefined;
    if (state.publishedVersion === document.version) return;
    // One at a time: when the analysis under way arrives, `settled` runs this again for the newest version.
    if (state.running) return;
    if (state.analysed?.version === document.version) return this.publishNow(document, state, state.analysed);
    this.start(document, state, false);
  }

  private start(document: D, state: DocumentState<A>, urgent: boolean): Running<A> {
    if (state.timer !== undefined) clearTimeout(state.timer);
    state.timer = undefined;
    state.waitingSince = undefined;
    const began = performance.now();
    const analysing = this.options.analyse(document, urgent, state.analysed);
    const running: Running<A> = { ...analysing, version: document.version, generation: state.generation };
    state.running = running;
    analysing.early?.then((published) => {
      const current = this.options.current(document.uri);
      if (this.states.get(document.uri) === state && current && this.isCurrent(state, running, current)) this.publishNow(current, state, published);
    });
    running.result.then(
      (analysed) => this.settled(document.uri, state, running, analysed, performance.now() - began),
      (error: unknown) => {
        this.settled(document.uri, state, running, undefined, performance.now() - began);
        this.options.failed(error, document.uri);
      },
    );
    return running;
  }

  private settled(uri: string, state: DocumentState<A>, running: Running<A>, analysed: A | undefined, ms: number): void {
    if (state.running === running) state.running = undefined;
    if (this.states.get(uri) !== state) return; // closed meanwhile
    state.lastMs = ms;
    if (analysed && running.generation === state.generation) state.analysed = analysed;
    const document = this.options.current(uri);
    if (!document) return;
    if (analysed && this.isCurrent(state, running, document)) this.publishNow(document, state, analysed);
    else if (state.publishedVersion !== document.version && state.timer === undefined) this.run(uri);
  }

  private publishNow(document: D, state: DocumentState<A>, analysed: A): void {
    if (state.publishedVersion === analysed.version) return;
    state.publishedVersion = analysed.version;
    this.options.publish(document, analysed);
  }
}
