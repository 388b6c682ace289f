/**
 * FHIR Narrative (`text`): `status: generated` and an XHTML `div` in the XHTML namespace, built from
 * paragraphs and lists of plan strings. Every string is escaped, and characters XML cannot hold
 * (control characters, lone surrogates) become U+FFFD, so the div is always well-formed XML with
 * only the elements FHIR allows (txt-1) and some text (txt-2).
 */

export interface Narrative {
  status: 'generated';
  div: string;
}

/** One block of the narrative: a paragraph with a bold lead-in, or a bulleted list. */
export type NarrativeBlock = { lead?: string; text: string } | { items: string[] };

export function narrative(blocks: readonly NarrativeBlock[]): Narrative {
  const body = blocks
    .map((block) => {
      if ('items' in block) return block.items.length ? `<ul>${block.items.map((item) => `<li>${xhtmlText(item) || '–'}</li>`).join('')}</ul>` : '';
      const text = xhtmlText(block.text);
      const lead = block.lead !== undefined ? `<b>${xhtmlText(block.lead)}</b>` : '';
      return `<p>${lead}${lead && text ? ' ' : ''}${text}</p>`;
    })
    .join('');
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` };
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text safe inside an XHTML element: white space collapsed as HTML shows it, XML's predefined
 * entities, and U+FFFD for what XML 1.0 forbids.
 */
export function xhtmlText(value: string): string {
  return value
    .replace(/[ \t\r\n]+/g, ' ')
    .trim()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>]/g, (c) => entities[c]);
}
