// `npm start`, the README's main command: builds everything (dist/, the .vsix), lints the samples,
// then opens VS Code with the extension on samples/:
//   - the desktop `code` command when there is one (a new window with the extension under development);
//   - otherwise a real VS Code workbench served on localhost (code-server, with the packaged .vsix
//     installed), whose address it prints; Ctrl-C stops it.
//
//   npm start                       all of the above
//   npm start -- --no-editor        build and lint only (also: IPT_NO_EDITOR=1), as CI runs it
//   npm start -- --port 8080        the workbench's port (default: IPT_PORT, else 3000 or the next free one)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ensureCodeServer, installVsix, projectRoot, startCodeServer } from './workbench/code-server.mjs';

const args = process.argv.slice(2);
const noEditor = args.includes('--no-editor') || /^(1|true|yes)$/i.test(process.env.IPT_NO_EDITOR ?? '');
const portArg = args.indexOf('--port');
const wantedPort = Number(portArg >= 0 ? args[portArg + 1] : (process.env.IPT_PORT ?? 3000));
const samples = path.join(projectRoot, 'samples');

function step(title, command, commandArgs) {
  console.log(`\n> ${title}`);
  const result = spawnSync(command, commandArgs, { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nnpm start stopped: ${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/** `wanted` when it is free, else the next free port above it. */
async function portFrom(wanted) {
  for (let port = wanted; port < wanted + 50; port++) {
    const free = await new Promise((resolve) => {
      const probe = createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${wanted}–${wanted + 49}`);
}

step('build dist/ (CLI, language server, extension, library)', process.execPath, ['scripts/build.mjs']);
step('package the extension', process.execPath, ['scripts/package-vsix.mjs']);
step('lint the samples', process.execPath, ['bin/ipt.js', 'lint', 'samples/*.ipt']);
if (noEditor) {
  console.log('\nBuilt and linted (--no-editor: VS Code not opened).');
  process.exit(0);
}

if (hasCommand('code')) {
  // The root package.json is the npm package's; VS Code runs the extension from a folder with the extension's manifest.
  const extensionDir = path.join(projectRoot, '.cache', 'extension-dev');
  rmSync(extensionDir, { recursive: true, force: true });
  step('stage the extension for VS Code (.cache/extension-dev)', process.execPath, ['scripts/package-vsix.mjs', '--stage', extensionDir]);
  console.log('\n> open VS Code with the extension on samples/');
  const code = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${extensionDir}`, samples], { stdio: 'inherit' });
  process.exit(code.status ?? 0);
}

console.log('\n> no desktop `code` command here: serving a real VS Code workbench on localhost (code-server)');
const entry = ensureCodeServer();
const { name, version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
const home = path.join(projectRoot, '.cache', 'start');
mkdirSync(home, { recursive: true });
const extensionsDir = path.join(home, 'extensions');
installVsix(entry, path.join(projectRoot, `${name}-${version}.vsix`), extensionsDir);
const server = await startCodeServer({ entry, home, extensionsDir, port: await portFrom(wantedPort) });
const url = server.folderUrl(samples);
console.log(`\nVS Code with IPT Plan is running on samples/:\n\n  ${url}\n\nOpen it in a browser on this machine (or forward port ${server.port}). Ctrl-C stops it.`);

let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping VS Code…`);
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('Ctrl-C'));
process.on('SIGTERM', () => void stop('SIGTERM'));
// Runs until Ctrl-C; if code-server stops on its own, so does this.
const ended = await server.exited;
if (!stopping) {
  console.error(`\ncode-server stopped (${ended}). Its last output:\n${server.log().slice(-2000)}`);
  process.exit(1);
}
