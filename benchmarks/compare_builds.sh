#!/usr/bin/env bash
# Did a change slow indexing down? Indexes one generated corpus with the bare-Xapian baseline and
# with the news-index of each build given, in rounds (baseline, build 1, build 2, ..., again), so
# that every build meets the same machine load, and prints each build's throughput as a ratio
# against the baseline of its own round, with the median over the rounds.
#
#   benchmarks/compare_builds.sh [--count N] [--rounds R] [--baseline BUILD] BUILD_DIR...
#
# Each BUILD_DIR holds bin/news-index (older builds need nothing else); the corpus comes from
# the last build's bin/generate-corpus (or --baseline BUILD's) with seed 42 and the BBC model,
# and the baseline is that build's bin/newsdex-baseline-index. Defaults: --count 20000, --rounds 3.
# Prints a Markdown table on stdout, progress on stderr. Exit codes: 0 ok, 2 bad usage or a failed step.
set -euo pipefail

die() { echo "compare_builds.sh: error: $*" >&2; exit 2; }
count=20000
rounds=3
tools=""
builds=()
while [ $# -gt 0 ]; do
    case "$1" in
        --count) count=${2:?--count needs a value}; shift 2 ;;
        --rounds) rounds=${2:?--rounds needs a value}; shift 2 ;;
        --baseline) tools=${2:?--baseline needs a build directory}; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown flag $1" ;;
        *) builds+=("$(cd "$1" && pwd)") || die "no build directory $1"; shift ;;
    esac
done
[ ${#builds[@]} -gt 0 ] || die "name at least one build directory"
[ -n "$tools" ] || tools=${builds[-1]}
for build in "${builds[@]}"; do [ -x "$build/bin/news-index" ] || die "$build/bin/news-index is missing"; done
for tool in generate-corpus newsdex-baseline-index; do [ -x "$tools/bin/$tool" ] || die "$tools/bin/$tool is missing"; done
bbc=${NEWSDEX_BBC:-"$(dirname "$0")/../../shared/corpus/bbc"}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus.jsonl
echo "generating $count articles" >&2
"$tools/bin/generate-corpus" --count "$count" --seed 42 --model-from "$bbc" --out "$corpus" >/dev/null 2>&1 ||
    die "generate-corpus failed"

# seconds COMMAND...: wall-clock seconds of one run, with an empty index each time.
seconds() {
    rm -rf "$work/db"
    local start end rc=0
    start=$(date +%s%N)
    "$@" >/dev/null 2>"$work/err" || rc=$?
    end=$(date +%s%N)
    # news-index exits 1 when it rejected records: still a run.
    [ "$rc" -le 1 ] || die "$1 failed with exit code $rc: $(tail -n 3 "$work/err")"
    awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

declare -A ratios
for round in $(seq 1 "$rounds"); do
    base=$(seconds "$tools/bin/newsdex-baseline-index" --db "$work/db" "$corpus")
    echo "round $round: baseline $base s" >&2
    for i in "${!builds[@]}"; do
        took=$(seconds "${builds[$i]}/bin/news-index" --db "$work/db" --json --no-progress "$corpus")
        ratio=$(awk -v b="$base" -v n="$took" 'BEGIN { printf "%.3f", b / n }')
        ratios[$i]="${ratios[$i]:-} $ratio"
        echo "round $round: ${builds[$i]} $took s, ${ratio}x the baseline" >&2
    done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "| build | news-index / baseline, each round | median |"
echo "|---|---|---:|"
for i in "${!builds[@]}"; do
    echo "| \`${builds[$i]}\` |${ratios[$i]} | $(median "${ratios[$i]}")× |"
done
