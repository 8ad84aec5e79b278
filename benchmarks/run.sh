#!/usr/bin/env bash
# The newsdex benchmark: indexing throughput against a bare-Xapian baseline at several corpus
# sizes, newsdex's time per stage, and query and facet latency.
#
#   benchmarks/run.sh [BUILD_DIR] [--sizes "10000 50000 200000"] [--threads N] [--quick]
#                     [--baseline-up-to N] [--no-scaling] [--work DIR] [--results DIR] [--keep]
#
# BUILD_DIR (default: build) must hold bin/generate-corpus, bin/news-index, bin/newsdex-baseline-index,
# bin/newsdex-query-bench and bin/newsdex-write-floor (`make bench` builds them, then runs this).
# Writes RESULTS/latest.json and RESULTS/throughput.png (RESULTS defaults to benchmarks/results)
# and prints a Markdown report for RESULTS.md on stdout; progress goes to stderr.
# --baseline-up-to N skips the (slow) baseline for corpora larger than N articles, for runs that
# only show how news-index scales. At the smallest size news-index also runs with --threads 1, to
# show how it scales from one thread to --threads (default: all cores); --no-scaling skips that.
# On that size's index, newsdex-write-floor times Xapian's writer alone on newsdex's documents.
# Environment: NEWSDEX_BBC, the BBC folder the generator learns its text from.
# Needs bash, coreutils, awk, grep, sed; /usr/bin/time (package `time`) and gnuplot are used when
# present. Exit codes: 0 ok, 2 bad usage or a failed step.
set -euo pipefail

program=run.sh
script_dir=$(cd "$(dirname "$0")" && pwd)
repo_dir=$(dirname "$script_dir")

die() { echo "$program: error: $*" >&2; exit 2; }
note() { echo "$program: $*" >&2; }

# The header comment is the help.
usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

# --- Arguments ------------------------------------------------------------------------------------
build_dir="$repo_dir/build"
sizes="10000 50000 200000"
threads=""
work_dir=""
results_dir="$script_dir/results"
keep=0
baseline_up_to=""
scaling=1
command_line="benchmarks/run.sh${*:+ $*}"
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) [ $# -ge 2 ] || die "--sizes needs a value"; sizes=$2; shift 2 ;;
        --sizes=*) sizes=${1#*=}; shift ;;
        --threads) [ $# -ge 2 ] || die "--threads needs a value"; threads=$2; shift 2 ;;
        --threads=*) threads=${1#*=}; shift ;;
        --quick) sizes="2000 10000"; shift ;;
        --baseline-up-to) [ $# -ge 2 ] || die "--baseline-up-to needs a value"; baseline_up_to=$2; shift 2 ;;
        --baseline-up-to=*) baseline_up_to=${1#*=}; shift ;;
        --no-scaling) scaling=0; shift ;;
        --work) [ $# -ge 2 ] || die "--work needs a value"; work_dir=$2; shift 2 ;;
        --work=*) work_dir=${1#*=}; shift ;;
        --results) [ $# -ge 2 ] || die "--results needs a value"; results_dir=$2; shift 2 ;;
        --results=*) results_dir=${1#*=}; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) die "unknown flag $1 (see --help)" ;;
        *) build_dir=$1; shift ;;
    esac
done

is_count() { [[ "$1" =~ ^[1-9][0-9]*$ ]]; }
for size in $sizes; do is_count "$size" || die "--sizes wants positive whole numbers, not \"$size\""; done
[ -n "$sizes" ] || die "--sizes is empty"
sizes=$(tr ' ' '\n' <<<"$sizes" | grep . | sort -n -u | tr '\n' ' ')
largest=$(tr ' ' '\n' <<<"$sizes" | grep . | tail -n 1)
smallest=$(tr ' ' '\n' <<<"$sizes" | grep . | head -n 1)
[ -z "$baseline_up_to" ] || is_count "$baseline_up_to" || die "--baseline-up-to wants a positive whole number, not \"$baseline_up_to\""
[ -z "$threads" ] || is_count "$threads" || die "--threads wants a positive whole number, not \"$threads\""

[ -d "$build_dir" ] || die "no build directory $build_dir (run: make build)"
build_dir=$(cd "$build_dir" && pwd)
generate=$build_dir/bin/generate-corpus
news_index=$build_dir/bin/news-index
baseline=$build_dir/bin/newsdex-baseline-index
query_bench=$build_dir/bin/newsdex-query-bench
write_floor=$build_dir/bin/newsdex-write-floor
vocabulary=$build_dir/bin/newsdex-vocabulary
for tool in "$generate" "$news_index" "$baseline" "$query_bench" "$write_floor" "$vocabulary"; do
    [ -x "$tool" ] || die "$tool is missing (build with -DNEWSDEX_BENCHMARKS=ON: make build)"
done

bbc_dir=${NEWSDEX_BBC:-$script_dir/../../shared/corpus/bbc}
[ -d "$bbc_dir" ] || die "no BBC corpus at $bbc_dir (set NEWSDEX_BBC)"

if [ -n "$work_dir" ]; then
    mkdir -p "$work_dir"
    own_work_dir=0
else
    work_dir=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-bench.XXXXXX")
    own_work_dir=1
fi
work_dir=$(cd "$work_dir" && pwd)
mkdir -p "$results_dir"
results_dir=$(cd "$results_dir" && pwd)

# Corpora and indexes are big; the small logs stay for a look after a failure.
finished=0
clean_up() {
    [ "$keep" -eq 1 ] && { note "kept everything in $work_dir"; return; }
    rm -rf "$work_dir"/corpus-*.jsonl "$work_dir"/corpus-*.jsonl.truth "$work_dir"/baseline-*.db "$work_dir"/newsdex-*.db
    if [ "$finished" -eq 1 ] && [ "$own_work_dir" -eq 1 ]; then
        rm -rf "$work_dir"
    else
        note "logs are in $work_dir"
    fi
}
trap clean_up EXIT
# discard PATH...: deletes what has been measured, unless --keep.
discard() { [ "$keep" -eq 1 ] || rm -rf "$@"; }

# --- Helpers --------------------------------------------------------------------------------------
# Floating-point arithmetic: calc EXPRESSION [DECIMALS].
calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }

# The programs print compact one-line JSON, so grep and sed are enough to read it.
# json_object JSON KEY: the flat object under KEY (first occurrence), or nothing.
json_object() { { grep -o "\"$2\" *: *{[^{}]*}" <<<"$1" || true; } | head -n 1 | sed 's/^[^{]*//'; }
# json_top JSON: JSON with its inner objects removed, so json_number finds top-level keys only.
json_top() { sed -E 's/"[A-Za-z0-9_]+" *: *\{[^{}]*\}/"_":0/g' <<<"$1"; }
# json_number JSON KEY: the number under KEY (first occurrence), or nothing.
json_number() { { grep -o "\"$2\" *: *-\{0,1\}[0-9][0-9.eE+-]*" <<<"$1" || true; } | head -n 1 | sed 's/.*: *//'; }
# json_or_null VALUE: VALUE, or null when it is empty.
json_or_null() { if [ -n "$1" ]; then printf '%s' "$1"; else printf 'null'; fi; }
# mib KB: kibibytes as whole mebibytes, or n/a when unknown.
mib() { if [ -n "$1" ]; then calc "$1 / 1024" 0; else echo "n/a"; fi; }
# json_string TEXT: TEXT as a JSON string.
json_string() { printf '"%s"' "$(sed 's/\\/\\\\/g; s/"/\\"/g' <<<"$1" | tr -d '\n\r\t')"; }

have_time=0
[ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 && have_time=1

# measure NAME COMMAND...: runs COMMAND with stdout in $work_dir/NAME.out and stderr in
# $work_dir/NAME.err; sets m_rc, m_wall (s), m_rss_kb (peak resident set) and m_cpu (user+system s,
# empty without /usr/bin/time).
measure() {
    local name=$1; shift
    local out="$work_dir/$name.out" err="$work_dir/$name.err" times="$work_dir/$name.time"
    local start end
    start=$(date +%s%N)
    if [ "$have_time" -eq 1 ]; then
        m_rc=0
        /usr/bin/time -v -o "$times" "$@" >"$out" 2>"$err" || m_rc=$?
        end=$(date +%s%N)
        m_rss_kb=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$times")
        m_cpu=$(awk -F': *' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$times")
    else
        # Without GNU time, poll the kernel's high-water mark (VmHWM) of the running process. It
        # only grows, so the last reading misses at most the final poll interval's growth.
        "$@" >"$out" 2>"$err" &
        local pid=$! hwm="" state line
        while [ -r "/proc/$pid/status" ]; do
            state=""
            while read -r line; do
                case "$line" in
                    State:*) state=${line#State:} ;;
                    VmHWM:*) hwm=$(awk '{ print $1 }' <<<"${line#VmHWM:}") ;;
                esac
            done <"/proc/$pid/status" 2>/dev/null || true
            case "$state" in *Z*|*X*|"") break ;; esac
            sleep 0.05
        done
        m_rc=0
        wait "$pid" || m_rc=$?
        end=$(date +%s%N)
        m_rss_kb=$hwm
        m_cpu=""
    fi
    m_wall=$(calc "($end - $start) / 1e9" 3)
}

machine_cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
machine_mem_kb=$(awk '/^MemTotal/ { print $2 }' /proc/meminfo 2>/dev/null || true)
machine_cores=$(nproc)
machine_load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)
run_date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
xapian_version=$(xapian-config --version 2>/dev/null | awk '{ print $NF }' || true)
git_commit=$(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo none)

note "work directory $work_dir; sizes: $sizes; news-index threads: ${threads:-default ($machine_cores cores)}"
[ "$have_time" -eq 1 ] || note "/usr/bin/time not found (package time): peak RSS is polled from /proc, CPU time not reported"

# --- Indexing at each size ------------------------------------------------------------------------
stages="read clean dedup extract index write"
size_json=()
throughput_rows=()
stage_rows=()
chart_rows=()
query_json="null"
scaling_threads=${threads:-$machine_cores}
scaling_json="null"
scaling_row=""
floor_json="null"
floor_row=""
floor_aps=""
newsdex_rates=()   # "articles art/s" of each size, for the share of the write-floor ceiling
vocabulary_rows=()
vocabulary_json=()
# vocabulary_row NAME FILE-OR-DIR: one row of the vocabulary table (newsdex-vocabulary).
vocabulary_row() {
    local measured
    measured=$("$vocabulary" --json "$2" 2>>"$work_dir/vocabulary.err") || die "newsdex-vocabulary failed (see $work_dir/vocabulary.err)"
    measured=$(sed 's/,"points":.*$/}/' <<<"$measured")
    vocabulary_json+=("{\"corpus\":$(json_string "$1"),\"measured\":$measured}")
    vocabulary_rows+=("| $1 | $(json_number "$measured" articles) | $(calc "$(json_number "$measured" words_per_article)" 0) | $(calc "$(json_number "$measured" distinct_per_article)" 0) | $(calc "$(json_number "$measured" mean_bytes)" 0) | $(calc "$(json_number "$measured" heaps_k)" 1) | $(calc "$(json_number "$measured" heaps_beta)" 3) |")
}
note "measuring the BBC corpus's vocabulary"
vocabulary_row "BBC (real)" "$bbc_dir"

for size in $sizes; do
    corpus="$work_dir/corpus-$size.jsonl"
    note "[$size] generating the corpus"
    "$generate" --count "$size" --seed 42 --model-from "$bbc_dir" --out "$corpus" --truth "$corpus.truth" \
        >"$work_dir/generate-$size.out" 2>"$work_dir/generate-$size.err" ||
        die "generate-corpus failed (see $work_dir/generate-$size.err)"
    articles=$(wc -l <"$corpus" | tr -d ' ')
    corpus_bytes=$(stat -c %s "$corpus")
    vocabulary_row "generated $articles" "$corpus"

    with_baseline=1
    [ -z "$baseline_up_to" ] || [ "$size" -le "$baseline_up_to" ] || with_baseline=0
    b_wall="" b_rss="" b_cpu="" b_reported="" b_bytes=""
    if [ "$with_baseline" -eq 1 ]; then
        note "[$size] indexing with the bare-Xapian baseline"
        measure "baseline-$size" "$baseline" --db "$work_dir/baseline-$size.db" "$corpus"
        [ "$m_rc" -le 1 ] || die "newsdex-baseline-index failed (see $work_dir/baseline-$size.err)"
        b_wall=$m_wall b_rss=$m_rss_kb b_cpu=$m_cpu
        b_reported=$(head -n 1 "$work_dir/baseline-$size.out")
        b_bytes=$(du -sb "$work_dir/baseline-$size.db" | cut -f1)
        discard "$work_dir/baseline-$size.db"
    else
        note "[$size] baseline skipped (--baseline-up-to $baseline_up_to)"
    fi

    note "[$size] indexing with news-index"
    index_flags=(--json --no-progress --db "$work_dir/newsdex-$size.db")
    [ -z "$threads" ] || index_flags+=(--threads "$threads")
    measure "newsdex-$size" "$news_index" "${index_flags[@]}" "$corpus"
    # Exit code 1 means some records were rejected: still a run to report.
    [ "$m_rc" -le 1 ] || die "news-index failed with exit code $m_rc (see $work_dir/newsdex-$size.err)"
    [ "$m_rc" -eq 0 ] || note "[$size] news-index rejected some records (see $work_dir/newsdex-$size.err)"
    n_wall=$m_wall n_rss=$m_rss_kb n_cpu=$m_cpu
    n_reported=$(grep '^{' "$work_dir/newsdex-$size.out" | tail -n 1 || true)
    n_bytes=$(du -sb "$work_dir/newsdex-$size.db" | cut -f1)
    n_docs=$(json_number "$(json_top "$n_reported")" documents)

    if [ "$scaling" -eq 1 ] && [ "$size" = "$smallest" ] && [ "$scaling_threads" -gt 1 ]; then
        note "[$size] indexing with news-index --threads 1"
        measure "newsdex-1-thread-$size" "$news_index" --json --no-progress --threads 1 \
            --db "$work_dir/newsdex-1-thread-$size.db" "$corpus"
        [ "$m_rc" -le 1 ] || die "news-index --threads 1 failed (see $work_dir/newsdex-1-thread-$size.err)"
        discard "$work_dir/newsdex-1-thread-$size.db"
        scaling_ratio=$(calc "$m_wall / $n_wall" 3)
        scaling_json="{\"articles\":$articles,\"threads\":$scaling_threads,\"seconds_1_thread\":$m_wall,\"cpu_seconds_1_thread\":$(json_or_null "$m_cpu"),\"seconds\":$n_wall,\"cpu_seconds\":$(json_or_null "$n_cpu"),\"speedup\":$scaling_ratio}"
        scaling_row="| $articles | $(calc "$articles / $m_wall" 0) | ${m_cpu:-n/a} | $scaling_threads | $(calc "$articles / $n_wall" 0) | ${n_cpu:-n/a} | $(calc "$scaling_ratio" 2)× |"
        note "[$size] 1 thread $(calc "$articles / $m_wall" 0) articles/s, $scaling_threads threads $(calc "$articles / $n_wall" 0) articles/s: $(calc "$scaling_ratio" 2)×"
    fi

    # Stage shares: stage seconds are summed over threads, so only their shares are comparable.
    stage_object=$(json_object "$n_reported" stage_seconds)
    stage_total=0
    if [ -n "$stage_object" ]; then
        for stage in $stages; do
            value=$(json_number "$stage_object" "$stage")
            stage_total=$(calc "$stage_total + ${value:-0}" 6)
        done
    fi
    share_json="null"
    stage_cells=""
    if [ -n "$stage_object" ] && awk "BEGIN { exit !($stage_total > 0) }"; then
        share_json="{"
        for stage in $stages; do
            value=$(json_number "$stage_object" "$stage")
            if [ -n "$value" ]; then
                share=$(calc "100 * $value / $stage_total" 1)
                share_json+="\"$stage\":$share,"
                stage_cells+=" $share % ($(calc "$value" 2) s) |"
            else
                share_json+="\"$stage\":null,"
                stage_cells+=" n/a |"
            fi
        done
        share_json="${share_json%,}}"
    else
        for stage in $stages; do stage_cells+=" n/a |"; done
    fi
    stage_rows+=("| $articles |$stage_cells")

    if [ "$size" = "$smallest" ]; then
        note "[$size] timing Xapian's writer alone on newsdex's documents"
        "$write_floor" --db "$work_dir/newsdex-$size.db" --work "$work_dir/write-floor" \
            >"$work_dir/write-floor.out" 2>"$work_dir/write-floor.err" ||
            die "newsdex-write-floor failed (see $work_dir/write-floor.err)"
        floor_json=$(head -n 1 "$work_dir/write-floor.out")
        floor_ms=$(json_number "$floor_json" ms_per_document)
        floor_plain_ms=$(json_number "$floor_json" ms_per_document_without_positions)
        floor_aps=$(calc "$machine_cores * 1000 / $floor_ms" 0)
        floor_vs_baseline="n/a"
        [ -z "$b_wall" ] || floor_vs_baseline="$(calc "$floor_aps / ($articles / $b_wall)" 2)×"
        floor_row="| $(json_number "$floor_json" documents) | $(calc "$floor_ms" 3) | $(calc "$floor_plain_ms" 3) | $floor_aps | $floor_vs_baseline |"
    fi
    if [ "$size" = "$largest" ]; then
        note "[$size] measuring query and facet latency"
        "$query_bench" --db "$work_dir/newsdex-$size.db" >"$work_dir/query.out" 2>"$work_dir/query.err" ||
            die "newsdex-query-bench failed (see $work_dir/query.err)"
        query_json=$(head -n 1 "$work_dir/query.out")
        query_size=$size
    fi
    discard "$work_dir/newsdex-$size.db" "$corpus" "$corpus.truth"

    n_aps=$(calc "$articles / $n_wall" 1)
    newsdex_rates+=("$articles $n_aps")
    n_mbs=$(calc "$corpus_bytes / 1e6 / $n_wall" 3)
    n_bpa=$(calc "$n_bytes / $articles" 1)
    newsdex_json="{\"seconds\":$n_wall,\"articles_per_second\":$n_aps,\"mb_per_second\":$n_mbs,\"peak_rss_kb\":$(json_or_null "$n_rss"),\"cpu_seconds\":$(json_or_null "$n_cpu"),\"index_bytes\":$n_bytes,\"index_bytes_per_article\":$n_bpa,\"documents\":$(json_or_null "$n_docs"),\"stage_seconds\":$(json_or_null "$stage_object"),\"stage_share_percent\":$share_json,\"reported\":$(json_or_null "$n_reported")}"
    if [ "$with_baseline" -eq 1 ]; then
        b_aps=$(calc "$articles / $b_wall" 1)
        b_mbs=$(calc "$corpus_bytes / 1e6 / $b_wall" 3)
        b_bpa=$(calc "$b_bytes / $articles" 1)
        ratio=$(calc "$n_aps / $b_aps" 3)
        rss_ratio=""
        if [ -n "$b_rss" ] && [ -n "$n_rss" ]; then rss_ratio=$(calc "$n_rss / $b_rss" 2); fi
        baseline_json="{\"seconds\":$b_wall,\"articles_per_second\":$b_aps,\"mb_per_second\":$b_mbs,\"peak_rss_kb\":$(json_or_null "$b_rss"),\"cpu_seconds\":$(json_or_null "$b_cpu"),\"index_bytes\":$b_bytes,\"index_bytes_per_article\":$b_bpa,\"reported\":$(json_or_null "$b_reported")}"
        ratio_json="{\"articles_per_second\":$ratio,\"peak_rss\":$(json_or_null "$rss_ratio"),\"index_bytes_per_article\":$(calc "$n_bpa / $b_bpa" 3)}"
        throughput_rows+=("| $articles | $(calc "$corpus_bytes / 1e6" 1) | $(calc "$n_aps" 0) | $(calc "$b_aps" 0) | $(calc "$ratio" 2)× | $(calc "$n_mbs" 2) | $(calc "$b_mbs" 2) | $(mib "$n_rss") | $(mib "$b_rss") | $(calc "$n_bpa" 0) | $(calc "$b_bpa" 0) |")
        chart_rows+=("$articles $n_aps $b_aps $ratio")
        note "[$size] newsdex $(calc "$n_aps" 0) articles/s, baseline $(calc "$b_aps" 0) articles/s, ratio $(calc "$ratio" 2)"
    else
        baseline_json=null ratio_json=null
        throughput_rows+=("| $articles | $(calc "$corpus_bytes / 1e6" 1) | $(calc "$n_aps" 0) | not run | n/a | $(calc "$n_mbs" 2) | n/a | $(mib "$n_rss") | n/a | $(calc "$n_bpa" 0) | n/a |")
        chart_rows+=("$articles $n_aps ? ?")
        note "[$size] newsdex $(calc "$n_aps" 0) articles/s (no baseline)"
    fi
    size_json+=("{\"articles\":$articles,\"corpus_bytes\":$corpus_bytes,
 \"baseline\":$baseline_json,
 \"newsdex\":$newsdex_json,
 \"ratio\":$ratio_json}")
done

# --- latest.json ----------------------------------------------------------------------------------
chart_file="$results_dir/throughput.png"
chart_note=""
if command -v gnuplot >/dev/null 2>&1; then
    printf '%s\n' "${chart_rows[@]}" >"$work_dir/throughput.dat"
    terminal=png
    gnuplot -e 'set terminal' 2>&1 | grep -q pngcairo && terminal=pngcairo
    gnuplot >"$work_dir/gnuplot.err" 2>&1 <<EOF || { chart_note="gnuplot failed (see $work_dir/gnuplot.err)"; }
set terminal $terminal size 900,720 noenhanced
set output "$chart_file"
set multiplot layout 2,1 title "newsdex indexing throughput, $run_date, $machine_cores cores"
set datafile missing "?"
set logscale x
set xrange [$(calc "$smallest / 1.6" 0):$(calc "$largest * 1.6" 0)]
set offsets 0, 0, graph 0.15, 0
set grid
set key top right horizontal
set xlabel "articles in the corpus"
set ylabel "articles/s"
set yrange [0:*]
plot "$work_dir/throughput.dat" using 1:2:xtic(1) with linespoints lw 2 pt 7 title "news-index", \
     "" using 1:3 with linespoints lw 2 pt 5 title "bare-Xapian baseline"
set ylabel "newsdex / baseline"
plot "$work_dir/throughput.dat" using 1:4:xtic(1) with linespoints lw 2 pt 7 title "throughput ratio"
unset multiplot
EOF
else
    chart_note="gnuplot not found (apt-get install gnuplot-nox): chart skipped"
fi
[ -z "$chart_note" ] || { note "$chart_note"; chart_file=""; }

{
    printf '{"date":%s,"command":%s,\n' "$(json_string "$run_date")" "$(json_string "$command_line")"
    printf ' "machine":{"cores":%s,"cpu":%s,"memory_kb":%s,"load_average_at_start":%s,"kernel":%s},\n' \
        "$machine_cores" "$(json_string "$machine_cpu")" "$(json_or_null "$machine_mem_kb")" \
        "$(json_string "$machine_load")" "$(json_string "$(uname -r)")"
    printf ' "software":{"xapian":%s,"git_commit":%s},\n' "$(json_string "$xapian_version")" "$(json_string "$git_commit")"
    printf ' "settings":{"seed":42,"news_index_threads":%s,"peak_rss_from":%s,"mb":"10^6 bytes","seconds":"wall clock of the whole process"},\n' \
        "$(json_or_null "$threads")" "$(json_string "$([ "$have_time" -eq 1 ] && echo "/usr/bin/time -v" || echo "VmHWM polled every 50 ms")")"
    printf ' "sizes":[\n'
    for i in "${!size_json[@]}"; do
        [ "$i" -eq 0 ] || printf ',\n'
        printf '%s' "${size_json[$i]}"
    done
    vocabulary_list=$(IFS=,; printf '%s' "${vocabulary_json[*]}")
    printf '],\n "thread_scaling":%s,\n "write_floor":%s,\n "vocabulary":[%s],\n "queries_on_size":%s,\n "queries":%s,\n "chart":%s}\n' \
        "$scaling_json" "$floor_json" "$vocabulary_list" "$(json_or_null "${query_size:-}")" "$query_json" \
        "$( [ -n "$chart_file" ] && json_string "throughput.png" || echo null)"
} >"$results_dir/latest.json"
note "wrote $results_dir/latest.json${chart_file:+ and $chart_file}"

# --- Markdown report ------------------------------------------------------------------------------
latency_row() {
    local object
    object=$(json_object "$query_json" "$2")
    if [ -z "$object" ]; then echo "| $1 | n/a | n/a | n/a | n/a |"; return; fi
    echo "| $1 | $(json_number "$object" p50) | $(json_number "$object" p95) | $(json_number "$object" p99) | $(json_number "$object" zero_hit_queries) / $(json_number "$object" queries) |"
}

echo "## Run of $run_date"
echo
echo "Machine: $machine_cores cores, ${machine_cpu:-unknown CPU}, $(calc "${machine_mem_kb:-0} / 1048576" 1) GiB RAM, load average at start $machine_load; Xapian $xapian_version; commit $git_commit."
echo
echo "Command: \`$command_line\` (news-index threads: ${threads:-default, $machine_cores})"
echo
echo "### Indexing throughput"
echo
echo "Wall-clock time of the whole process; MB = 10^6 bytes of JSON Lines input; peak RSS in MiB; index size = \`du -sb\` of the index / articles."
echo
echo "| articles | corpus MB | newsdex art/s | baseline art/s | ratio | newsdex MB/s | baseline MB/s | newsdex peak RSS | baseline peak RSS | newsdex bytes/article | baseline bytes/article |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${throughput_rows[@]}"
echo
echo "### Time per newsdex stage (share of the summed stage time, seconds summed over threads)"
echo
echo "| articles | read | clean | dedup | extract | index | write |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${stage_rows[@]}"
echo
if [ -n "$scaling_row" ]; then
    echo "### From one thread to $scaling_threads (news-index --threads 1, then --threads $scaling_threads, same corpus)"
    echo
    echo "| articles | 1 thread art/s | CPU s | threads | art/s | CPU s | speedup |"
    echo "|---:|---:|---:|---:|---:|---:|---:|"
    echo "$scaling_row"
    echo
fi
if [ -n "$floor_row" ]; then
    echo "### Xapian's writer alone (newsdex-write-floor on the $smallest-article index)"
    echo
    echo "Finished newsdex documents added from memory into fresh 1,000-document databases, as news-index's writers do, on one thread: no Xapian-based indexer can go faster. \"at most\" = $machine_cores cores × that rate, before any of newsdex's own work; the last column divides it by this run's baseline at $smallest articles."
    echo
    echo "| documents | ms/document | ms/document without positions | at most art/s | × baseline |"
    echo "|---:|---:|---:|---:|---:|"
    echo "$floor_row"
    echo
    echo "### newsdex against that ceiling ($machine_cores cores × Xapian's writer alone)"
    echo
    echo "| articles | newsdex art/s | ceiling art/s | share of the ceiling |"
    echo "|---:|---:|---:|---:|"
    for rate in "${newsdex_rates[@]}"; do
        read -r rate_articles rate_aps <<<"$rate"
        echo "| $rate_articles | $(calc "$rate_aps" 0) | $floor_aps | $(calc "100 * $rate_aps / $floor_aps" 1) % |"
    done
    echo
fi
echo "### Vocabulary of the corpora (newsdex-vocabulary: words as Xapian splits them, lower-cased)"
echo
echo "Heaps' law V = k · n^β fitted on distinct words V against word occurrences n, at 1, 2, 5, 10, … articles (points with n ≥ 10,000)."
echo
echo "| corpus | articles | words/article | distinct words/article | bytes/article | k | β |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${vocabulary_rows[@]}"
echo
echo "### Query latency (${query_size:-?} articles, limit 10 with snippets, ms)"
echo
echo "| queries | p50 | p95 | p99 | no match |"
echo "|---|---:|---:|---:|---:|"
latency_row "200 one-word + 200 two-word" latency_ms
latency_row "same, with month and actor facets" latency_with_facets_ms
echo
echo "### Facet counting over large match sets (${query_size:-?} articles, ms)"
echo
echo "As news-search runs them: limit 10 with snippets, near copies collapsed, so matches are stories; \"~\" marks an estimate (no facet forces an exact count)."
echo
echo "| query | facets | matches | best of 5 | median of 5 |"
echo "|---|---|---:|---:|---:|"
{ grep -o '{"query":[^{}]*}' <<<"$query_json" || true; } | while read -r timing; do
    grep -q '"facets":' <<<"$timing" || continue  # visiting_every_match: the matcher alone, not a facet timing
    query=$(sed -E 's/^\{"query":"([^"]*)".*/\1/' <<<"$timing")
    facets=$(sed -E 's/.*"facets":\[([^]]*)\].*/\1/; s/"//g' <<<"$timing")
    matches=$(json_number "$timing" matches)
    grep -q '"matches_exact":true' <<<"$timing" || matches="~$matches"
    echo "| ${query:-(all articles)} | ${facets:-none} | $matches | $(json_number "$timing" best_ms) | $(json_number "$timing" median_ms) |"
done
echo
if [ -n "$chart_file" ]; then
    echo "![Indexing throughput](results/throughput.png)"
else
    echo "Chart: not drawn ($chart_note)."
fi
finished=1
