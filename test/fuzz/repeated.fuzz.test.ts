/** Fuzzing with many copies of a short block of lines (see run-fuzz.ts for the counts and seed). */
import { describe } from 'vitest';
import { repeatedArb } from './inputs.js';
import { fuzzTest } from './run-fuzz.js';

describe('fuzz: repeated statements', () => fuzzTest('repeated statements', () => repeatedArb, 0.05));
