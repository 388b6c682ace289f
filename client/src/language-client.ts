/**
 * The language client's options, the same on the desktop and the web; only how the server process
 * starts differs (extension.ts: Node over IPC, browser.ts: a web worker).
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { RestartPolicy } from './restart-policy.js';


export function clientOptions(output: vscode.LogOutputChannel, policy: RestartPolicy): LanguageClientOptions {
  return {
    // Every scheme: plans open from disk, untitled buffers, and virtual file systems (github.dev).
    documentSelector: [{ language: 'ipt' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.iptrc.json') },
    outputChannel: output,
    // Read at each start: a changed budget applies when the server restarts (activate-common.ts).
    initializationOptions: () => ({ timeBudget: vscode.workspace.getConfiguration('ipt').get<number>('server.timeBudget') }),
    errorHandler: crashHandler(output, policy),
    initializationFailedHandler: (error) => {
      output.error(`The IPT language server failed to start: ${String(error)}`);
      void vscode.window.showErrorMessage('The IPT language server failed to start. See the IPT Plan output for details.');
      return false;
    },
  };
}

function crashHandler(output: vscode.LogOutputChannel, policy: RestartPolicy): ErrorHandler {
  return {
    // A broken message is not a reason to stop; the connection decides by closing.
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
    closed: (): CloseHandlerResult => {
      const decision = policy.onCrash(Date.now());
      if (decision.restart) {
        output.warn('The IPT language server stopped unexpectedly; restarting it.');
        if (decision.tellUser) void vscode.window.showWarningMessage('The IPT language server stopped unexpectedly and was restarted.');
        return { action: CloseAction.Restart, handled: true };
      }
      output.error('The IPT language server stopped five times in three minutes; it will not be restarted automatically.');
      void vscode.window
        .showErrorMessage('The IPT language server keeps stopping and was not restarted. See the IPT Plan output.', 'Show Output', 'Restart')
        .then((choice) => {
          if (choice === 'Show Output') output.show();
          if (choice === 'Restart') void vscode.commands.executeCommand('ipt.restartServer');
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}
