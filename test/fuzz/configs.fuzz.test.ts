/** Fuzzing with hostile `.iptrc.json` files and random plans checked with them (see run-fuzz.ts for the counts and seed). */
import { describe } from 'vitest';
import { checkConfigInput } from './check-config.js';
import { configAndPlanArb } from './inputs.js';
import { fuzzTest } from './run-fuzz.js';

describe('fuzz: hostile configs', () => fuzzTest('hostile configs', () => configAndPlanArb, 0.05, checkConfigInput));
