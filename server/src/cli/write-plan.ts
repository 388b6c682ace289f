/**
 * Writing a rewritten plan back (`ipt fmt`, `ipt lint --fix`): only when the new text still reads
 * without a syntax error, and then through writeFileAtomic (temp file, fsync, rename).
 */
import { parsePlan } from '../language/parser.js';
import { writeFileAtomic, WriteRefused } from './write-file.js';

export function writePlan(file: string, text: string): void {
  const errors = parsePlan(text.startsWith('\ufeff') ? text.slice(1) : text).errors;
  if (errors.length > 0) {
    // Never expected (the formatter and the fixes keep a plan readable); if it happens, keep the plan as it was.
    throw new WriteRefused(`the rewritten plan would not read back (${errors[0].message}); it was left as it is. Please report this`);
  }
  writeFileAtomic(file, text);
}
