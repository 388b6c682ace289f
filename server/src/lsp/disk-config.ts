/**
 * `.iptrc.json` from disk, with the CLI's lookup (loadConfig), for the Node server and its analysis
 * worker: cached per folder while the client watches config files for us, else loadConfig's own
 * stat-checked cache answers.
 */
import { fileURLToPath } from 'node:url';
import { defaultConfig, type ResolvedConfig } from '../rules/config.js';
import { clearConfigCache, loadConfig } from '../rules/load-config.js';
import { folderOf, type ServerHost } from './host.js';

export function diskConfig(): Pick<ServerHost, 'configFor' | 'setConfigWatched' | 'configFilesChanged'> {
  const byFolder = new Map<string, ResolvedConfig>();
  let watched = false;
  return {
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
  };
}
