// A real VS Code workbench on localhost: code-server started with its own user-data and extensions
// folders, so nothing of the user's own VS Code or code-server setup is read or changed. Used by
// `npm start` (scripts/start.mjs), the VS Code test suite's workbench runner and the e2e tests.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Settings for a workbench that starts quietly: no trust prompt, no welcome page, nothing fetched. */
export const quietSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off', // the tests revert what they type; a saved edit would leak into the next test
};

function defaultInstallDir() {
  return process.env.IPT_CODE_SERVER_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'ipt-plan', 'code-server');
}

/** code-server's entry script when it is installed (by scripts/setup-workbench.sh), else undefined. */
export function installedCodeServer(dir = defaultInstallDir()) {
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  return existsSync(entry) ? entry : undefined;
}

/** Installs code-server and Chromium when missing (scripts/setup-workbench.sh) and returns the entry script. */
export function ensureCodeServer() {
  const found = installedCodeServer();
  if (found && existsSync('/usr/bin/chromium')) return found;
  const result = spawnSync('bash', [path.join(projectRoot, 'scripts', 'setup-workbench.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error('Setting up the VS Code workbench failed (scripts/setup-workbench.sh, above).');
  const entry = installedCodeServer(result.stdout.trim().split('\n').pop());
  if (!entry) throw new Error('scripts/setup-workbench.sh finished, but code-server is not where it said.');
  return entry;
}

/** A TCP port nobody listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (as a user would). */
export function installVsix(entry, vsix, extensionsDir) {
  mkdirSync(extensionsDir, { recursive: true });
  const config = path.join(extensionsDir, '..', 'code-server-install.yaml');
  writeFileSync(config, '');
  const args = [entry, '--config', config, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (result.status !== 0 || !/successfully installed/.test(result.stdout)) {
    throw new Error(`Installing ${path.basename(vsix)} into code-server failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Starts code-server on 127.0.0.1. Resolves once it listens.
 * options: entry, port (default: a free one), home (a folder for user data, extensions and config;
 * default: a new temporary one), extensionsDir, settings (merged over quietSettings), env, and
 * workspaceTrust (true: folders open in Restricted Mode until trusted, as for a cloned repository).
 */
export async function startCodeServer(options) {
  const home = options.home ?? mkdtempSync(path.join(tmpdir(), 'ipt-workbench-'));
  const userDataDir = path.join(home, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(home, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...options.settings }, null, 2));
  // An empty config file of its own, so code-server neither reads nor writes ~/.config/code-server.
  const config = path.join(home, 'code-server.yaml');
  writeFileSync(config, '');
  const port = options.port ?? (await freePort());
  const args = [
    options.entry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Workspace trust off unless a test opens a folder in Restricted Mode on purpose.
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let log = '';
  const onData = (chunk) => {
    log += chunk;
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${log}`)), 60_000);
    const check = () => {
      if (/HTTP server listening on/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before it listened:\n${log}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    url,
    /** Settles when code-server exits (its exit code, or the signal that ended it). */
    exited,
    port,
    home,
    userDataDir,
    extensionsDir,
    log: () => log,
    /** The workbench address for a folder, with an optional extension-test payload. */
    folderUrl(folder, payload) {
      const query = new URLSearchParams({ folder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${url}/?${query}`;
    },
    /** A vscode-remote: address on this server for a local path (what the payload expects). */
    remoteUri(localPath) {
      return `vscode-remote://127.0.0.1:${port}${localPath.split(path.sep).join('/')}`;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The whole process group: code-server's extension hosts and file watchers go with it.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
