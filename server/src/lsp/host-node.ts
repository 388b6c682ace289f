/**
 * The Node host: `.iptrc.json` from disk, with the CLI's lookup (loadConfig), cached per folder
 * while the client watches config files for us (else loadConfig's own mtime cache answers), and
 * the workspace's plans found with the CLI's walk and ignore rules.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discoverPlans } from '../cli/selection.js';
import { defaultConfig, type ResolvedConfig } from '../rules/config.js';
import { clearConfigCache, loadConfig } from '../rules/load-config.js';
import { folderOf, type PlanFileText, type ServerHost } from './host.js';

export function nodeHost(options: { failingMethod?: string } = {}): ServerHost {
  const byFolder = new Map<string, ResolvedConfig>();
  let watched = false;

  return {
    failingMethod: options.failingMethod,
    configFor(uri) {
      if (!uri.startsWith('file:')) return defaultConfig;
      // Per folder while the client reports config changes. Without that, loadConfig's stat-checked
      // cache answers (about 35 µs: a stat per folder up to the root config), so a changed
      // .iptrc.json shows on the next edit.
      const folder = folderOf(uri);
      const cached = watched ? byFolder.get(folder) : undefined;
      if (cached) return cached;
      const config = loadConfig(fileURLToPath(uri)).config;
      if (watched) byFolder.set(folder, config);
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
