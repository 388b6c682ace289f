/** Fuzzing with mutations of the shipped samples (see run-fuzz.ts for the counts and seed). */
import { describe } from 'vitest';
import { mutatedSampleArb, samplePlans } from './inputs.js';
import { fuzzTest } from './run-fuzz.js';

describe('fuzz: mutated samples', () => fuzzTest('mutated samples', () => mutatedSampleArb(samplePlans()), 0.2));
