import { describe, expect, it } from 'vitest';
import { parseConfigText, type ConfigError } from '../../../server/src/rules/load-config.js';

const file = '/project/.iptrc.json';

/** 1-based line/column of `part` (default: all) of the first appearance of `needle`, and of its end. */
function locate(text: string, needle: string, part = needle) {
  const found = text.indexOf(needle);
  if (found < 0 || !needle.includes(part)) throw new Error(`${needle} not in text`);
  const offset = found + needle.indexOf(part);
  const position = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  };
  const start = position(offset);
  const end = position(offset + part.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function only(errors: ConfigError[]): ConfigError {
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('parseConfigText: valid files', () => {
  it('accepts comments, trailing commas and a $schema', () => {
    const text = '{\n  // team settings\n  "$schema": "./schemas/iptrc.schema.json",\n  "rules": { "phi": "error", },\n  /* block */ "root": true,\n}\n';
    const { config, errors } = parseConfigText(text, file);
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ rules: { phi: 'error' }, root: true });
  });

  it('accepts an empty object as the defaults', () => {
    expect(parseConfigText('{}', file)).toEqual({ config: {}, errors: [] });
  });

  it('accepts a full configuration', () => {
    const text = JSON.stringify({
      root: true,
      rules: { 'session-dates': 'off', technique: 'error', 'unused-disable': 'info' },
      variant: 'ptsd',
      variants: { ptsd: { extends: 'acute', sessions: { min: 14, max: 14 }, description: 'IPT for PTSD, 14 weekly sessions' } },
      vocabulary: {
        techniques: ['exposure-free-imagery', { id: 'affect-tracking', description: 'Tracking affect between sessions' }],
        tasks: [{ id: 'trauma-history', phases: ['initial'] }],
        instruments: [{ id: 'PCL-5', min: 0, max: 80 }],
        problemAreas: ['loss-of-healthy-self'],
      },
      phi: { patterns: [{ name: 'medical record number', pattern: 'MRN-\\d{6}', flags: 'i' }], allow: ['(617) 555-0100'] },
    });
    const { config, errors } = parseConfigText(text, file);
    expect(errors).toEqual([]);
    expect(config?.variants?.ptsd.sessions).toEqual({ min: 14, max: 14 });
  });
});

describe('parseConfigText: broken files are reported at the exact place', () => {
  it('bad JSON: a missing comma', () => {
    const text = '{\n  "rules": { "phi": "error" }\n  "variant": "brief"\n}\n';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject({ file, line: 3, column: 3, endLine: 3, endColumn: 12 });
    expect(error.message).toContain('comma');
  });

  it('bad JSON: single quotes say that JSON uses double quotes', () => {
    const text = "{ 'rules': {} }";
    const { errors } = parseConfigText(text, file);
    expect(errors[0]).toMatchObject({ line: 1, column: 3 });
    expect(errors[0].message).toContain('double quotes');
  });

  it('an empty file', () => {
    const error = only(parseConfigText('  \n', file).errors);
    expect(error).toMatchObject({ line: 1, column: 1 });
    expect(error.message).toContain('{}');
  });

  it('a file that is not an object', () => {
    const error = only(parseConfigText('[1, 2]', file).errors);
    expect(error.message).toContain('one JSON object');
    expect(error).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 7 });
  });

  it('wrong type: "rules": {"phi": 3}', () => {
    const text = '{\n  "rules": {\n    "phi": 3\n  }\n}\n';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject({ line: 3, column: 12, endLine: 3, endColumn: 13 });
    expect(error.message).toBe('`rules.phi` must be one of "off", "info", "warning" or "error", not the number 3.');
  });

  it('wrong type: a variant number written as text', () => {
    const text = '{ "variants": { "ptsd": { "extends": "acute", "initialMax": "3" } } }';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject(locate(text, '"3"'));
    expect(error.message).toBe('`variants.ptsd.initialMax` must be a number, not the text "3".');
  });

  it('unknown rule id, with did-you-mean', () => {
    const text = '{\n  "rules": { "phi": "error", "sesion-count": "warning" }\n}';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject(locate(text, '"sesion-count"'));
    expect(error.message).toContain('Unknown rule id `sesion-count`. Did you mean `session-count`?');
  });

  it('syntax cannot be configured', () => {
    const text = '{ "rules": { "syntax": "off" } }';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject(locate(text, '"syntax"'));
    expect(error.message).toContain('`syntax` cannot be configured');
  });

  it('unknown top-level key, with did-you-mean', () => {
    const text = '{\n  "varaint": "brief"\n}';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject({ line: 2, column: 3, endLine: 2, endColumn: 12 });
    expect(error.message).toContain('Unknown setting `varaint`. Did you mean `variant`?');
  });

  it('unknown nested key lists what is allowed', () => {
    const text = '{ "phi": { "alow": ["x"] } }';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject(locate(text, '"alow"'));
    expect(error.message).toContain('Did you mean `allow`?');
    expect(error.message).toContain('Allowed: patterns, allow.');
  });

  it('a pattern that is not valid RE2 syntax', () => {
    const text = '{\n  "phi": {\n    "patterns": [ { "name": "record number", "pattern": "MRN-([0-9" } ]\n  }\n}';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject(locate(text, '"MRN-([0-9"'));
    expect(error.message).toMatch(/^This pattern is not valid RE2 syntax \(.+\)\. Fix it, or remove this pattern\. IPT Plan runs `phi.patterns` with RE2 syntax/);
  });

  it('invalid regular expression flags', () => {
    const text = '{ "phi": { "patterns": [ { "name": "record number", "pattern": "MRN", "flags": "q" } ] } }';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject(locate(text, '"q"'));
    const twice = '{ "phi": { "patterns": [ { "name": "record number", "pattern": "MRN", "flags": "ii" } ] } }';
    const repeated = only(parseConfigText(twice, file).errors);
    expect(repeated).toMatchObject(locate(twice, '"ii"'));
    expect(repeated.message).toContain('each written once');
  });

  it('variant with min greater than max points at max', () => {
    const text = '{ "variants": { "ptsd": { "extends": "acute", "sessions": { "min": 16, "max": 12 } } } }';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject(locate(text, '12'));
    expect(error.message).toContain('`min` is greater than its `max`');
  });

  it('termination and instrument ranges with min greater than max', () => {
    const text =
      '{ "variants": { "ptsd": { "extends": "acute", "termination": { "min": 4, "max": 3 } } },\n  "vocabulary": { "instruments": [ { "id": "PCL-5", "min": 80, "max": 7 } ] } }';
    const errors = parseConfigText(text, file).errors;
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject(locate(text, '"max": 3', '3'));
    expect(errors[0].message).toContain('termination `min` is greater');
    expect(errors[1]).toMatchObject(locate(text, '"max": 7', '7'));
    expect(errors[1].line).toBe(2);
    expect(errors[1].message).toContain('lowest possible score');
  });

  it('a missing required part points at the object that lacks it', () => {
    const text = '{ "vocabulary": { "tasks": [ { "id": "trauma-history" } ] } }';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject({ line: 1, column: 30, endLine: 1, endColumn: 31 });
    expect(error.message).toBe('`vocabulary.tasks[0]` needs `phases` (a list in square brackets). Add it.');
  });

  it('an id that could never be written in a plan', () => {
    const text = '{ "vocabulary": { "problemAreas": ["loss of healthy self"] } }';
    const error = only(parseConfigText(text, file).errors);
    expect(error).toMatchObject(locate(text, '"loss of healthy self"'));
    expect(error.message).toContain('plan identifier');
  });

  it('reports every problem, in text order, and keeps the valid settings', () => {
    const text = '{\n  "rules": { "phi": "error", "technique": "loud" },\n  "variant": "brief",\n  "colour": "blue"\n}';
    const { config, errors } = parseConfigText(text, file);
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
    expect(config).toEqual({ rules: { phi: 'error' }, variant: 'brief' });
  });
});
