/** `ipt render` (smoke: the renderer's own tests check the content). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePlan, replace } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

const project = tempProjects();

describe('ipt render', () => {
  it('--to html writes a standalone page to stdout', async () => {
    const dir = project({ 'plan.ipt': basePlan });
    const result = await runCli(['render', 'plan.ipt', '--to', 'html'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^<!doctype html>/i);
    expect(result.stdout).toContain('C-0142');
  });

  it('--to markdown writes Markdown', async () => {
    const dir = project({ 'plan.ipt': basePlan });
    const result = await runCli(['render', 'plan.ipt', '--to', 'markdown'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# /m);
    expect(result.stdout).toContain('C-0142');
  });

  it('--to fhir writes a FHIR CarePlan as JSON, to a file with -o', async () => {
    const dir = project({ 'plan.ipt': basePlan });
    const result = await runCli(['render', 'plan.ipt', '--to', 'fhir', '-o', 'careplan.json'], dir);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const json = JSON.parse(readFileSync(path.join(dir, 'careplan.json'), 'utf8')) as { resourceType: string };
    expect(json.resourceType).toBe('CarePlan'); // one CarePlan with its resources contained, not a Bundle
  });

  it('warns on stderr when the plan has errors, and still renders', async () => {
    const dir = project({ 'plan.ipt': replace(basePlan, 'sessions 16 weekly', 'sessions 20 weekly') });
    const result = await runCli(['render', 'plan.ipt', '--to', 'markdown'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('ipt render: plan.ipt has 1 error, so the rendering may be incomplete or wrong. Run `ipt lint plan.ipt` to see it.\n');
    expect(result.stdout.length).toBeGreaterThan(0);
  });

  it('refuses to overwrite the plan itself, and needs --to and exactly one plan', async () => {
    const dir = project({ 'plan.ipt': basePlan, 'other.ipt': basePlan });
    const self = await runCli(['render', 'plan.ipt', '--to', 'html', '-o', './plan.ipt'], dir);
    expect(self.code).toBe(2);
    expect(readFileSync(path.join(dir, 'plan.ipt'), 'utf8')).toBe(basePlan);
    const noFormat = await runCli(['render', 'plan.ipt'], dir);
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('`--to` is required');
    const badFormat = await runCli(['render', 'plan.ipt', '--to', 'pdf'], dir);
    expect(badFormat.code).toBe(2);
    const two = await runCli(['render', 'plan.ipt', 'other.ipt', '--to', 'html'], dir);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('Render one plan at a time.');
  });

  it('exits 2 for a missing plan', async () => {
    const dir = project({});
    const result = await runCli(['render', 'missing.ipt', '--to', 'html'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ipt render: Cannot read missing.ipt (ENOENT: no such file or directory).\n');
    expect(existsSync(path.join(dir, 'missing.html'))).toBe(false);
  });

  it('says why an output file cannot be written, as the system reports it', async () => {
    const dir = project({ 'plan.ipt': basePlan, 'notes.txt': 'a file, not a folder' });
    const underFile = await runCli(['render', 'plan.ipt', '--to', 'html', '-o', 'notes.txt/out.html'], dir);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr).toMatch(/^ipt render: Cannot write notes\.txt\/out\.html \((ENOTDIR: not a directory|EEXIST: file already exists)\)\.\n$/);
  });

  it.skipIf(process.platform !== 'linux' || !existsSync('/proc/self'))('reports the errno of a folder that refuses new files (/proc), not a guess', async () => {
    const dir = project({ 'plan.ipt': basePlan });
    const result = await runCli(['render', 'plan.ipt', '--to', 'html', '-o', '/proc/x.html'], dir);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'ipt render: Cannot write /proc/x.html (ENOENT: no such file or directory).\n' });
  });
});
