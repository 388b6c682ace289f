/** How hover and completion cite the catalogue's sources: the full reference, never a bare tag. */
import type { SourceTag } from '../language/catalogue-types.js';
import { SOURCES } from '../language/catalogue/sources.js';
import { CONFIG_SOURCE } from '../rules/config.js';

/**
 * A "Sources" block with one full citation per tag (and its address, when it has one), or a note
 * that the entry comes from .iptrc.json; undefined when the entry has no sources.
 */
export function sourcesLine(tags: readonly SourceTag[]): string | undefined {
  if (tags.length === 0) return undefined;
  if (tags.every((tag) => tag === CONFIG_SOURCE)) return '_Added in .iptrc.json._';
  const lines = tags
    .filter((tag) => tag !== CONFIG_SOURCE)
    .map((tag) => {
      const source = SOURCES[tag];
      if (!source) return `- ${tag}`;
      return `- ${source.citation}${source.url ? ` <${source.url}>` : ''}`;
    });
  return ['**Sources**', ...lines].join('\n');
}

/** Drops inline source tags such as ` [S3] [S6]` from a sentence written for the CLI. */
export function withoutSourceTags(text: string): string {
  return text.replace(/\s*\[(?:S\d+b?|seed \d+)\]/g, '');
}
