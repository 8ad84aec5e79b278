#include "indexer/extract/actor_word_lists.hpp"

#include <fstream>
#include <stdexcept>

#include "common/data_dir.hpp"
#include "common/gazetteer.hpp"

namespace newsdex {

ActorWordLists::WordSet ActorWordLists::read(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot open word list");
    WordSet words;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        std::string key = Gazetteer::fold_key(line);
        if (!key.empty()) words.insert(std::move(key));
    }
    return words;
}

ActorWordLists ActorWordLists::load(const std::filesystem::path& directory) {
    ActorWordLists lists;
    lists.m_files = {directory / "given_names.txt", directory / "not_actors.txt"};
    lists.m_given_names = read(lists.m_files[0]);
    lists.m_not_actors = read(lists.m_files[1]);
    return lists;
}

ActorWordLists ActorWordLists::load_builtin() { return load(data_path("indexer/extract")); }

}  // namespace newsdex
