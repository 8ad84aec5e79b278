#pragma once
/// Annotated news in the CoNLL-2003 format (one token a line: word, part of speech, chunk,
/// entity tag in IOB1; blank lines between sentences; "-DOCSTART-" lines between documents),
/// read into documents the recogniser can label, with the gold labels in BIO.

#include "indexer/extract/ner/entity_label.hpp"
#include "indexer/extract/ner/ner_token.hpp"

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace newsdex {

/// One annotated document: its sentences and, parallel to them, the gold labels.
struct LabelledDocument {
    NerDocument document;                       ///< the tokens
    std::vector<std::vector<NerLabel>> labels;  ///< labels[s][i]: BIO label of token i of sentence s
};

/// A whole annotated file. Tokens point into text the corpus owns; moving the corpus keeps them valid.
class ConllCorpus {
public:
    /// Reads a CoNLL-2003 file. Throws std::runtime_error naming the file and line when it
    /// cannot be read or a line has no known entity tag in its last column.
    [[nodiscard]] static ConllCorpus load(const std::filesystem::path& file);

    /// Reads CoNLL-2003 text from `in`; `name` names it in errors.
    [[nodiscard]] static ConllCorpus read(std::istream& in, const std::string& name);

    /// The documents, in file order (text before the first -DOCSTART- line is a document too).
    [[nodiscard]] const std::vector<LabelledDocument>& documents() const { return m_documents; }

    /// The number of tokens.
    [[nodiscard]] std::size_t token_count() const;

private:
    std::unique_ptr<std::string> m_text;  ///< the words, which the tokens point into
    std::vector<LabelledDocument> m_documents;  ///< in file order
};

}  // namespace newsdex
