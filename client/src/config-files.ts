/**
 * Where the server cannot read the disk (the web worker; a virtual workspace), the client reads every
 * `.iptrc.json` and sends the complete set (`ipt/configFiles`) at start, after a restart and whenever
 * one is created, changed or deleted. The files are data: nothing in them is executed.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { configFilesNotification, sendNotification } from './protocol.js';
import { MAX_CONFIG_CHARS } from '../../server/src/language/limits.js';
import { readWorkspaceFiles } from './workspace-files.js';

const configGlob = '**/.iptrc.json';

export function syncConfigFiles(client: BaseLanguageClient, output: vscode.LogOutputChannel): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending = Promise.resolve();

  const send = () => {
    // One send at a time, in order, so an older set never arrives after a newer one.
    sending = sending.then(async () => {
      if (!client.isRunning()) return;
      const { files, unread } = await readWorkspaceFiles(configGlob, MAX_CONFIG_CHARS);
      for (const file of unread) {
        const why = 'tooLarge' in file ? `it is ${(file.tooLarge / 2 ** 20).toFixed(1)} MB; IPT Plan reads config files up to ${MAX_CONFIG_CHARS / 2 ** 20} MB` : `it is ${file.notAFile}`;
        output.warn(`Did not read ${file.uri}: ${why}. Its settings do not apply.`);
      }
      await sendNotification(client, configFilesNotification, { files });
      output.info(`Sent ${files.length} .iptrc.json file${files.length === 1 ? '' : 's'} to the language server.`);
    }).catch((error: unknown) => output.error(`Reading .iptrc.json files failed: ${String(error)}`));
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(send, 150);
  };

  const watcher = vscode.workspace.createFileSystemWatcher(configGlob);
  const disposables = [
    watcher,
    watcher.onDidCreate(soon),
    watcher.onDidChange(soon),
    watcher.onDidDelete(soon),
    vscode.workspace.onDidChangeWorkspaceFolders(soon),
    client.onDidChangeState(() => {
      if (client.isRunning()) send();
    }),
  ];
  if (client.isRunning()) send();
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    for (const d of disposables) d.dispose();
  });
}
