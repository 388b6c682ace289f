/**
 * Checks each stdio frame's header before vscode-jsonrpc reads it. The reader trusts
 * `Content-Length`: `-5` made it read backwards into the buffer and lose the framing (the server
 * stayed alive and never answered again), a header that never ends was buffered and rescanned
 * without bound, and a length of a terabyte made it wait, buffering, forever. Here:
 *
 * - a header that cannot be honoured — no `Content-Length`, one that is not a plain decimal number
 *   (`-5`, `12abc`, `1e3`), two that disagree, a length no message can have (past MAX_FRAME_BYTES),
 *   a line without `:`, or a header longer than MAX_HEADER_BYTES — is fatal: the framing is lost
 *   and there is no safe point to resume from, so the caller ends the process with the message and
 *   the editor restarts the server;
 * - a frame longer than MAX_MESSAGE_BYTES (no plan the server reads comes near it) is dropped as it
 *   arrives, never held in memory, and reported: its length is known, so the next frame is read
 *   as usual;
 * - everything else passes through unchanged, byte for byte.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** The longest header block read (an LSP header is about 40 bytes: `Content-Length: 123\r\n\r\n`). */
export const MAX_HEADER_BYTES = 8 * 1024;
/**
 * The longest message body the server holds: 64 MiB. A plan is read up to 1 MiB (past it, one
 * diagnostic says so); VS Code sends documents up to 50 MB, and JSON escapes can make one longer.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Longer than any string a JavaScript engine can hold: a length past this is not a message. */
export const MAX_FRAME_BYTES = 2 ** 31;

const END_OF_HEADER = Buffer.from('\r\n\r\n');

export type HeaderVerdict = { length: number } | { fatal: string };

/** What to do with a frame, from its header block (the text before the blank line). */
export function checkHeader(header: string): HeaderVerdict {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return { fatal: `a header line has no ":" (${JSON.stringify(line.slice(0, 80))})` };
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,16}$/.test(value)) return { fatal: `Content-Length must be a whole number of bytes, not ${JSON.stringify(value.slice(0, 40))}` };
    const parsed = Number(value);
    if (parsed > MAX_FRAME_BYTES) return { fatal: `Content-Length ${value} is longer than any message can be` };
    if (length !== undefined && parsed !== length) return { fatal: `the header gives two different Content-Length values (${length} and ${parsed})` };
    length = parsed;
  }
  if (length === undefined) return { fatal: 'the header has no Content-Length' };
  return { length };
}

export interface FrameGuardEvents {
  /** The framing is lost: say why and end the process. */
  fatal(reason: string): void;
  /** A whole frame was dropped unread (too long to hold). */
  skipped(length: number): void;
}

/** A pass-through stream that checks every frame's header (see above). */
export class FrameGuard extends Transform {
  private header = Buffer.alloc(0);
  /** Body bytes still to pass on (or to drop, when `dropping`). */
  private remaining = 0;
  private dropping = false;
  private failed = false;

  constructor(private readonly events: FrameGuardEvents) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = chunk;
    while (data.length > 0 && !this.failed) {
      if (this.remaining > 0) {
        const body = data.subarray(0, this.remaining);
        if (!this.dropping) this.push(body);
        this.remaining -= body.length;
        data = data.subarray(body.length);
        continue;
      }
      data = this.readHeader(data);
    }
    done();
  }

  /** Adds bytes to the header being read; once it is complete, decides on its frame. Returns the bytes after it. */
  private readHeader(data: Buffer): Buffer {
    // Search from a little before the new bytes, so a terminator split across chunks is found.
    const from = Math.max(0, this.header.length - END_OF_HEADER.length + 1);
    this.header = Buffer.concat([this.header, data]);
    const end = this.header.indexOf(END_OF_HEADER, from);
    if (end < 0) {
      if (this.header.length > MAX_HEADER_BYTES) this.fail(`a frame header is longer than ${MAX_HEADER_BYTES} bytes`);
      return Buffer.alloc(0);
    }
    if (end > MAX_HEADER_BYTES) {
      this.fail(`a frame header is longer than ${MAX_HEADER_BYTES} bytes`);
      return Buffer.alloc(0);
    }
    const headerBytes = this.header.subarray(0, end + END_OF_HEADER.length);
    const rest = this.header.subarray(end + END_OF_HEADER.length);
    this.header = Buffer.alloc(0);
    const verdict = checkHeader(headerBytes.subarray(0, end).toString('latin1'));
    if ('fatal' in verdict) {
      this.fail(verdict.fatal);
      return Buffer.alloc(0);
    }
    this.remaining = verdict.length;
    this.dropping = verdict.length > MAX_MESSAGE_BYTES;
    if (this.dropping) this.events.skipped(verdict.length);
    else this.push(headerBytes);
    return rest;
  }

  private fail(reason: string): void {
    this.failed = true;
    this.events.fatal(reason);
  }
}
