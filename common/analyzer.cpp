#include "common/analyzer.hpp"

#include <array>
#include <utility>

#include "common/schema.hpp"

namespace newsdex {

Xapian::Stem stemmer_for(std::string_view lang) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> codes{{
        {"ar", "arabic"},   {"hy", "armenian"},  {"eu", "basque"},     {"ca", "catalan"},
        {"da", "danish"},   {"nl", "dutch"},     {"en", "english"},    {"fi", "finnish"},
        {"fr", "french"},   {"de", "german"},    {"hu", "hungarian"},  {"id", "indonesian"},
        {"ga", "irish"},    {"it", "italian"},   {"lt", "lithuanian"}, {"ne", "nepali"},
        {"nb", "norwegian"}, {"no", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"},
        {"ru", "russian"},  {"es", "spanish"},   {"sv", "swedish"},    {"tr", "turkish"},
    }};
    std::string code = Xapian::Unicode::tolower(std::string(lang));
    if (auto dash = code.find_first_of("-_"); dash != std::string::npos) code.resize(dash);
    for (const auto& [iso, name] : codes) {
        if (code == iso || code == name) return Xapian::Stem(std::string(name));
    }
    return Xapian::Stem("english");
}

Xapian::TermGenerator make_term_generator(std::string_view lang) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer_for(lang));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    return generator;
}

Xapian::QueryParser make_query_parser(const Xapian::Database& db, std::string_view lang) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(stemmer_for(lang));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.add_prefix("title", std::string(schema::title_prefix));
    return parser;
}

}  // namespace newsdex
