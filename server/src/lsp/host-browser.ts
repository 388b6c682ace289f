/**
 * The browser host: no disk. The client sends every `.iptrc.json` of the workspace (`ipt/configFiles`);
 * a document's config is the cascade of those above it, walking up its URI like loadConfig walks
 * folders (stopping at a `"root": true` file). Cached per folder until the client sends a new set.
 */
import { defaultConfig, type ResolvedConfig } from '../rules/config.js';
import { CONFIG_FILE_NAME, parseConfigText, resolveConfigTexts } from '../rules/config-text.js';
import { folderOf, type PlanFileText, type ServerHost } from './host.js';

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
