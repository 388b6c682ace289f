// Types for generate.mjs, so tests can build the same generated plans as the benchmarks.
export function planObject(n: number): Record<string, unknown>;
export function planText(n: number): string;
export const planJsonSchema: Record<string, unknown>;
