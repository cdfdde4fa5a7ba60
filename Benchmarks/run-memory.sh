#!/usr/bin/env bash
# Peak RSS of `invoicebatch run` by input size (issue 4: flat within 20 % from 20,000 to 200,000 rows, and
# under 100 MB): input is streamed, results leave through a bounded reorder buffer, so memory must not grow
# with the file.
#
# The server is nginx answering a fixed body (common.sh), so no server memory is counted; run gets each size of
# update rows (Benchmarks/make-csv.py) at --concurrency 32, measured with `/usr/bin/time -f %M` (peak resident
# set of the run process, KB).
#
# Usage: Benchmarks/run-memory.sh [ROWS...]      (default: 20000 200000; environment: CONCURRENCY=32)
# Needs: nginx (apt-get install -y nginx), /usr/bin/time (apt-get install -y time), curl, python3.
source "$(dirname "$0")/common.sh"
CONCURRENCY=${CONCURRENCY:-32}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20000 200000)

start_nginx
echo
echo "== run peak RSS, nginx fixed body, concurrency $CONCURRENCY"
load_note
peaks=()
for rows in "${sizes[@]}"; do
    input=$(rows_file "$rows")
    ZUORA_CLIENT_ID=dummy-id-7f3a90 ZUORA_CLIENT_SECRET=dummy-secret-91c2e4 \
        /usr/bin/time -f %M -o "$WORK/rss" "$BIN" run "$input" --out "$WORK/run-$rows" --concurrency "$CONCURRENCY" \
        --zuora-url "$NGINX_URL" --appzen-url "$NGINX_URL" --quiet
    kb=$(tail -1 "$WORK/rss")
    peaks+=("$kb")
    awk -v r="$rows" -v kb="$kb" 'BEGIN { printf "peak RSS at %d rows: %.1f MB\n", r, kb / 1024 }'
    rm -rf "$WORK/run-$rows"
done
python3 - "${peaks[@]}" <<'PY'
import sys
peaks = [int(kb) / 1024 for kb in sys.argv[1:]]
growth = max(peaks) / min(peaks) - 1
print(f"growth smallest to largest: {100 * growth:+.1f} %")
print(f"target flat within 20 %: {'met' if growth <= 0.2 else 'MISSED'}")
print(f"target under 100 MB: {'met' if max(peaks) < 100 else 'MISSED'}")
PY
