#!/bin/sh
# Measures the raw record reading speed (no validation) in a release build:
#   Benchmarks/read-csv.sh [ROWS]
# Generates Benchmarks/data/updates-<ROWS>.csv once (ignored by git), then runs the gated benchmark test.
set -eu
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
mkdir -p Benchmarks/data
file="Benchmarks/data/updates-$rows.csv"
[ -f "$file" ] || python3 Benchmarks/make-csv.py "$rows" "$file"
[ -f "$file.gz" ] || gzip -k "$file"
INVOICEBATCH_BENCH_INPUT="$PWD/$file" swift test -c release --filter InputBenchmarkTests 2>&1 | grep -E "MB/s|passed|failed|error"
