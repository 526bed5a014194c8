#!/usr/bin/env bash
# Runs every fuzz target for a fixed number of executions on stable Rust (no sanitizer:
# `-s none`), one after another, and prints a Markdown row per target for RELIABILITY.md.
#
#   bash scripts/fuzz.sh                 # 10^7 executions per target
#   RUNS=1000000 bash scripts/fuzz.sh    # fewer
#   TARGETS="jwt derive" bash scripts/fuzz.sh
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`). A crash stops the script with the
# fuzzer's output; the input is kept in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-10000000}
targets=${TARGETS:-$(cargo fuzz list)}
cargo fuzz build -s none >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "| target | executions | seconds | executions/s | corpus entries |"
echo "|---|---:|---:|---:|---:|"
for target in $targets; do
  if ! cargo fuzz run -s none "$target" -- -runs="$runs" -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "fuzz target $target failed" >&2
    exit 1
  fi
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log")
  executed=$(echo "$done_line" | awk '{print $2}')
  seconds=$(echo "$done_line" | awk '{print $5}')
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  echo "| $target | $executed | $seconds | $(( executed / (seconds > 0 ? seconds : 1) )) | $corpus |"
done
