#!/usr/bin/env bash
# `validate` throughput and peak memory, release build, beside Python's csv.reader on the same file:
#   Benchmarks/validate-throughput.sh [ROWS...]      (default: 100000 1000000)
# Generates Benchmarks/data/updates-<ROWS>.csv once (git ignores Benchmarks/data/). Prints, per size:
# file MB, validate MB/s and rows/s, peak RSS, and csv.reader's MB/s (best of 3 each).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
swift build -c release --product invoicebatch >/dev/null
binary="$(swift build -c release --show-bin-path)/invoicebatch"
mkdir -p Benchmarks/data
for rows in "${sizes[@]}"; do
    file="Benchmarks/data/updates-$rows.csv"
    [ -f "$file" ] || python3 Benchmarks/make-csv.py "$rows" "$file"
    python3 - "$binary" "$file" "$rows" <<'PY'
import csv, os, subprocess, sys, time
binary, path, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
size_mb = os.path.getsize(path) / 1e6
best, rss = float("inf"), 0
for _ in range(3):
    started = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "validate", path], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    assert out.returncode == 0, out.stderr[-2000:]
    best = min(best, elapsed)
    rss = max(rss, int(out.stderr.strip().splitlines()[-1]))
py_best = float("inf")
for _ in range(3):
    started = time.perf_counter()
    with open(path, newline="") as handle:
        count = sum(1 for _ in csv.reader(handle))
    py_best = min(py_best, time.perf_counter() - started)
print(f"{rows:>9} rows  {size_mb:6.1f} MB  validate {size_mb / best:6.1f} MB/s ({rows / best / 1e6:.2f} M rows/s, "
      f"{best:.2f} s)  peak RSS {rss / 1024:5.1f} MB  |  python csv.reader {size_mb / py_best:6.1f} MB/s  "
      f"ratio {py_best / best:.2f}")
PY
done
