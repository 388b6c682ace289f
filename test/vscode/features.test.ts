/**
 * The editor features through VS Code's own commands (`vscode.execute…Provider`), which go through
 * the language client to the server exactly as a keystroke in the editor would.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanPlan, closeAllEditors, hoverText, ipt, openWithDiagnostics, positionAfter, positionOf, replaceText, ruleOf, waitFor } from './helpers.js';

afterEach(closeAllEditors);

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('completion', () => {
  it('completes a half-typed task with the initial-phase tasks', async () => {
    const text = cleanPlan.replace('    task symptom-review, sick-role\n', '    task symptom-review, sick\n');
    const { document } = await openWithDiagnostics({ content: text });
    const labels = await completionLabels(document, positionAfter(document, 'task symptom-review, sick'));
    assert.ok(labels.includes('sick-role'), `sick-role offered: ${labels.join(', ')}`);
    assert.ok(!labels.includes('symptom-review'), 'a task already on the line is not offered again');
    assert.ok(!labels.includes('discuss-ending'), 'termination tasks are not offered in the initial phase');
  });

  it('offers the goal ids defined in the plan after `targets`', async () => {
    const text = cleanPlan.replace('    targets G1\n', '    targets \n');
    const { document } = await openWithDiagnostics({ content: text });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionAfter(document, '    targets '));
    const goal = list.items.find((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'G1');
    assert.ok(goal, 'G1 is offered');
    const detail = `${goal.detail ?? ''} ${typeof goal.documentation === 'string' ? goal.documentation : (goal.documentation?.value ?? '')}`;
    assert.match(detail, /Name each partner's expectations/);
  });

  it('offers the statements of a session on an empty line inside a session', async () => {
    const text = cleanPlan.replace('    task interpersonal-inventory\n', '    task interpersonal-inventory\n    \n');
    const { document } = await openWithDiagnostics({ content: text });
    const labels = await completionLabels(document, positionAfter(document, 'task interpersonal-inventory\n    '));
    for (const keyword of ['task', 'technique', 'targets', 'score', 'date', 'status']) assert.ok(labels.includes(keyword), `${keyword} offered: ${labels.join(', ')}`);
  });
});

describe('hover', () => {
  it('explains an IPT word from the catalogue', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const position = positionOf(document, 'sick-role').translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    assert.match(hoverText(hovers), /Sick role/);
    assert.match(hoverText(hovers), /not their fault/);
  });

  it('on `safety-plan`: the six Stanley–Brown steps and what this plan\'s line names', async () => {
    const content = cleanPlan.replace(
      'risk low "Passive thoughts of death at intake; no plan or intent"',
      'risk high "Plan to overdose; previous attempt"\n  safety-plan "Warning signs, coping, sister; GP and 988; tablets kept by partner"',
    );
    const { document } = await openWithDiagnostics({ content });
    const position = positionOf(document, 'safety-plan').translate(0, 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /Stanley–Brown Safety Planning Intervention/);
    for (const step of ['Warning signs', 'Internal coping strategies', 'People and social settings', 'Family members or friends', 'Mental health professionals and agencies', 'Making the environment safe']) {
      assert.ok(text.includes(step), `step "${step}" in: ${text}`);
    }
    assert.match(text, /professional or crisis contact — yes; lethal-means step — yes/);
  });

  it('shows a goal id with its text and the sessions that target it', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const position = positionAfter(document, 'targets G1, G').translate(0, 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /State needs calmly/);
    assert.match(text, /8-13|8–13/);
  });
});

describe('document structure', () => {
  it('outline: the plan, focus, measures, risk, phases and their sessions', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const names = symbols.map((s) => s.name);
    assert.ok(names.some((n) => /C-0142/.test(n)), `plan symbol: ${names.join(' | ')}`);
    const phases = symbols.filter((s) => /^phase|initial|middle|termination/i.test(s.name));
    assert.equal(phases.length, 3, `three phases: ${names.join(' | ')}`);
    const middle = phases.find((s) => /middle/i.test(s.name));
    assert.ok(middle);
    assert.equal(middle.children.length, 2, 'the middle phase holds its two session entries');
  });

  it('folding: the plan header, the focus, each phase and each session', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    const starts = new Set(ranges.map((r) => document.lineAt(r.start).text.trim().split(' ')[0]));
    for (const opener of ['plan', 'focus', 'phase', 'session']) assert.ok(starts.has(opener), `a fold starts at a ${opener} line`);
    const phase = ranges.find((r) => document.lineAt(r.start).text.startsWith('phase middle'));
    assert.ok(phase);
    assert.equal(document.lineAt(phase.end).text.trim(), 'score PHQ-9 9');
  });

  it('semantic tokens: keywords, vocabulary words by kind, goal ids, numbers, strings', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    assert.ok(legend && tokens && tokens.data.length > 0);
    // Decode the relative encoding into "text:type" pairs.
    const decoded: string[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type] = [tokens.data[i], tokens.data[i + 1], tokens.data[i + 2], tokens.data[i + 3]];
      line += deltaLine;
      character = deltaLine === 0 ? character + deltaStart : deltaStart;
      decoded.push(`${document.getText(new vscode.Range(line, character, line, character + length))}:${legend.tokenTypes[type]}`);
    }
    for (const expected of ['plan:keyword', '"C-0142 acute IPT":string', 'acute:type', 'role-dispute:type', 'sick-role:function', 'PHQ-9:class', 'G1:variable', '16:number']) {
      assert.ok(decoded.includes(expected), `${expected} in ${decoded.slice(0, 30).join(' ')}`);
    }
  });
});

describe('formatting', () => {
  it('formats a plan into the canonical layout', async () => {
    const messy = cleanPlan.replace(/^ +/gm, '').replace('sessions 16 weekly 50min', 'sessions   16  weekly 50min');
    const { document } = await openWithDiagnostics({ content: messy });
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true });
    assert.ok(edits.length > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(document.getText(), cleanPlan);
  });
});

describe('goal ids', () => {
  it('rename changes the definition and every `targets` use', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, positionAfter(document, 'goal G'), 'G7');
    const edits = edit.get(document.uri);
    assert.equal(edits.length, 3, 'the goal line and two targets lines');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(document.getText(), /goal G7 "Name each partner's expectations"/);
    assert.match(document.getText(), /targets G7\n/);
    assert.match(document.getText(), /targets G7, G2\n/);
  });

  it('go to definition from a `targets` use lands on the goal line', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionAfter(document, 'targets G1, G'));
    assert.equal(locations.length, 1);
    const target = 'targetRange' in locations[0] ? locations[0].targetRange : locations[0].range;
    assert.match(document.lineAt(target.start.line).text, /goal G2/);
  });
});

describe('code actions', () => {
  it('a quick fix repairs a misspelt technique and the warning goes away', async () => {
    const text = cleanPlan.replace('technique role-play, decision-analysis', 'technique roleplay, decision-analysis');
    const { document, diagnostics } = await openWithDiagnostics({ content: text });
    const problem = diagnostics.find((d) => ruleOf(d) === 'technique');
    assert.ok(problem, `technique reported: ${diagnostics.map((d) => d.message).join(' | ')}`);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /role-play/.test(a.title));
    assert.ok(fix?.edit, `a fix to role-play among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Disable technique for this line'), 'a fix to disable the rule for the line');
    const cleared = waitFor('the technique warning to clear', [vscode.languages.onDidChangeDiagnostics], () => ipt(vscode.languages.getDiagnostics(document.uri)).length === 0, () => true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await cleared;
    assert.match(document.getText(), /technique role-play, decision-analysis/);
  });

  it('IPT: Fix All applies every safe fix at once (the same edits as `ipt lint --fix`)', async () => {
    const broken = cleanPlan
      .replace('technique role-play, decision-analysis', 'technique roleplay, decision-analysis')
      .replace('sessions 16 weekly 50min', 'sessions 16 fortnightly 50min');
    const { document, diagnostics } = await openWithDiagnostics({ content: broken });
    assert.ok(diagnostics.length >= 2, `two problems: ${diagnostics.map((d) => `${ruleOf(d)}: ${d.message}`).join(' | ')}`);
    const changed = waitFor('the fixed text', [vscode.workspace.onDidChangeTextDocument], () => !document.getText().includes('roleplay'), () => document.getText());
    await vscode.commands.executeCommand('ipt.fixAll');
    const text = await changed;
    assert.match(text, /technique role-play, decision-analysis/);
    assert.match(text, /sessions 16 biweekly 50min/);
  });

  it('Fix All with nothing to fix leaves the text alone', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    await vscode.commands.executeCommand('ipt.fixAll');
    assert.equal(document.getText(), cleanPlan);
  });
});

describe('editing', () => {
  it('typing a whole new session keeps diagnostics in step with the text', async () => {
    const { document } = await openWithDiagnostics({ content: cleanPlan });
    const current = () => ipt(vscode.languages.getDiagnostics(document.uri));
    const reported = waitFor('phase-coverage for a session outside its phase', [vscode.languages.onDidChangeDiagnostics], () => current().some((d) => ruleOf(d) === 'phase-coverage'), current);
    await replaceText(document, cleanPlan.replace('  session 14-16 "Ending"', '  session 2 "Out of place"\n    task discuss-ending\n  session 14-16 "Ending"'));
    const [problem] = (await reported).filter((d) => ruleOf(d) === 'phase-coverage');
    assert.match(document.lineAt(problem.range.start.line).text, /session 2 "Out of place"/);
  });
});
