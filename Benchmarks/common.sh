# Shared by the `run-*.sh` benchmarks (sourced, not run): the release build, the input files, and the two
# servers they run against — nginx answering a fixed JSON body (a server that costs ~nothing) and
# `invoicebatch sandbox` on a loopback port. Every server is started in its own `mktemp -d` directory on a port
# the OS chooses, and stopped (by its own pid) when the sourcing script exits.
#
# Provides: $BIN (the release binary), $WORK (this script's temp dir), rows_file ROWS, start_nginx,
# start_sandbox ARGS…, free_port, load_note, and `python3 Benchmarks/results-stats.py` for the figures.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

WORK=$(mktemp -d)
BENCH_PIDS=()
bench_cleanup() {
    local pid
    for pid in "${BENCH_PIDS[@]}"; do
        kill -INT "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap bench_cleanup EXIT

# The release binary, built once (an up-to-date build takes seconds).
if [ -z "${BIN:-}" ]; then
    echo "building release…" >&2
    swift build -c release --product invoicebatch >&2
    BIN="$(swift build -c release --show-bin-path)/invoicebatch"
fi

# Benchmarks/data/updates-ROWS.csv (git ignores Benchmarks/data/), made once by make-csv.py: row i names INV-<i>.
rows_file() {
    local file="Benchmarks/data/updates-$1.csv"
    mkdir -p Benchmarks/data
    if [ ! -f "$file" ]; then
        python3 Benchmarks/make-csv.py "$1" "$file.tmp"
        mv "$file.tmp" "$file"
    fi
    echo "$file"
}

# A loopback port that was free a moment ago.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# nginx on a loopback port answering every request 200 `{"success":true}` and /oauth/token a token:
# sets NGINX_URL and NGINX_PID. One worker (the client under test needs the other core); no access log;
# keep-alive without a per-connection request cap, so no reconnects inside a run.
start_nginx() {
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || {
        echo "nginx is not installed: apt-get install -y nginx" >&2
        exit 2
    }
    local nginx dir port attempt
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    dir="$WORK/nginx"
    mkdir -p "$dir"
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    keepalive_requests 10000000;
    keepalive_timeout 120s;
    server {
        listen 127.0.0.1:$port;
        default_type application/json;
        location = /oauth/token { return 200 '{"access_token":"x","token_type":"bearer","expires_in":3600}'; }
        location / { return 200 '{"success":true}'; }
    }
}
CONF
        "$nginx" -c "$dir/nginx.conf" -p "$dir" 2>>"$dir/error.log" &
        NGINX_PID=$!
        BENCH_PIDS+=("$NGINX_PID")
        NGINX_URL="http://127.0.0.1:$port"
        for _ in $(seq 1 50); do
            curl -sf -X PUT "$NGINX_URL/v1/invoices/x" -d '{}' >/dev/null 2>&1 && return 0
            kill -0 "$NGINX_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -INT "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    done
    echo "nginx did not start:" >&2
    cat "$dir/error.log" >&2
    exit 1
}

# `invoicebatch sandbox --port 0 ARGS…` in the background: sets SANDBOX_URL, SANDBOX_PID and exports the
# credentials it prints (ZUORA_CLIENT_ID, …) for the `run` that follows.
start_sandbox() {
    local banner="$WORK/sandbox-banner.$RANDOM"
    "$BIN" sandbox --port 0 --log-level error "$@" >"$banner" 2>"$banner.log" &
    SANDBOX_PID=$!
    BENCH_PIDS+=("$SANDBOX_PID")
    for _ in $(seq 1 300); do
        grep -q 'http://' "$banner" 2>/dev/null && break
        sleep 0.1
    done
    SANDBOX_URL=$(grep -o 'http://[0-9.]*:[0-9]*' "$banner" | head -1 || true)
    [ -n "$SANDBOX_URL" ] || {
        echo "the sandbox did not start:" >&2
        cat "$banner.log" >&2
        exit 1
    }
    local name value
    while IFS='=' read -r name value; do
        export "$name=$value"
    done < <(sed -n 's/^ *export \([A-Z_]*=.*\)$/\1/p' "$banner")
}

# What else the two cores were doing: the figures are only comparable under similar load.
load_note() {
    echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
