/**
 * The custom LSP messages the client sends (the server implements them; see docs/language-server.md).
 * Names and shapes are fixed by the project's contract, so they live in one place.
 */
import type { BaseLanguageClient, CancellationToken, ProgressType, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageclient';

/**
 * A request's method with its parameter and result types. (Not vscode-languageclient's RequestType:
 * importing a value from the client library would pull all of it into the extension's first bundle,
 * which the desktop build loads only after activation; see extension.ts.)
 */
export interface Request<P, R> {
  readonly method: string;
  /** Types only; never set. */
  readonly types?: [P, R];
}

export interface Notification<P> {
  readonly method: string;
  readonly types?: P;
}

/**
 * Work-done progress ($/progress on a token the client made), for `client.onProgress`. At run time a
 * ProgressType is only a tag (the client uses its identity for middleware we do not set), so a plain
 * object stands in for the library's WorkDoneProgress.type, for the reason above.
 */
export const workDoneProgress = {} as ProgressType<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd>;

export function sendRequest<P, R>(client: BaseLanguageClient, type: Request<P, R>, params: P, token?: CancellationToken): Promise<R> {
  return client.sendRequest<R>(type.method, params, token);
}

export function sendNotification<P>(client: BaseLanguageClient, type: Notification<P>, params: P): Promise<void> {
  return client.sendNotification(type.method, params);
}

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

export const previewRequest: Request<DocumentParams, PreviewResult | null> = { method: 'ipt/preview' };
export const renderRequest: Request<DocumentParams & { to: ExportFormat }, { text: string } | null> = { method: 'ipt/render' };
export const summaryRequest: Request<DocumentParams, SummaryResult | null> = { method: 'ipt/summary' };
export const newPlanRequest: Request<{ variant: string; focus: string; client: string }, { text: string }> = { method: 'ipt/newPlan' };
export const catalogueRequest: Request<Record<string, never>, CatalogueResult> = { method: 'ipt/catalogue' };
/** A plan file found but not read: too large to be a plan (its size in bytes), or not a plan file at all (why). */
export type UnreadFile = { uri: string; tooLarge: number } | { uri: string; skipped: string };

export const validateWorkspaceRequest: Request<
  { files?: FileText[]; unread?: UnreadFile[]; workDoneToken?: string },
  { files: number; problems: number; cancelled?: true; skipped?: { uri: string; skipped: string }[] }
> = { method: 'ipt/validateWorkspace' };
export const configFilesNotification: Notification<{ files: FileText[] }> = { method: 'ipt/configFiles' };
