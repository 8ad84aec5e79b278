#include "indexer/actors.hpp"

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

// Numeric character references (and the few named ones the BBC files use), decoded as the
// indexer's html_entities stage does before extraction.
std::string decode_entities(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    auto append_utf8 = [&out](unsigned long cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t semi = text[i] == '&' ? text.find(';', i) : std::string::npos;
        if (semi != std::string::npos && semi - i <= 8) {
            const std::string name = text.substr(i + 1, semi - i - 1);
            if (name.size() > 1 && name[0] == '#' && name.find_first_not_of("0123456789", 1) == std::string::npos) {
                append_utf8(std::stoul(name.substr(1)));
                i = semi;
                continue;
            }
            const std::array<std::pair<const char*, char>, 4> named{
                {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}}};
            bool done = false;
            for (const auto& [entity, character] : named)
                if (name == entity) {
                    out += character;
                    i = semi;
                    done = true;
                    break;
                }
            if (done) continue;
        }
        out += text[i];
    }
    return out;
}

// A BBC file as the reader hands it over: headline line, blank line, paragraphs.
Article read_bbc(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::istringstream lines(decode_entities(buffer.str()));
    Article article;
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        if (article.title.empty()) article.title = line;
        else article.paragraphs.push_back(line);
    }
    return article;
}

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
        const auto actors = newsdex::extract_actors(read_bbc(path), gazetteer);
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
