#!/usr/bin/env bash
# `invoicebatch run` rows/s against a server that costs ~nothing, beside a plain AsyncHTTPClient loop sending the
# same requests (issue 4: ours should keep at least 80 % of the loop's rate).
#
# The server is nginx on a loopback port answering every request 200 `{"success":true}` (and /oauth/token a
# token); see start_nginx in common.sh. `run` gets ROWS update rows (Benchmarks/make-csv.py) at --concurrency
# CONCURRENCY with dummy client credentials (one token request). The loop (Benchmarks/AHCLoop, its own package and
# .build) sends the requests `run --dry-run` prints for the same file — same method, path, JSON body and headers —
# CONCURRENCY in flight over one HTTPClient configured like run's. The two alternate, REPEAT times each.
#
# Figures: `run` rows/s as summary.json's throughput.rowsPerSecond (rows ÷ the sending phase: after the offline
# checks, to the last result written), also rows/s over the process's wall time (checks and start-up included);
# the loop's requests/s (its sending phase: first request to last answer); the ratio run / loop (summary.json
# based) best against best and as the median of back-to-back pairs (the machine is shared: load moves both rates,
# the ratio of a pair less); CPU per row (user + sys from /usr/bin/time), which explains the ratio: with two cores
# shared with nginx, the rate follows the client's CPU cost.
#
# Usage: Benchmarks/run-throughput.sh      (environment: ROWS=50000 CONCURRENCY=32 REPEAT=5)
# Needs: nginx (apt-get install -y nginx), /usr/bin/time, curl, python3.
source "$(dirname "$0")/common.sh"
ROWS=${ROWS:-50000}
CONCURRENCY=${CONCURRENCY:-32}
REPEAT=${REPEAT:-5}

echo "building Benchmarks/AHCLoop (release)…" >&2
(cd Benchmarks/AHCLoop && swift build -c release >&2)
LOOP="$(cd Benchmarks/AHCLoop && swift build -c release --show-bin-path)/AHCLoop"

input=$(rows_file "$ROWS")
start_nginx
"$BIN" run "$input" --dry-run >"$WORK/requests.txt" 2>/dev/null

for attempt in $(seq 1 "$REPEAT"); do
    out="$WORK/run-$attempt"
    started=$(date +%s.%N)
    ZUORA_CLIENT_ID=dummy-id-7f3a90 ZUORA_CLIENT_SECRET=dummy-secret-91c2e4 \
        /usr/bin/time -f "%U %S" -o "$WORK/run-cpu" \
        "$BIN" run "$input" --out "$out" --concurrency "$CONCURRENCY" --zuora-url "$NGINX_URL" \
        --appzen-url "$NGINX_URL" --quiet
    ended=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$WORK/loop-cpu" "$LOOP" "$NGINX_URL" "$WORK/requests.txt" "$CONCURRENCY" \
        >"$WORK/loop.txt"
    python3 - "$out/summary.json" "$ended" "$started" "$WORK/run-cpu" "$WORK/loop.txt" "$WORK/loop-cpu" \
        >>"$WORK/attempts" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
rows = summary["rows"]
wall = rows / (float(sys.argv[2]) - float(sys.argv[3]))
run_cpu = sum(map(float, open(sys.argv[4]).read().split()[-2:]))
loop = float(open(sys.argv[5]).read().split("requests/s: ")[1].split()[0])
loop_cpu = sum(map(float, open(sys.argv[6]).read().split()[-2:]))
print(summary["throughput"]["rowsPerSecond"], wall, loop, 1e6 * run_cpu / rows, 1e6 * loop_cpu / rows)
PY
    read -r ours wall loop run_cpu loop_cpu < <(tail -1 "$WORK/attempts")
    printf 'attempt %d: run %.0f rows/s (summary.json), %.0f rows/s (wall time), %.0f us CPU/row; ' \
        "$attempt" "$ours" "$wall" "$run_cpu" >&2
    printf 'AHC loop %.0f requests/s, %.0f us CPU/request\n' "$loop" "$loop_cpu" >&2
    rm -rf "$out"
done

echo
echo "== run vs a plain AsyncHTTPClient loop, nginx fixed body, $ROWS update rows, concurrency $CONCURRENCY, $REPEAT runs each"
load_note
python3 - "$WORK/attempts" <<'PY'
import statistics, sys
runs = [list(map(float, line.split())) for line in open(sys.argv[1])]
ours, wall, loop, run_cpu, loop_cpu = zip(*runs)
ratios = [o / l for o, l in zip(ours, loop)]
print(f"run rows/s (summary.json, sending phase): best {max(ours):.0f}, median {statistics.median(ours):.0f}")
print(f"run rows/s (wall time of the process, checks included): best {max(wall):.0f}, median {statistics.median(wall):.0f}")
print(f"AHC loop requests/s: best {max(loop):.0f}, median {statistics.median(loop):.0f}")
print(f"ratio run / loop, best / best: {max(ours) / max(loop):.2f}")
print(f"ratio run / loop, median of the back-to-back pairs: {statistics.median(ratios):.2f} (pairs: {', '.join(f'{r:.2f}' for r in ratios)})")
print(f"CPU per row (user + sys, median): run {statistics.median(run_cpu):.0f} us, AHC loop {statistics.median(loop_cpu):.0f} us")
met = max(ours) / max(loop) >= 0.8 and statistics.median(ratios) >= 0.8
print(f"target run >= 0.80 x loop (both ratios): {'met' if met else 'MISSED'}")
PY
