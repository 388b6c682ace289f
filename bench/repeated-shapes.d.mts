// Types for repeated-shapes.mjs, so the growth tests build the same shapes as the hunt.
export const STATEMENT_KINDS: Record<string, [string, string]>;
export function repeatedPlan(counts: Record<string, number>): string;
export function repeatedShape(...kinds: string[]): (size: number) => string;
