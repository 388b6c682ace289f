/**
 * The CI report formats checked as their consumers read them:
 * - JUnit XML against the JUnit schema Jenkins' xUnit plugin validates reports with
 *   (test/fixtures/junit-10.xsd is jenkinsci/xunit-plugin's
 *   src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd at 031e285e, MIT),
 *   by libxml2's own validator (xmllint-wasm 5.3.0: xmllint of libxml2 2.13.8 built for WebAssembly);
 * - GitLab Code Quality JSON against the schema GitLab's parser keeps or drops each finding with
 *   (test/fixtures/gitlab-codeclimate.schema.json is gitlabhq's app/validators/json_schemas/codeclimate.json
 *   at 33827e3a, MIT), and against what GitLab's documentation requires of each object
 *   (doc/ci/testing/code_quality.md, "Code Quality report format": description, check_name,
 *   fingerprint, a severity of info/minor/major/critical/blocker, location.path, and
 *   location.lines.begin or location.positions.begin.line; no byte order mark), with ajv. GitLab keeps
 *   one finding per fingerprint (CodequalityReports#add_degradation), so fingerprints must be unique.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { validateXML } from 'xmllint-wasm';
import { repoRoot } from './cli-harness.js';

const fixture = (name: string) => readFileSync(path.join(repoRoot, 'test', 'fixtures', name), 'utf8');

/** Every problem xmllint finds in a JUnit report, as `file:line: message`; empty when it is valid. */
export async function junitErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: fixture('junit-10.xsd') }] });
  return result.errors.map((error) => error.rawMessage);
}

const documented = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path'],
        properties: {
          // "expressed as a relative path in the repository"
          path: { type: 'string', minLength: 1, not: { pattern: '^(/|[A-Za-z]:|\\./|\\.\\./)' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
          positions: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'object', required: ['line'], properties: { line: { type: 'integer', minimum: 1 } } } },
          },
        },
        anyOf: [{ required: ['lines'] }, { required: ['positions'] }],
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true });
const parserSchema = ajv.compile(JSON.parse(fixture('gitlab-codeclimate.schema.json')) as object);
const documentedSchema = ajv.compile(documented);

/** Every reason GitLab would refuse the report or drop a finding from it; empty when it takes them all. */
export function gitlabErrors(text: string): string[] {
  if (text.startsWith('\uFEFF')) return ['the report starts with a byte order mark, which GitLab refuses'];
  const report = JSON.parse(text) as unknown;
  const errors: string[] = [];
  if (!documentedSchema(report)) errors.push(...(documentedSchema.errors ?? []).map((e) => `documented format: ${e.instancePath} ${e.message}`));
  if (!Array.isArray(report)) return errors;
  report.forEach((finding, index) => {
    if (!parserSchema(finding)) errors.push(...(parserSchema.errors ?? []).map((e) => `GitLab's parser drops finding ${index}: ${e.instancePath} ${e.message}`));
  });
  const fingerprints = report.map((finding) => (finding as { fingerprint?: unknown }).fingerprint);
  if (new Set(fingerprints).size !== fingerprints.length) errors.push('two findings share a fingerprint; GitLab would keep only one of them');
  return errors;
}
