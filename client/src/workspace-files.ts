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

/**
 * Writes a whole file so that a crash or a full disk leaves the old file or the new one, never half of
 * one: the text goes to a temporary file beside the target, which then replaces it in one rename.
 */
export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(uri, '..', `.${name}.ipt-tmp-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}
