#!/usr/bin/env bash
# Start code-server with an extension and a workspace, drive it with headless Chromium
# (shoot.mjs) to take screenshots and check what a person would see, then stop the server.
#
# Usage:
#   run-demo.sh --ext EXT [--ext EXT2 ...] --workspace DIR --out DIR [--prefix PREFIX]
#               [--steps-file FILE] [--port N] [--settings settings.json] [--timeout MS] [--keep-run-dir]
#               [-- STEP ...]
#   EXT           an extension .vsix (installed) or an extension folder with package.json (linked
#                 into the throwaway extensions dir; build it first)
#   DIR           workspace folder opened in the workbench; open= steps are relative to it
#   --out         screenshots (NAME.png), console.log (browser console), logs/ (code-server +
#                 extension host logs, including each extension's output channels)
#   PREFIX        from install-code-server.sh (default $AKS_NETLENS_E2E_PREFIX, else ~/.cache/aks-netlens-e2e)
#   --steps-file  one shoot.mjs step per line (no quoting needed; blank lines and # comments ignored);
#                 steps after `--` run after the file's
#   STEP ...      shoot.mjs steps (`node shoot.mjs --help`); default: shot=workbench
# Exit code: shoot.mjs's (0 = every step passed; 1 = a step failed, OUT/failure.png shows where).
#
# Example:
#   run-demo.sh --ext ./ --workspace examples/aks-lab --out test-results/shots -- \
#     open=policies/default-deny-all.yaml hover=5:3 shot=hover problems shot=problems
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib-code-server.sh
. "$HERE/lib-code-server.sh"

PREFIX="$CS_DEFAULT_PREFIX" WS="" OUT="" SETTINGS="" STEPS_FILE="" TIMEOUT=60000 KEEP_RUN=0 PORT="${PORT:-}"
EXTS=() STEPS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --ext) EXTS+=("$2"); shift 2 ;;
    --workspace) WS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --steps-file) STEPS_FILE="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --settings) SETTINGS="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --keep-run-dir) KEEP_RUN=1; shift ;;
    --) shift; STEPS=("$@"); break ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$WS" ] && [ -n "$OUT" ] || { echo "need --workspace and --out (see --help)" >&2; exit 2; }
[ -d "$WS" ] || { echo "workspace folder not found: $WS" >&2; exit 2; }
[ -d "$PREFIX" ] || { echo "no $PREFIX: run install-code-server.sh first" >&2; exit 2; }
if [ -n "$STEPS_FILE" ]; then
  [ -f "$STEPS_FILE" ] || { echo "steps file not found: $STEPS_FILE" >&2; exit 2; }
  FILE_STEPS=()
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line#"${line%%[![:space:]]*}"}"; line="${line%"${line##*[![:space:]]}"}"   # trim
    case "$line" in ''|'#'*) continue ;; esac
    FILE_STEPS+=("$line")
  done <"$STEPS_FILE"
  STEPS=("${FILE_STEPS[@]}" "${STEPS[@]}")
fi
[ ${#STEPS[@]} -gt 0 ] || STEPS=(shot=workbench)
PREFIX="$(cd "$PREFIX" && pwd)"; WS="$(cd "$WS" && pwd)"
mkdir -p "$OUT/logs"; OUT="$(cd "$OUT" && pwd)"
cs_load_prefix

RUN="$(mktemp -d "${TMPDIR:-/tmp}/cs-run.XXXXXX")"
trap cs_stop EXIT
trap 'exit 130' INT TERM
T0=$(date +%s)
cs_settings "$SETTINGS"
for e in "${EXTS[@]}"; do cs_add_extension "$e"; done
[ ${#EXTS[@]} -eq 0 ] || echo "[e2e] extensions: $(cs_cli --list-extensions 2>/dev/null | tr '\n' ' ')"
cs_start "$WS"

rc=0
node "$HERE/shoot.mjs" --playwright "$PLAYWRIGHT_CORE_DIR" --timeout "$TIMEOUT" --out "$OUT" \
  --url "${CS_URL}?folder=$(cs_urlencode "$WS")" "${STEPS[@]}" || rc=$?
echo "[e2e] shoot.mjs exit $rc after $(( $(date +%s) - T0 ))s; screenshots in $OUT"
exit $rc
