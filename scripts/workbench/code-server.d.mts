// Types for code-server.mjs (used from the TypeScript tests).
export declare const projectRoot: string;
export declare const quietSettings: Record<string, unknown>;
export declare function installedCodeServer(dir?: string): string | undefined;
export declare function ensureCodeServer(): string;
export declare function freePort(): Promise<number>;
export declare function installVsix(entry: string, vsix: string, extensionsDir: string): void;

export interface StartOptions {
  entry: string;
  port?: number;
  home?: string;
  extensionsDir?: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Folders open in Restricted Mode until trusted (default: workspace trust off). */
  workspaceTrust?: boolean;
}

export interface CodeServer {
  url: string;
  exited: Promise<number | string | null>;
  port: number;
  home: string;
  userDataDir: string;
  extensionsDir: string;
  log(): string;
  folderUrl(folder: string, payload?: [string, string][]): string;
  remoteUri(localPath: string): string;
  stop(): Promise<void>;
}

export declare function startCodeServer(options: StartOptions): Promise<CodeServer>;
