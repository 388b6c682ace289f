// Types for axe.mjs (used from the TypeScript tests).
import type { Frame, Page } from 'playwright-core';
export declare const axeVersion: string;
export declare function axeViolations(target: Page | Frame): Promise<string[]>;
