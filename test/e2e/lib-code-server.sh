# Shared by run-tests.sh and run-demo.sh (sourced, not run).
# Needs: PREFIX (from install-code-server.sh), RUN (scratch folder), OUT (results folder).

CS_DEFAULT_PREFIX="${AKS_NETLENS_E2E_PREFIX:-$HOME/.cache/aks-netlens-e2e}"

cs_load_prefix() {
  [ -f "$PREFIX/e2e.env" ] || { echo "no $PREFIX/e2e.env: run install-code-server.sh $PREFIX first" >&2; exit 2; }
  # shellcheck disable=SC1091
  . "$PREFIX/e2e.env"
  export PLAYWRIGHT_CORE_DIR
}

cs_free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# cs_settings [FILE]: user settings for a quiet, deterministic workbench (or the given file)
cs_settings() {
  mkdir -p "$RUN/ud/User"
  # an explicit config file keeps code-server from writing a default one (with a random password)
  printf 'auth: none\ncert: false\n' >"$RUN/config.yaml"
  if [ -n "${1:-}" ]; then cp "$1" "$RUN/ud/User/settings.json"; return; fi
  cat >"$RUN/ud/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "chat.disableAIFeatures": true,
  "window.restoreWindows": "none",
  "git.enabled": false
}
EOF
}

# code-server also writes ~/.config/code-server and ~/.local/share/code-server (coder-logs, heartbeat)
# whatever --user-data-dir says, and its IPC sockets (vscode-ipc-*.sock, vscode-git-*.sock) into $TMPDIR:
# point XDG_* and TMPDIR at the run folder so a run leaves nothing in $HOME or /tmp
cs_env() { mkdir -p "$RUN/tmp"; env XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" \
  XDG_CACHE_HOME="$RUN/xdg/cache" TMPDIR="$RUN/tmp" "$@"; }

# cs_launch CMD...: start CMD in the background as the leader of a new session / process group and
# set CS_PID to it. It must be one simple command (setsid + env + exec chain): backgrounding a shell
# function would make $! a subshell, and killing that leaves code-server running.
cs_launch() {
  mkdir -p "$RUN/tmp"
  setsid env XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" XDG_CACHE_HOME="$RUN/xdg/cache" \
    TMPDIR="$RUN/tmp" "$@" >"$OUT/logs/code-server.log" 2>&1 &
  CS_PID=$!
  # wait (up to 2 s) until setsid has made it the leader of its own group
  local pgid="" i
  for i in $(seq 1 20); do
    pgid=$(ps -o pgid= -p "$CS_PID" 2>/dev/null | tr -d ' ' || true)
    [ "$pgid" = "$CS_PID" ] && break
    sleep 0.1
  done
  if [ -n "$pgid" ] && [ "$pgid" != "$CS_PID" ]; then
    echo "[e2e] warning: code-server pid $CS_PID is not its process-group leader ($pgid); stop may leave children" >&2
  fi
}

cs_cli() { cs_env "$CODE_SERVER_NODE" "$CODE_SERVER_DIR/out/node/entry.js" --config "$RUN/config.yaml" \
  --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" "$@"; }

# cs_add_extension PATH: a .vsix is installed; a folder (with package.json) is linked into the extensions dir
cs_add_extension() {
  local src="$1"
  mkdir -p "$RUN/exts"
  if [ -f "$src" ] && [[ "$src" == *.vsix ]]; then
    cs_cli --install-extension "$(cd "$(dirname "$src")" && pwd)/$(basename "$src")" --force >>"$OUT/logs/install-extension.log" 2>&1 \
      || { cat "$OUT/logs/install-extension.log" >&2; exit 1; }
  elif [ -f "$src/package.json" ]; then
    local abs id
    abs="$(cd "$src" && pwd)"
    id=$(node -p "const p=require('$abs/package.json'); p.publisher + '.' + p.name + '-' + p.version")
    ln -sfn "$abs" "$RUN/exts/$id"
  else
    echo "extension must be a .vsix file or a folder with package.json: $src" >&2; exit 2
  fi
}

# cs_start WORKSPACE [extra code-server args...]: starts in the background, sets CS_PID, CS_URL
cs_start() {
  local ws="$1"; shift
  PORT="${PORT:-$(cs_free_port)}"
  # own session/process group (setsid), so cs_stop can end code-server and everything it spawned
  # (extension host, language servers, file watcher, pty host) by that one id
  cs_launch "$CODE_SERVER_NODE" "$CODE_SERVER_DIR/out/node/entry.js" "$@" \
    --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust --config "$RUN/config.yaml" \
    --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" "$ws"
  cs_wait_up
}

# cs_start_test_driver HERE WORKSPACE: like cs_start, with VS Code's --enable-smoke-test-driver, which
# lets the workbench URL's `payload` carry extensionDevelopmentPath / extensionTestsPath
cs_start_test_driver() {
  local here="$1" ws="$2"
  if cs_env "$CODE_SERVER_NODE" "$CODE_SERVER_DIR/out/node/entry.js" --config "$RUN/config.yaml" --help 2>/dev/null | grep -q -- '--vscode-option'; then
    cs_start "$ws" --vscode-option enable-smoke-test-driver
  else
    # code-server 4.100.x has no --vscode-option and rejects unknown flags: same server, with the flag
    # added to its CLI table by code-server-smoke.cjs
    PORT="${PORT:-$(cs_free_port)}"
    cs_launch "$CODE_SERVER_NODE" "$here/code-server-smoke.cjs" "$CODE_SERVER_DIR" --enable-smoke-test-driver \
      --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
      --disable-workspace-trust --config "$RUN/config.yaml" \
      --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" "$ws"
    cs_wait_up
  fi
}

cs_wait_up() {
  CS_URL="http://127.0.0.1:$PORT/"
  local i
  for i in $(seq 1 120); do
    if ! kill -0 "$CS_PID" 2>/dev/null; then
      echo "code-server exited early:" >&2; tail -20 "$OUT/logs/code-server.log" >&2; exit 1
    fi
    curl -fsS -o /dev/null "${CS_URL}healthz" 2>/dev/null && break
    sleep 0.5
  done
  echo "[e2e] code-server $CODE_SERVER_VERSION pid $CS_PID on $CS_URL (up after $((i / 2))s)"
}

cs_stop() {
  if [ -n "${CS_PID:-}" ]; then
    # CS_PID leads its own process group (setsid): TERM the group, wait, then KILL what is left
    kill -TERM -- "-$CS_PID" 2>/dev/null || kill -TERM "$CS_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 30); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 -- "-$CS_PID" 2>/dev/null && kill -KILL -- "-$CS_PID" 2>/dev/null || true
  fi
  CS_PID=""
  if [ -d "$RUN/ud/logs" ]; then mkdir -p "$OUT/logs/vscode" && cp -r "$RUN/ud/logs/." "$OUT/logs/vscode/" 2>/dev/null || true; fi
  [ "${KEEP_RUN:-0}" = 1 ] && echo "[e2e] run folder kept: $RUN" || rm -rf "$RUN"
}

cs_urlencode() { node -p 'encodeURIComponent(process.argv[1])' "$1"; }
