#!/usr/bin/env bash
# The e2e stage of .ci/run (after the build): the extension in a REAL VS Code (code-server).
#   1. installs code-server + playwright-core if missing (install-code-server.sh; ~3 s when present)
#   2. copies the mocha suite test/e2e/suite to out/e2e/suite
#   3. runs it inside code-server's extension host: the repo root is the development extension,
#      examples/aks-lab the workspace                                   -> test-results/e2e-tests/
#   4. takes the screenshots listed in test/e2e/screenshots.steps      -> test-results/screenshots/
# Both parts always run; exit 0 only if both passed (1 = a part failed, 2 = not built / bad arguments).
#
# Usage: test/e2e/run-all.sh [--prefix PREFIX] [--out DIR] [--no-tests] [--no-screenshots] [--no-apt]
#   PREFIX   code-server install (default $AKS_NETLENS_E2E_PREFIX, else ~/.cache/aks-netlens-e2e)
#   DIR      results folder (default <repo>/test-results)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PREFIX="${AKS_NETLENS_E2E_PREFIX:-$HOME/.cache/aks-netlens-e2e}" OUT="$ROOT/test-results"
TESTS=1 SHOTS=1 INSTALL_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --no-tests) TESTS=0; shift ;;
    --no-screenshots) SHOTS=0; shift ;;
    --no-apt) INSTALL_ARGS+=(--no-apt); shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
T0=$(date +%s)
say() { echo "[run-all +$(( $(date +%s) - T0 ))s] $*"; }
LAB="$ROOT/examples/aks-lab"
[ -d "$LAB" ] || { echo "workspace not found: $LAB" >&2; exit 2; }

# the extension must be built: package.json "main" (client) and the language server bundle
MAIN=$(node -p "require('$ROOT/package.json').main || ''")
MAIN="${MAIN#./}"
for f in "$MAIN" server/out/server.js; do
  [ -n "$f" ] && [ -f "$ROOT/$f" ] || { echo "not built: $ROOT/${f:-<package.json main>} is missing (run the build first)" >&2; exit 2; }
done

say "install-code-server.sh $PREFIX"
"$HERE/install-code-server.sh" "$PREFIX" "${INSTALL_ARGS[@]}"
mkdir -p "$OUT"; OUT="$(cd "$OUT" && pwd)"
# The workspace: a scratch copy of the lab plus a file with typical mistakes, made afresh for the
# tests and again for the screenshots (quick-fixes applied by the tests may reach the disk).
WS="$OUT/aks-lab"
fresh_workspace() { rm -rf "$WS"; cp -r "$LAB" "$WS"; cp "$HERE/fixtures/playground.yaml" "$WS/"; }

tests_rc=skipped shots_rc=skipped
if [ "$TESTS" = 1 ]; then
  rm -rf "$ROOT/out/e2e/suite" "$OUT/e2e-tests"
  mkdir -p "$ROOT/out/e2e"
  cp -r "$HERE/suite" "$ROOT/out/e2e/"
  fresh_workspace
  say "e2e tests (out/e2e/suite) in code-server"
  tests_rc=0
  "$HERE/run-tests.sh" --prefix "$PREFIX" --dev "$ROOT" --tests "$ROOT/out/e2e/suite/index.js" \
    --workspace "$WS" --out "$OUT/e2e-tests" || tests_rc=$?
fi
if [ "$SHOTS" = 1 ]; then
  rm -rf "$OUT/screenshots"
  fresh_workspace
  say "screenshots (test/e2e/screenshots.steps)"
  shots_rc=0
  "$HERE/run-demo.sh" --prefix "$PREFIX" --ext "$ROOT" --workspace "$WS" --out "$OUT/screenshots" \
    --steps-file "$HERE/screenshots.steps" || shots_rc=$?
fi
say "e2e tests: $tests_rc, screenshots: $shots_rc (0 = passed); results in $OUT"
[ "$tests_rc" != skipped ] && [ "$tests_rc" != 0 ] && exit 1
[ "$shots_rc" != skipped ] && [ "$shots_rc" != 0 ] && exit 1
exit 0
