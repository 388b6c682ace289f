/**
 * The extension's commands in VS Code: the preview, New Plan, the exports, Validate Workspace and
 * Show Rule Documentation. Commands that ask questions take their answers as arguments here.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cleanPlan, closeAllEditors, ipt, openWithDiagnostics, recordDiagnosticEvents, ruleOf, sampleUri, waitFor } from './helpers.js';

afterEach(closeAllEditors);

const previewTabs = () =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('ipt.preview'));

describe('preview', () => {
  it('IPT: Open Preview to the Side opens one preview panel beside the plan, and finds it again', async () => {
    await openWithDiagnostics(sampleUri('acute-grief-dated.ipt'));
    const opened = waitFor('a preview tab', [vscode.window.tabGroups.onDidChangeTabs], () => previewTabs().length === 1, previewTabs);
    await vscode.commands.executeCommand('ipt.preview.openToSide');
    const [tab] = await opened;
    assert.equal(tab.label, 'Preview acute-grief-dated.ipt');
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'beside the editor');
    await vscode.commands.executeCommand('ipt.preview.openToSide');
    assert.equal(previewTabs().length, 1, 'running it again reveals the same preview');
  });

  it('IPT: Open Preview from the explorer (a plan that is not open) opens its preview', async () => {
    const opened = waitFor('a preview tab', [vscode.window.tabGroups.onDidChangeTabs], () => previewTabs().length === 1, previewTabs);
    await vscode.commands.executeCommand('ipt.preview.open', sampleUri('brief-perinatal-role-transition.ipt'));
    const [tab] = await opened;
    assert.equal(tab.label, 'Preview brief-perinatal-role-transition.ipt');
  });
});

describe('New Plan', () => {
  for (const variant of ['acute', 'brief', 'maintenance']) {
    it(`writes a ${variant} skeleton with no errors`, async () => {
      const published = recordDiagnosticEvents();
      try {
        const shown = waitFor('the new plan editor', [vscode.window.onDidChangeActiveTextEditor], () => vscode.window.activeTextEditor?.document.languageId === 'ipt', () => vscode.window.activeTextEditor!.document);
        await vscode.commands.executeCommand('ipt.newPlan', { variant, focus: 'grief', client: 'C-0907' });
        const document = await shown;
        assert.equal(document.isUntitled, true);
        assert.match(document.getText(), /^plan "C-0907 /m);
        assert.match(document.getText(), new RegExp(`^\\s*variant ${variant}$`, 'm'));
        const diagnostics = await published.next(document.uri);
        const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
        assert.deepEqual(errors.map((d) => `${ruleOf(d)}: ${d.message}`), []);
      } finally {
        published.dispose();
      }
    });
  }
});

describe('export', () => {
  for (const [format, name, check] of [
    ['html', 'plan.html', /<article class="ipt-plan"[\s\S]*C-0583/],
    ['markdown', 'plan.md', /^# .*C-0583/m],
    ['fhir', 'plan.json', /"resourceType": "CarePlan"/],
  ] as const) {
    it(`IPT: Export as ${format} writes the CLI's output to the chosen file`, async () => {
      const target = sampleUri('exports', name);
      await vscode.commands.executeCommand(`ipt.export.${format}`, sampleUri('acute-grief-dated.ipt'), target);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(text, check);
      const left = (await vscode.workspace.fs.readDirectory(sampleUri('exports'))).map(([n]) => n);
      assert.deepEqual(left.filter((n) => n.includes('ipt-tmp')), [], 'no temporary file is left behind');
    });
  }
});

describe('Validate Workspace', () => {
  it('reports the problems of plans that are not open', async () => {
    const closed = sampleUri('rules', 'phi.ipt');
    const reported = waitFor('diagnostics for a closed plan', [vscode.languages.onDidChangeDiagnostics], () => ipt(vscode.languages.getDiagnostics(closed)).length > 0, () => ipt(vscode.languages.getDiagnostics(closed)));
    await vscode.commands.executeCommand('ipt.validateWorkspace');
    const diagnostics = await reported;
    assert.deepEqual([...new Set(diagnostics.map(ruleOf))], ['phi']);
  });

  // Issue 17: a link to /dev/zero made the server read 3 GB in 3 s and stop answering.
  (process.platform === 'linux' ? it : it.skip)('names a FIFO and a link to /dev/zero in its message, gives a 300 MB file its size error, and the server answers on', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const made = ['x.ipt', 'zero.ipt', 'big.ipt'].map((name) => path.join(folder, 'hostile', name));
    fs.mkdirSync(path.join(folder, 'hostile'), { recursive: true });
    try {
      execFileSync('mkfifo', [made[0]]);
      fs.symlinkSync('/dev/zero', made[1]);
      fs.writeFileSync(made[2], '');
      fs.truncateSync(made[2], 300 * 1024 * 1024);
      const big = vscode.Uri.file(made[2]);
      const message = await vscode.commands.executeCommand<string>('ipt.validateWorkspace');
      assert.match(message, / Checked \d+ plans: \d+ problems\.$/);
      assert.ok(message.includes('hostile/x.ipt is a named pipe (FIFO), not a plan file: it was skipped.'), message);
      assert.ok(message.includes('hostile/zero.ipt is a link to /dev/zero, a device, not a plan file: it was skipped.'), message);
      const size = await waitFor('the size error of the 300 MB file', [vscode.languages.onDidChangeDiagnostics], () => ipt(vscode.languages.getDiagnostics(big)).length > 0, () => ipt(vscode.languages.getDiagnostics(big)));
      assert.match(size[0].message, /^This file is 300\.0 MB; IPT Plan reads plans up to 1\.0 MB/);
      await openWithDiagnostics(sampleUri('acute-grief-dated.ipt'));
    } finally {
      fs.rmSync(path.join(folder, 'hostile'), { recursive: true, force: true });
    }
  });
});

describe('Show Rule Documentation', () => {
  it('opens the rule page for the diagnostic under the cursor', async () => {
    const text = cleanPlan.replace('technique role-play, decision-analysis', 'technique exposure, decision-analysis');
    const { document, diagnostics } = await openWithDiagnostics({ content: text });
    const problem = diagnostics.find((d) => ruleOf(d) === 'technique');
    assert.ok(problem);
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(problem.range.start, problem.range.start);
    const opened = waitFor('the rule page', [vscode.window.tabGroups.onDidChangeTabs], () => ruleTab() !== undefined, () => ruleTab()!);
    await vscode.commands.executeCommand('ipt.showRuleDocumentation');
    const tab = await opened;
    assert.match(tab.label, /technique/);
  });
});

function ruleTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((tab) => /technique(\.md)?/.test(tab.label) && !/\.ipt/.test(tab.label));
}

