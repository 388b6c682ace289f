/**
 * New Plan: variant and focus area picked from the catalogue (`ipt/catalogue`, so a project's
 * `.iptrc.json` additions are offered), a client code typed in, and the same skeleton as `ipt new`
 * (`ipt/newPlan`) opened as an untitled plan to save where the user wants.
 *
 * Keybindings, tasks and tests may pass `{ variant, focus, client }` to skip the questions; a value
 * that is missing or not in the catalogue is asked for as usual.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { clientCodeProblem } from '../client-code.js';
import { catalogueRequest, newPlanRequest, sendRequest, type CatalogueEntry } from '../protocol.js';

interface EntryItem extends vscode.QuickPickItem {
  id: string;
}

function items(entries: CatalogueEntry[]): EntryItem[] {
  return entries.map((entry) => ({ id: entry.id, label: entry.title || entry.id, description: entry.id }));
}

export interface NewPlanArguments {
  variant?: string;
  focus?: string;
  client?: string;
}

function given(argument: unknown): NewPlanArguments {
  if (typeof argument !== 'object' || argument === null) return {};
  const pick = (key: string) => {
    const value = (argument as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  };
  return { variant: pick('variant'), focus: pick('focus'), client: pick('client') };
}

async function pickEntry(entries: CatalogueEntry[], preset: string | undefined, options: vscode.QuickPickOptions): Promise<string | undefined> {
  if (preset !== undefined && entries.some((entry) => entry.id === preset)) return preset;
  return (await vscode.window.showQuickPick(items(entries), { ...options, matchOnDescription: true }))?.id;
}

export async function newPlan(client: BaseLanguageClient, argument?: unknown): Promise<void> {
  const preset = given(argument);
  const catalogue = await sendRequest(client, catalogueRequest, {});
  const title = 'New IPT Plan';
  const variant = await pickEntry(catalogue.variants, preset.variant, { title: `${title} (1/3)`, placeHolder: 'Treatment format (variant)' });
  if (!variant) return;
  const focus = await pickEntry(catalogue.problemAreas, preset.focus, {
    title: `${title} (2/3)`,
    placeHolder: 'Focus: the problem area the treatment works on',
  });
  if (!focus) return;
  const code =
    preset.client !== undefined && clientCodeProblem(preset.client) === undefined
      ? preset.client
      : await vscode.window.showInputBox({
          title: `${title} (3/3)`,
          prompt: 'Client code (never a name: plans are shared with supervisors and CI)',
          placeHolder: 'C-0142',
          validateInput: clientCodeProblem,
        });
  if (code === undefined) return;
  const { text } = await sendRequest(client, newPlanRequest, { variant, focus, client: code.trim() });
  const document = await vscode.workspace.openTextDocument({ language: 'ipt', content: text });
  await vscode.window.showTextDocument(document);
}
