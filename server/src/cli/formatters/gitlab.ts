/**
 * `--format gitlab`: a GitLab Code Quality report (`artifacts: reports: codequality:`), the subset of
 * the Code Climate format GitLab reads: one JSON array, one object per problem with `description`,
 * `check_name` (the rule id), `fingerprint`, `severity` and `location` (`path`, `lines.begin`/`end`).
 *
 * Severities: error → `major`, warning → `minor`, info → `info` (GitLab's scale is info, minor, major,
 * critical, blocker; ESLint's GitLab formatter maps the same way). GitLab keeps one finding per
 * fingerprint and compares fingerprints between the merge request and its target branch, so each one
 * is unique in the report and stays the same when the problem only moves: a hash of the path, the
 * rule, the message and how many identical problems come before it in the file — not the line.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../language/diagnostic.js';
import type { Formatter } from './types.js';
import { oneBased } from './types.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const severities: Record<Severity, CodeQualitySeverity> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number; end: number } };
}

export const formatGitlab: Formatter = (reports) => {
  const issues: CodeQualityIssue[] = [];
  for (const report of reports) {
    const seen = new Map<string, number>();
    for (const diagnostic of report.diagnostics) {
      const identity = [report.file, diagnostic.rule, diagnostic.message].join('\0');
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      const at = oneBased(diagnostic);
      issues.push({
        description: diagnostic.message,
        check_name: diagnostic.rule,
        fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex').slice(0, 32),
        severity: severities[diagnostic.severity],
        location: { path: report.file, lines: { begin: at.line, end: at.endLine } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};
