/**
 * The custom requests of docs/language-server.md (ipt/preview, ipt/render, ipt/summary, ipt/newPlan,
 * ipt/catalogue, ipt/validateWorkspace), compared with what the CLI and the library produce.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoRoot } from '../unit/contract/helpers.js';
import { cliJs, PLAN, startServer, tempWorkspace, type Server } from './harness.js';

const library = createRequire(import.meta.url)(path.join(repoRoot, 'dist', 'index.js')) as typeof import('../../server/src/index.js');

let server: Server;
let uri: string;

const cli = (args: string[], cwd = server.folder) => spawnSync(process.execPath, [cliJs, ...args], { cwd, encoding: 'utf8' });

beforeAll(async () => {
  server = await startServer();
  uri = server.uriOf('plan.ipt');
  writeFileSync(path.join(server.folder, 'plan.ipt'), PLAN);
  await server.open(uri, PLAN);
  await server.diagnostics(uri);
});
afterAll(() => server.stop());

describe('ipt/preview', () => {
  test('the HTML renderer’s fragment for the open version, with data-line and no styles or scripts', async () => {
    const preview: { uri: string; version: number; html: string; hasSyntaxErrors: boolean } = await server.request('ipt/preview', { textDocument: { uri } });
    expect(preview.uri).toBe(uri);
    expect(preview.version).toBe(1);
    expect(preview.hasSyntaxErrors).toBe(false);
    expect(preview.html).toBe(library.render(library.analyse(PLAN), { to: 'html', fragment: true }));
    expect(preview.html.startsWith('<article class="ipt-plan">')).toBe(true);
    expect(preview.html).toMatch(/data-line="16"/);
    expect(preview.html).not.toMatch(/<style|<script/);
  });

  test('follows edits: the new version, and hasSyntaxErrors when the plan cannot be read', async () => {
    const other = server.uriOf('preview-edit.ipt');
    await server.open(other, PLAN);
    await server.change(other, 2, PLAN.replace('session 2 "Inventory"', 'session 2 "Inventory'));
    const preview: { version: number; hasSyntaxErrors: boolean } = await server.request('ipt/preview', { textDocument: { uri: other } });
    expect(preview).toMatchObject({ version: 2, hasSyntaxErrors: true });
  });
});

describe('ipt/render and ipt/summary', () => {
  test.each(['markdown', 'html', 'fhir'] as const)('render to %s is what `ipt render --to` writes for that format', async (to) => {
    const rendered: { text: string } = await server.request('ipt/render', { textDocument: { uri }, to });
    const written = cli(['render', 'plan.ipt', '--to', to]);
    expect(written.status).toBe(0);
    expect(rendered.text).toBe(written.stdout);
  });

  test('an unknown format is an error that names the formats', async () => {
    await expect(server.request('ipt/render', { textDocument: { uri }, to: 'pdf' })).rejects.toThrow('Unknown format "pdf"; use one of html, markdown, fhir.');
  });

  test('summary: variant, sessions, cadence and problem counts', async () => {
    expect(await server.request('ipt/summary', { textDocument: { uri } })).toEqual({ variant: 'acute', sessions: 16, cadence: 'weekly', errors: 0, warnings: 0, infos: 0 });
    const other = server.uriOf('summary-problems.ipt');
    await server.open(other, PLAN.replace('sessions 16', 'sessions 20').replace('sick-role', 'sick-rol'));
    await server.diagnostics(other);
    expect(await server.request('ipt/summary', { textDocument: { uri: other } })).toMatchObject({ sessions: 20, errors: 1, warnings: 1 }) // session-count, task;
  });
});

describe('ipt/newPlan and ipt/catalogue', () => {
  test('newPlan gives the text of `ipt new`', async () => {
    const created: { text: string } = await server.request('ipt/newPlan', { variant: 'acute', focus: 'grief', client: 'C-0142' });
    const written = cli(['new', '--variant', 'acute', '--focus', 'grief', '--client', 'C-0142']);
    expect(written.status).toBe(0);
    expect(created.text).toBe(written.stdout);
  });

  test('newPlan refuses an unknown variant (with a did-you-mean) and a client that is not a code', async () => {
    await expect(server.request('ipt/newPlan', { variant: 'acut', focus: 'grief', client: 'C-0142' })).rejects.toThrow(/`acut` is not a known variant\. Did you mean `acute`\?/);
    await expect(server.request('ipt/newPlan', { variant: 'acute', focus: 'grief', client: 'Jane Doe' })).rejects.toThrow(/is not a client code/);
  });

  test('catalogue lists the variants and problem areas for the pickers', async () => {
    const catalogue: { variants: { id: string; title: string }[]; problemAreas: { id: string; title: string }[] } = await server.request('ipt/catalogue', {});
    expect(catalogue.variants.map((v) => v.id)).toEqual(library.builtinCatalogue.variants.map((v) => v.id));
    expect(catalogue.problemAreas.map((a) => a.id)).toEqual(['grief', 'role-dispute', 'role-transition', 'interpersonal-deficits']);
    expect(catalogue.problemAreas[0].title).toBe('Grief');
  });
});

describe('ipt/validateWorkspace', () => {
  test('publishes diagnostics for every plan on disk, closed ones too, with the CLI’s ignore rules', async () => {
    const folder = tempWorkspace();
    writeFileSync(path.join(folder, 'clean.ipt'), PLAN);
    mkdirSync(path.join(folder, 'clients'));
    writeFileSync(path.join(folder, 'clients', 'two-problems.ipt'), PLAN.replace('sessions 16', 'sessions 20').replace('sick-role', 'sick-rol'));
    mkdirSync(path.join(folder, 'node_modules', 'x'), { recursive: true });
    writeFileSync(path.join(folder, 'node_modules', 'x', 'skipped.ipt'), 'plan "x"\n');
    mkdirSync(path.join(folder, 'old'));
    writeFileSync(path.join(folder, 'old', 'ignored.ipt'), 'plan "x"\n');
    writeFileSync(path.join(folder, '.gitignore'), 'old/\n');
    const workspace = await startServer({ folder });
    try {
      const result = await workspace.request('ipt/validateWorkspace', {});
      expect(result).toEqual({ files: 2, problems: 2, skipped: [] });
      const closed = await workspace.diagnostics(pathToFileURL(path.join(folder, 'clients', 'two-problems.ipt')).href);
      expect(closed.version).toBeUndefined();
      expect(closed.diagnostics.map((d) => d.code).sort()).toEqual(['session-count', 'task']);
      expect(await workspace.diagnostics(pathToFileURL(path.join(folder, 'clean.ipt')).href)).toMatchObject({ diagnostics: [] });
      expect(workspace.published.map((p: PublishDiagnosticsParams) => p.uri).filter((u) => /skipped|ignored/.test(u))).toEqual([]);
    } finally {
      await workspace.stop();
    }
  });

  // Issue 17: a link to /dev/zero made Validate Workspace read 3 GB in 3 s and the server stop answering.
  test.runIf(process.platform === 'linux')('a FIFO, a link to /dev/zero and a 300 MB file: skipped or refused unread, said so, and the server answers on', async () => {
    const folder = tempWorkspace();
    writeFileSync(path.join(folder, 'clean.ipt'), PLAN);
    spawnSync('mkfifo', [path.join(folder, 'x.ipt')]);
    symlinkSync('/dev/zero', path.join(folder, 'zero.ipt'));
    writeFileSync(path.join(folder, 'big.ipt'), '');
    truncateSync(path.join(folder, 'big.ipt'), 300 * 1024 * 1024);
    const workspace = await startServer({ folder });
    try {
      const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
      expect(await workspace.request('ipt/validateWorkspace', {})).toEqual({
        files: 2,
        problems: 1,
        skipped: [
          { uri: uriOf('x.ipt'), skipped: 'is a named pipe (FIFO), not a plan file: it was skipped' },
          { uri: uriOf('zero.ipt'), skipped: 'is a link to /dev/zero, a device, not a plan file: it was skipped' },
        ],
      });
      const big = await workspace.diagnostics(uriOf('big.ipt'));
      expect(big.diagnostics.map((d) => [d.code, d.range.start.line, String(d.message).slice(0, 60)])).toEqual([['syntax', 0, 'This file is 300.0 MB; IPT Plan reads plans up to 1.0 MB (a ']]);
      expect(await workspace.diagnostics(uriOf('clean.ipt'))).toMatchObject({ diagnostics: [] });
      expect(workspace.published.map((p: PublishDiagnosticsParams) => p.uri).filter((u) => /x\.ipt|zero\.ipt/.test(u))).toEqual([]);
      expect(await workspace.request('ipt/catalogue', {})).toMatchObject({ variants: expect.any(Array) });
    } finally {
      await workspace.stop();
    }
  });

  test('the web build sends the texts and what it did not read: the same answer', async () => {
    const folder = tempWorkspace();
    const workspace = await startServer({ folder });
    try {
      const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
      const result = await workspace.request('ipt/validateWorkspace', {
        files: [{ uri: uriOf('clean.ipt'), text: PLAN }],
        unread: [{ uri: uriOf('big.ipt'), tooLarge: 5 * 1024 * 1024 }, { uri: uriOf('x.ipt'), skipped: 'is not a regular file, not a plan file: it was skipped' }],
      });
      expect(result).toEqual({ files: 2, problems: 1, skipped: [{ uri: uriOf('x.ipt'), skipped: 'is not a regular file, not a plan file: it was skipped' }] });
      expect((await workspace.diagnostics(uriOf('big.ipt'))).diagnostics[0].message).toMatch(/^This file is 5\.0 MB; IPT Plan reads plans up to 1\.0 MB/);
    } finally {
      await workspace.stop();
    }
  });

  test('follows workspace folders as they are added and removed', async () => {
    const first = tempWorkspace();
    writeFileSync(path.join(first, 'one.ipt'), PLAN);
    const second = tempWorkspace();
    writeFileSync(path.join(second, 'two.ipt'), PLAN);
    writeFileSync(path.join(second, 'three.ipt'), PLAN);
    const workspace = await startServer({ folder: first, capabilities: { workspace: { workspaceFolders: true } } });
    try {
      expect(await workspace.request('ipt/validateWorkspace', {})).toEqual({ files: 1, problems: 0, skipped: [] });
      const added = { uri: pathToFileURL(second).href, name: 'second' };
      await workspace.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [added], removed: [] } });
      expect(await workspace.request('ipt/validateWorkspace', {})).toEqual({ files: 3, problems: 0, skipped: [] });
      await workspace.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: pathToFileURL(first).href, name: 'plans' }] } });
      expect(await workspace.request('ipt/validateWorkspace', {})).toEqual({ files: 2, problems: 0, skipped: [] });
    } finally {
      await workspace.stop();
    }
  });

  test('with `files` (the browser), those texts are validated instead of the disk', async () => {
    const given = [{ uri: 'vscode-test-web://mount/a.ipt', text: PLAN.replace('sick-role', 'sick-rol') }];
    expect(await server.request('ipt/validateWorkspace', { files: given })).toEqual({ files: 1, problems: 1, skipped: [] });
    expect((await server.diagnostics(given[0].uri)).diagnostics.map((d) => d.code)).toEqual(['task']);
  });
});
