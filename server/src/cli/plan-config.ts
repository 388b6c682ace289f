/** Configuration for each plan, as the editor reads it: `.iptrc.json` files above the plan, `--config` as the base. */
import type { ResolvedConfig } from '../rules/config.js';
import { loadConfig, type ConfigError } from '../rules/load-config.js';
import { displayPath } from './files.js';

export interface PlanConfigs {
  /** The resolved configuration per plan (absolute path). */
  configs: Map<string, ResolvedConfig>;
  /** Every distinct config problem, as `file:line:col message` lines. */
  errors: string[];
}

export function loadPlanConfigs(files: readonly string[], cwd: string, configFile: string | undefined): PlanConfigs {
  const configs = new Map<string, ResolvedConfig>();
  const seen = new Set<string>();
  const errors: string[] = [];
  const options = configFile === undefined ? {} : { configFile: configFile };
  for (const file of files) {
    const loaded = loadConfig(file, options);
    configs.set(file, loaded.config);
    for (const error of loaded.errors) {
      const line = formatConfigError(error, cwd);
      if (!seen.has(line)) {
        seen.add(line);
        errors.push(line);
      }
    }
  }
  return { configs, errors };
}

export function formatConfigError(error: ConfigError, cwd: string): string {
  return `${displayPath(cwd, error.file)}:${error.line}:${error.column} ${error.message}`;
}
