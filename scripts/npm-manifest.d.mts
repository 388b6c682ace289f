/** Types for npm-manifest.mjs (the package.json the npm package ships). */
export function withoutPrepare(text: string): string;
