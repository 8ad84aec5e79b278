#include "indexer/extract/ner/train/recognizer_training.hpp"

#include "indexer/extract/actor_canonicalizer.hpp"
#include "indexer/extract/ner/train/actor_scoring.hpp"
#include "indexer/extract/ner/train/conll_corpus.hpp"
#include "indexer/extract/name_mentions.hpp"
#include "indexer/extract/ner/train/ner_evaluation.hpp"
#include "indexer/extract/ner/train/perceptron_trainer.hpp"

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace newsdex {
namespace {

// Mention-level scores of the recogniser's labels (without thresholds) on annotated documents.
TypeCounts evaluate(const EntityRecognizer& recognizer, const Gazetteer& gazetteer, const ConllCorpus& corpus) {
    TypeCounts counts{};
    for (const auto& document : corpus.documents()) {
        const auto labels = recognizer.label(document.document, gazetteer);
        for (std::size_t s = 0; s < labels.size(); ++s)
            count_mentions(entity_spans(document.labels[s]), entity_spans(labels[s]), counts);
    }
    return counts;
}

// A found name and whether it is right, for threshold tuning.
struct Scored {
    float margin;
    bool correct;
};

// The margin threshold of each type that gives the best mention F1 on `corpus`; among
// thresholds within 0.001 of the best, the highest (fewer, surer names).
std::array<float, entity_type_count> tune_thresholds(const EntityRecognizer& recognizer, const Gazetteer& gazetteer,
                                                     const ConllCorpus& corpus, std::ostream& log) {
    std::array<std::vector<Scored>, entity_type_count> found;
    std::array<std::size_t, entity_type_count> expected{};
    for (const auto& document : corpus.documents()) {
        const auto entities = recognizer.recognise(document.document, gazetteer);
        std::vector<std::vector<EntitySpan>> gold(document.labels.size());
        for (std::size_t s = 0; s < gold.size(); ++s) {
            gold[s] = entity_spans(document.labels[s]);
            for (const auto& span : gold[s]) ++expected[static_cast<std::size_t>(span.type)];
        }
        for (const auto& entity : entities) {
            const EntitySpan span{entity.begin, entity.end, entity.type};
            const auto& sentence_gold = gold[entity.sentence];
            const bool correct = std::find(sentence_gold.begin(), sentence_gold.end(), span) != sentence_gold.end();
            found[static_cast<std::size_t>(entity.type)].push_back({entity.margin, correct});
        }
    }
    std::array<float, entity_type_count> thresholds{};
    for (std::size_t t = 0; t < entity_type_count; ++t) {
        auto& list = found[t];
        std::sort(list.begin(), list.end(), [](const Scored& a, const Scored& b) { return a.margin < b.margin; });
        std::size_t correct = 0;
        for (const auto& item : list) correct += item.correct ? 1 : 0;
        // Dropping the k lowest margins, for every k.
        struct Option {
            float threshold;
            double f1;
        };
        std::vector<Option> options;
        for (std::size_t k = 0; k <= list.size(); ++k) {
            MatchCounts c{correct, list.size() - k, expected[t]};
            options.push_back({k == 0 ? 0.0F : list[k - 1].margin + 1e-4F, c.f1()});
            if (k < list.size() && list[k].correct) --correct;
        }
        double best = 0.0;
        for (const auto& option : options) best = std::max(best, option.f1);
        for (const auto& option : options)
            if (option.f1 >= best - 0.001) thresholds[t] = std::max(thresholds[t], option.threshold);
        log << "threshold " << conll_name(static_cast<EntityType>(t)) << ": margin " << thresholds[t]
            << " (dev mention F1 " << std::setprecision(4) << best << ")\n";
    }
    return thresholds;
}

void log_scores(std::ostream& log, const TypeCounts& counts) {
    log << std::fixed << std::setprecision(4);
    for (std::size_t t = 0; t < entity_type_count; ++t)
        log << ' ' << conll_name(static_cast<EntityType>(t)) << ' ' << counts[t].f1();
    log << " | PER+ORG+LOC F1 " << overall(counts, false).f1() << " all " << overall(counts, true).f1();
    log.unsetf(std::ios::floatfield);
}

// The least margin for a lone name of each type (unknown to the gazetteer, mentioned once,
// without a cue word) that gives the best document-level F0.5 on `corpus`: a name the model
// is unsure of is better left out than wrong.
LoneNameThresholds tune_lone_name_thresholds(const EntityRecognizer& recognizer, const Gazetteer& gazetteer,
                                             const ConllCorpus& corpus, std::ostream& log) {
    struct Document {
        LabelledActors gold;
        std::vector<ExplainedActor> actors;
    };
    std::vector<Document> documents;
    const LoneNameThresholds none{};
    for (const auto& labelled : corpus.documents()) {
        const Article article = conll_article(labelled);
        documents.push_back({conll_actors(labelled), canonicalize_names(find_name_mentions(article, recognizer, gazetteer), gazetteer, none)});
    }
    LoneNameThresholds thresholds{};
    for (std::size_t t = 0; t < 3; ++t) {
        double best = -1.0;
        for (float threshold = 0.0F; threshold <= 150.0F; threshold += 5.0F) {
            ActorTypeCounts counts{};
            for (const auto& document : documents) {
                std::vector<Actor> kept;
                for (const auto& actor : document.actors)
                    if (actor.kept && !(actor.lone && static_cast<std::size_t>(actor.actor.type) == t && actor.margin < threshold))
                        kept.push_back(actor.actor);
                count_document_actors(document.gold, kept, gazetteer, counts);
            }
            const double score = counts[t].f_score(0.5);
            if (score > best) {
                best = score;
                thresholds[t] = threshold;
            }
        }
        log << "lone-name threshold " << to_string(static_cast<ActorType>(t)) << ": margin " << thresholds[t]
            << " (dev document F0.5 " << std::setprecision(4) << best << ")\n";
    }
    return thresholds;
}

// Runs the epochs and keeps the averaged model that scores best on `dev`.
NerModel best_model(PerceptronTrainer& trainer, EntityRecognizer& recognizer, const Gazetteer& gazetteer,
                    const ConllCorpus& dev, std::uint32_t epochs, std::ostream& log) {
    double best_f1 = -1.0;
    NerModel best;
    std::uint32_t best_epoch = 0;
    for (std::uint32_t epoch = 1; epoch <= epochs; ++epoch) {
        const std::size_t mistakes = trainer.run_epoch();
        recognizer.set_model(trainer.averaged_model());
        const TypeCounts counts = evaluate(recognizer, gazetteer, dev);
        log << "epoch " << epoch << ": " << mistakes << " sentences wrong; dev";
        log_scores(log, counts);
        log << '\n';
        const double f1 = overall(counts, false).f1();
        if (f1 > best_f1) {
            best_f1 = f1;
            best = recognizer.model();
            best_epoch = epoch;
        }
    }
    log << "kept epoch " << best_epoch << " (" << best.feature_count() << " features)\n";
    return best;
}

void add_annotated(PerceptronTrainer& trainer, const FeatureExtractor& extractor, const Gazetteer& gazetteer,
                   const ConllCorpus& corpus) {
    std::vector<SentenceFeatures> features;
    for (const auto& document : corpus.documents()) {
        extractor.extract(document.document, gazetteer, features);
        for (std::size_t s = 0; s < features.size(); ++s) trainer.add(std::move(features[s]), document.labels[s]);
    }
}

}  // namespace

void train_recognizer(const TrainingSettings& settings, const Gazetteer& gazetteer, std::ostream& log) {
    const ConllCorpus train = ConllCorpus::load(settings.train);
    const ConllCorpus dev = ConllCorpus::load(settings.dev);
    EntityRecognizer recognizer(NerModel{}, WordClusters::load(settings.files.word_classes, settings.files.word_case),
                                CueWords::load(settings.files.cue_words));
    PerceptronTrainer trainer(PerceptronOptions{settings.seed, settings.min_feature_count, settings.lexical_dropout});
    // Every feature listed, for learning (the recogniser's own extractor names known words by one key).
    const FeatureExtractor extractor(recognizer.clusters(), recognizer.cues());
    add_annotated(trainer, extractor, gazetteer, train);
    trainer.drop_rare_features();
    log << "training on " << trainer.sentence_count() << " sentences (" << train.token_count() << " tokens, "
        << trainer.unreachable_tokens() << " name tokens never scored)\n";
    NerModel best = best_model(trainer, recognizer, gazetteer, dev, settings.epochs, log);
    recognizer.set_model(best);
    best.set_thresholds(tune_thresholds(recognizer, gazetteer, dev, log));
    recognizer.set_model(best);
    best.set_lone_name_thresholds(tune_lone_name_thresholds(recognizer, gazetteer, dev, log));
    best.save(settings.files.model);
}

}  // namespace newsdex
