/** The output formats of `ipt lint --format`. */
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatNames = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof formatNames)[number];

export const formatters: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};
