/**
 * The browser host: no disk. The client sends every `.iptrc.json` of the workspace (`ipt/configFiles`);
 * a document's config is the cascade of those above it, walking up its URI like loadConfig walks
 * folders (stopping at a `"root": true` file). Cached per folder until the client sends a new set.
 * Analysis workers are web workers nested in the server's worker, from the same script.
 */
import { defaultConfig, type ResolvedConfig } from '../rules/config.js';
import { CONFIG_FILE_NAME, parseConfigText, resolveConfigTexts } from '../rules/config-text.js';
import { ANALYSIS_WORKER_NAME, type AnalysisPort, type FromWorker } from './analysis-protocol.js';
import { folderOf, type PlanFileText, type ServerHost } from './host.js';

interface WebWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: FromWorker }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault?(): void }) => void): void;
  terminate(): void;
}

/**
 * A web worker nested in this one, running this worker's own script (main.ts knows it by its name).
 * Undefined where a worker cannot start workers. A browser sets no heap limit on a worker.
 */
function nestedWorker(): AnalysisPort | undefined {
  const scope = globalThis as { Worker?: new (url: string, options: { name: string }) => WebWorker; location?: { href?: string } };
  if (typeof scope.Worker !== 'function' || !scope.location?.href) return undefined;
  const worker = new scope.Worker(scope.location.href, { name: ANALYSIS_WORKER_NAME });
  return {
    description: 'a nested web worker',
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.addEventListener('message', (event) => listener(event.data)),
    onExit: (listener) =>
      worker.addEventListener('error', (event) => {
        event.preventDefault?.();
        listener({ message: event.message ?? 'the worker failed', outOfMemory: false });
      }),
    terminate: () => worker.terminate(),
  };
}

export function browserHost(): ServerHost {
  let files = new Map<string, string>();
  const byFolder = new Map<string, ResolvedConfig>();

  function resolve(folder: string): ResolvedConfig {
    const chain: { file: string; text: string }[] = [];
    for (let dir = folder; ; ) {
      const uri = `${dir}/${CONFIG_FILE_NAME}`;
      const text = files.get(uri);
      if (text !== undefined) {
        chain.unshift({ file: uri, text });
        if (parseConfigText(text, uri).config?.root === true) break;
      }
      const parent = folderOf(dir);
      if (parent === dir || parent.endsWith(':') || parent.endsWith('/')) break;
      dir = parent;
    }
    return chain.length === 0 ? defaultConfig : resolveConfigTexts(chain).config;
  }

  return {
    startAnalysisWorker: nestedWorker,
    configFor(uri) {
      const folder = folderOf(uri);
      let config = byFolder.get(folder);
      if (!config) {
        config = resolve(folder);
        byFolder.set(folder, config);
      }
      return config;
    },
    setConfigFiles(next: readonly PlanFileText[]) {
      files = new Map(next.map((file) => [file.uri, file.text]));
      byFolder.clear();
    },
  };
}
