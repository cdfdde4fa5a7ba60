#!/usr/bin/env bash
# Slot use of `invoicebatch run` at --concurrency 32 against a slow server: mean requests in flight ÷ 32
# (issue 4: at least 0.97). A slot left idle between requests — a barrier at the end of a chunk, a late refill,
# time spent in our own code between answer and next send — shows up as a figure below 1.
#
# The server is `invoicebatch sandbox --latency-ms 50 --jitter-ms 10` with its limits off (every request waits
# 50 ms + U(0, 10 ms) before it is handled) and --invoices ROWS, run gets ROWS update rows of distinct invoices
# (default 12,000: ~20 s at 32 × 1 / 55 ms). Method, from the results file: each row is in flight from
# finishedAt - durationMs to finishedAt (durationMs is the row task's whole time: rate wait, token, connection,
# request, answer); mean in flight = sum(durationMs) ÷ sending phase (first row's start to last row's finish);
# slot use = that ÷ CONCURRENCY. The sandbox keeps no request timings, so its point of view is given by Little's
# law instead: requests in the server = rows/s × the mean delay it injects (55 ms, a lower bound: handling
# time comes on top), ÷ CONCURRENCY. As a yardstick for that lower bound, wrk (1 thread, CONCURRENCY
# connections, the same PUTs to the same invoices, 10 s) against the same sandbox gives the rate of a client that
# never leaves a connection idle; run's rows/s ÷ wrk's requests/s is slot use relative to it.
#
# Usage: Benchmarks/run-slot-use.sh      (environment: ROWS=12000 CONCURRENCY=32 LATENCY_MS=50 JITTER_MS=10)
# Needs: wrk (apt-get install -y wrk), curl, python3.
source "$(dirname "$0")/common.sh"
ROWS=${ROWS:-12000}
CONCURRENCY=${CONCURRENCY:-32}
LATENCY_MS=${LATENCY_MS:-50}
JITTER_MS=${JITTER_MS:-10}

input=$(rows_file "$ROWS")
start_sandbox --invoices "$ROWS" --latency-ms "$LATENCY_MS" --jitter-ms "$JITTER_MS" \
    --rate-limit 0 --concurrency-limit 0 --token-rate-limit 0
"$BIN" run "$input" --out "$WORK/run" --concurrency "$CONCURRENCY" --zuora-url "$SANDBOX_URL" \
    --appzen-url "$SANDBOX_URL" --quiet 2>"$WORK/run.log" || true  # a refused row (Canceled invoice) used its slot too

TOKEN=$(curl -s "$SANDBOX_URL/oauth/token" -d "client_id=$ZUORA_CLIENT_ID" -d "client_secret=$ZUORA_CLIENT_SECRET" \
    -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
cat >"$WORK/put.lua" <<LUA
counter = 0
wrk.method = "PUT"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"dueDate":"2026-12-01","comments":"benchmark"}'
function request()
    counter = counter + 1
    return wrk.format(nil, string.format("/v1/invoices/INV-%08d", (counter - 1) % $ROWS + 1))
end
LUA
WRK_RPS=$(wrk -t 1 -c "$CONCURRENCY" -d 10s -s "$WORK/put.lua" "$SANDBOX_URL" | sed -n 's/^Requests\/sec: *//p')

echo
echo "== run slot use, sandbox ${LATENCY_MS} ms + up to ${JITTER_MS} ms, limits off, $ROWS rows, concurrency $CONCURRENCY"
load_note
python3 Benchmarks/results-stats.py slots "$WORK/run/results.csv" "$CONCURRENCY" | tee "$WORK/slots.txt"
python3 - "$WORK/run/summary.json" "$CONCURRENCY" "$LATENCY_MS" "$JITTER_MS" "$WORK/slots.txt" "$WRK_RPS" <<'PY'
import json, re, sys
summary, concurrency, latency, jitter = json.load(open(sys.argv[1])), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
wrk = float(sys.argv[6])
rate = summary["throughput"]["rowsPerSecond"]
delay = (latency + jitter / 2) / 1000
print(f"run rows/s (summary.json): {rate:.0f}")
print(f"server view (Little's law, rows/s x {delay * 1000:.0f} ms / {concurrency}): {rate * delay / concurrency:.3f}")
print(f"wrk, {concurrency} connections, same sandbox: {wrk:.0f} requests/s (Little's law: {wrk * delay / concurrency:.3f})")
print(f"run rows/s / wrk requests/s: {rate / wrk:.3f}")
use = float(re.search(r"slot use \(.*\): ([0-9.]+)", open(sys.argv[5]).read()).group(1))
print(f"target slot use >= 0.97: {'met' if use >= 0.97 else 'MISSED'}")
PY
