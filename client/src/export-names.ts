/** The export formats' names and file names (pure, so tested without VS Code). */
import type { ExportFormat } from './protocol.js';

export const exportFormats: Record<ExportFormat, { label: string; suffix: string; filter: string; extensions: string[] }> = {
  html: { label: 'HTML', suffix: '.html', filter: 'HTML page', extensions: ['html'] },
  markdown: { label: 'Markdown', suffix: '.md', filter: 'Markdown', extensions: ['md'] },
  fhir: { label: 'FHIR CarePlan', suffix: '.fhir.json', filter: 'FHIR CarePlan (JSON)', extensions: ['json'] },
};

/** `…/plan.ipt` → `plan.fhir.json` (the dialog opens next to the plan); an unnamed plan → `plan.html`. */
export function exportFileName(planPath: string, format: ExportFormat): string {
  const base = planPath.replace(/^.*[\\/]/, '').replace(/\.ipt$/i, '') || 'plan';
  return `${base}${exportFormats[format].suffix}`;
}
