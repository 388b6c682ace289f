/** The `ipt` executable (bundled to dist/cli.js; bin/ipt.js requires it). */
import { main } from './main.js';

// `ipt lint | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  // A getter: standard input is opened only by `--stdin`, so it never holds the process open.
  get stdin() {
    return process.stdin;
  },
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`ipt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
