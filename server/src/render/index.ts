/**
 * `render(analysis, { to })`: the plan as a standalone HTML page (or a fragment for the preview),
 * a Markdown summary, or a FHIR R4 CarePlan (JSON). Pure, never throws on an incomplete plan.
 */
import type { Analysis } from '../analyse.js';
import type { Catalogue } from '../language/catalogue-types.js';
import { builtinCatalogue } from '../language/catalogue.js';
import { type FhirOptions, renderFhir } from './fhir.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { planView } from './model.js';

export type RenderFormat = 'html' | 'markdown' | 'fhir';

export interface RenderOptions {
  to: RenderFormat;
  /** HTML only: return the `<article>` markup without `<html>`, `<head>` and styles (for the preview). */
  fragment?: boolean;
  /** The catalogue for titles and severity bands (default: the built-in one; pass config.catalogue). */
  catalogue?: Catalogue;
  /** FHIR only: the client identifier system and the diagnosis code system (pass config.fhir). */
  fhir?: FhirOptions;
}

export type { FhirOptions } from './fhir.js';

export const renderFormats: readonly RenderFormat[] = ['html', 'markdown', 'fhir'];

export function render(analysis: Analysis, options: RenderOptions): string {
  const view = planView(analysis, options.catalogue ?? builtinCatalogue);
  switch (options.to) {
    case 'html':
      return renderHtml(view, { fragment: options.fragment });
    case 'markdown':
      return renderMarkdown(view);
    case 'fhir':
      return renderFhir(view, options.fhir);
    default:
      throw new Error(`Unknown render format "${String((options as { to: unknown }).to)}"; use one of ${renderFormats.join(', ')}.`);
  }
}

export { planStyles } from './html-style.js';
