/**
 * SARIF checked as `github/codeql-action/upload-sarif` checks an upload: its own copy of the schema
 * (test/fixtures/sarif-schema-2.1.0.json is codeql-action's src/sarif-schema-2.1.0.json at v4.36.3,
 * the OASIS 2.1.0 schema with its errata and a 2020-12 `$schema`) and the validator and version it
 * uses (jsonschema 1.5.0). Returns every error, the URI-format ones it only warns about included.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Schema, Validator } from 'jsonschema';
import { repoRoot } from './cli-harness.js';

export const sarifSchema = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8')) as Schema;

export function sarifUploadErrors(log: unknown): string[] {
  return new Validator().validate(log, sarifSchema).errors.map((error) => error.stack);
}
