#!/usr/bin/env bash
# Every `invoicebatch run` benchmark of issue 4 and the sandbox figure of issue 3, one after another, on one
# release build: run-throughput.sh, run-slot-use.sh, run-rate.sh, run-memory.sh, run-vs-sandbox.sh. Each prints its
# own `== …` block of figures (one per line, with its target met or MISSED); progress goes to stderr.
#
# Usage: Benchmarks/run-all.sh 2>/dev/null
# Needs: nginx, wrk, /usr/bin/time, curl, python3 (apt-get install -y nginx wrk time curl python3).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building release…" >&2
swift build -c release --product invoicebatch >&2
export BIN="$(swift build -c release --show-bin-path)/invoicebatch"
for benchmark in run-throughput run-slot-use run-rate run-memory run-vs-sandbox; do
    echo "-- Benchmarks/$benchmark.sh" >&2
    bash "Benchmarks/$benchmark.sh" | sed -n '/^== /,$p'
    echo
done
