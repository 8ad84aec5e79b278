#include "indexer/progress.hpp"

#include <cstdio>
#include <sstream>

namespace newsdex {

Progress::Progress(std::ostream& out, bool enabled)
    : m_out(out), m_enabled(enabled), m_start(std::chrono::steady_clock::now()), m_last_draw(m_start) {}

void Progress::update(std::size_t articles, std::size_t bytes) {
    if (!m_enabled) return;
    auto now = std::chrono::steady_clock::now();
    if (now - m_start < std::chrono::seconds(1) || now - m_last_draw < std::chrono::milliseconds(250)) return;
    m_last_draw = now;
    double seconds = std::chrono::duration<double>(now - m_start).count();
    std::ostringstream line;
    line.precision(1);
    line << std::fixed << "\rnews-index: " << articles << " articles, " << articles / seconds << " articles/s, "
         << static_cast<double>(bytes) / 1e6 / seconds << " MB/s   ";
    m_out << line.str() << std::flush;
    m_drawn = true;
}

void Progress::finish() {
    if (m_drawn) m_out << "\r\033[K" << std::flush;
    m_drawn = false;
}

}  // namespace newsdex
