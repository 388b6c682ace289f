/**
 * New Plan: variant and focus area picked from the catalogue (`ipt/catalogue`, so a project's
 * `.iptrc.json` additions are offered), a client code typed in, and the same skeleton as `ipt new`
 * (`ipt/newPlan`) opened as an untitled plan to save where the user wants.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { clientCodeProblem } from '../client-code.js';
import { catalogueRequest, newPlanRequest, type CatalogueEntry } from '../protocol.js';

interface EntryItem extends vscode.QuickPickItem {
  id: string;
}

function items(entries: CatalogueEntry[]): EntryItem[] {
  return entries.map((entry) => ({ id: entry.id, label: entry.title || entry.id, description: entry.id }));
}

export async function newPlan(client: BaseLanguageClient): Promise<void> {
  const catalogue = await client.sendRequest(catalogueRequest, {});
  const title = 'New IPT Plan';
  const variant = await vscode.window.showQuickPick(items(catalogue.variants), {
    title: `${title} (1/3)`,
    placeHolder: 'Treatment format (variant)',
    matchOnDescription: true,
  });
  if (!variant) return;
  const focus = await vscode.window.showQuickPick(items(catalogue.problemAreas), {
    title: `${title} (2/3)`,
    placeHolder: 'Focus: the problem area the treatment works on',
    matchOnDescription: true,
  });
  if (!focus) return;
  const client_ = await vscode.window.showInputBox({
    title: `${title} (3/3)`,
    prompt: 'Client code (never a name: plans are shared with supervisors and CI)',
    placeHolder: 'C-0142',
    validateInput: clientCodeProblem,
  });
  if (client_ === undefined) return;
  const { text } = await client.sendRequest(newPlanRequest, { variant: variant.id, focus: focus.id, client: client_.trim() });
  const document = await vscode.workspace.openTextDocument({ language: 'ipt', content: text });
  await vscode.window.showTextDocument(document);
}
