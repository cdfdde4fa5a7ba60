#!/usr/bin/env bash
# Throughput and CPU cost of the embedded sandbox for PUT /v1/invoices/{key} (action `update`), on loopback.
#
# Builds `invoicebatch` in release mode, starts `invoicebatch sandbox` with its limits off, gets an OAuth token,
# runs wrk for DURATION with a Lua script that sends a bearer token and a JSON body to a rotating invoice
# (INV-00000001…INV-00001000, each wrk thread from its own offset so connections do not collide on one invoice),
# then prints requests/s, latency, and the server's CPU per request from /proc/<pid>/stat (utime + stime).
#
# Usage: Benchmarks/sandbox-wrk.sh            (environment: DURATION=10s THREADS=2 CONNECTIONS=32)
# Needs: wrk (apt-get install -y wrk), curl.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }

echo "building release…" >&2
swift build -c release --product invoicebatch >&2
BIN="$(swift build -c release --show-bin-path)/invoicebatch"

WORK=$(mktemp -d)
"$BIN" sandbox --port 0 --rate-limit 0 --concurrency-limit 0 --token-rate-limit 0 --log-level error \
    >"$WORK/banner" 2>"$WORK/log" &
PID=$!
cleanup() {
    kill -INT "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
    grep -q 'http://' "$WORK/banner" 2>/dev/null && break
    sleep 0.1
done
URL=$(grep -o 'http://[0-9.]*:[0-9]*' "$WORK/banner" | head -1)
[ -n "$URL" ] || { echo "the sandbox did not start:" >&2; cat "$WORK/log" >&2; exit 1; }
CLIENT_ID=$(sed -n 's/.*ZUORA_CLIENT_ID=//p' "$WORK/banner")
CLIENT_SECRET=$(sed -n 's/.*ZUORA_CLIENT_SECRET=//p' "$WORK/banner")
TOKEN=$(curl -s "$URL/oauth/token" -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" \
    -d grant_type=client_credentials | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

cat >"$WORK/put.lua" <<LUA
local thread_count = 0
function setup(thread)
    thread:set("offset", thread_count * 500)
    thread_count = thread_count + 1
end
function init(args)
    counter = offset
end
wrk.method = "PUT"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Zuora-Track-Id"] = "wrk-benchmark"
wrk.body = '{"dueDate":"2026-12-01","comments":"benchmark","IntegrationStatus__NS":"Synced"}'
function request()
    counter = counter + 1
    return wrk.format(nil, string.format("/v1/invoices/INV-%08d", counter % 1000 + 1))
end
LUA

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
stat_value() { curl -s "$URL/sandbox/stats" | grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2; }

# Warm up (first-touch allocations, connection setup), then measure.
wrk -t "$THREADS" -c "$CONNECTIONS" -d 2s -s "$WORK/put.lua" "$URL" >/dev/null
REQUESTS_BEFORE=$(stat_value totalRequests)
APPLIED_BEFORE=$(stat_value appliedChanges)
TICKS_BEFORE=$(cpu_ticks)
wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency -s "$WORK/put.lua" "$URL" | tee "$WORK/wrk.txt"
TICKS_AFTER=$(cpu_ticks)
REQUESTS_AFTER=$(stat_value totalRequests)
APPLIED_AFTER=$(stat_value appliedChanges)
OVERLAPS=$(stat_value overlappingChanges)

HZ=$(getconf CLK_TCK)
SECONDS_OF_RUN=$(echo "$DURATION" | sed 's/s$//')
REQUESTS=$((REQUESTS_AFTER - REQUESTS_BEFORE - 1))  # minus the stats read itself
APPLIED=$((APPLIED_AFTER - APPLIED_BEFORE))
TICKS=$((TICKS_AFTER - TICKS_BEFORE))
echo
echo "== invoicebatch sandbox, PUT /v1/invoices/{key}, $THREADS wrk threads, $CONNECTIONS connections, $DURATION, $(nproc) cores"
grep -E 'Requests/sec' "$WORK/wrk.txt"
awk -v r="$REQUESTS" -v a="$APPLIED" -v t="$TICKS" -v hz="$HZ" -v s="$SECONDS_OF_RUN" -v o="${OVERLAPS:-0}" 'BEGIN {
    cpu = t / hz
    printf "server requests: %d (%d updates applied, %d lock contentions from overlap)\n", r, a, o
    printf "server CPU: %.2f s over %s s = %.0f%% of one core\n", cpu, s, 100 * cpu / s
    printf "server CPU per request: %.1f us\n", 1e6 * cpu / r
}'
