#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang and runs each for SECONDS (default 60).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# The checked-in seed corpus fuzz/corpus/<target>/ is read, never written: new inputs the
# fuzzer finds, and any crash, go to a fresh temporary directory printed at the end. To keep a
# finding as a regression seed, copy it into fuzz/corpus/<target>/ (the test suite replays it).
# Environment: CXX (default clang++-14), FUZZ_BUILD_DIR (default build-fuzz beside the
# sources), FUZZ_JOBS (parallel build jobs, default 2), FUZZ_RSS_MB (default 2048), FUZZ_ARGS
# (more libFuzzer flags, e.g. "-detect_leaks=0 -jobs=2").
set -euo pipefail

seconds=${1:-60}
shift || true
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${FUZZ_BUILD_DIR:-$source_dir/build-fuzz}
all_targets=(text_reader jsonl_reader cleaner date_parser actor_extractor search_query)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "fuzz.sh: SECONDS must be a positive whole number, not '$seconds'" >&2
    exit 2
fi

CXX=${CXX:-clang++-14} cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNEWSDEX_FUZZ=ON -DNEWSDEX_TESTS=OFF -DNEWSDEX_BENCHMARKS=OFF >/dev/null
cmake --build "$build_dir" -j "${FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}"

findings=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-fuzz-XXXXXX")
status=0
for target in "${targets[@]}"; do
    mkdir -p "$findings/$target"
    echo "== $target: $seconds s"
    # First directory: where new inputs go; second: the seeds, read only.
    if ! "$build_dir/bin/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
        -timeout=10 -print_final_stats=1 -artifact_prefix="$findings/$target/" ${FUZZ_ARGS:-} \
        "$findings/$target" "$source_dir/fuzz/corpus/$target" 2>"$findings/$target.log"; then
        status=1
        echo "   FINDING: see $findings/$target.log and $findings/$target/crash-* (or leak-, timeout-, oom-)"
    fi
    grep -E '^(stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb)' "$findings/$target.log" |
        sed 's/^/   /' || true
done
echo "new inputs and findings: $findings"
exit $status
