#!/usr/bin/env bash
# Run extension integration tests (the entry @vscode/test-electron runs: a module exporting
# run(): Promise, here a mocha runner) inside code-server's REAL extension host.
#
# Usage:
#   run-tests.sh --dev EXT_DIR --tests TEST_ENTRY --workspace DIR
#                [--prefix PREFIX] [--out DIR] [--ext OTHER.vsix|DIR ...] [--timeout MS] [--port N] [--keep-run-dir]
#   EXT_DIR      the extension under test (folder with package.json, already built); loaded as
#                extensionDevelopmentPath, like F5 / test-electron do
#   TEST_ENTRY   JS file exporting run(); its console output (mocha's report) is printed here
#   DIR          workspace folder to open
#   PREFIX       from install-code-server.sh (default $AKS_NETLENS_E2E_PREFIX, else ~/.cache/aks-netlens-e2e)
#   --out        ext-tests-end.png (the workbench when the tests ended) and logs/ (code-server,
#                extension host, each extension's output channels)
#   --ext        extra extensions the tests need
# Exit code: the tests' (0 = all passed), 1 on failure or timeout, 2 on bad arguments.
#
# How: code-server runs with VS Code's --enable-smoke-test-driver, so the workbench URL's `payload`
# may carry extensionDevelopmentPath / extensionTestsPath; ext-tests.mjs opens that URL in headless
# Chromium and waits for the workbench to call window.codeAutomationExit(code).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=lib-code-server.sh
. "$HERE/lib-code-server.sh"

PREFIX="$CS_DEFAULT_PREFIX" DEV="" TESTS="" WS="" OUT="" TIMEOUT=300000 KEEP_RUN=0 PORT="${PORT:-}"
EXTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --dev) DEV="$2"; shift 2 ;;
    --tests) TESTS="$2"; shift 2 ;;
    --workspace) WS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --ext) EXTS+=("$2"); shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --keep-run-dir) KEEP_RUN=1; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$DEV" ] && [ -n "$TESTS" ] && [ -n "$WS" ] || { echo "need --dev, --tests, --workspace (see --help)" >&2; exit 2; }
[ -f "$DEV/package.json" ] || { echo "no package.json in $DEV" >&2; exit 2; }
[ -f "$TESTS" ] || { echo "test entry not found: $TESTS" >&2; exit 2; }
[ -d "$WS" ] || { echo "workspace folder not found: $WS" >&2; exit 2; }
[ -d "$PREFIX" ] || { echo "no $PREFIX: run install-code-server.sh first" >&2; exit 2; }
PREFIX="$(cd "$PREFIX" && pwd)"; WS="$(cd "$WS" && pwd)"; DEV="$(cd "$DEV" && pwd)"
TESTS="$(cd "$(dirname "$TESTS")" && pwd)/$(basename "$TESTS")"
OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/cs-tests-out.XXXXXX")}"
mkdir -p "$OUT/logs"; OUT="$(cd "$OUT" && pwd)"
cs_load_prefix

RUN="$(mktemp -d "${TMPDIR:-/tmp}/cs-run.XXXXXX")"
trap cs_stop EXIT
trap 'exit 130' INT TERM
T0=$(date +%s)
cs_settings ""
for e in "${EXTS[@]}"; do cs_add_extension "$e"; done
cs_start_test_driver "$HERE" "$WS"

rc=0
node "$HERE/ext-tests.mjs" --playwright "$PLAYWRIGHT_CORE_DIR" --server "$CS_URL" --folder "$WS" \
  --dev "$DEV" --tests "$TESTS" --timeout "$TIMEOUT" --out "$OUT" || rc=$?
echo "[e2e] extension tests exit $rc after $(( $(date +%s) - T0 ))s; logs in $OUT/logs"
exit $rc
