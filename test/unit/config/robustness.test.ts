import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../server/src/rules/load-config.js';
import { resolveConfig } from '../../../server/src/rules/config.js';

/** JSON-ish text built from config-like pieces, so the generator reaches the schema, not only the JSON parser. */
const configLike = fc
  .array(
    fc.constantFrom(
      '{', '}', '[', ']', ',', ':', '"rules"', '"phi"', '"error"', '"off"', '"variants"', '"ptsd"', '"extends"', '"acute"',
      '"sessions"', '"min"', '"max"', '14', '-1', '3.5', 'true', 'null', '"vocabulary"', '"instruments"', '"id"', '"phi"',
      '"patterns"', '"pattern"', '"(["', '"flags"', '"gg"', '// c\n', '/*', '*/', '"root"', '"variant"', ' ', '\n', "'x'",
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('config parsing never throws', () => {
  it('on config-like text: every error has a location inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(configLike, fc.string()), (text) => {
        const { config, errors } = parseConfigText(text, 'x.json');
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const error of errors) {
          expect(error.message.length).toBeGreaterThan(10);
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.endLine).toBeLessThanOrEqual(lineCount);
          expect(error.endLine > error.line || error.endColumn >= error.column).toBe(true);
        }
        // Whatever part of the file was usable resolves without throwing.
        resolveConfig(config);
      }),
      { numRuns: 400 },
    );
  });
});
