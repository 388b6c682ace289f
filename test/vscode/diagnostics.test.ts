/**
 * Activation and diagnostics in VS Code: the extension starts on an `.ipt` file, the realistic samples
 * are clean, and each plan in samples/rules/ shows exactly the rule its first line names.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionId, ipt, openWithDiagnostics, ruleOf, sampleUri, waitFor } from './helpers.js';

/** samples/rules/<rule>.ipt shows <rule> firing, and nothing else. */
async function ruleSamples(): Promise<{ uri: vscode.Uri; expected: string }[]> {
  const folder = sampleUri('rules');
  const entries = await vscode.workspace.fs.readDirectory(folder);
  return entries
    .filter(([name]) => name.endsWith('.ipt'))
    .map(([name]) => ({ uri: vscode.Uri.joinPath(folder, name), expected: name.slice(0, -'.ipt'.length) }))
    .sort((a, b) => a.expected.localeCompare(b.expected));
}

describe('activation', () => {
  after(closeAllEditors);

  it('activates when an .ipt file opens, and contributes the IPT language', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    const { document } = await openWithDiagnostics(sampleUri('acute-grief-dated.ipt'));
    assert.equal(document.languageId, 'ipt');
    assert.equal(extension.isActive, true);
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('ipt'));
  });
});

describe('diagnostics', () => {
  after(closeAllEditors);

  it('every realistic sample in samples/ is clean', async () => {
    const entries = await vscode.workspace.fs.readDirectory(sampleUri());
    const plans = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.ipt')).map(([name]) => name);
    assert.ok(plans.length >= 7, 'the samples folder has the realistic plans');
    for (const name of plans) {
      const { diagnostics } = await openWithDiagnostics(sampleUri(name));
      assert.deepEqual(
        diagnostics.map((d) => `${d.range.start.line + 1}: ${ruleOf(d)} ${d.message}`),
        [],
        `${name} is clean`,
      );
    }
  });

  it('each plan in samples/rules/ shows exactly its rule, with the rule as code and a link to its docs', async () => {
    const samples = await ruleSamples();
    assert.ok(samples.length >= 21, 'one sample per rule');
    for (const { uri, expected } of samples) {
      const { diagnostics } = await openWithDiagnostics(uri);
      const rules = [...new Set(diagnostics.map(ruleOf))];
      assert.deepEqual(rules, [expected], `${uri.path.split('/').pop()}: ${diagnostics.map((d) => `${ruleOf(d)}: ${d.message}`).join(' | ')}`);
      for (const diagnostic of diagnostics) {
        assert.equal(diagnostic.source, 'ipt');
        assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.target.toString().includes(`${expected}.md`), 'code links to the rule page');
        assert.ok(diagnostic.message.length > 20, 'the message says what to do');
      }
    }
  });

  it('an edit that breaks a clean plan is reported on its line, and undoing the edit clears it', async () => {
    const { document } = await openWithDiagnostics(sampleUri('acute-grief-dated.ipt'));
    const line = document.getText().split('\n').findIndex((l) => /^\s*sessions 16 /.test(l));
    assert.ok(line >= 0);
    const range = document.lineAt(line).range;
    const original = document.getText(range);
    const current = () => ipt(vscode.languages.getDiagnostics(document.uri));
    const setLine = async (text: string) => {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, document.lineAt(line).range, text);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };

    const reported = waitFor('session-count to be reported', [vscode.languages.onDidChangeDiagnostics], () => current().some((d) => ruleOf(d) === 'session-count'), current);
    await setLine(original.replace('sessions 16', 'sessions 30'));
    const sessionCount = (await reported).find((d) => ruleOf(d) === 'session-count');
    assert.ok(sessionCount);
    assert.equal(sessionCount.range.start.line, line);
    assert.equal(sessionCount.severity, vscode.DiagnosticSeverity.Error);
    assert.match(sessionCount.message, /12–16 sessions/);

    const cleared = waitFor('the problem to clear', [vscode.languages.onDidChangeDiagnostics], () => current().length === 0, current);
    await setLine(original);
    await cleared;
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
