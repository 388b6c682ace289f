/** What differs between the Node and the browser language server, besides the connection. */
import type { ResolvedConfig } from '../rules/config.js';
import type { AnalysisPort, SlowAnalysis } from './analysis-protocol.js';

export interface PlanFileText {
  uri: string;
  text: string;
}

/** A plan file found but not read: too large to be a plan (its size in bytes), or not a plan file at all (why). */
export type UnreadPlanFile = { uri: string; tooLarge: number } | { uri: string; skipped: string };

/** The plans of a workspace scan, and the files it did not read. */
export interface FoundPlans {
  plans: PlanFileText[];
  unread: UnreadPlanFile[];
}

export interface ServerHost {
  /** The configuration for a document (cached per folder by the host). */
  configFor(uri: string): ResolvedConfig;
  /**
   * `.iptrc.json` files changed (created, changed or deleted; Node: from watched-file events).
   * Returns true when the host's cached configuration was dropped.
   */
  configFilesChanged?(uris: readonly string[]): boolean;
  /** The client can tell the host about config changes, so per-folder caching is safe (Node). */
  setConfigWatched?(watched: boolean): void;
  /** The complete set of config files (browser: the `ipt/configFiles` notification). */
  setConfigFiles?(files: readonly PlanFileText[]): void;
  /**
   * Every `.ipt` plan in the workspace folders, for `ipt/validateWorkspace` (Node: from disk, read
   * safely: workspace/read-plan.ts), and the files found but not read.
   */
  findPlans?(folderUris: readonly string[]): Promise<FoundPlans>;
  /**
   * A new analysis worker (Node: a worker thread; browser: a web worker nested in the server's), or
   * undefined where none can start; the server then checks plans on its own thread, in slices.
   */
  startAnalysisWorker?(): AnalysisPort | undefined;
  /** The analysis worker's heap limit (MB), where the host sets one. */
  analysisMemoryLimitMb?: number;
  /** Tests only: the LSP method whose handler throws on purpose, to prove failures are contained. */
  failingMethod?: string;
  /** Tests only: analyses made slow (or greedy for memory) on purpose (IPT_LSP_SLOW, IPT_LSP_GREEDY). */
  slowAnalysis?: SlowAnalysis;
}

/** The folder part of a URI (`file:///a/b/plan.ipt` → `file:///a/b`). */
export function folderOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash < 0 ? uri : uri.slice(0, slash);
}

/** True when `uri` lies in `folder` or below it. */
export function isInside(uri: string, folder: string): boolean {
  return uri === folder || uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
