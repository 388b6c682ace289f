/**
 * Reading what a workspace supplies (issue 17): the type before the open, the size before the read,
 * never blocking on a FIFO, never reading past the bound; a link out of the workspace is followed
 * only to a regular file within the bound.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PLAN_BYTES, MAX_PLAN_CHARS } from '../../../server/src/language/limits.js';
import { readRegularFile } from '../../../server/src/workspace/read-file.js';
import { readPlanFile } from '../../../server/src/workspace/read-plan.js';

const onLinux = process.platform === 'linux';
let dir: string;
let outside: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ipt-read-'));
  outside = mkdtempSync(path.join(tmpdir(), 'ipt-outside-'));
  writeFileSync(at('plan.ipt'), 'plan "C-0142 x"\n');
  if (onLinux) {
    spawnSync('mkfifo', [at('x.ipt')]);
    symlinkSync('/dev/zero', at('zero.ipt'));
  }
  writeFileSync(at('big.ipt'), '');
  truncateSync(at('big.ipt'), 300 * 1024 * 1024); // sparse: 300 MB of zeros, no disk used
  writeFileSync(path.join(outside, 'kept-elsewhere.ipt'), 'plan "C-0142 elsewhere"\n');
  symlinkSync(path.join(outside, 'kept-elsewhere.ipt'), at('linked.ipt'));
  writeFileSync(path.join(outside, 'huge.ipt'), '');
  truncateSync(path.join(outside, 'huge.ipt'), MAX_PLAN_BYTES + 1);
  symlinkSync(path.join(outside, 'huge.ipt'), at('linked-huge.ipt'));
  symlinkSync(outside, at('folder.ipt'));
  mkdirSync(at('sub'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('readRegularFile', () => {
  it('reads a regular file', () => {
    expect(readRegularFile(at('plan.ipt'), 100)).toEqual({ bytes: Buffer.from('plan "C-0142 x"\n') });
  });

  it.runIf(onLinux)('refuses a FIFO without opening it (a FIFO with no writer blocked the old read for ever)', () => {
    expect(readRegularFile(at('x.ipt'), 100)).toEqual({ notAFile: 'a named pipe (FIFO)' });
  });

  it.runIf(onLinux)('refuses a link to /dev/zero, saying where it points', () => {
    expect(readRegularFile(at('zero.ipt'), 100)).toEqual({ notAFile: 'a link to /dev/zero, a device' });
  });

  it('refuses a folder, and a link to one', () => {
    expect(readRegularFile(at('sub'), 100)).toEqual({ notAFile: 'a folder' });
    expect(readRegularFile(at('folder.ipt'), 100)).toEqual({ notAFile: `a link to ${outside}, a folder` });
  });

  it('refuses a file past the bound by its size, before reading it', () => {
    expect(readRegularFile(at('big.ipt'), 1000)).toEqual({ tooLarge: 300 * 1024 * 1024 });
    expect(readRegularFile(at('plan.ipt'), 5)).toEqual({ tooLarge: 16 });
  });

  it('follows a link out of the workspace to a regular file within the bound, and only then', () => {
    expect(readRegularFile(at('linked.ipt'), 100)).toEqual({ bytes: Buffer.from('plan "C-0142 elsewhere"\n') });
    expect(readRegularFile(at('linked-huge.ipt'), MAX_PLAN_BYTES)).toEqual({ tooLarge: MAX_PLAN_BYTES + 1 });
  });

  it('says why a file cannot be read', () => {
    const missing = readRegularFile(at('missing.ipt'), 100);
    expect('unreadable' in missing && (missing.unreadable as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});

describe('readPlanFile', () => {
  it('bounds a plan at 3 bytes per code unit of the plan limit: no larger file can decode within it', () => {
    expect(MAX_PLAN_BYTES).toBe(3 * MAX_PLAN_CHARS);
    // The most code units per byte: one per byte (ASCII, or an invalid byte becoming U+FFFD); the fewest: one per 3 bytes.
    expect('\uffff'.repeat(10).length).toBe(Buffer.from('\uffff'.repeat(10)).length / 3);
    expect(Buffer.from([0xe0, 0xa0]).toString('utf8')).toBe('\ufffd');
  });

  it('a plan too large gets the size message a text past the limit gets', () => {
    expect(readPlanFile(at('big.ipt'))).toEqual({
      tooLarge: 'This file is 300.0 MB; IPT Plan reads plans up to 1.0 MB (a long plan is under 100 KB), so it was not checked. Split it into one plan per file, or check that it is a plan.',
      size: 300 * 1024 * 1024,
    });
  });

  it.runIf(onLinux)('what is not a plan file says so', () => {
    expect(readPlanFile(at('zero.ipt'))).toEqual({ notAPlan: 'is a link to /dev/zero, a device, not a plan file: it was skipped' });
    expect(readPlanFile(at('x.ipt'))).toEqual({ notAPlan: 'is a named pipe (FIFO), not a plan file: it was skipped' });
  });
});
