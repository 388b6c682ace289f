/** `.iptrc.json` `fhir`: the identifier system of client codes and the diagnosis code system, checked, merged and used by `ipt render --to fhir`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/src/rules/config.js';
import { parseConfigText, resolveConfigTexts } from '../../../server/src/rules/load-config.js';
import { basePlan } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from '../cli/cli-harness.js';

const project = tempProjects();

describe('.iptrc.json fhir', () => {
  it('accepts an absolute URI and either ICD-10 system; the default is none of them set', () => {
    const { config, errors } = parseConfigText('{ "fhir": { "clientIdentifierSystem": "urn:oid:1.2.3.4", "diagnosisCodeSystem": "icd-10-cm" } }', '/p/.iptrc.json');
    expect(errors).toEqual([]);
    expect(config?.fhir).toEqual({ clientIdentifierSystem: 'urn:oid:1.2.3.4', diagnosisCodeSystem: 'icd-10-cm' });
    expect(defaultConfig.fhir).toEqual({});
  });

  it('rejects a system that is not an absolute URI, and an unknown code system, saying what to write', () => {
    const bad = parseConfigText('{ "fhir": { "clientIdentifierSystem": "our clinic" } }', '/p/.iptrc.json');
    expect(bad.errors.map((e) => e.message)).toEqual([
      'The identifier system must be an absolute URI without spaces, e.g. "https://clinic.example.org/fhir/sid/client-code" or "urn:oid:1.2.3.4".',
    ]);
    const system = parseConfigText('{ "fhir": { "diagnosisCodeSystem": "icd-11" } }', '/p/.iptrc.json');
    expect(system.errors[0].message).toBe('`fhir.diagnosisCodeSystem` must be one of "icd-10" or "icd-10-cm", not the text "icd-11".');
    expect(parseConfigText('{ "fhir": { "system": "x" } }', '/p/.iptrc.json').errors[0].message).toBe('Unknown key `system` in `fhir`. Allowed: clientIdentifierSystem, diagnosisCodeSystem.');
  });

  it('merges per setting down the folders: a deeper file overrides only what it sets', () => {
    const { config, errors } = resolveConfigTexts([
      { file: '/p/.iptrc.json', text: '{ "fhir": { "clientIdentifierSystem": "https://clinic.example.org/sid/client", "diagnosisCodeSystem": "icd-10-cm" } }' },
      { file: '/p/team/.iptrc.json', text: '{ "fhir": { "diagnosisCodeSystem": "icd-10" } }' },
    ]);
    expect(errors).toEqual([]);
    expect(config.fhir).toEqual({ clientIdentifierSystem: 'https://clinic.example.org/sid/client', diagnosisCodeSystem: 'icd-10' });
  });

  it('is what `ipt render --to fhir` uses', async () => {
    const dir = project({
      '.iptrc.json': '{ "fhir": { "clientIdentifierSystem": "https://clinic.example.org/sid/client", "diagnosisCodeSystem": "icd-10-cm" } }',
      'plan.ipt': basePlan,
    });
    const result = await runCli(['render', 'plan.ipt', '--to', 'fhir', '-o', 'out.json'], dir);
    expect(result.code).toBe(0);
    const plan = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as { subject: unknown; contained: { resourceType: string; code?: { coding?: { system: string }[] } }[] };
    expect(plan.subject).toEqual({ type: 'Patient', identifier: { system: 'https://clinic.example.org/sid/client', value: 'C-0142' } });
    expect(plan.contained.find((r) => r.resourceType === 'Condition')?.code?.coding?.[0].system).toBe('http://hl7.org/fhir/sid/icd-10-cm');
  });
});
