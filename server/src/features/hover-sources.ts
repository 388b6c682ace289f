/** How hover and completion cite the catalogue's sources. */
import type { SourceTag } from '../language/catalogue-types.js';

/** One italic line naming the sources, or undefined when the entry has none. */
export function sourcesLine(tags: readonly SourceTag[]): string | undefined {
  if (tags.length === 0) return undefined;
  return `_Sources: ${tags.join(', ')} (see docs/language.md)._`;
}
