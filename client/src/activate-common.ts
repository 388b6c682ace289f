/**
 * Everything the extension does, the same on the desktop and on the web: the language client, the
 * commands, the status bar and the preview. extension.ts and browser.ts differ only in how the
 * server starts and whether the client must read config files for it.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { exportPlan } from './commands/export-plan.js';
import { fixAll } from './commands/fix-all.js';
import { newPlan } from './commands/new-plan.js';
import { noPlanMessage, planTarget } from './commands/plan-target.js';
import { showRuleDocumentation } from './commands/rule-docs.js';
import { validateWorkspace } from './commands/validate-workspace.js';
import { syncConfigFiles } from './config-files.js';
import { clientId, clientName, clientOptions, type ClientFactory } from './language-client.js';
import { PreviewManager } from './preview/preview-manager.js';
import { RestartPolicy } from './restart-policy.js';
import { planStatusBar } from './status-bar.js';

export interface Platform {
  createClient: ClientFactory;
  /** The server cannot read the workspace's files itself (web worker; virtual workspace). */
  serverCannotReadFiles: boolean;
}

let running: BaseLanguageClient | undefined;

export function activateCommon(context: vscode.ExtensionContext, platform: Platform): void {
  const output = vscode.window.createOutputChannel(clientName, { log: true });
  const policy = new RestartPolicy();
  const client = platform.createClient(clientOptions(output, policy));
  running = client;
  const started = client.start().then(() => client);
  context.subscriptions.push(
    output,
    client.onDidChangeState((event) => void vscode.commands.executeCommand('setContext', 'ipt.serverStarted', event.newState === State.Running)),
  );

  const previews = new PreviewManager(context.extensionUri, started, output);
  const activePreview = () => previews.activeResource();
  /** Commands wait for the server to start rather than failing while it does; errors reach the user once. */
  const command = (id: string, run: (...args: unknown[]) => unknown) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await run(...args);
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
      policy.reset();
      if (client.needsStop()) await client.stop();
      await client.start();
      output.info('The IPT language server was restarted on request.');
    }),
    planStatusBar(client),
  );
  if (platform.serverCannotReadFiles) context.subscriptions.push(syncConfigFiles(client, output));

  // Activation does not wait for the server: VS Code counts activate() against the extension's
  // start-up time, and every feature that needs the server waits for `started` itself.
  started.catch((error: unknown) => output.error(`The IPT language server did not start: ${String(error)}`));
}

export async function deactivateCommon(): Promise<void> {
  const client = running;
  running = undefined;
  if (client?.needsStop()) await client.stop();
}

export { clientId, clientName };
