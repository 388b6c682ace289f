/**
 * `ipt fmt` and `ipt lint --fix` never lose a plan: file modes, symbolic links and CRLF are kept;
 * read-only files, hard-linked files and files that are not UTF-8 are refused and left byte for
 * byte; a result that would not read back is never written; a killed run's temporary file is
 * cleaned up by the next write. (The kill test itself is in kill-during-write.test.ts.)
 */
import { chmodSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, WriteRefused } from '../../../server/src/cli/write-file.js';
import { writePlan } from '../../../server/src/cli/write-plan.js';
import { basePlan } from '../rules/plan-fixtures.js';
import { runCli, tempProjects } from './cli-harness.js';

const messy = basePlan.replace('  client "C-0142"', 'client "C-0142"   ');
const project = tempProjects();
const modeOf = (file: string) => statSync(file).mode & 0o777;
const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.includes('.ipt-write-'));

describe('ipt fmt keeps what the file was', () => {
  for (const mode of [0o664, 0o666, 0o640, 0o600]) {
    it(`keeps mode ${mode.toString(8)} (the umask does not narrow it)`, async () => {
      const dir = project({ 'a.ipt': messy });
      const file = path.join(dir, 'a.ipt');
      chmodSync(file, mode);
      expect((await runCli(['fmt'], dir)).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(basePlan);
      expect(modeOf(file)).toBe(mode);
    });
  }

  it('replaces the file a symbolic link points to, and the link stays a link', async () => {
    const dir = project({ 'real/a.ipt': messy });
    symlinkSync(path.join(dir, 'real', 'a.ipt'), path.join(dir, 'link.ipt'));
    expect((await runCli(['fmt', 'link.ipt'], dir)).code).toBe(0);
    expect(lstatSync(path.join(dir, 'link.ipt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real', 'a.ipt'), 'utf8')).toBe(basePlan);
    expect(temporaries(path.join(dir, 'real'))).toEqual([]);
  });

  it('keeps CRLF and a byte order mark', async () => {
    const dir = project({ 'a.ipt': `\ufeff${messy.replace(/\n/g, '\r\n')}` });
    await runCli(['fmt'], dir);
    expect(readFileSync(path.join(dir, 'a.ipt'), 'utf8')).toBe(`\ufeff${basePlan.replace(/\n/g, '\r\n')}`);
  });
});

describe('ipt fmt and lint --fix refuse, and leave the file byte for byte', () => {
  it('a read-only file (even for root)', async () => {
    const dir = project({ 'a.ipt': messy });
    const file = path.join(dir, 'a.ipt');
    chmodSync(file, 0o444);
    const result = await runCli(['fmt'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ipt fmt: Cannot write a.ipt (it is read-only; make it writable first (chmod u+w) if it should change).\n');
    expect(readFileSync(file, 'utf8')).toBe(messy);
    expect(modeOf(file)).toBe(0o444);
  });

  it('a file with several hard links (a rename would split them)', async () => {
    const dir = project({ 'a.ipt': messy });
    linkSync(path.join(dir, 'a.ipt'), path.join(dir, 'b.ipt.bak'));
    const result = await runCli(['fmt', 'a.ipt'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ipt fmt: Cannot write a\.ipt \(it has 2 hard links, and replacing it would leave the other names with the old text; break the link first/);
    expect(readFileSync(path.join(dir, 'a.ipt'), 'utf8')).toBe(messy);
    expect(statSync(path.join(dir, 'a.ipt')).nlink).toBe(2);
  });

  it('a file that is not UTF-8 (a Latin-1 é in a comment is never turned into U+FFFD)', async () => {
    const dir = project({});
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(` note\n${messy}`)]);
    const file = path.join(dir, 'a.ipt');
    writeFileSync(file, bytes);
    for (const argv of [['fmt'], ['lint', '--fix']]) {
      const result = await runCli(argv, dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`a.ipt is not valid UTF-8: line 1, column 6 holds the byte 0xE9, which is not part of a UTF-8 character. It was left as it is, so no byte is lost; save the file as UTF-8 and run again.`);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
    // Reading only (lint without --fix, fmt --check) still works.
    expect((await runCli(['fmt', '--check'], dir)).code).toBe(1);
  });

  it('never writes a result that would not read back', () => {
    const dir = project({ 'a.ipt': basePlan });
    const file = path.join(dir, 'a.ipt');
    expect(() => writePlan(file, 'plan "C-0142\nsession 1-\n')).toThrow(WriteRefused);
    expect(readFileSync(file, 'utf8')).toBe(basePlan);
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('temporary files', () => {
  it('are named recognisably and a dead run’s are removed by the next write; a live run’s stay', () => {
    const dir = project({ 'a.ipt': basePlan });
    const file = path.join(dir, 'a.ipt');
    const dead = path.join(dir, '.a.ipt.ipt-write-2147483646-0badf00d.tmp');
    const live = path.join(dir, `.a.ipt.ipt-write-${process.ppid}-0badf00d.tmp`);
    const other = path.join(dir, '.b.ipt.ipt-write-2147483646-0badf00d.tmp');
    for (const f of [dead, live, other]) writeFileSync(f, 'half a plan');
    writeFileAtomic(file, messy);
    expect(readFileSync(file, 'utf8')).toBe(messy);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true); // another file's: left for its own next write
  });

  it('a new file gets the usual mode (0666 less the umask)', () => {
    const dir = project({});
    const file = path.join(dir, 'new.ipt');
    writeFileAtomic(file, basePlan);
    expect(modeOf(file)).toBe(0o666 & ~process.umask());
  });
});
