#include "indexer/extract/ner/ner_model.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace newsdex {
namespace {

constexpr char magic[8] = {'N', 'D', 'X', 'N', 'E', 'R', '\0', '\2'};

void put_u32(std::ostream& out, std::uint32_t value) {
    char bytes[4];
    for (int k = 0; k < 4; ++k) bytes[k] = static_cast<char>((value >> (8 * k)) & 0xff);
    out.write(bytes, 4);
}

void put_u64(std::ostream& out, std::uint64_t value) {
    put_u32(out, static_cast<std::uint32_t>(value));
    put_u32(out, static_cast<std::uint32_t>(value >> 32));
}

void put_u16(std::ostream& out, std::uint16_t value) {
    const char bytes[2] = {static_cast<char>(value & 0xff), static_cast<char>(value >> 8)};
    out.write(bytes, 2);
}

void put_float(std::ostream& out, float value) { put_u32(out, std::bit_cast<std::uint32_t>(value)); }

class Reader {
public:
    Reader(std::istream& in, const std::string& name) : m_in(in), m_name(name) {}

    void bytes(char* out, std::size_t size) {
        if (!m_in.read(out, static_cast<std::streamsize>(size))) fail("truncated model file");
    }
    std::uint32_t u32() {
        unsigned char b[4];
        bytes(reinterpret_cast<char*>(b), 4);
        return std::uint32_t(b[0]) | std::uint32_t(b[1]) << 8 | std::uint32_t(b[2]) << 16 | std::uint32_t(b[3]) << 24;
    }
    std::uint16_t u16() {
        unsigned char b[2];
        bytes(reinterpret_cast<char*>(b), 2);
        return static_cast<std::uint16_t>(b[0] | b[1] << 8);
    }
    std::uint64_t u64() {
        const std::uint64_t low = u32();
        return low | std::uint64_t(u32()) << 32;
    }
    float real() { return std::bit_cast<float>(u32()); }
    [[noreturn]] void fail(const std::string& reason) const { throw std::runtime_error(m_name + ": " + reason); }

private:
    std::istream& m_in;
    const std::string& m_name;
};

}  // namespace

NerModel::NerModel() { reserve(0); }

void NerModel::reserve(std::size_t features) {
    // Load factor at most 3/4: a compact table stays in cache; linear probing stays short.
    const std::size_t slots = std::max<std::size_t>(16, std::bit_ceil(features * 4 / 3 + 1));
    m_rows.assign(slots, Row{});
    m_keys.assign(slots, 0);
    m_mask = slots - 1;
    m_features = 0;
}

std::size_t NerModel::slot_of(std::uint64_t key) const {
    const std::uint32_t check = static_cast<std::uint32_t>(key >> 32) | 1u;
    for (std::size_t i = key & m_mask;; i = (i + 1) & m_mask)
        if (m_rows[i].check == check || m_rows[i].check == 0) return i;
}

void NerModel::insert(std::uint64_t key, const std::array<std::int16_t, ner_label_count>& weights) {
    const std::size_t slot = slot_of(key);
    if (m_rows[slot].check == 0) ++m_features;
    m_rows[slot].check = static_cast<std::uint32_t>(key >> 32) | 1u;
    m_rows[slot].weights = weights;
    m_keys[slot] = key;
}

NerModel NerModel::from_weights(const std::vector<FeatureWeights>& features, const TransitionScores& transitions) {
    float largest = 0.0F;
    for (const auto& feature : features)
        for (float w : feature.weights) largest = std::max(largest, std::fabs(w));
    NerModel model;
    model.m_scale = largest > 0.0F ? 32767.0F / largest : 1.0F;
    model.m_transitions = transitions;
    std::vector<std::pair<std::uint64_t, std::array<std::int16_t, ner_label_count>>> kept;
    for (const auto& feature : features) {
        std::array<std::int16_t, ner_label_count> quantised{};
        bool any = false;
        for (std::size_t y = 0; y < ner_label_count; ++y) {
            quantised[y] = static_cast<std::int16_t>(std::lround(feature.weights[y] * model.m_scale));
            any = any || quantised[y] != 0;
        }
        if (any) kept.emplace_back(feature.key, quantised);
    }
    model.reserve(kept.size());
    for (const auto& [key, weights] : kept) model.insert(key, weights);
    return model;
}

NerModel NerModel::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot open recogniser model");
    return read(in, file.string());
}

NerModel NerModel::read(std::istream& in, const std::string& name) {
    Reader reader(in, name);
    char header[8];
    reader.bytes(header, 8);
    if (std::memcmp(header, magic, 8) != 0) reader.fail("not a newsdex recogniser model");
    if (reader.u32() != feature_set_version) reader.fail("model made for another feature set: retrain it");
    if (reader.u32() != ner_label_count) reader.fail("model made for another label set: retrain it");
    NerModel model;
    model.m_scale = reader.real();
    if (!(model.m_scale > 0.0F)) reader.fail("bad weight scale");
    for (float& threshold : model.m_thresholds) threshold = reader.real();
    for (float& threshold : model.m_lone_name_thresholds) threshold = reader.real();
    for (float& score : model.m_transitions) score = reader.real();
    const std::uint32_t count = reader.u32();
    model.reserve(count);
    for (std::uint32_t k = 0; k < count; ++k) {
        const std::uint64_t key = reader.u64();
        const std::uint16_t mask = reader.u16();
        std::array<std::int16_t, ner_label_count> weights{};
        for (std::size_t y = 0; y < ner_label_count; ++y)
            if ((mask >> y) & 1u) weights[y] = static_cast<std::int16_t>(reader.u16());
        model.insert(key, weights);
    }
    return model;
}

void NerModel::save(const std::filesystem::path& file) const {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    write(out);
    if (!out.flush()) throw std::runtime_error(file.string() + ": cannot write recogniser model");
}

void NerModel::write(std::ostream& out) const {
    out.write(magic, 8);
    put_u32(out, feature_set_version);
    put_u32(out, ner_label_count);
    put_float(out, m_scale);
    for (float threshold : m_thresholds) put_float(out, threshold);
    for (float threshold : m_lone_name_thresholds) put_float(out, threshold);
    for (float score : m_transitions) put_float(out, score);
    std::vector<std::size_t> slots;
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].check != 0) slots.push_back(i);
    std::sort(slots.begin(), slots.end(), [this](std::size_t a, std::size_t b) { return m_keys[a] < m_keys[b]; });
    put_u32(out, static_cast<std::uint32_t>(slots.size()));
    for (std::size_t slot : slots) {
        put_u64(out, m_keys[slot]);
        std::uint16_t mask = 0;
        for (std::size_t y = 0; y < ner_label_count; ++y)
            if (m_rows[slot].weights[y] != 0) mask = static_cast<std::uint16_t>(mask | (1u << y));
        put_u16(out, mask);
        for (std::int16_t w : m_rows[slot].weights)
            if (w != 0) put_u16(out, static_cast<std::uint16_t>(w));
    }
}

void NerModel::compile_words(const WordLexicon& lexicon) {
    m_compiled = HashedTable<Sums>();
    std::vector<std::uint64_t> hashes;
    for (const LexiconEntry& entry : lexicon.entries()) {
        hashes.clear();
        append_word_features(entry.forms, entry.classes, entry.cues, hashes);
        Sums sum{};
        bool any = false;
        for (std::uint64_t hash : hashes) {
            const Row& row = m_rows[slot_of(hash)];
            if (row.check == 0) continue;
            for (std::size_t y = 0; y < ner_label_count; ++y) sum[y] += row.weights[y];
            any = true;
        }
        if (any) m_compiled.set(entry.forms.exact, sum);
    }
}

void NerModel::score(const SentenceFeatures& features, std::vector<float>& emissions) const {
    const std::size_t count = features.scored.size();
    emissions.assign(count * ner_label_count, 0.0F);
    const float unit = 1.0F / m_scale;
    for (std::size_t i = 0; i < count; ++i) {
        if (features.scored[i] == 0) continue;
        Sums sum{};
        if (!features.compiled_word.empty() && features.compiled_word[i] != 0)
            if (const Sums* compiled = m_compiled.find(features.compiled_word[i])) sum = *compiled;
        for (std::uint32_t f = features.begin_of(i); f < features.ends[i]; ++f) {
            const Row& row = m_rows[slot_of(features.hashes[f])];
            if (row.check == 0) continue;
            for (std::size_t y = 0; y < ner_label_count; ++y) sum[y] += row.weights[y];
        }
        for (std::size_t y = 0; y < ner_label_count; ++y) emissions[i * ner_label_count + y] = static_cast<float>(sum[y]) * unit;
    }
}

}  // namespace newsdex
