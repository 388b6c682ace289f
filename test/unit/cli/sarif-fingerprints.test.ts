/**
 * SARIF `partialFingerprints`: code scanning matches a result with an earlier alert by them, so they
 * must stay the same when a finding only moves (lines added above, re-indented), tell identical
 * findings apart, and change when what the finding is about changes. (Upload through the REST API has
 * only what the log carries; the upload-sarif action adds its own line hash beside ours.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Log, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../server/src/analyse.js';
import { FINGERPRINT_KEY, findingFingerprints } from '../../../server/src/cli/formatters/fingerprint.js';
import { formatSarif } from '../../../server/src/cli/formatters/sarif.js';
import { allRules } from '../../../server/src/rules/registry.js';
import { samplesDir } from './cli-harness.js';

const plan = readFileSync(path.join(samplesDir, 'rules', 'technique.ipt'), 'utf8');

/** The SARIF results of linting `files` (name → text). */
function results(files: Record<string, string>): Result[] {
  const reports = Object.entries(files).map(([file, text]) => ({ file, text, diagnostics: analyse(text).diagnostics }));
  return (JSON.parse(formatSarif(reports, { color: false, rules: allRules })) as Log).runs[0].results ?? [];
}
const fingerprintsOf = (rs: Result[]) => rs.map((r) => `${r.ruleId} ${r.partialFingerprints?.[FINGERPRINT_KEY]}`);
const lineOf = (r: Result) => r.locations![0].physicalLocation!.region!.startLine;

describe('SARIF partialFingerprints', () => {
  const before = results({ 'plans/C-5125.ipt': plan });

  it('gives every result one, under a versioned key of our own (not the action’s primaryLocationLineHash)', () => {
    expect(before.length).toBeGreaterThan(0);
    for (const result of before) {
      expect(Object.keys(result.partialFingerprints ?? {})).toEqual(['iptFindingHash/v1']);
      expect(result.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:[1-9]\d*$/);
    }
  });

  it('stays the same when the finding moves down (lines added above) or is re-indented', () => {
    const moved = `# Reviewed with the supervisor.\n# Two more comment lines\n# push everything down.\n${plan.replace('    technique exploratory-questioning', '      technique   exploratory-questioning')}`;
    const after = results({ 'plans/C-5125.ipt': moved });
    expect(after.map(lineOf)).toEqual(before.map((r) => lineOf(r)! + 3));
    expect(fingerprintsOf(after)).toEqual(fingerprintsOf(before));
  });

  it('tells two identical findings in one file apart by their occurrence, and keeps them when one moves', () => {
    const twice = plan.replace('    technique decision-analysis, role-play', '    technique exploratory-questioning, encouragement-of-affect, mindfulness');
    const found = results({ 'plans/C-5125.ipt': twice }).filter((r) => r.ruleId === 'technique');
    expect(found).toHaveLength(2);
    const [first, second] = found.map((r) => r.partialFingerprints![FINGERPRINT_KEY]);
    expect(first.split(':')).toEqual([second.split(':')[0], '1']);
    expect(second.endsWith(':2')).toBe(true);
  });

  it('changes when the line the finding is about changes, and only for that finding', () => {
    const edited = plan.replace('encouragement-of-affect, mindfulness', 'mindfulness, encouragement-of-affect');
    const after = results({ 'plans/C-5125.ipt': edited });
    const changed = fingerprintsOf(after).filter((f, i) => f !== fingerprintsOf(before)[i]);
    expect(changed).toHaveLength(after.filter((r) => r.ruleId === 'technique').length);
    expect(changed.every((f) => f.startsWith('technique '))).toBe(true);
  });

  it('differs between files with the same finding', () => {
    const both = results({ 'plans/C-5125.ipt': plan, 'plans/C-5126.ipt': plan });
    const [a, b] = [both.slice(0, before.length), both.slice(before.length)].map(fingerprintsOf);
    expect(a).toEqual(fingerprintsOf(before));
    expect(a.filter((f) => b.includes(f))).toEqual([]);
  });

  it('without the plan’s text, stands on the message (still one per finding, still occurrence-numbered)', () => {
    const diagnostics = analyse(plan).diagnostics;
    const fingerprints = findingFingerprints({ file: 'x.ipt', diagnostics: [...diagnostics, ...diagnostics] });
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });
});
