#!/usr/bin/env bash
# End-to-end tests in Debian's headless Chromium, driven by playwright-core
# (tests/browser). Installs what they need, builds cmas, runs them.
# Screenshots land in target/browser-screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

(cd tests/browser && npm ci --no-audit --no-fund --silent)
cargo build --quiet --bin cmas
target_dir="${CARGO_TARGET_DIR:-target}"
CMAS_BIN="$(realpath "$target_dir/debug/cmas")" CMAS_SCREENSHOTS="target/browser-screenshots" \
  node --test --test-reporter=spec tests/browser/
