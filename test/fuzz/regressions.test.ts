/** Every input the fuzzer ever found, checked with the fuzzer's properties in every `npm test`. */
import { expect, test } from 'vitest';
import { checkInput } from './check-input.js';
import { regressions } from './regressions.js';

test.each(regressions.map((text) => [JSON.stringify(text).slice(0, 80), text]))('%s', (_name, text) => {
  expect(() => checkInput(text)).not.toThrow();
});
