#include "indexer/extract/ner/train/perceptron_trainer.hpp"

#include "indexer/extract/ner/feature_hash.hpp"

#include <numeric>

namespace newsdex {

PerceptronTrainer::PerceptronTrainer(PerceptronOptions options) : m_options(options), m_random(options.seed) {}

void PerceptronTrainer::add(SentenceFeatures features, std::vector<NerLabel> labels) {
    Sentence sentence;
    sentence.allowed.resize(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const bool scored = features.scored[i] != 0;
        sentence.allowed[i] = scored ? all_labels : only_outside;
        if (!scored && labels[i] != outside_label) {
            ++m_unreachable;
            labels[i] = outside_label;
        }
    }
    // A name cut by an unreachable token must still be a valid BIO sequence.
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (!may_follow(i == 0 ? std::nullopt : std::optional<NerLabel>(labels[i - 1]), labels[i]))
            labels[i] = begin_label(*label_type(labels[i]));
    sentence.features = std::move(features);
    sentence.gold = std::move(labels);
    m_sentences.push_back(std::move(sentence));
}

void PerceptronTrainer::drop_rare_features() {
    if (m_options.min_feature_count <= 1) return;
    HashedTable<std::uint32_t> counts;
    for (const Sentence& sentence : m_sentences)
        for (std::uint64_t h : sentence.features.hashes) {
            const auto* old = counts.find(h);
            counts.set(h, (old == nullptr ? 0 : *old) + 1);
        }
    for (Sentence& sentence : m_sentences) {
        SentenceFeatures& f = sentence.features;
        std::vector<std::uint64_t> kept;
        kept.reserve(f.hashes.size());
        std::uint32_t begin = 0;
        for (std::size_t i = 0; i < f.ends.size(); ++i) {
            std::uint8_t lexical = 0;
            for (std::uint32_t k = begin; k < f.ends[i]; ++k) {
                if (*counts.find(f.hashes[k]) < m_options.min_feature_count) continue;
                kept.push_back(f.hashes[k]);
                if (k - begin < f.lexical[i]) ++lexical;
            }
            f.lexical[i] = lexical;
            begin = f.ends[i];
            f.ends[i] = static_cast<std::uint32_t>(kept.size());
        }
        f.hashes = std::move(kept);
    }
}

SentenceFeatures PerceptronTrainer::with_dropout(const SentenceFeatures& features) {
    if (m_options.lexical_dropout <= 0.0) return features;
    SentenceFeatures out;
    out.scored = features.scored;
    out.lexical.assign(features.lexical.size(), 0);
    out.ends.resize(features.ends.size());
    out.hashes.reserve(features.hashes.size());
    for (std::size_t i = 0; i < features.ends.size(); ++i) {
        m_random += 0x9e3779b97f4a7c15ULL;
        const bool hide = double(mix_hash(m_random) >> 11) * 0x1.0p-53 < m_options.lexical_dropout;
        const std::uint32_t begin = features.begin_of(i);
        for (std::uint32_t k = begin + (hide ? features.lexical[i] : 0); k < features.ends[i]; ++k)
            out.hashes.push_back(features.hashes[k]);
        out.ends[i] = static_cast<std::uint32_t>(out.hashes.size());
    }
    return out;
}

void PerceptronTrainer::score(const SentenceFeatures& f, std::vector<float>& emissions) const {
    const std::size_t count = f.scored.size();
    emissions.assign(count * ner_label_count, 0.0F);
    for (std::size_t i = 0; i < count; ++i) {
        if (f.scored[i] == 0) continue;
        float* out = &emissions[i * ner_label_count];
        for (std::uint32_t k = f.begin_of(i); k < f.ends[i]; ++k) {
            const auto* row = m_rows.find(f.hashes[k]);
            if (row == nullptr) continue;
            const float* w = &m_weights[std::size_t(*row) * ner_label_count];
            for (std::size_t y = 0; y < ner_label_count; ++y) out[y] += w[y];
        }
    }
}

void PerceptronTrainer::update(std::uint64_t feature, NerLabel label, float delta) {
    const auto* found = m_rows.find(feature);
    std::size_t row = 0;
    if (found == nullptr) {
        row = m_weights.size() / ner_label_count;
        m_rows.set(feature, static_cast<std::uint32_t>(row));
        m_weights.resize(m_weights.size() + ner_label_count, 0.0F);
        m_sums.resize(m_sums.size() + ner_label_count, 0.0);
    } else {
        row = *found;
    }
    m_weights[row * ner_label_count + label] += delta;
    m_sums[row * ner_label_count + label] += static_cast<double>(m_time) * delta;
}

void PerceptronTrainer::update_transition(std::size_t previous, NerLabel label, float delta) {
    const std::size_t index = previous * ner_label_count + label;
    m_transitions[index] += delta;
    m_transition_sums[index] += static_cast<double>(m_time) * delta;
}

std::size_t PerceptronTrainer::run_epoch() {
    std::vector<std::size_t> order(m_sentences.size());
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = order.size(); i > 1; --i) {
        m_random += 0x9e3779b97f4a7c15ULL;
        std::swap(order[i - 1], order[mix_hash(m_random) % i]);
    }
    std::size_t mistakes = 0;
    std::vector<float> emissions;
    std::vector<NerLabel> predicted;
    for (std::size_t index : order) {
        const Sentence& sentence = m_sentences[index];
        const SentenceFeatures f = with_dropout(sentence.features);
        score(f, emissions);
        viterbi_decode(emissions.data(), sentence.gold.size(), sentence.allowed.data(), m_transitions, predicted);
        if (predicted != sentence.gold) {
            ++mistakes;
            for (std::size_t i = 0; i < predicted.size(); ++i) {
                const std::size_t previous_gold = i == 0 ? ner_label_count : sentence.gold[i - 1];
                const std::size_t previous_predicted = i == 0 ? ner_label_count : predicted[i - 1];
                if (previous_gold != previous_predicted || sentence.gold[i] != predicted[i]) {
                    update_transition(previous_gold, sentence.gold[i], 1.0F);
                    update_transition(previous_predicted, predicted[i], -1.0F);
                }
                if (sentence.gold[i] == predicted[i]) continue;
                for (std::uint32_t k = f.begin_of(i); k < f.ends[i]; ++k) {
                    update(f.hashes[k], sentence.gold[i], 1.0F);
                    update(f.hashes[k], predicted[i], -1.0F);
                }
            }
        }
        ++m_time;
    }
    return mistakes;
}

NerModel PerceptronTrainer::averaged_model() const {
    const double time = static_cast<double>(m_time);
    std::vector<FeatureWeights> features;
    features.reserve(m_rows.size());
    m_rows.for_each([&](std::uint64_t key, std::uint32_t row) {
        FeatureWeights feature;
        feature.key = key;
        for (std::size_t y = 0; y < ner_label_count; ++y) {
            const std::size_t k = std::size_t(row) * ner_label_count + y;
            feature.weights[y] = static_cast<float>(m_weights[k] - m_sums[k] / time);
        }
        features.push_back(feature);
    });
    TransitionScores transitions{};
    for (std::size_t k = 0; k < transitions.size(); ++k)
        transitions[k] = static_cast<float>(m_transitions[k] - m_transition_sums[k] / time);
    return NerModel::from_weights(features, transitions);
}

}  // namespace newsdex
