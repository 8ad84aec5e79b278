#pragma once
/// Indexes the end-to-end tests share within one test process, and the way they search them.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/run_tool.hpp"
#include "tests/support/temp_dir.hpp"

namespace newsdex::test {

/// The demo corpus (corpus/seeds) indexed by news-index, built on first use.
[[nodiscard]] const TempDir& seeds_index();

/// The BBC corpus (../shared/corpus/bbc) indexed by news-index, built on first use.
[[nodiscard]] const TempDir& bbc_index();

/// The geography test articles (tests/data/geo_articles) indexed by news-index, built on first use.
[[nodiscard]] const TempDir& geo_articles_index();

/// Runs news-search on `db` with `args`.
[[nodiscard]] ToolRun search(const TempDir& db, std::vector<std::string> args);

/// Runs news-search --json on `db` with `args`, requires exit code 0 or 1, and parses stdout.
[[nodiscard]] nlohmann::json search_json(const TempDir& db, std::vector<std::string> args);

}  // namespace newsdex::test
