/**
 * Helpers for the suite that runs inside VS Code's extension host (desktop through
 * @vscode/test-electron, or a real workbench served by code-server). The workspace is a copy of the
 * project's samples/ folder. Waiting is always for an event (diagnostics published, an editor shown),
 * never a fixed sleep; every wait has a deadline so a broken extension fails instead of hanging.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const extensionId = 'ipt-plan.ipt-plan';

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the samples folder open');
  return folder.uri;
}

export function sampleUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...segments);
}

/** Resolves with `value()` once `ready()` holds, checking after every event; rejects after `ms`. */
export function waitFor<T>(
  what: string,
  events: vscode.Event<unknown>[],
  ready: () => boolean,
  value: () => T,
  ms = 20_000,
): Promise<T> {
  if (ready()) return Promise.resolve(value());
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      settle();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`))), ms);
    for (const event of events) {
      subscriptions.push(
        event(() => {
          if (ready()) finish(() => resolve(value()));
        }),
      );
    }
  });
}

/** Every document the server has published diagnostics for since the suite started. */
const everPublished = new Set<string>();
vscode.languages.onDidChangeDiagnostics((event) => {
  for (const uri of event.uris) everPublished.add(uri.toString());
});

/**
 * Records which documents get diagnostics from now on, so a test can start listening before the
 * action that makes the server publish (a fast server may publish before the action's promise settles).
 */
export function recordDiagnosticEvents(): { next(uri: vscode.Uri): Promise<vscode.Diagnostic[]>; dispose(): void } {
  const published = new Set<string>();
  const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
    for (const uri of event.uris) published.add(uri.toString());
  });
  return {
    next: (uri) =>
      waitFor(
        `diagnostics for ${uri.toString()}`,
        [vscode.languages.onDidChangeDiagnostics],
        () => published.has(uri.toString()),
        () => ipt(vscode.languages.getDiagnostics(uri)),
      ),
    dispose: () => subscription.dispose(),
  };
}

/** Only the extension's own diagnostics (a workbench may add others, e.g. spelling). */
export function ipt(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'ipt');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/**
 * Opens a document and waits for the server's first diagnostics on it. The listener is in place
 * before the document opens, so a fast server cannot publish before we listen.
 */
export async function openWithDiagnostics(target: vscode.Uri | { content: string }): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const published = recordDiagnosticEvents();
  try {
    // A document an earlier test opened may still be open (closing its editor does not close it at
    // once); the server checked it then, so its diagnostics are current and no new ones will come.
    const wasOpen = target instanceof vscode.Uri && vscode.workspace.textDocuments.some((d) => d.uri.toString() === target.toString());
    const document = await vscode.workspace.openTextDocument(target instanceof vscode.Uri ? target : await writeFixture(target.content));
    await vscode.window.showTextDocument(document);
    if (wasOpen && !document.isDirty && everPublished.has(document.uri.toString())) return { document, diagnostics: ipt(vscode.languages.getDiagnostics(document.uri)) };
    return { document, diagnostics: await published.next(document.uri) };
  } finally {
    published.dispose();
  }
}

let fixtures = 0;

/**
 * A plan written to a file of its own under fixtures/ in the workspace. Not an untitled document:
 * VS Code reuses untitled names (Untitled-1 …), and a closed one can still be alive, so a test could be
 * handed an earlier test's document.
 */
async function writeFixture(content: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), 'fixtures', `plan-${++fixtures}-${Date.now().toString(36)}.ipt`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/** Replaces the whole text of a document through an edit, as typing would. */
export async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
}

/** The position just after the first occurrence of `marker` in the document. */
export function positionAfter(document: vscode.TextDocument, marker: string): vscode.Position {
  const offset = document.getText().indexOf(marker);
  assert.ok(offset >= 0, `the document contains ${JSON.stringify(marker)}`);
  return document.positionAt(offset + marker.length);
}

/** The position of the first character of `word` (its first occurrence) in the document. */
export function positionOf(document: vscode.TextDocument, word: string): vscode.Position {
  const offset = document.getText().indexOf(word);
  assert.ok(offset >= 0, `the document contains ${JSON.stringify(word)}`);
  return document.positionAt(offset);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

/**
 * Closes every editor so one test's documents don't meet the next test's. Edited documents are
 * reverted first: closing them would otherwise ask whether to save.
 */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((group) => group.tabs));
}

/** A plan that lints clean, for tests that edit a copy. */
export const cleanPlan = `plan "C-0142 acute IPT"
  client "C-0142"
  variant acute
  diagnosis "Major depressive disorder, recurrent, moderate" code F33.1
  sessions 16 weekly 50min
  start 2026-02-02

focus role-dispute "Conflict with partner about caring for their newborn"
  stage renegotiation
  goal G1 "Name each partner's expectations"
  goal G2 "State needs calmly during disagreements"

measure PHQ-9 every 4

risk low "Passive thoughts of death at intake; no plan or intent"

phase initial sessions 1-3
  session 1 "Assessment and the sick role"
    task symptom-review, sick-role
    score PHQ-9 18
  session 2 "Inventory"
    task interpersonal-inventory
  session 3 "Formulation"
    task formulation, treatment-contract

phase middle sessions 4-13
  session 4-7 "Clarify the dispute"
    technique communication-analysis, clarification
    targets G1
  session 8-13 "Rehearse new ways to negotiate"
    technique role-play, decision-analysis
    targets G1, G2
    score PHQ-9 9

phase termination sessions 14-16
  session 14-16 "Ending"
    task review-progress, relapse-prevention, discuss-ending
    score PHQ-9 5
`;
