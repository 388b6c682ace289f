/**
 * Files read through `workspace.fs`, which works on every file system VS Code has — the disk,
 * github.dev's virtual one, vscode.dev's — so the web build sees what the desktop build sees.
 */
import * as vscode from 'vscode';
import type { FileText } from './protocol.js';

/** Folders no plan or config lives in (the CLI's walk skips them too). */
export const skippedFolders = '**/{node_modules,.git,dist,out,coverage}/**';

const decoder = new TextDecoder();

/** A file found but not read: past the bound (its size in bytes), or not a regular file (what it is). */
export type UnreadFile = { uri: string; tooLarge: number } | { uri: string; notAFile: string };

export interface WorkspaceFiles {
  files: FileText[];
  unread: UnreadFile[];
}

/**
 * The files matching `glob`, each read only when `stat` says it is a regular file (or a link to one)
 * of at most `maxBytes`: the web worker's memory is the editor's, and a link to /dev/zero or a
 * 300 MB "plan" in a repository must not fill it (the language server reads them the same way on
 * disk: server/src/workspace/read-file.ts).
 */
export async function readWorkspaceFiles(glob: string, maxBytes: number, token?: vscode.CancellationToken): Promise<WorkspaceFiles> {
  const uris = await vscode.workspace.findFiles(glob, skippedFolders, undefined, token);
  const read = await Promise.all(
    uris.map(async (uri): Promise<FileText | UnreadFile | undefined> => {
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if ((stat.type & vscode.FileType.File) === 0) {
          const link = (stat.type & vscode.FileType.SymbolicLink) !== 0;
          return { uri: uri.toString(), notAFile: link ? 'a link to something other than a file (a device, a pipe)' : 'not a regular file' };
        }
        if (stat.size > maxBytes) return { uri: uri.toString(), tooLarge: stat.size };
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.byteLength > maxBytes) return { uri: uri.toString(), tooLarge: bytes.byteLength };
        return { uri: uri.toString(), text: decoder.decode(bytes) };
      } catch {
        return undefined; // deleted between the search and the read
      }
    }),
  );
  const byUri = (a: { uri: string }, b: { uri: string }) => a.uri.localeCompare(b.uri);
  return {
    files: read.filter((file): file is FileText => file !== undefined && 'text' in file).sort(byUri),
    unread: read.filter((file): file is UnreadFile => file !== undefined && !('text' in file)).sort(byUri),
  };
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
