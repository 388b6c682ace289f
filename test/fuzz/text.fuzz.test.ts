/** Fuzzing with token soup and random characters (see run-fuzz.ts for the counts and seed). */
import { describe } from 'vitest';
import { randomTextArb, soupArb } from './inputs.js';
import { fuzzTest } from './run-fuzz.js';

describe('fuzz: token soup and random text', () => {
  fuzzTest('token soup', () => soupArb, 0.2);
  fuzzTest('random text', () => randomTextArb, 0.2);
});
