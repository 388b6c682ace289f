/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers. Every rule is listed in
 * `tool.driver.rules` in the registry's order, so `ruleIndex` and `ruleId` are stable across runs;
 * file URIs are relative to the working directory (`%SRCROOT%`), as code scanning expects.
 */
import type { Severity } from '../../language/diagnostic.js';
import type { Rule } from '../../rules/rule.js';
import { TOOL_HOME, TOOL_NAME, TOOL_VERSION } from '../../version.js';
import type { Formatter } from './types.js';
import { oneBased } from './types.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const formatSarif: Formatter = (reports, options) => {
  const rules: Rule[] = [...options.rules];
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  const ruleIndex = (id: string): number => {
    let index = indexOf.get(id);
    if (index === undefined) {
      // A diagnostic from a rule the registry does not list (should not happen): describe it anyway.
      index = rules.length;
      rules.push({ id, defaultSeverity: 'error', description: `Reported by ${id}.`, docsUrl: TOOL_HOME, scope: 'statement', check() {} });
      indexOf.set(id, index);
    }
    return index;
  };

  const results = reports.flatMap((report) =>
    report.diagnostics.map((diagnostic) => {
      const at = oneBased(diagnostic);
      return {
        ruleId: diagnostic.rule,
        ruleIndex: ruleIndex(diagnostic.rule),
        level: levels[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(report.file),
              region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
            },
          },
        ],
      };
    }),
  );

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            informationUri: TOOL_HOME,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: pascalCase(rule.id),
              shortDescription: { text: firstSentence(rule.description) },
              fullDescription: { text: rule.description },
              helpUri: rule.docsUrl,
              help: { text: `${rule.description} See ${rule.docsUrl}` },
              defaultConfiguration: { level: levels[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A file inside the working directory is relative to `%SRCROOT%`; one outside it gets a file URI. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const uri = fileUri(file);
  return uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
}

/** A relative URI reference: each path segment percent-encoded, separators kept. */
export function fileUri(file: string): string {
  if (/^[A-Za-z]:\//.test(file) || file.startsWith('/')) {
    // Outside the working directory: an absolute file URI.
    const withSlash = file.startsWith('/') ? file : `/${file}`;
    return `file://${withSlash.split('/').map(encodeURIComponent).join('/').replace(/^\/([A-Za-z])%3A/, '/$1:')}`;
  }
  return file.split('/').map(encodeURIComponent).join('/');
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/.exec(text);
  return match ? match[0] : text;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}
