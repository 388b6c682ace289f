/**
 * The custom LSP messages the client sends (the server implements them; see docs/language-server.md).
 * Names and shapes are fixed by the project's contract, so they live in one place.
 */
import { NotificationType, RequestType } from 'vscode-languageclient';

export interface DocumentParams {
  textDocument: { uri: string };
}

export interface PreviewResult {
  uri: string;
  version: number;
  /** The HTML renderer's `<article class="ipt-plan">` fragment: no styles, no scripts. */
  html: string;
  hasSyntaxErrors: boolean;
}

export type ExportFormat = 'html' | 'markdown' | 'fhir';

export interface SummaryResult {
  variant?: string;
  sessions?: number;
  cadence?: string;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CatalogueEntry {
  id: string;
  title: string;
}

export interface CatalogueResult {
  variants: CatalogueEntry[];
  problemAreas: CatalogueEntry[];
}

export interface FileText {
  uri: string;
  text: string;
}

export const previewRequest = new RequestType<DocumentParams, PreviewResult | null, void>('ipt/preview');
export const renderRequest = new RequestType<DocumentParams & { to: ExportFormat }, { text: string } | null, void>('ipt/render');
export const summaryRequest = new RequestType<DocumentParams, SummaryResult | null, void>('ipt/summary');
export const newPlanRequest = new RequestType<{ variant: string; focus: string; client: string }, { text: string }, void>('ipt/newPlan');
export const catalogueRequest = new RequestType<Record<string, never>, CatalogueResult, void>('ipt/catalogue');
export const validateWorkspaceRequest = new RequestType<{ files?: FileText[] }, { files: number; problems: number }, void>('ipt/validateWorkspace');
export const configFilesNotification = new NotificationType<{ files: FileText[] }>('ipt/configFiles');
