#include "indexer/article_reader.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <sstream>

#include "indexer/article_id.hpp"
#include "indexer/text_reader.hpp"

namespace newsdex {

ArticleReader::ArticleReader(std::vector<InputSource> sources, Diagnostics& diagnostics)
    : m_sources(std::move(sources)), m_diagnostics(diagnostics), m_manifests(diagnostics) {}

bool ArticleReader::next_batch(std::vector<Article>& batch, std::size_t max_articles) {
    batch.clear();
    while (batch.size() < max_articles) {
        if (m_jsonl) {
            if (auto article = m_jsonl->next()) {
                assign_article_id(*article, {}, {});
                batch.push_back(std::move(*article));
                continue;
            }
            m_bytes += m_jsonl->bytes_read();
            m_jsonl.reset();
            m_stream.reset();
        }
        if (m_next_source >= m_sources.size()) break;
        open(m_sources[m_next_source++], batch);
    }
    return !batch.empty();
}

std::size_t ArticleReader::bytes_read() const { return m_bytes + (m_jsonl ? m_jsonl->bytes_read() : 0); }

void ArticleReader::open(const InputSource& source, std::vector<Article>& batch) {
    if (source.is_stdin) {
        m_jsonl.emplace(std::cin, "-", m_diagnostics);
        return;
    }
    auto stream = std::make_unique<std::ifstream>(source.path, std::ios::binary);
    if (!*stream) {
        m_diagnostics.reject({source.display_name(), 0}, std::string("cannot read file: ") + std::strerror(errno));
        return;
    }
    if (source.format == InputFormat::json_lines) {
        m_stream = std::move(stream);
        m_jsonl.emplace(*m_stream, source.display_name(), m_diagnostics);
        return;
    }
    std::ostringstream bytes;
    bytes << stream->rdbuf();
    if (stream->bad()) {
        m_diagnostics.reject({source.display_name(), 0}, std::string("cannot read file: ") + std::strerror(errno));
        return;
    }
    std::string text = std::move(bytes).str();
    m_bytes += text.size();
    if (auto article = read_text_article(text, {source.display_name(), 0}, m_diagnostics)) {
        m_manifests.apply(source.path, *article);
        assign_article_id(*article, source.path, source.root);
        batch.push_back(std::move(*article));
    }
}

}  // namespace newsdex
