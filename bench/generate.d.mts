// Types for generate.mjs, so tests can build the same generated plans as the benchmarks.
export function planObject(n: number, options?: { notes?: number }): Record<string, unknown>;
export function planText(n: number, options?: { notes?: number }): string;
export const planJsonSchema: Record<string, unknown>;
export const STRESS_BYTES: number;
export function stressPlan(): { sessions: number; notes: number; text: string; object: Record<string, unknown> };
export function scalingPlans(): { notes: number; small: string; large: string };
