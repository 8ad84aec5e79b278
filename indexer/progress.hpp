#pragma once
/// A throttled progress line on stderr: articles, articles/s and MB/s.

#include <chrono>
#include <cstddef>
#include <ostream>

namespace newsdex {

/// Shows progress only when enabled (stderr is a terminal) and the run is past one second.
class Progress {
public:
    /// Writes to `out` when `enabled`.
    Progress(std::ostream& out, bool enabled);

    /// Reports the totals so far; redraws at most a few times a second.
    void update(std::size_t articles, std::size_t bytes);

    /// Clears the line if one was drawn.
    void finish();

private:
    std::ostream& m_out;
    bool m_enabled;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last_draw;
};

}  // namespace newsdex
