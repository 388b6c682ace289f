/** Escaping for every plan string that goes into a rendered document. */

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in HTML text and in double- or single-quoted attribute values (and in inline SVG). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => htmlEntities[c]);
}

/**
 * Safe inside Markdown text and table cells (GitHub-flavoured): backslash-escapes the characters that
 * start emphasis, code, links, strikethrough or table cells, and a leading `#`, `-`, `+` or `1.` that
 * would start a heading or list; `&`, `<` and `>` become entities so no HTML gets in.
 */
export function escapeMarkdown(value: unknown): string {
  return String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-]|\d+\.)/, (_, space: string, mark: string) => `${space}${mark.replace(/^(\d+)\./, '$1\\.').replace(/^[#+-]/, '\\$&')}`);
}
