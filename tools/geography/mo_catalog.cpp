#include "tools/geography/mo_catalog.hpp"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsdex {
namespace {

constexpr std::uint32_t mo_magic = 0x950412de;
constexpr std::uint32_t mo_magic_swapped = 0xde120495;

std::uint32_t swap_bytes(std::uint32_t value) {
    return (value >> 24) | ((value >> 8) & 0xff00) | ((value << 8) & 0xff0000) | (value << 24);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> read_mo_catalog(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot open");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();
    auto fail = [&file](const char* what) { return std::runtime_error(file.string() + ": " + what); };

    bool swapped = false;
    auto word = [&](std::size_t offset) {
        if (offset + 4 > bytes.size()) throw fail("truncated .mo file");
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < 4; ++i) value |= std::uint32_t(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
        return swapped ? swap_bytes(value) : value;
    };
    const std::uint32_t magic = word(0);
    if (magic == mo_magic_swapped) swapped = true;
    else if (magic != mo_magic) throw fail("not a .mo file");

    const std::uint32_t count = word(8), originals = word(12), translations = word(16);
    auto string_at = [&](std::uint32_t table, std::uint32_t index) {
        const std::uint32_t length = word(table + 8 * std::size_t(index)), offset = word(table + 8 * std::size_t(index) + 4);
        if (std::size_t(offset) + length > bytes.size()) throw fail("string outside the file");
        return bytes.substr(offset, length);
    };
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string original = string_at(originals, i);
        if (original.empty()) continue;
        out.emplace_back(std::move(original), string_at(translations, i));
    }
    return out;
}

}  // namespace newsdex
