/** How hover and completion cite the catalogue's sources. */
import type { SourceTag } from '../language/catalogue-types.js';

/** One italic line naming the sources, or undefined when the entry has none. */
export function sourcesLine(tags: readonly SourceTag[]): string | undefined {
  if (tags.length === 0) return undefined;
  return `_Sources: ${tags.join(', ')} (see docs/language.md)._`;
}

/** Drops inline source tags such as ` [S3] [S6]` from a sentence written for the CLI. */
export function withoutSourceTags(text: string): string {
  return text.replace(/\s*\[(?:S\d+|seed \d+)\]/g, '');
}
