/**
 * The Node host: `.iptrc.json` from disk, with the CLI's lookup (loadConfig), cached per folder
 * (until a change is reported when the client watches config files for us, else for a second), and
 * the workspace's plans found with the CLI's walk and ignore rules.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discoverPlans } from '../cli/files.js';
import { defaultConfig, type ResolvedConfig } from '../rules/config.js';
import { clearConfigCache, loadConfig } from '../rules/load-config.js';
import { folderOf, type PlanFileText, type ServerHost } from './host.js';

/** How long a folder's config is trusted when the client does not report config file changes. */
export const UNWATCHED_CONFIG_TTL_MS = 1000;

export function nodeHost(options: { failingMethod?: string } = {}): ServerHost {
  const byFolder = new Map<string, { config: ResolvedConfig; loaded: number }>();
  let watched = false;

  return {
    failingMethod: options.failingMethod,
    configFor(uri) {
      if (!uri.startsWith('file:')) return defaultConfig;
      // An edit must not walk the folders for config files; loadConfig's stat-checked cache answers a recheck.
      const folder = folderOf(uri);
      const now = performance.now();
      const cached = byFolder.get(folder);
      if (cached && (watched || now - cached.loaded < UNWATCHED_CONFIG_TTL_MS)) return cached.config;
      const config = loadConfig(fileURLToPath(uri)).config;
      byFolder.set(folder, { config, loaded: now });
      return config;
    },
    setConfigWatched(value) {
      watched = value;
      byFolder.clear();
    },
    configFilesChanged() {
      byFolder.clear();
      clearConfigCache();
      return true;
    },
    async findPlans(folderUris) {
      const plans: PlanFileText[] = [];
      for (const folder of folderUris.filter((uri) => uri.startsWith('file:'))) {
        const { files } = await discoverPlans([], { cwd: fileURLToPath(folder), useGitignore: true });
        for (const file of files) {
          try {
            plans.push({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') });
          } catch {
            // A plan that vanished or cannot be read between the walk and the read has nothing to show.
          }
        }
      }
      return plans;
    },
  };
}
