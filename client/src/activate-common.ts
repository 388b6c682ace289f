/**
 * Everything the extension does, the same on the desktop and on the web: the language client, the
 * commands, the status bar and the preview. extension.ts and browser.ts differ only in how the
 * server starts and whether the client must read config files for it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { exportPlan } from './commands/export-plan.js';
import { fixAll } from './commands/fix-all.js';
import { newPlan } from './commands/new-plan.js';
import { noPlanMessage, planTarget } from './commands/plan-target.js';
import { showRuleDocumentation } from './commands/rule-docs.js';
import { validateWorkspace } from './commands/validate-workspace.js';
import { syncConfigFiles } from './config-files.js';
import { clientName } from './client-names.js';
import { PreviewManager } from './preview/preview-manager.js';
import { RestartPolicy } from './restart-policy.js';
import { planStatusBar } from './status-bar.js';

export interface Platform {
  /**
   * Creates the language client. Asynchronous, so the desktop build can load the client library
   * (most of its code) from a second bundle after activation.
   */
  createClient: (output: vscode.LogOutputChannel, policy: RestartPolicy) => Promise<BaseLanguageClient>;
  /** The server cannot read the workspace's files itself (web worker; virtual workspace). */
  serverCannotReadFiles: boolean;
}

let running: BaseLanguageClient | undefined;

export function activateCommon(context: vscode.ExtensionContext, platform: Platform): void {
  const output = vscode.window.createOutputChannel(clientName, { log: true });
  const policy = new RestartPolicy();
  context.subscriptions.push(output);
  // Activation only registers things: VS Code counts the code loaded and the activate() call against
  // the editor's start-up, so the client is created and the server started on the next turn, and
  // every feature that needs the server waits for `started`.
  const started = nextTurn()
    .then(() => platform.createClient(output, policy))
    .then(async (client) => {
      running = client;
      context.subscriptions.push(
        client.onDidChangeState(() => void vscode.commands.executeCommand('setContext', 'ipt.serverStarted', client.isRunning())),
        planStatusBar(client),
      );
      if (platform.serverCannotReadFiles) context.subscriptions.push(syncConfigFiles(client, output));
      await client.start();
      return client;
    });
  started.catch((error: unknown) => output.error(`The IPT language server did not start: ${String(error)}`));

  const previews = new PreviewManager(context.extensionUri, started, output);
  const activePreview = () => previews.activeResource();
  /**
   * Commands wait for the server to start rather than failing while it does; errors reach the user
   * once. What a command returns is `executeCommand`'s result (e.g. the message Validate Workspace showed).
   */
  const command = (id: string, run: (...args: unknown[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (error) {
        output.error(`${id}: ${String(error)}`);
        void vscode.window.showErrorMessage(`IPT: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  const openPreview = (toSide: boolean) => async (argument: unknown) => {
    const plan = planTarget(argument, activePreview);
    if (!plan) return noPlanMessage();
    await previews.open(plan, toSide);
  };

  context.subscriptions.push(
    previews,
    command('ipt.preview.open', openPreview(false)),
    command('ipt.preview.openToSide', openPreview(true)),
    command('ipt.preview.showSource', () => previews.showSource()),
    command('ipt.newPlan', async (argument) => newPlan(await started, argument)),
    command('ipt.export.html', async (argument, target) => exportPlan(await started, 'html', argument, activePreview, target)),
    command('ipt.export.markdown', async (argument, target) => exportPlan(await started, 'markdown', argument, activePreview, target)),
    command('ipt.export.fhir', async (argument, target) => exportPlan(await started, 'fhir', argument, activePreview, target)),
    command('ipt.fixAll', () => fixAll()),
    command('ipt.showRuleDocumentation', (argument) => showRuleDocumentation(context.extensionUri, argument)),
    command('ipt.validateWorkspace', async () => validateWorkspace(await started, platform.serverCannotReadFiles)),
    command('ipt.restartServer', async () => {
      const client = await started.catch(() => running);
      if (!client) throw new Error('The IPT language server was never created; see the IPT Plan output.');
      policy.reset();
      if (client.needsStop()) await client.stop();
      await client.start();
      output.info('The IPT language server was restarted on request.');
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ipt.server.timeBudget')) void vscode.commands.executeCommand('ipt.restartServer');
    }),
  );
}

/** Resolves on a later turn of the event loop (after activate() has returned). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function deactivateCommon(): Promise<void> {
  const client = running;
  running = undefined;
  if (client?.needsStop()) await client.stop();
}

