/**
 * The language server for Node: `ipt-language-server --stdio`, or `--node-ipc` when VS Code starts
 * it (vscode-languageserver reads the transport from the command line). `IPT_LSP_FAIL=<method>`
 * makes that method's handler throw, for the tests that prove failures are contained.
 *
 * Over stdio, a frame header that cannot be honoured (no `Content-Length`, `Content-Length: -5`, a
 * length no message can have, two lengths that disagree; see frame-guard.ts) ends the process with
 * exit code 1 instead of leaving it alive but deaf: once the byte stream's framing is lost there is
 * no safe point to resume from (a message body may itself contain "Content-Length:"), and an editor
 * restarts a server that exits, sending its open documents again. A frame whose body is not JSON,
 * or too long to hold, is only logged: its length was known, so the next frame is read as usual.
 */
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { FrameGuard, MAX_MESSAGE_BYTES } from './frame-guard.js';
import { nodeHost } from './host-node.js';
import { createServer } from './server.js';

function exitUnreadable(reason: string): never {
  process.stderr.write(`ipt-language-server: the client sent a message that cannot be read (${reason}); exiting so that the editor restarts the server.\n`);
  process.exit(1);
}

function stdioConnection() {
  const guard = new FrameGuard({
    fatal: exitUnreadable,
    skipped: (length) =>
      process.stderr.write(`ipt-language-server: a message of ${(length / 2 ** 20).toFixed(0)} MB was skipped unread: the server holds messages up to ${MAX_MESSAGE_BYTES / 2 ** 20} MB.\n`),
  });
  const reader = new StreamMessageReader(process.stdin.pipe(guard));
  reader.onError((error) => {
    // Only a header without a usable length loses the framing; a body that is not JSON (or in an
    // unknown encoding) had a known length: that one message is lost, the next ones are read.
    if (!/Content-Length|header/i.test(error.message)) {
      process.stderr.write(`ipt-language-server: the client sent a message that cannot be decoded (${error.message}); it was ignored.\n`);
      return;
    }
    exitUnreadable(error.message.split('\n')[0]);
  });
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
createServer(connection, nodeHost({ failingMethod: process.env.IPT_LSP_FAIL || undefined }));
