#!/usr/bin/env bash
# Is the sandbox ever the bottleneck of a `run` on this machine (issue 3)? Its capacity beside run's own rate.
#
# First Benchmarks/sandbox-wrk.sh (wrk, PUT /v1/invoices/{key}, limits off: requests/s and the server's CPU per
# request). Then `invoicebatch sandbox` as a separate process with its limits off and --invoices ROWS, and
# `invoicebatch run` over ROWS update rows of distinct invoices at --concurrency CONCURRENCY against it: rows/s
# (summary.json's throughput: rows ÷ the sending phase), the CPU that run and the sandbox each used (utime + stime:
# /usr/bin/time for run, /proc/<pid>/stat for the sandbox), per row.
#
# Usage: Benchmarks/run-vs-sandbox.sh      (environment: ROWS=20000 CONCURRENCY=32; DURATION etc. for sandbox-wrk.sh)
# Needs: wrk (apt-get install -y wrk), curl, python3.
source "$(dirname "$0")/common.sh"
ROWS=${ROWS:-20000}
CONCURRENCY=${CONCURRENCY:-32}

bash Benchmarks/sandbox-wrk.sh 2>/dev/null | tee "$WORK/wrk.txt" | sed -n '/^== /,$p'
WRK_RPS=$(sed -n "s/^Requests\/sec: *//p" "$WORK/wrk.txt" | head -1)

input=$(rows_file "$ROWS")
start_sandbox --invoices "$ROWS" --rate-limit 0 --concurrency-limit 0 --token-rate-limit 0
HZ=$(getconf CLK_TCK)
ticks_before=$(awk '{ print $14 + $15 }' "/proc/$SANDBOX_PID/stat")
/usr/bin/time -f "%U %S %e" -o "$WORK/time" "$BIN" run "$input" --out "$WORK/run" --concurrency "$CONCURRENCY" \
    --zuora-url "$SANDBOX_URL" --appzen-url "$SANDBOX_URL" --quiet 2>"$WORK/run.log" || true  # Canceled invoices fail
ticks_after=$(awk '{ print $14 + $15 }' "/proc/$SANDBOX_PID/stat")

echo
echo "== run against an external sandbox (limits off), $ROWS rows, concurrency $CONCURRENCY"
load_note
python3 - "$WORK/run/summary.json" "$WORK/time" "$((ticks_after - ticks_before))" "$HZ" "$WRK_RPS" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
user, system, wall = map(float, open(sys.argv[2]).read().split()[-3:])
server_cpu = int(sys.argv[3]) / int(sys.argv[4])
wrk = float(sys.argv[5])
rows, rate = summary["rows"], summary["throughput"]["rowsPerSecond"]
outcomes = ", ".join(f"{k} {v}" for k, v in summary["outcomes"].items() if v)
print(f"run rows: {rows} ({outcomes}; a seeded Canceled invoice refuses its update: still one request)")
print(f"run rows/s (summary.json): {rate:.0f}")
print(f"sandbox requests/s under wrk: {wrk:.0f} (run's rows/s is {100 * rate / wrk:.0f} % of it)")
print(f"run CPU: {user + system:.2f} s in {wall:.2f} s wall = {1e6 * (user + system) / rows:.0f} us per row")
print(f"sandbox CPU during the run: {server_cpu:.2f} s = {1e6 * server_cpu / rows:.0f} us per request")
PY
