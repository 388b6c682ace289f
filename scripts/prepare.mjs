// npm's `prepare` step: builds dist/ when the package is installed from git or a folder.
//
// npm installs the devDependencies (esbuild, TypeScript, …) before it runs `prepare` for a git
// dependency, except in `npm install -g git+…`: there npm's inner install inherits
// npm_config_global and puts them in the global prefix, so the build cannot find esbuild. In that
// case this script installs the build tools into the clone itself, then builds.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function canResolve(name) {
  try {
    createRequire(path.join(root, 'package.json')).resolve(name);
    return true;
  } catch {
    return false;
  }
}

if (!['esbuild', 'typescript', '@microsoft/api-extractor'].every(canResolve)) {
  console.error('ipt-plan prepare: installing the build tools (esbuild, TypeScript, API Extractor) into the package folder');
  // The outer command's settings (global, prefix, allow-scripts, …) must not reach this install; the
  // registry, cache and network settings may.
  const keep = /^npm_config_(cache|registry|offline|prefer_offline|prefer_online|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|ca)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key) || keep.test(key)));
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm]] : ['npm', []];
  const result = spawnSync(
    command,
    [...args, 'install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--include=dev', '--location=project'],
    { cwd: root, env, stdio: ['ignore', process.stderr, process.stderr], shell: !npm && process.platform === 'win32' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('./build.mjs');
