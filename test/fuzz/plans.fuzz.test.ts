/** Fuzzing with grammar-aware random plans (see run-fuzz.ts for the counts and seed). */
import { describe } from 'vitest';
import { planArb } from './inputs.js';
import { fuzzTest } from './run-fuzz.js';

describe('fuzz: grammar-aware random plans', () => fuzzTest('random plans', () => planArb, 0.3));
