/**
 * A rule's page (docs/rules/<id>.md) for SARIF: the whole page as `help.markdown` and its "What it
 * checks" section as the full description. Relative links are made absolute against the page's
 * published address, since code scanning shows the text away from the docs folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';

export interface RuleDoc {
  /** The page, links absolute. */
  markdown: string;
  /**
   * What the rule checks (Markdown): the "What it checks" section, or on pages without one (syntax,
   * internal-error, unused-disable) the opening paragraph and the first paragraph of "Why".
   */
  checks?: string;
}

const pages = new Map<string, RuleDoc | undefined>();

export function ruleDoc(id: string, docsUrl: string): RuleDoc | undefined {
  if (!pages.has(id)) pages.set(id, readRuleDoc(id, docsUrl));
  return pages.get(id);
}

function readRuleDoc(id: string, docsUrl: string): RuleDoc | undefined {
  const root = packageRoot();
  if (root === undefined || !/^[a-z0-9-]+$/.test(id)) return undefined;
  let text: string;
  try {
    text = readFileSync(path.join(root, 'docs', 'rules', `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
  const markdown = absoluteLinks(text, docsUrl).trim();
  return { markdown, checks: section(markdown, 'What it checks') ?? introAndWhy(markdown) };
}

function introAndWhy(markdown: string): string | undefined {
  const beforeSections = markdown.split(/^## /m)[0];
  const intro = paragraphs(beforeSections).filter((p) => !p.startsWith('# ') && !p.startsWith('**Default severity'));
  const why = paragraphs(section(markdown, 'Why') ?? section(markdown, 'Why it exists') ?? '')[0];
  const parts = [...intro, ...(why ? [why] : [])];
  return parts.length ? parts.join('\n\n') : undefined;
}

function paragraphs(markdown: string): string[] {
  return markdown.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/** `[text](other.md)` → `[text](https://…/docs/rules/other.md)`; absolute links and code stay as they are. */
export function absoluteLinks(markdown: string, base: string): string {
  return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return whole;
    try {
      return `](${new URL(target, base).href})`;
    } catch {
      return whole;
    }
  });
}

/** The body of a `## title` section, up to the next heading of that level or higher. */
export function section(markdown: string, title: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^#{1,2} /.test(line));
  const body = lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
  return body || undefined;
}

/** Markdown as plain text for viewers that show no Markdown: links, code and emphasis marks dropped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\s)\*([^*\s][^*]*)\*/g, '$1$2')
    .trim();
}
