#!/usr/bin/env bash
# Times `news-search --format` exporting every document of an index, and samples its resident
# memory four times a second to show that it stays flat (issue 18).
#
#   benchmarks/export.sh BUILD_DIR INDEX [news-search export flags...]
#
# Default flags: --format csv --no-collapse (every document, no bodies). Prints the records
# written, wall-clock and CPU seconds, the peak RSS, and the RSS samples taken at each tenth of
# the run. The output itself goes to /dev/null.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: benchmarks/export.sh BUILD_DIR INDEX [news-search flags...]" >&2
    exit 2
fi
build_dir=$1
index=$2
shift 2
flags=("$@")
[ ${#flags[@]} -gt 0 ] || flags=(--format csv --no-collapse)

search=$build_dir/bin/news-search
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

records=$("$search" --db "$index" "${flags[@]}" --no-progress '' | wc -l)

/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$search" --db "$index" "${flags[@]}" --no-progress '' >/dev/null &
timer=$!
# The child of /usr/bin/time is news-search.
sleep 0.05
pid=$(pgrep -P "$timer" || true)
: >"$work/rss"
while kill -0 "$timer" 2>/dev/null; do
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
        awk '/^VmRSS/ {print $2}' "/proc/$pid/status" >>"$work/rss" 2>/dev/null || true
    fi
    sleep 0.25
done
wait "$timer"

read -r wall user sys peak <"$work/time"
echo "flags: ${flags[*]}"
echo "lines written: $records (CSV: a header, then a record per document, which may span lines when it has a body)"
echo "wall: ${wall} s; CPU: user ${user} s + system ${sys} s; peak RSS: $((peak / 1024)) MiB"
if [ -s "$work/rss" ]; then
    samples=$(wc -l <"$work/rss")
    printf 'RSS (MiB) at each tenth of the run:'
    for tenth in 1 2 3 4 5 6 7 8 9 10; do
        line=$(( (samples * tenth + 9) / 10 ))
        printf ' %s' "$(sed -n "${line}p" "$work/rss" | awk '{printf "%.1f", $1 / 1024}')"
    done
    echo
fi
