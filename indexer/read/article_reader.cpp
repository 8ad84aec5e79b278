#include "indexer/read/article_reader.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>

#include "indexer/read/article_id.hpp"
#include "indexer/read/text_reader.hpp"

namespace newsdex {
namespace fs = std::filesystem;
namespace {

// Reads all of `in` into `bytes`, but no more than `max_bytes` + 1, so that an oversized
// stream is recognised without being held. Returns false on a read error.
bool read_at_most(std::istream& in, std::size_t max_bytes, std::string& bytes) {
    constexpr std::size_t chunk = 1 << 16;
    while (bytes.size() <= max_bytes) {
        const std::size_t old_size = bytes.size();
        const std::size_t want = std::min(chunk, max_bytes + 1 - old_size);
        bytes.resize(old_size + want);
        in.read(bytes.data() + old_size, static_cast<std::streamsize>(want));
        bytes.resize(old_size + static_cast<std::size_t>(in.gcount()));
        if (!in) break;
    }
    return !in.bad();
}

}  // namespace

ArticleReader::ArticleReader(std::vector<InputSource> sources, Diagnostics& diagnostics, ReaderLimits limits)
    : m_sources(std::move(sources)),
      m_diagnostics(diagnostics),
      m_limits(limits),
      m_manifests(diagnostics, limits.max_article_bytes) {}

bool ArticleReader::next_batch(std::vector<Article>& batch, std::size_t max_articles) {
    batch.clear();
    while (batch.size() < max_articles) {
        if (m_jsonl) {
            if (auto article = m_jsonl->next()) {
                assign_article_id(*article, {}, {});
                article->origin.stored_file = m_jsonl_stored_name;
                batch.push_back(std::move(*article));
                continue;
            }
            finish_jsonl();
        }
        if (m_next_source >= m_sources.size()) break;
        open(m_sources[m_next_source++], batch);
    }
    return !batch.empty();
}

std::size_t ArticleReader::bytes_read() const { return m_bytes + (m_jsonl ? m_jsonl->bytes_read() : 0); }

void ArticleReader::finish_jsonl() {
    m_bytes += m_jsonl->bytes_read();
    std::istream& in = m_stream ? *m_stream : std::cin;
    if (in.bad()) {
        const std::string name = m_stream ? m_sources[m_next_source - 1].display_name() : std::string("-");
        m_diagnostics.reject({name, 0}, "read error; the rest of the file is skipped");
    }
    m_jsonl.reset();
    m_stream.reset();
}

void ArticleReader::open(const InputSource& source, std::vector<Article>& batch) {
    m_jsonl_stored_name = source.stored_name();
    if (source.is_stdin && source.path.empty()) {
        m_jsonl.emplace(std::cin, "-", m_diagnostics, m_limits);
        return;
    }
    const Origin origin{source.display_name(), 0};
    // A text article is read whole, so its size is checked first: a huge file is rejected
    // without being read. (Special files have no size; they are read under the same bound.)
    std::error_code error;
    if (source.format == InputFormat::text && fs::is_regular_file(source.path, error)) {
        const std::uintmax_t size = fs::file_size(source.path, error);
        if (!error && size > m_limits.max_article_bytes) {
            m_diagnostics.reject(origin, too_large_message(m_limits.max_article_bytes));
            return;
        }
    }
    auto stream = std::make_unique<std::ifstream>(source.path, std::ios::binary);
    if (!*stream) {
        m_diagnostics.reject(origin, std::string("cannot read file: ") + std::strerror(errno));
        return;
    }
    if (source.format == InputFormat::json_lines) {
        m_stream = std::move(stream);
        m_jsonl.emplace(*m_stream, source.display_name(), m_diagnostics, m_limits);
        return;
    }
    std::string text;
    if (!read_at_most(*stream, m_limits.max_article_bytes, text)) {
        m_diagnostics.reject(origin, std::string("cannot read file: ") + std::strerror(errno));
        return;
    }
    m_bytes += text.size();
    if (auto article = read_text_article(text, origin, m_diagnostics, m_limits)) {
        m_manifests.apply(source.path, *article);
        assign_article_id(*article, source.path, source.root);
        article->origin.stored_file = source.stored_name();
        batch.push_back(std::move(*article));
    }
}

}  // namespace newsdex
