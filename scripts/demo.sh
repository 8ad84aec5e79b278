#!/usr/bin/env bash
# The demo: index corpus/seeds into demo-index/ and run a few searches that show ranked
# results, highlighted snippets and facet counts.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
bin="$build/bin"
db=demo-index

run() {
    printf '\n\033[1m$ %s\033[0m\n' "$*"
    "$@" || true
}

rm -rf "$db"
run "$bin/news-index" --db "$db" corpus/seeds
run "$bin/news-search" --db "$db" --color always Rosatom
run "$bin/news-search" --db "$db" --color always '"small modular reactors"'
run "$bin/news-search" --db "$db" --color always --limit 3 Vladivostok
run "$bin/news-search" --db "$db" --color always --limit 0 --facet month --facet person --facet place ''
run "$bin/news-search" --db "$db" --color always --limit 2 --actor Naypyitaw --facet org Russia
