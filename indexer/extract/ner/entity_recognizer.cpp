#include "indexer/extract/ner/entity_recognizer.hpp"

#include "common/data_dir.hpp"

#include <algorithm>

namespace newsdex {

RecognizerFiles RecognizerFiles::builtin() {
    const std::filesystem::path data = data_path("indexer/extract/ner/data");
    return {data / "ner_model.bin", data / "word_classes.tsv", data / "word_case.tsv", data / "cue_words.txt"};
}

EntityRecognizer::EntityRecognizer(NerModel model, WordClusters clusters, CueWords cues)
    : m_model(std::move(model)),
      m_clusters(std::make_unique<WordClusters>(std::move(clusters))),
      m_cues(std::make_unique<CueWords>(std::move(cues))),
      m_lexicon(std::make_unique<WordLexicon>(*m_clusters, *m_cues)),
      m_features(*m_clusters, *m_cues, m_lexicon.get()) {
    m_model.compile_words(*m_lexicon);
}

void EntityRecognizer::set_model(NerModel model) {
    m_model = std::move(model);
    m_model.compile_words(*m_lexicon);
}

EntityRecognizer EntityRecognizer::load(const RecognizerFiles& files) {
    return EntityRecognizer(NerModel::load(files.model), WordClusters::load(files.word_classes, files.word_case),
                            CueWords::load(files.cue_words));
}

std::vector<std::vector<NerLabel>> EntityRecognizer::label(const NerDocument& document, const Gazetteer& gazetteer) const {
    std::vector<SentenceFeatures> features;
    m_features.extract(document, gazetteer, features);
    std::vector<std::vector<NerLabel>> labels(features.size());
    std::vector<float> emissions;
    std::vector<LabelMask> allowed;
    for (std::size_t s = 0; s < features.size(); ++s) {
        m_model.score(features[s], emissions);
        allowed.resize(features[s].scored.size());
        for (std::size_t i = 0; i < allowed.size(); ++i) allowed[i] = features[s].scored[i] ? all_labels : only_outside;
        viterbi_decode(emissions.data(), allowed.size(), allowed.data(), m_model.transitions(), labels[s]);
    }
    return labels;
}

std::vector<RecognisedEntity> EntityRecognizer::recognise(const NerDocument& document, const Gazetteer& gazetteer) const {
    std::vector<SentenceFeatures> features;
    m_features.extract(document, gazetteer, features);
    std::vector<RecognisedEntity> entities;
    std::vector<float> emissions;
    std::vector<LabelMask> allowed;
    std::vector<NerLabel> labels;
    ViterbiLattice lattice;
    for (std::size_t s = 0; s < features.size(); ++s) {
        const std::size_t count = features[s].scored.size();
        if (std::find(features[s].scored.begin(), features[s].scored.end(), 1) == features[s].scored.end()) continue;
        m_model.score(features[s], emissions);
        allowed.resize(count);
        for (std::size_t i = 0; i < count; ++i) allowed[i] = features[s].scored[i] ? all_labels : only_outside;
        lattice.run(emissions.data(), count, allowed.data(), m_model.transitions());
        lattice.best_labels(labels);
        const auto spans = entity_spans(labels);
        if (!spans.empty()) lattice.run_backward();
        for (const EntitySpan& span : spans) {
            // How much the model prefers this name to no name, or to a name of another type, here.
            double alternative = lattice.best_score_with(span.begin, span.end, std::nullopt);
            for (EntityType other : {EntityType::person, EntityType::org, EntityType::place, EntityType::misc})
                if (other != span.type) alternative = std::max(alternative, lattice.best_score_with(span.begin, span.end, other));
            RecognisedEntity entity;
            entity.sentence = static_cast<std::uint32_t>(s);
            entity.begin = span.begin;
            entity.end = span.end;
            entity.type = span.type;
            entity.margin = static_cast<float>(lattice.best_score() - alternative);
            entity.confident = entity.margin >= m_model.threshold(span.type);
            entities.push_back(entity);
        }
    }
    return entities;
}

}  // namespace newsdex
