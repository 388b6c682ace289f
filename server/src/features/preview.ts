/** The preview and renderings of a plan, from the same renderer as `ipt render` (server/src/render/). */
import type { Analysis } from '../analyse.js';
import type { ResolvedConfig } from '../rules/config.js';
import { render, type RenderFormat } from '../render/index.js';

export interface PlanPreview {
  /** The HTML body fragment (`<article>`, with `data-line` on blocks); no styles, no scripts. */
  html: string;
  hasSyntaxErrors: boolean;
}

export function planPreview(analysis: Analysis, config: ResolvedConfig): PlanPreview {
  return {
    html: render(analysis, { to: 'html', fragment: true, catalogue: config.catalogue }),
    hasSyntaxErrors: analysis.diagnostics.some((d) => d.rule === 'syntax'),
  };
}

/** The full standalone output, as `ipt render --to FORMAT` writes it. */
export function renderPlan(analysis: Analysis, config: ResolvedConfig, to: RenderFormat): string {
  return render(analysis, { to, catalogue: config.catalogue, fhir: config.fhir });
}
