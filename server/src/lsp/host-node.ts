/**
 * The Node host: `.iptrc.json` from disk, with the CLI's lookup (loadConfig), cached per folder
 * while the client watches config files for us (else loadConfig's own mtime cache answers), and
 * the workspace's plans found with the CLI's walk and ignore rules and read as the CLI reads them.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discoverPlans } from '../cli/files.js';
import { defaultConfig, type ResolvedConfig } from '../rules/config.js';
import { clearConfigCache, loadConfig } from '../rules/load-config.js';
import { readPlanFile } from '../workspace/read-plan.js';
import { folderOf, type FoundPlans, type ServerHost } from './host.js';

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
      const found: FoundPlans = { plans: [], unread: [] };
      for (const folder of folderUris.filter((uri) => uri.startsWith('file:'))) {
        const { files } = await discoverPlans([], { cwd: fileURLToPath(folder), useGitignore: true });
        for (const file of files) {
          const uri = pathToFileURL(file).href;
          // Never blocks (a FIFO), never reads past what a plan can be (a link to /dev/zero, 300 MB).
          const read = readPlanFile(file);
          if ('text' in read) found.plans.push({ uri, text: read.text });
          else if ('tooLarge' in read) found.unread.push({ uri, tooLarge: read.size });
          else if ('notAPlan' in read) found.unread.push({ uri, skipped: read.notAPlan });
          // A plan that vanished or cannot be read between the walk and the read has nothing to show.
        }
      }
      return found;
    },
  };
}
