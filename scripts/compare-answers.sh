#!/usr/bin/env bash
# Indexes one corpus with two builds of newsdex and compares what they answer: the run
# summaries' counts, every document's stored form (--show --json of each id) and --json results
# of a fixed set of queries and facets. For refactorings that must not change behaviour. Fields
# added since (the summary's older_versions and stopped) are left out, and stored file paths are
# compared by their last component (they became relative to the input directory).
#
#   scripts/compare-answers.sh OLD_BIN_DIR NEW_BIN_DIR [CORPUS]   (default: ../shared/corpus/bbc)
#
# Exit 0 when everything is equal, 1 with a diff otherwise.
set -euo pipefail
old_bin=$1
new_bin=$2
corpus=${3:-"$(dirname "$0")/../../shared/corpus/bbc"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

queries=(
  '' 'economy' 'prime minister' '"prime minister"' 'elect*' 'blair AND brown' 'oil OR gas' 'economy -growth'
  'title:election' 'person:"Tony Blair"' 'org:"European Union"' 'place:London' 'actor:Blair' 'mobile phone'
  'Vladivostk' 'xyzzy' 'film award' 'chelsea' 'microsoft' 'interest rates'
)
extra=(
  '--facet person --facet org --facet place --facet source --facet month --facet-limit 20'
  '--sort date' '--no-collapse' '--limit 25 --offset 5'
)

answers() {
  local bin=$1 db=$2 out=$3
  "$bin/news-index" --db "$db" --json --no-progress "$corpus" 2>/dev/null |
    jq -S 'del(.seconds, .docs_per_second, .stage_seconds, .older_versions, .stopped)' > "$out/summary.json"
  : > "$out/queries.jsonl"
  for q in "${queries[@]}"; do
    for e in "${extra[@]}"; do
      # shellcheck disable=SC2086
      "$bin/news-search" --db "$db" --json $e -- "$q" 2>/dev/null | jq -cS 'del(.took_ms)' >> "$out/queries.jsonl" || true
    done
  done
  "$bin/news-search" --db "$db" --json --limit 100000 '' | jq -r '.results[].id' | sort > "$out/ids.txt"
  while read -r id; do
    # Stored paths are relative to the input directory since issue 21: compare the file names.
    "$bin/news-search" --db "$db" --show "$id" --json |
      jq -cS '(.file, (.also_seen // [])[].file) |= (if . then sub(".*/"; "") else . end)' 
  done < "$out/ids.txt" > "$out/documents.jsonl"
}

mkdir -p "$work/old" "$work/new"
answers "$old_bin" "$work/old/db" "$work/old"
answers "$new_bin" "$work/new/db" "$work/new"
status=0
for file in summary.json ids.txt documents.jsonl queries.jsonl; do
  if ! diff -q "$work/old/$file" "$work/new/$file" > /dev/null; then
    echo "differs: $file"
    diff "$work/old/$file" "$work/new/$file" | head -20
    status=1
  fi
done
echo "documents: $(wc -l < "$work/new/ids.txt"), queries compared: $(wc -l < "$work/new/queries.jsonl")"
[ $status -eq 0 ] && echo "same answers"
exit $status
