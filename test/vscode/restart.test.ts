/**
 * A language server that dies is started again: the test kills the server process (as a crash
 * would), then edits the plan and waits for diagnostics from the new server. Also the manual
 * IPT: Restart Language Server command.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { cleanPlan, closeAllEditors, ipt, openWithDiagnostics, ruleOf, waitFor } from './helpers.js';

afterEach(closeAllEditors);

/** Process ids of the extension's language servers (dist/server.js children of this extension host). */
function serverPids(): number[] {
  try {
    return execFileSync('pgrep', ['-f', '-P', String(process.pid), 'dist/server\\.js'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function breakAndWaitForDiagnostics(document: vscode.TextDocument): Promise<void> {
  const current = () => ipt(vscode.languages.getDiagnostics(document.uri));
  const reported = waitFor('session-count from the restarted server', [vscode.languages.onDidChangeDiagnostics], () => current().some((d) => ruleOf(d) === 'session-count'), current, 30_000);
  const edit = new vscode.WorkspaceEdit();
  const line = document.getText().split('\n').findIndex((l) => l.includes('sessions 16 weekly'));
  assert.ok(line >= 0, `the plan has its sessions line: ${document.uri.toString()} ${JSON.stringify(document.getText().slice(0, 300))}`);
  edit.replace(document.uri, document.lineAt(line).range, '  sessions 40 weekly 50min');
  assert.ok(await vscode.workspace.applyEdit(edit));
  await reported;
}

describe('language server restarts', () => {
  before(function () {
    if (process.platform === 'win32') this.skip(); // pgrep and kill -9 are POSIX
  });

  it('a server that crashes is restarted, and diagnostics come from the new one', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const before = serverPids();
    assert.equal(before.length, 1, `one server runs: ${before.join(', ')}`);
    process.kill(before[0], 'SIGKILL');
    // The edit goes to whichever server is there: the client restarts the dead one and reopens the plan.
    await breakAndWaitForDiagnostics(document);
    const after = serverPids();
    assert.equal(after.length, 1);
    assert.notEqual(after[0], before[0], 'a new process');
  });

  it('IPT: Restart Language Server starts a fresh server that checks the open plan', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const [before] = serverPids();
    await vscode.commands.executeCommand('ipt.restartServer');
    const [after] = serverPids();
    assert.ok(after && after !== before, `a new process (${before} → ${after})`);
    await breakAndWaitForDiagnostics(document);
  });
});
