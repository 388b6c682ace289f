/** Small structural checks on rendered HTML (no DOM library needed: the markup is ours). */

const voidElements = new Set(['meta', 'br', 'img', 'input', 'link', 'hr']);

/** Tags that are opened and never closed, or closed without being open; [] when balanced. */
export function unbalancedTags(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/<!DOCTYPE html>/i, '').replace(/<style>[\s\S]*?<\/style>/g, '');
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    const tag = name.toLowerCase();
    if (selfClosing || voidElements.has(tag)) continue;
    if (!closing) stack.push(tag);
    else if (stack[stack.length - 1] === tag) stack.pop();
    else problems.push(`</${tag}> while <${stack[stack.length - 1] ?? 'nothing'}> is open`);
  }
  return [...problems, ...stack.map((t) => `<${t}> never closed`)];
}

/** Every element carrying data-line, with the line number and the text right after its opening tag. */
export function dataLines(html: string): { line: number; tag: string; after: string }[] {
  return [...html.matchAll(/<([a-z]+)[^>]*\bdata-line="(\d+)"[^>]*>(?=([\s\S]{0,200}))/g)].map((m) => ({
    tag: m[1],
    line: Number(m[2]),
    after: m[3].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
  }));
}

/** Text content with tags removed and entities decoded (enough for our escaping). */
export function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:)])/g, '$1');
}
