// Types for browser.mjs (used from the TypeScript tests).
import type { Browser } from 'playwright-core';

export declare const chromiumPath: string;
export declare const chromiumArgs: string[];
export declare function hasChromium(): boolean;
export declare function launchChromium(options?: { headless?: boolean }): Promise<Browser>;
