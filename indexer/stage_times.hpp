#pragma once
/// Time spent in each indexing stage, summed over threads, so the cost of every feature shows.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string_view>

namespace newsdex {

/// The stages whose time is measured.
enum class Stage { read, clean, dedup, extract, index, write };

/// Every stage, in pipeline order.
inline constexpr std::array<Stage, 6> all_stages{Stage::read,    Stage::clean, Stage::dedup,
                                                 Stage::extract, Stage::index, Stage::write};

/// The stage's name in the summary: "read", "clean", "dedup", "extract", "index", "write".
[[nodiscard]] constexpr std::string_view to_string(Stage stage) {
    constexpr std::array<std::string_view, 6> names{"read", "clean", "dedup", "extract", "index", "write"};
    return names[static_cast<std::size_t>(stage)];
}

/// Thread-safe accumulators of seconds per stage.
class StageTimes {
public:
    /// Adds `elapsed` to `stage`.
    void add(Stage stage, std::chrono::steady_clock::duration elapsed) {
        m_nanoseconds[static_cast<std::size_t>(stage)] +=
            std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count();
    }

    /// Seconds accumulated by `stage`.
    [[nodiscard]] double seconds(Stage stage) const {
        return static_cast<double>(m_nanoseconds[static_cast<std::size_t>(stage)].load()) / 1e9;
    }

private:
    std::array<std::atomic<std::int64_t>, 6> m_nanoseconds{};
};

/// Adds the time from construction to destruction to one stage; does nothing without a sink.
class StageTimer {
public:
    StageTimer(StageTimes* times, Stage stage)
        : m_times(times), m_stage(stage), m_start(std::chrono::steady_clock::now()) {}
    ~StageTimer() {
        if (m_times) m_times->add(m_stage, std::chrono::steady_clock::now() - m_start);
    }
    StageTimer(const StageTimer&) = delete;
    StageTimer& operator=(const StageTimer&) = delete;

private:
    StageTimes* m_times;
    Stage m_stage;
    std::chrono::steady_clock::time_point m_start;
};

}  // namespace newsdex
