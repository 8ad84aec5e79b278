#include "common/diagnostics.hpp"

namespace newsdex {

Diagnostics::Diagnostics(std::string program, std::ostream& out)
    : m_program(std::move(program)), m_out(out) {}

void Diagnostics::reject(const Origin& where, std::string_view message) {
    print(where, "", message);
    std::lock_guard lock(m_mutex);
    ++m_rejected;
}

void Diagnostics::warn(const Origin& where, std::string_view message) {
    print(where, "warning: ", message);
    std::lock_guard lock(m_mutex);
    ++m_warnings;
}

std::size_t Diagnostics::rejected() const {
    std::lock_guard lock(m_mutex);
    return m_rejected;
}

std::size_t Diagnostics::warnings() const {
    std::lock_guard lock(m_mutex);
    return m_warnings;
}

std::string Diagnostics::location(const Origin& where) {
    std::string text = where.file.empty() ? std::string("-") : where.file;
    if (where.line > 0) text += ':' + std::to_string(where.line);
    return text;
}

void Diagnostics::print(const Origin& where, std::string_view kind, std::string_view message) {
    // One write per line so lines from several threads never interleave; newlines inside a
    // message or a file name would break the one-line contract, so they are flattened.
    const std::string place = location(where);
    std::string line = m_program + ": ";
    for (std::string_view part : {std::string_view(place), std::string_view(": "), kind, message}) {
        for (char c : part) line += (c == '\n' || c == '\r') ? ' ' : c;
    }
    line += '\n';
    std::lock_guard lock(m_mutex);
    m_out << line << std::flush;
}

}  // namespace newsdex
