#!/usr/bin/env bash
# vocabulary_chart.sh BUILD_DIR [COUNT] [OUT.png]: the vocabulary curve (distinct words against
# words, log-log) of the BBC corpus and of a generate-corpus corpus of COUNT articles (default
# 200000, seed 42), with the BBC's Heaps' law fit extended, drawn with gnuplot. Extra corpora:
# set EXTRA="label=file.jsonl ..." (e.g. a corpus from an older generate-corpus).
set -euo pipefail
build_dir=${1:?usage: vocabulary_chart.sh BUILD_DIR [COUNT] [OUT.png]}
count=${2:-200000}
script_dir=$(cd "$(dirname "$0")" && pwd)
out=${3:-$script_dir/results/vocabulary.png}
bbc_dir=${NEWSDEX_BBC:-$script_dir/../../shared/corpus/bbc}
work=$(mktemp -d "${TMPDIR:-/tmp}/newsdex-vocabulary.XXXXXX")
trap 'rm -rf "$work"' EXIT

# points FILE-OR-DIR DAT: "words distinct" per point of newsdex-vocabulary's curve; prints the JSON.
points() {
    local measured
    measured=$("$build_dir/bin/newsdex-vocabulary" --json "$1")
    grep -o '"words":[0-9]*,"distinct":[0-9]*' <<<"$measured" | sed 's/"words"://; s/,"distinct":/ /' >"$2"
    echo "$measured"
}
bbc=$(points "$bbc_dir" "$work/bbc.dat")
k=$(grep -o '"heaps_k":[0-9.eE+-]*' <<<"$bbc" | cut -d: -f2)
beta=$(grep -o '"heaps_beta":[0-9.eE+-]*' <<<"$bbc" | cut -d: -f2)
"$build_dir/bin/generate-corpus" --count "$count" --seed 42 --out "$work/generated.jsonl" 2>/dev/null
points "$work/generated.jsonl" "$work/generated.dat" >/dev/null
plots="\"$work/bbc.dat\" using 1:2 title \"BBC corpus\" with linespoints pt 7, \"$work/generated.dat\" using 1:2 title \"generate-corpus ($count articles)\" with linespoints pt 5"
i=0
for extra in ${EXTRA:-}; do
    i=$((i + 1))
    points "${extra#*=}" "$work/extra-$i.dat" >/dev/null
    plots+=", \"$work/extra-$i.dat\" using 1:2 title \"${extra%%=*}\" with linespoints pt 9"
done
gnuplot <<GNUPLOT
set terminal pngcairo size 900,560 font ",11"
set output "$out"
set logscale xy
set xlabel "words in the corpus (n)"
set ylabel "distinct words (V)"
set key top left
set grid
plot [1000:1e8] $k * x**$beta title sprintf("BBC fit, extended: V = %.1f n^{%.3f}", $k, $beta) with lines dt 2, $plots
GNUPLOT
echo "vocabulary_chart.sh: wrote $out" >&2
