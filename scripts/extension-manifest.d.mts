/** Types for extension-manifest.mjs (the extension's manifest, made from the root package.json). */
export const root: string;
export const EXTENSION_MAIN: string;
export const EXTENSION_BROWSER: string;
export function extensionManifest(source?: Record<string, unknown>, options?: { web?: boolean }): Record<string, any>;
export function stageExtension(dir: string, options?: { web?: boolean }): Record<string, any>;
