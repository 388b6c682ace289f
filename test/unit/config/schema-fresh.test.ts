import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText } from '../../../server/src/rules/config-json-schema.js';
import { parseConfigText } from '../../../server/src/rules/load-config.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const committed = path.join(repoRoot, 'schemas', 'iptrc.schema.json');

describe('schemas/iptrc.schema.json', () => {
  it('is up to date with the zod schema (run `npm run build` to refresh it)', () => {
    const onDisk = readFileSync(committed, 'utf8');
    expect(onDisk, 'schemas/iptrc.schema.json is stale: run `npm run build` to refresh it').toBe(configJsonSchemaText());
  });

  it('has an id, a title, and a description on every top-level setting', () => {
    const schema = configJsonSchema() as { $id: string; title: string; properties: Record<string, { description?: string }> };
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.title).toContain('.iptrc.json');
    for (const [key, property] of Object.entries(schema.properties)) expect(property.description, key).toBeTruthy();
  });

  it('lists every configurable rule id, and not syntax', () => {
    const schema = configJsonSchema() as { properties: { rules: { properties: Record<string, unknown>; additionalProperties: boolean } } };
    expect(Object.keys(schema.properties.rules.properties)).toContain('unused-disable');
    expect(Object.keys(schema.properties.rules.properties)).not.toContain('syntax');
    expect(schema.properties.rules.additionalProperties).toBe(false);
  });

  it('agrees with the zod schema on valid and invalid configs (checked with ajv)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(configJsonSchema());
    const samples = [
      '{}',
      '{ "root": true, "rules": { "phi": "error" }, "variant": "brief" }',
      '{ "variants": { "ptsd": { "extends": "acute", "sessions": { "min": 14, "max": 14 } } } }',
      '{ "vocabulary": { "instruments": [ { "id": "PCL-5", "min": 0, "max": 80 } ], "techniques": ["affect-tracking", { "id": "sleep-diary" }] } }',
      '{ "rules": { "phi": 3 } }',
      '{ "rules": { "phy": "off" } }',
      '{ "varaint": "acute" }',
      '{ "variants": { "A B": { "extends": "acute" } } }',
      '{ "vocabulary": { "tasks": [ { "id": "trauma-history" } ] } }',
    ];
    for (const text of samples) {
      const zodValid = parseConfigText(text, 'x.json').errors.length === 0;
      expect(validate(JSON.parse(text)), text).toBe(zodValid);
    }
  });
});
