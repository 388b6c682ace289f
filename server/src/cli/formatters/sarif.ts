/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers. Every rule is listed in
 * `tool.driver.rules` in the registry's order, so `ruleIndex` and `ruleId` are stable across runs;
 * file URIs are relative to the working directory (`%SRCROOT%`), as code scanning expects. Each rule
 * carries its one-line description, the "What it checks" part of its docs page, the whole page as
 * help, and tags; helpUri points at the page under package.json's `repository`. Each result carries
 * `partialFingerprints` (fingerprint.ts), so code scanning tracks it across runs however the log is
 * uploaded.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../language/diagnostic.js';
import type { Rule } from '../../rules/rule.js';
import { docsUrl } from '../../rules/rule.js';
import { TOOL_HOME, TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { plainText, ruleDoc } from './rule-docs.js';
import { FINGERPRINT_KEY, findingFingerprints } from './fingerprint.js';
import { ruleTags } from './rule-tags.js';
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
      rules.push({ id, defaultSeverity: 'error', description: `Reported by ${id}.`, docsUrl: docsUrl(id), scope: 'statement', check() {} });
      indexOf.set(id, index);
    }
    return index;
  };

  const results = reports.flatMap((report) => {
    const fingerprints = findingFingerprints(report);
    return report.diagnostics.map((diagnostic, index): Result => {
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
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[index] },
      };
    });
  });

  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            informationUri: TOOL_HOME,
            rules: rules.map(ruleDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** One rule as code scanning shows it: a title-like name, short and full descriptions, help and tags. */
export function ruleDescriptor(rule: Rule): ReportingDescriptor {
  const doc = ruleDoc(rule.id, rule.docsUrl);
  const seeDocs = `See ${rule.docsUrl}`;
  const full = doc?.checks;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: plainText(rule.description), markdown: rule.description },
    fullDescription: full
      ? { text: plainText(full), markdown: full }
      : { text: `${rule.description} ${seeDocs}`, markdown: `${rule.description} See [the rule's page](${rule.docsUrl}).` },
    helpUri: rule.docsUrl,
    help: doc ? { text: `${rule.description} ${seeDocs}`, markdown: doc.markdown } : { text: `${rule.description} ${seeDocs}` },
    defaultConfiguration: { level: levels[rule.defaultSeverity] },
    properties: { tags: ruleTags(rule.id) },
  };
}

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

/**
 * Names for the one-word rule ids, whose PascalCase would differ from the id only in case: SARIF's
 * `name` is a readable identifier that must differ from the opaque `id` (§3.49.7), and
 * Sarif.Multitool's SARIF1001 compares the two ignoring case.
 */
const oneWordNames: Readonly<Record<string, string>> = {
  syntax: 'PlanSyntax',
  variant: 'PlanVariant',
  technique: 'IptTechnique',
  task: 'PhaseTask',
  phi: 'IdentifyingData',
  placeholder: 'PlaceholderText',
};

/** `session-count` → `SessionCount`, `phi` → `IdentifyingData`: a PascalCase name that is not the id in any case. */
export function ruleName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
  if (name.toLowerCase() !== id.toLowerCase()) return name;
  return oneWordNames[id] ?? `${name}Rule`;
}
