/**
 * What identifies a finding from one run to the next, for SARIF's `partialFingerprints`: code
 * scanning matches a result with the alert an earlier upload raised by them (the upload-sarif action
 * adds its own line hash; an upload through the REST API has only what the log carries).
 *
 * A finding is its rule, its file, the text of the line it starts on (white space collapsed, so
 * re-indenting changes nothing) and which occurrence of those three it is in the file (two identical
 * findings stay two). Not the line number: a line added above must not make every finding below it a
 * new alert. Not the message: a message reworded in a later release must not either. Without the
 * plan's text (a caller that has none), the message stands in for the line.
 */
import { createHash } from 'node:crypto';
import type { FileReport } from './types.js';

/** The key, versioned as SARIF asks (§3.27.17): a new way of computing it gets a new version. */
export const FINGERPRINT_KEY = 'iptFindingHash/v1';

/** One fingerprint per diagnostic of the report, in order: a hash, ":", the 1-based occurrence. */
export function findingFingerprints(report: FileReport): string[] {
  const lines = report.text?.split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return report.diagnostics.map((diagnostic) => {
    const content = lines ? (lines[diagnostic.range.start.line] ?? '') : diagnostic.message;
    const hash = createHash('sha256').update([diagnostic.rule, report.file, content.trim().replace(/\s+/g, ' ')].join('\0')).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
