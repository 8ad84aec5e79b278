#pragma once
/// Which record of an id comes last in the input. An input may hold an article's history
/// (several records with one id); only the last is indexed, so that what a run writes depends
/// on the input and the index alone — never on which versions an earlier run happened to see.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/article.hpp"

namespace newsdex {

/// Where each id occurs last, and which record that is, learned from a first pass over the
/// whole input.
class LatestRecords {
public:
    /// Notes `article`, read in input order, with the hash of its record (record_hash()).
    void observe(const Article& article, std::string_view record_hash);

    /// Where the last record with `article`'s id is, when it is not `article` itself (a later
    /// record replaces it); nullopt when `article` is that last record, or was never observed.
    [[nodiscard]] std::optional<Origin> later_record(const Article& article) const;

    /// True when the input holds a record with the id whose id term is `id_term`
    /// (schema::id_term).
    [[nodiscard]] bool has(std::string_view id_term) const;

    /// True when the input's last record with that id term comes after the record read at `now`.
    [[nodiscard]] bool comes_after(std::string_view id_term, const Origin& now) const;

    /// True when the input's last record with that id term has another record hash than
    /// `record_hash`: the version written from `record_hash` is not what this input leaves.
    [[nodiscard]] bool replaces(std::string_view id_term, std::string_view record_hash) const;

private:
    struct Position {
        std::uint32_t file = 0;  // index into m_files
        std::uint64_t line = 0;
        std::uint64_t record = 0;  // hash64 of the record hash
    };
    [[nodiscard]] std::uint32_t file_number(const std::string& file);

    std::unordered_map<std::uint64_t, Position> m_last;  // hash of the id term -> its last record
    std::vector<std::string> m_files;
    std::unordered_map<std::string, std::uint32_t> m_file_numbers;
};

}  // namespace newsdex
