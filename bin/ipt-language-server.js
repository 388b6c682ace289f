#!/usr/bin/env node
'use strict';
// The IPT Plan language server for any LSP client: `ipt-language-server --stdio`.
const args = process.argv.slice(2);
const transport = args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'));

if (!transport || args.includes('--help') || args.includes('-h')) {
  const usage = [
    'Usage: ipt-language-server --stdio',
    '',
    'The IPT Plan language server (Language Server Protocol) for .ipt treatment plans.',
    'An editor starts it and talks to it; it is not meant to be run by hand.',
    '',
    'Transports:',
    '  --stdio          JSON-RPC over standard input and output (Neovim, Helix, Emacs, …)',
    '  --node-ipc       Node IPC, when VS Code starts it',
    '  --socket=PORT    a TCP socket on localhost',
    '  --pipe=NAME      a named pipe',
    '',
    'Docs: docs/language-server.md',
  ].join('\n');
  const asked = args.includes('--help') || args.includes('-h');
  (asked ? process.stdout : process.stderr).write(`${usage}\n`);
  process.exit(asked ? 0 : 2);
}

require('../dist/server.js');
