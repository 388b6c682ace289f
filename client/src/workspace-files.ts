/**
 * Files read through `workspace.fs`, which works on every file system VS Code has — the disk,
 * github.dev's virtual one, vscode.dev's — so the web build sees what the desktop build sees.
 */
import * as vscode from 'vscode';
import type { FileText } from './protocol.js';

/** Folders no plan or config lives in (the CLI's walk skips them too). */
export const skippedFolders = '**/{node_modules,.git,dist,out,coverage}/**';

const decoder = new TextDecoder();

export async function readWorkspaceFiles(glob: string, token?: vscode.CancellationToken): Promise<FileText[]> {
  const uris = await vscode.workspace.findFiles(glob, skippedFolders, undefined, token);
  const files = await Promise.all(
    uris.map(async (uri) => {
      try {
        return { uri: uri.toString(), text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
      } catch {
        return undefined; // deleted between the search and the read
      }
    }),
  );
  return files.filter((file): file is FileText => file !== undefined).sort((a, b) => a.uri.localeCompare(b.uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
