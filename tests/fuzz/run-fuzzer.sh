#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a libFuzzer harness for a bounded time.
#   run-fuzzer.sh HARNESS SECONDS SEED_DIR ARTIFACT_DIR
# New inputs go to a temporary corpus (the seeds in the source tree are
# only read); a crash, a leak, a timeout or running out of memory fails the
# test and leaves the input in ARTIFACT_DIR.
set -eu

harness=$1
seconds=$2
seeds=$3
artifacts=$4

corpus=$(mktemp -d "${TMPDIR:-/tmp}/gw-fuzz-corpus-XXXXXX")
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$artifacts"

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

"$harness" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=262144 \
  -print_final_stats=1 -artifact_prefix="$artifacts/$(basename "$harness")-" \
  "$corpus" "$seeds"
