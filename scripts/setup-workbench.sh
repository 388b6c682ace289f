#!/usr/bin/env bash
# Sets up a real VS Code workbench for the editor tests and `npm start`, with only the npm registry
# and Debian's packages (no other downloads):
#   - code-server (the npm package that serves the genuine VS Code workbench to a browser, with a Node
#     extension host and a web-worker extension host), and
#   - Debian's Chromium, which playwright-core drives headless.
#
#   bash scripts/setup-workbench.sh            install if needed, then print the code-server folder
#   IPT_CODE_SERVER_DIR=/somewhere bash …      use or install code-server there
#
# Default folder: ~/.cache/ipt-plan/code-server, so every clone on a machine (and every CI run on a
# reused machine) shares one install. An install already there is reused as it is.
#
# Why the extra steps: code-server's own install script downloads ripgrep from GitHub, which these
# machines cannot reach. So its packages are installed with scripts off, the native modules are
# rebuilt from source (hence the -dev packages), and Debian's ripgrep takes the downloaded one's place.
set -euo pipefail

VERSION=${IPT_CODE_SERVER_VERSION:-4.100.3} # VS Code 1.100.3; the last line of code-server that runs on Node 20
DIR=${IPT_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ipt-plan/code-server}
DEBIAN_PACKAGES=(build-essential pkg-config python3 libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium fonts-dejavu-core)

log() { echo "setup-workbench: $*" >&2; }

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      log "these Debian packages are needed: ${missing[*]}"
      log "install them with: sudo apt-get install -y ${missing[*]}"
      exit 1
    fi
  fi
  log "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

entry="$DIR/node_modules/code-server/out/node/entry.js"
stamp="$DIR/.ipt-installed-$VERSION"
if [[ -f "$stamp" && -f "$entry" ]]; then
  echo "$DIR"
  exit 0
fi

log "installing code-server $VERSION into $DIR (about a minute)"
mkdir -p "$DIR"
cd "$DIR"
[[ -f package.json ]] || echo '{ "name": "ipt-plan-workbench", "private": true }' >package.json
quiet=(--no-audit --no-fund --loglevel=error)
npm install --ignore-scripts "${quiet[@]}" "code-server@$VERSION" >&2
# node-pty's build script runs npx; answer its prompt.
export npm_config_yes=true
npm rebuild argon2 --loglevel=error >&2

vscode="$DIR/node_modules/code-server/lib/vscode"
cd "$vscode"
npm install --omit=dev --ignore-scripts "${quiet[@]}" >&2
npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog --loglevel=error >&2
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# The server looks for its modules in node_modules.asar, as the desktop build packs them.
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts "${quiet[@]}" >&2)

touch "$stamp"
log "code-server $VERSION is ready"
echo "$DIR"
