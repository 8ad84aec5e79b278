#include "indexer/extract/actors.hpp"

#include "tests/support/extraction.hpp"
#include "tests/support/text_articles.hpp"
#include "tests/support/paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>
#include <string>

using newsdex::ActorType;
using newsdex::Article;
using newsdex::Gazetteer;

namespace {

// Names compare after mapping through the gazetteer (name, alias or surname) and folding.
std::string comparable(const Gazetteer& gazetteer, const std::string& name) {
    if (auto match = gazetteer.find(name); match && !match->via_demonym) return Gazetteer::fold_key(match->entry->name);
    if (const auto* person = gazetteer.find_by_surname(name)) return Gazetteer::fold_key(person->name);
    return Gazetteer::fold_key(name);
}

struct Counts {
    int true_positives = 0;
    int false_positives = 0;
    int false_negatives = 0;
    double precision() const {
        return true_positives + false_positives == 0 ? 1.0 : double(true_positives) / (true_positives + false_positives);
    }
    double recall() const {
        return true_positives + false_negatives == 0 ? 1.0 : double(true_positives) / (true_positives + false_negatives);
    }
};

}  // namespace

TEST_CASE("actor extraction reaches its precision and recall floors on hand-labelled BBC articles",
          "[actor_quality][bbc]") {
    const auto labels_file = newsdex::test::test_data() / "actors_bbc_labels.json";
    if (!std::filesystem::exists(labels_file)) {
        WARN("skipped: " << labels_file.string() << " is missing");
        return;
    }
    std::ifstream in(labels_file);
    const auto labels = nlohmann::json::parse(in);
    REQUIRE(labels.at("articles").size() >= 40);

    const Gazetteer gazetteer = Gazetteer::load_builtin();
    const std::array<std::pair<ActorType, const char*>, 3> types{
        {{ActorType::person, "person"}, {ActorType::org, "org"}, {ActorType::place, "place"}}};
    std::array<Counts, 3> counts{};
    for (const auto& item : labels.at("articles")) {
        const std::string file = item.at("file");
        const auto path = newsdex::test::shared_corpus() / "bbc" / file;
        REQUIRE(std::filesystem::exists(path));
        const auto actors = newsdex::extract_actors(newsdex::test::read_text_file(path), gazetteer, newsdex::test::builtin_word_lists());
        for (std::size_t t = 0; t < types.size(); ++t) {
            std::set<std::string> expected;
            std::set<std::string> found;
            for (const auto& name : item.at(types[t].second)) expected.insert(comparable(gazetteer, name));
            for (const auto& actor : actors)
                if (actor.type == types[t].first) found.insert(comparable(gazetteer, actor.name));
            for (const auto& name : found) {
                if (expected.contains(name)) ++counts[t].true_positives;
                else ++counts[t].false_positives;
            }
            for (const auto& name : expected)
                if (!found.contains(name)) ++counts[t].false_negatives;
        }
    }
    for (std::size_t t = 0; t < types.size(); ++t) {
        std::ostringstream line;
        line << std::fixed << std::setprecision(3) << types[t].second << ": precision " << counts[t].precision()
             << ", recall " << counts[t].recall() << " (" << counts[t].true_positives << " right, "
             << counts[t].false_positives << " wrong, " << counts[t].false_negatives << " missed, "
             << labels.at("articles").size() << " articles)";
        WARN(line.str());
    }
    // Floors: what the rules and gazetteer reach (precision/recall: person 0.964/0.875, org
    // 0.871/0.794, place 0.910/0.933), less a small margin. Raise them as they improve.
    CHECK(counts[0].precision() >= 0.93);
    CHECK(counts[0].recall() >= 0.85);
    CHECK(counts[1].precision() >= 0.85);
    CHECK(counts[1].recall() >= 0.77);
    CHECK(counts[2].precision() >= 0.88);
    CHECK(counts[2].recall() >= 0.90);
}
