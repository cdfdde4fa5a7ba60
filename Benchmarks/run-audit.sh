#!/usr/bin/env bash
# The cost of `run --audit-xml` (issue 5: under 15 % of throughput, peak RSS flat): the same ROWS update rows sent
# to the zero-cost server (nginx answering a fixed body, common.sh) without an audit log and with one, alternating,
# REPEAT times each; then the audited run's peak RSS at a tenth of ROWS, to show memory does not grow with the log.
#
# Figures: rows/s as summary.json's throughput.rowsPerSecond (the sending phase), median of each mode; the cost
# (1 - audited / plain) on the medians and as the median of back-to-back pairs (the machine is shared); CPU per
# row (user + sys, /usr/bin/time); peak RSS (/usr/bin/time %M); the log's size per exchange.
#
# Usage: Benchmarks/run-audit.sh      (environment: ROWS=200000 CONCURRENCY=32 REPEAT=3 AUDIT=audit.xml.gz)
# Needs: nginx (apt-get install -y nginx), /usr/bin/time, curl, python3.
source "$(dirname "$0")/common.sh"
ROWS=${ROWS:-200000}
CONCURRENCY=${CONCURRENCY:-32}
REPEAT=${REPEAT:-3}
AUDIT=${AUDIT:-audit.xml.gz}

start_nginx

# run_once ROWS MODE: one run; prints "rows/s cpu-us-per-row peak-kb audit-bytes exchanges".
run_once() {
    local rows=$1 mode=$2 input out flags=()
    input=$(rows_file "$rows")
    out="$WORK/run-$mode-$rows"
    rm -rf "$out" "$WORK/$AUDIT"
    [ "$mode" = audited ] && flags=(--audit-xml "$WORK/$AUDIT")
    ZUORA_CLIENT_ID=dummy-id-7f3a90 ZUORA_CLIENT_SECRET=dummy-secret-91c2e4 \
        /usr/bin/time -f "%U %S %M" -o "$WORK/time" \
        "$BIN" run "$input" --out "$out" --concurrency "$CONCURRENCY" --zuora-url "$NGINX_URL" \
        --appzen-url "$NGINX_URL" --quiet "${flags[@]}"
    python3 - "$out/summary.json" "$WORK/time" "$WORK/$AUDIT" <<'PY'
import json, os, sys, subprocess
summary = json.load(open(sys.argv[1]))
user, system, peak = open(sys.argv[2]).read().split()[-3:]
rows = summary["rows"]
size, exchanges = 0, 0
if os.path.exists(sys.argv[3]):
    size = os.path.getsize(sys.argv[3])
    reader = ["gzip", "-dc", sys.argv[3]] if sys.argv[3].endswith(".gz") else ["cat", sys.argv[3]]
    text = subprocess.run(reader, capture_output=True).stdout
    exchanges = text.count(b"<exchange ")
print(summary["throughput"]["rowsPerSecond"], 1e6 * (float(user) + float(system)) / rows, peak, size, exchanges)
PY
    rm -rf "$out"
}

for attempt in $(seq 1 "$REPEAT"); do
    for mode in plain audited; do
        read -r rate cpu peak size exchanges < <(run_once "$ROWS" "$mode")
        echo "$mode $rate $cpu $peak $size $exchanges" >>"$WORK/attempts"
        printf 'attempt %d %-8s %.0f rows/s, %.0f us CPU/row, peak RSS %.1f MB' "$attempt" "$mode" "$rate" "$cpu" \
            "$(echo "$peak / 1024" | bc -l)" >&2
        [ "$mode" = audited ] && printf ', log %.1f MB for %d exchanges' "$(echo "$size / 1048576" | bc -l)" "$exchanges" >&2
        echo >&2
    done
done
small=$((ROWS / 10))
read -r _ _ small_peak _ _ < <(run_once "$small" audited)

echo
echo "== run with and without --audit-xml ($AUDIT), nginx fixed body, $ROWS update rows, concurrency $CONCURRENCY, $REPEAT runs each"
load_note
python3 - "$WORK/attempts" "$ROWS" "$small" "$small_peak" <<'PY'
import statistics, sys
lines = [line.split() for line in open(sys.argv[1])]
plain = [list(map(float, l[1:])) for l in lines if l[0] == "plain"]
audited = [list(map(float, l[1:])) for l in lines if l[0] == "audited"]
rate_p = statistics.median(r[0] for r in plain)
rate_a = statistics.median(r[0] for r in audited)
pairs = [1 - a[0] / p[0] for p, a in zip(plain, audited)]
print(f"rows/s median: without {rate_p:.0f}, with the audit log {rate_a:.0f}")
print(f"throughput cost: {100 * (1 - rate_a / rate_p):.1f} % (medians); pairs: {', '.join(f'{100 * c:.1f} %' for c in pairs)}")
print(f"CPU per row (median): without {statistics.median(r[1] for r in plain):.0f} us, with {statistics.median(r[1] for r in audited):.0f} us")
peak_p = statistics.median(r[2] for r in plain) / 1024
peak_a = statistics.median(r[2] for r in audited) / 1024
small_peak = float(sys.argv[4]) / 1024
print(f"peak RSS: without {peak_p:.1f} MB, with {peak_a:.1f} MB at {int(sys.argv[2])} rows; with {small_peak:.1f} MB at {int(sys.argv[3])} rows")
size = statistics.median(r[3] for r in audited)
exchanges = statistics.median(r[4] for r in audited)
print(f"audit log: {size / 1048576:.1f} MB, {exchanges:.0f} exchanges, {size / max(exchanges, 1):.0f} bytes per exchange")
cost = 1 - rate_a / rate_p
print(f"target cost under 15 %: {'met' if cost < 0.15 else 'MISSED'}; RSS flat (within 20 % of the small run): {'met' if peak_a <= 1.2 * small_peak else 'MISSED'}")
PY
