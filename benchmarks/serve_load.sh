#!/usr/bin/env bash
# news-serve under load (issue 19). Starts news-serve on a free port over INDEX, then:
#  1. CONNECTIONS clients (wrk connections, default 16) for DURATION seconds (default 20), the
#     requests taking the paths of serve_load.queries in turn; with WRITE_INPUT, news-index adds
#     WRITE_INPUT to INDEX meanwhile (use a copy of an index you can write);
#  2. for each query alone, one client for 3 s: the HTTP latency's median, beside news-search's
#     own in-process time (took_ms, median of 5 runs) for the same flags.
#   benchmarks/serve_load.sh BUILD INDEX [DURATION] [CONNECTIONS] [WRITE_INPUT]
# Needs wrk (Debian: wrk) and python3.
set -euo pipefail
build=${1:?usage: serve_load.sh BUILD INDEX [DURATION] [CONNECTIONS] [WRITE_INPUT]}
index=${2:?usage: serve_load.sh BUILD INDEX [DURATION] [CONNECTIONS] [WRITE_INPUT]}
duration=${3:-20}
connections=${4:-16}
write_input=${5:-}
here=$(cd "$(dirname "$0")" && pwd)

log=$(mktemp)
"$build/bin/news-serve" --db "$index" --port 0 --threads "$connections" 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
port=""
for _ in $(seq 100); do
    port=$(grep -o '127\.0\.0\.1:[0-9]*' "$log" | cut -d: -f2 || true)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { cat "$log"; exit 1; }

# news-search's flags for one line of serve_load.queries.
search_args() {
    local line=$1 part name value query=""
    local -a parts args=()
    IFS='&' read -ra parts <<< "${line#*\?}"
    for part in "${parts[@]}"; do
        name=${part%%=*}
        value=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.unquote_plus(sys.argv[1]))' "${part#*=}")
        if [ "$name" = q ]; then query=$value; else args+=("--$name" "$value"); fi
    done
    printf '%s\0' "${args[@]}" -- "$query"
}

echo "### $connections clients for ${duration} s$([ -n "$write_input" ] && echo " while news-index writes $write_input")"
echo "$(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
writer=""
if [ -n "$write_input" ]; then
    "$build/bin/news-index" --db "$index" --commit-every 200 --no-progress "$write_input" 2>"$log.index" &
    writer=$!
fi
wrk --latency --timeout 30s -t 2 -c "$connections" -d "${duration}s" -s "$here/serve_load.lua" "http://127.0.0.1:$port"
if [ -n "$writer" ]; then
    status=0
    wait "$writer" || status=$?
    echo "news-index exit $status: $(tail -1 "$log.index")"
    rm -f "$log.index"
fi

echo
echo "### one client, each query alone: HTTP median vs news-search's took_ms median"
echo "| query | HTTP p50 ms (wrk, 1 client, 3 s) | news-search took_ms (median of 5) |"
echo "|---|---:|---:|"
while IFS= read -r line; do
    [ -z "$line" ] && continue
    mapfile -d '' args < <(search_args "$line")
    took=$(for _ in 1 2 3 4 5; do
        "$build/bin/news-search" --db "$index" --json "${args[@]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["took_ms"])'
    done | sort -n | sed -n 3p)
    p50=$(wrk --latency -t 1 -c 1 -d 3s "http://127.0.0.1:$port$line" | awk '$1 == "50%" {print $2}')
    echo "| \`$line\` | $p50 | $took |"
done < "$here/serve_load.queries"
