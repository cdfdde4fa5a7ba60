#!/bin/sh
# Measures raw record reading (RecordReader, no validation) in a release build, plain and gzipped:
#   Benchmarks/read-csv.sh [ROWS]
# Generates Benchmarks/data/updates-<ROWS>.csv(.gz) once (git ignores Benchmarks/data/), then runs the benchmark
# test, which is skipped in ordinary `swift test` runs. MB/s is of file bytes (compressed bytes for .gz).
set -eu
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
mkdir -p Benchmarks/data
file="Benchmarks/data/updates-$rows.csv"
[ -f "$file" ] || python3 Benchmarks/make-csv.py "$rows" "$file"
[ -f "$file.gz" ] || gzip -k "$file"
INVOICEBATCH_BENCH_INPUT="$PWD/$file:$PWD/$file.gz" swift test -c release --filter InputBenchmarkTests 2>&1 \
    | grep -E "MB/s|passed|failed|error"
