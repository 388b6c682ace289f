/**
 * An open document's analysis, made by the analysis worker, as the server keeps it: what the
 * scheduler publishes and what requests read. The diagnostics arrive first and are published at
 * once; the syntax tree follows for the requests. A check that was stopped (analysis-pool.ts)
 * keeps the last complete result, with a notice.
 */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Analysis } from '../analyse.js';
import type { ResolvedConfig } from '../rules/config.js';
import { Priority, type AnalysisPool } from './analysis-pool.js';
import { rehydrate, type EarlyDiagnostics, type TransferredAnalysis } from './analysis-protocol.js';
import type { Analysing } from './document-scheduler.js';
import { isStopped, stoppedNotice } from './stopped-check.js';

export interface Analysed {
  version: number;
  /** Undefined when the check of this version was stopped (requests on it get empty results) or is still arriving. */
  analysis?: Analysis;
  /** The diagnostics, published before the rest of the analysis arrives. */
  diagnostics?: Analysis['diagnostics'];
  config: ResolvedConfig;
  /** The check was stopped: the notice, published beside the last complete result's diagnostics. */
  stopped?: { notice: LspDiagnostic; kept?: Analysis };
}

export interface DocumentText {
  uri: string;
  version: number;
  text: string;
}

/** Sends one version to the worker; `urgent` when a request waits for it, `previous` the document's last analysis. */
export function analyseInWorker(pool: AnalysisPool, document: DocumentText, config: ResolvedConfig, urgent: boolean, previous: Analysed | undefined): Analysing<Analysed> {
  const { uri, version, text } = document;
  let diagnostics: Analysis['diagnostics'] = [];
  let publishEarly!: (analysed: Analysed) => void;
  const early = new Promise<Analysed>((resolve) => (publishEarly = resolve));
  const job = pool.run<TransferredAnalysis, EarlyDiagnostics>({ kind: 'analyse', uri, version, text }, urgent ? Priority.request : Priority.open, (partial) => {
    diagnostics = partial.diagnostics;
    publishEarly({ version, config, diagnostics });
  });
  const result = job.result.then(
    (transferred): Analysed => ({ version, analysis: rehydrate(text, transferred, diagnostics), config }),
    (error: unknown): Analysed => {
      if (!isStopped(error)) throw error;
      // The last complete result stays on screen, with a notice that this version was not checked.
      const kept = previous?.analysis ?? previous?.stopped?.kept;
      const firstLine = /^[^\r\n]*/.exec(text)![0].length;
      return { version, config, stopped: { notice: stoppedNotice(error, firstLine, kept !== undefined), kept } };
    },
  );
  return { result, early, promote: job.promote };
}

/** The diagnostics to publish for this version: its own (early or whole), else the kept ones; the notice is added by the caller. */
export function diagnosticsToPublish({ analysis, diagnostics, stopped }: Analysed): { fresh: boolean; diagnostics: Analysis['diagnostics'] } {
  const own = analysis?.diagnostics ?? diagnostics;
  return own ? { fresh: true, diagnostics: own } : { fresh: false, diagnostics: stopped?.kept?.diagnostics ?? [] };
}
