#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers with cargo-fuzz (libFuzzer), on
# stable Rust with `--sanitizer none`; installs cargo-fuzz when missing.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Runs each target (default: all five) for SECONDS (default 600) and stops
# at the first crash, which cargo-fuzz saves under fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(questionnaire workbook kpi_csv panel_csv json_bodies)

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

# The bundled questionnaire is the loader's starting point.
mkdir -p fuzz/corpus/questionnaire
cp questionnaires/*.toml fuzz/corpus/questionnaire/

for target in "${targets[@]}"; do
  echo "== ${target}: ${seconds} s"
  mkdir -p "fuzz/corpus/${target}"
  cargo fuzz run --sanitizer none "${target}" -- -max_total_time="${seconds}" -rss_limit_mb=2048 2>&1 |
    grep -E "^(Done|#[0-9]+ +DONE)|ERROR|panicked|SUMMARY" || true
  # A crash leaves its input behind; say so and fail.
  if compgen -G "fuzz/artifacts/${target}/*" >/dev/null; then
    echo "${target}: crash inputs in fuzz/artifacts/${target}/" >&2
    exit 1
  fi
done
