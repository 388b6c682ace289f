/**
 * A hostile workspace in the real workbench, opened in Restricted Mode as a cloned repository is
 * (docs/reliability.md, "Untrusted workspaces"): nothing in it — plans, config, file names,
 * symbolic links, FIFOs — can make the extension or the language server hang, exhaust memory,
 * run code, read a device, a FIFO or an oversized file, or write anywhere. Each hostile input is
 * opened (or validated) and then the editor is used on another plan: hover must still answer.
 * A plan is made slow on purpose with the server's test hook (IPT_LSP_SLOW, a marker in its text),
 * with a 2 s time budget (the ipt.server.timeBudget setting).
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/workbench/code-server.mjs';
import { closePanel, hoverOver, openFile, openWorkbench, problems, problemsMatching, runCommand, type Workbench } from './workbench.js';

const SLOW = 'ipt-test-slow';
const grief = readFileSync(path.join(projectRoot, 'samples', 'acute-grief-dated.ipt'), 'utf8');
/** The grief sample with a note added to session 1 (the `phi` rule reads notes). */
const withNote = (note: string) => grief.replace('    status held\n', `    status held\n    note "${note}"\n`);

/** Every file in the workspace with its size and modification time: nothing may change them. */
function snapshot(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      const stat = lstatSync(file);
      if (stat.isDirectory()) walk(file);
      else out.push(`${path.relative(root, file)} ${stat.size} ${stat.mtimeMs}`);
    }
  };
  walk(root);
  return out;
}

describe('a hostile workspace in Restricted Mode', () => {
  let bench: Workbench;
  let before: string[];

  beforeAll(async () => {
    bench = await openWorkbench({
      name: 'untrusted',
      restricted: true,
      env: { IPT_LSP_SLOW: `600000:${SLOW}` },
      settings: { 'ipt.server.timeBudget': 2 },
      files: {
        'hostile/slow.ipt': `# ${SLOW}\n${grief}`,
        // Catastrophic backtracking for a backtracking engine: (a+){25}$ and a*a*a*a*a*a*$ on a long note.
        'hostile/regex/.iptrc.json': JSON.stringify({ phi: { patterns: [{ name: 'nested', pattern: '(a+){25}$' }, { name: 'stars', pattern: 'a*a*a*a*a*a*$' }] } }),
        // The note is what backtracks on JavaScript's engine; the comment gives RE2 a match to report.
        'hostile/regex/note.ipt': `${withNote(`${'a'.repeat(5000)}!`)}# ${'a'.repeat(5000)}\n`,
        // Just under the 1 MiB plan limit, made of suppression directives (quadratic before the fix).
        'hostile/suppressions.ipt': `${grief}${'# ipt-disable-next-line phi\n'.repeat(Math.floor((1_000_000 - grief.length) / 28))}`,
        // Three times the plan limit: refused by size.
        'hostile/big.ipt': `${grief}${`# ${'x'.repeat(98)}\n`.repeat(30_000)}`,
        // Markup in a file name: shown as text, never run.
        'hostile/<img src=x onerror=alert(1)>.ipt': grief.replace('sessions 16', 'sessions 30'),
      },
    });
    before = snapshot(bench.workspace);
  }, 240_000);
  afterAll(async () => {
    await bench?.close();
  });
  beforeEach((context) => bench.shootOnFailure(context));

  /** Hover on a plan that is not the hostile one: the editor still answers. */
  async function editorStillAnswers() {
    // The line hovered must be in view: no panel over it.
    if (await bench.page.locator('.part.panel').isVisible()) await closePanel(bench.page);
    await openFile(bench.page, 'acute-grief-dated.ipt');
    expect(await hoverOver(bench.page, 'sick-role')).toMatch(/not their fault/);
    await bench.page.mouse.move(5, 400);
  }

  test('opens in Restricted Mode, and plans are still checked', async () => {
    const { page } = bench;
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
    await openFile(page, 'rules/technique.ipt');
    expect((await problems(page)).join('\n')).toMatch(/`mindfulness` is not an IPT technique/);
    await bench.shot('1-restricted-mode');
    await closePanel(page);
  });

  test('a plan too slow to check: another plan answers meanwhile, and after the budget it gets the notice', async () => {
    const { page } = bench;
    await openFile(page, 'hostile/slow.ipt');
    await editorStillAnswers();
    await openFile(page, 'hostile/slow.ipt');
    const rows = (await problemsMatching(page, /slow\.ipt/)).join('\n');
    expect(rows).toMatch(/This plan took longer than 2 s to check, so the check was stopped/);
    await bench.shot('2-check-stopped');
    await closePanel(page);
    await runCommand(page, 'View: Close All Editors');
  });

  test('catastrophic phi patterns in .iptrc.json hold up nothing', async () => {
    const { page } = bench;
    await openFile(page, 'hostile/regex/note.ipt');
    await editorStillAnswers();
    await openFile(page, 'hostile/regex/note.ipt');
    // Checked at once: the patterns run on RE2, in linear time, and the one that matches is reported.
    const rows = (await problemsMatching(page, /matches the `nested` pattern/)).join('\n');
    expect(rows).toMatch(/note\.ipt/);
    await bench.shot('3-regex');
    await closePanel(page);
    await runCommand(page, 'View: Close All Editors');
  });

  test('a 1 MB plan of suppression comments holds up nothing', async () => {
    const { page } = bench;
    await openFile(page, 'hostile/suppressions.ipt');
    await editorStillAnswers();
    await runCommand(page, 'View: Close All Editors');
  });

  test('Validate Workspace over an oversized plan and a file name with markup finishes, and says why', async () => {
    const { page } = bench;
    await runCommand(page, 'IPT: Validate Workspace');
    await page.locator('.notifications-toasts .notification-toast', { hasText: /Checked \d+ plans/ }).waitFor({ timeout: 60_000 });
    const rows = (await problemsMatching(page, /^(?=[\s\S]*big\.ipt)(?=[\s\S]*onerror)/)).join('\n');
    expect(rows).toMatch(/big\.ipt[\s\S]*2\.9 MB[\s\S]*1\.0 MB/);
    // The markup is a name in a list, as text.
    expect(rows).toContain('<img src=x onerror=alert(1)>.ipt');
    expect(await page.evaluate(() => document.querySelectorAll('.markers-panel img[src="x"]').length)).toBe(0);
    await bench.shot('4-validate-hostile');
    await closePanel(page);
    await editorStillAnswers();
  });

  test('a FIFO, a link to /dev/zero, a 300 MB file and a config that is a device: Validate Workspace skips or refuses them unread and says why', async () => {
    const { page, workspace } = bench;
    const hostile = path.join(workspace, 'hostile', 'devices');
    rmSync(hostile, { recursive: true, force: true }); // a retry starts afresh
    mkdirSync(hostile, { recursive: true });
    execFileSync('mkfifo', [path.join(hostile, 'fifo.ipt')]);
    symlinkSync('/dev/zero', path.join(hostile, 'zero.ipt'));
    writeFileSync(path.join(hostile, 'plan.ipt'), grief);
    symlinkSync('/dev/zero', path.join(hostile, '.iptrc.json'));
    // Sparse: 300 MB that take no disk. Past 3 MB no file can be a plan, so it is refused by its size.
    writeFileSync(path.join(hostile, 'huge.ipt'), '');
    truncateSync(path.join(hostile, 'huge.ipt'), 300 * 1024 * 1024);
    await runCommand(page, 'IPT: Validate Workspace');
    // The closing message names what is not a plan file, and why (the Problems panel lists plans).
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: /skipped/ });
    await toast.waitFor({ timeout: 60_000 });
    const message = await toast.innerText();
    expect(message).toMatch(/Checked \d+ plans/);
    expect(message).toMatch(/fifo\.ipt is a named pipe \(FIFO\), not a plan file/);
    expect(message).toMatch(/zero\.ipt is a link to \/dev\/zero, a device/);
    // Expanded, as a user reads it.
    await toast.hover();
    await toast.locator('.codicon-notifications-expand').click({ timeout: 5_000 }).catch(() => undefined);
    await bench.shot('5-validate-devices');
    const rows = (await problemsMatching(page, /huge\.ipt[\s\S]*This file is 300\.0 MB/)).join('\n');
    expect(rows).toMatch(/This file is 300\.0 MB; IPT Plan reads plans up to 1\.0 MB/);
    await closePanel(page);
    // A plan governed by the device config opens and is checked (with a config error), not a hang.
    await openFile(page, 'hostile/devices/plan.ipt');
    await editorStillAnswers();
  });

  test('nothing in the workspace was written', () => {
    const after = snapshot(bench.workspace).filter((line) => !line.startsWith(path.join('hostile', 'devices')));
    expect(after).toEqual(before);
  });
});
