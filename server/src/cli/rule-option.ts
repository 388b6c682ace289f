/**
 * `--rule id:severity`, as ESLint's `--rule`: a setting for this run only, e.g. `--rule phi:error` in
 * a stricter CI step or `--rule placeholder:off` for a draft. It is laid over the configuration each
 * plan gets (its .iptrc.json files and `--config`), so it wins over them; inline `# ipt-disable`
 * comments still suppress what the rule reports (unless `--no-inline-config`), as eslint-disable
 * comments do under ESLint's `--rule`. Repeatable, and a value may list several: `phi:error,placeholder:off`;
 * for one rule given twice, the last wins.
 */
import type { RuleSetting } from '../language/diagnostic.js';
import { suggest } from '../language/suggest.js';
import type { ResolvedConfig } from '../rules/config.js';
import { ruleSettingSchema } from '../rules/config-schema.js';
import { ruleIdProblem } from '../rules/config-text.js';
import type { ParsedArgs } from './args.js';
import { CliError } from './context.js';

export const ruleOption = { rule: { type: 'string', multiple: true } } as const;

const settings: readonly string[] = ruleSettingSchema.options;

/** ESLint's words for its settings, which its users type by habit: each points to ours. */
const eslintSettings: Record<string, string> = { warn: 'warning', '0': 'off', '1': 'warning', '2': 'error' };

/** The settings `--rule` gives, by rule id; empty without `--rule`. A malformed value is a usage error. */
export function ruleOverrides(command: string, parsed: ParsedArgs): Record<string, RuleSetting> {
  const values = parsed.values.rule;
  const overrides: Record<string, RuleSetting> = {};
  for (const value of Array.isArray(values) ? values : []) {
    for (const item of value.split(',').map((part) => part.trim())) {
      if (item === '') continue;
      const [id, setting, ...rest] = item.split(':').map((part) => part.trim());
      const choices = `off, info, warning or error`;
      if (setting === undefined || setting === '' || rest.length > 0) {
        throw new CliError(`\`--rule ${item}\` needs the form \`id:setting\`, e.g. \`--rule ${id || 'phi'}:error\`; the setting is ${choices}.`, command);
      }
      const problem = ruleIdProblem(id);
      if (problem !== undefined) throw new CliError(`\`--rule ${item}\`: ${problem}`, command);
      if (!settings.includes(setting)) {
        const guess = eslintSettings[setting] ?? suggest(setting, settings);
        throw new CliError(`\`--rule ${item}\`: \`${setting}\` is not a setting; use ${choices}.${guess ? ` Did you mean \`${id}:${guess}\`?` : ''}`, command);
      }
      overrides[id] = setting as RuleSetting;
    }
  }
  return overrides;
}

/** A plan's configuration with `--rule`'s settings laid over it. */
export function withRuleOverrides(config: ResolvedConfig, overrides: Record<string, RuleSetting>): ResolvedConfig {
  return Object.keys(overrides).length === 0 ? config : { ...config, rules: { ...config.rules, ...overrides } };
}
