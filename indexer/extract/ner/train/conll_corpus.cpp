#include "indexer/extract/ner/train/conll_corpus.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsdex {
namespace {

struct ParsedLine {
    std::string_view word;
    std::string_view tag;
};

// The first and the last space-separated fields of a non-empty line.
ParsedLine parse_line(std::string_view line) {
    const std::size_t first_space = line.find(' ');
    const std::size_t last_space = line.rfind(' ');
    if (first_space == std::string_view::npos) return {line, {}};
    return {line.substr(0, first_space), line.substr(last_space + 1)};
}

}  // namespace

ConllCorpus ConllCorpus::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot open annotated file");
    return read(in, file.string());
}

ConllCorpus ConllCorpus::read(std::istream& in, const std::string& name) {
    ConllCorpus corpus;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    corpus.m_text = std::make_unique<std::string>(buffer.str());
    const std::string_view text = *corpus.m_text;

    LabelledDocument document;
    NerSentence sentence;
    std::vector<NerLabel> labels;
    auto end_sentence = [&] {
        if (sentence.tokens.empty()) return;
        sentence.line = static_cast<std::uint32_t>(document.document.sentences.size());
        document.document.sentences.push_back(std::move(sentence));
        document.labels.push_back(std::move(labels));
        sentence = NerSentence{};
        labels.clear();
    };
    auto end_document = [&] {
        end_sentence();
        if (!document.document.sentences.empty()) corpus.m_documents.push_back(std::move(document));
        document = LabelledDocument{};
    };

    std::size_t line_number = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) {
            end_sentence();
            continue;
        }
        const ParsedLine parsed = parse_line(line);
        if (parsed.word == "-DOCSTART-") {
            end_document();
            continue;
        }
        std::optional<EntityType> type;
        try {
            type = type_of_conll_tag(parsed.tag);
        } catch (const std::invalid_argument& e) {
            throw std::runtime_error(name + ":" + std::to_string(line_number) + ": " + e.what());
        }
        // IOB1 to BIO: an I tag opens a name unless the previous token has its type.
        NerLabel label = outside_label;
        if (type) {
            const bool continues = parsed.tag[0] == 'I' && !labels.empty() && label_type(labels.back()) == type;
            label = continues ? inside_label(*type) : begin_label(*type);
        }
        NerToken token;
        token.text = parsed.word;
        token.flags = token_flags(parsed.word);
        sentence.tokens.push_back(token);
        labels.push_back(label);
    }
    end_document();
    return corpus;
}

std::size_t ConllCorpus::token_count() const {
    std::size_t count = 0;
    for (const auto& document : m_documents)
        for (const auto& sentence : document.document.sentences) count += sentence.tokens.size();
    return count;
}

}  // namespace newsdex
