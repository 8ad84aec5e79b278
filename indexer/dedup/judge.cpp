#include "indexer/dedup/judge.hpp"

#include <algorithm>

#include "common/diagnostics.hpp"
#include "common/stable_hash.hpp"
#include "indexer/dedup/index_lookup.hpp"

namespace newsdex {
namespace {

std::string hash_term(const std::string& content_hash) {
    return std::string(schema::content_hash_prefix) + content_hash;
}

std::string band_term(const std::string& band) { return std::string(schema::band_prefix) + band; }

schema::SeenAs seen_as(const Article& article) {
    return {article.id, article.source, article.url, stored_location(article.origin)};
}

}  // namespace

Judge::Judge(const Xapian::Database& index, const MinHasher& hasher, const LatestRecords* input,
             AbsentArticles absent)
    : m_index(index), m_hasher(hasher), m_finder(hasher), m_input(input), m_absent(input ? absent : AbsentArticles::kept) {
    for (std::string_view prefix :
         {schema::id_prefix, schema::alias_id_prefix, schema::content_hash_prefix, schema::band_prefix}) {
        const std::string start(prefix);
        for (auto it = m_index.allterms_begin(start); it != m_index.allterms_end(start); ++it) m_terms.add(*it);
    }
}

std::optional<Version> Judge::current_version(const std::string& id, const std::string& id_term) const {
    if (auto number = m_run.find_id(id)) {
        const RunDocument& document = m_run.at(*number);
        if (!retired(document.record_hash)) return Version{id_term, document.record_hash, *number};
    }
    if (auto it = m_successors.find(id_term); it != m_successors.end()) return Version{id_term, it->second, std::nullopt};
    if (!m_terms.may_contain(id_term)) return std::nullopt;
    for (auto it = m_index.postlist_begin(id_term); it != m_index.postlist_end(id_term); ++it) {
        std::string record_hash = m_index.get_document(*it).get_value(schema::slot_record_hash);
        if (!retired(record_hash)) return Version{id_term, std::move(record_hash), std::nullopt};
    }
    return std::nullopt;
}

bool Judge::is_unchanged(const std::string& id, const std::string& record_hash) const {
    auto current = current_version(id, schema::id_term(id));
    return current && current->record_hash == record_hash;
}

std::optional<Version> Judge::kept_copy(const std::string& content_hash, const std::optional<Version>& own) const {
    // A version the input replaces later is not what this input leaves, so it keeps no copy:
    // the result is the same whichever of the two records comes first.
    auto usable = [&](const Version& version) {
        return !(own && own->record_hash == version.record_hash) &&
               !(m_input && m_input->replaces(version.id_term, version.record_hash));
    };
    // The filter only spares the index lookup; the run's own table is asked regardless.
    const std::string term = hash_term(content_hash);
    if (m_terms.may_contain(term)) {
        for (auto it = m_index.postlist_begin(term); it != m_index.postlist_end(term); ++it) {
            std::string record_hash = m_index.get_document(*it).get_value(schema::slot_record_hash);
            if (auto gone = m_retired.find(record_hash); gone != m_retired.end()) {
                // A retired version handed over to a copy is that copy's document now.
                if (gone->second && usable(*gone->second)) return *gone->second;
                continue;
            }
            Version version{id_term_of(m_index, *it), std::move(record_hash), std::nullopt};
            if (usable(version)) return version;
        }
    }
    for (RunNumber number : m_run.find_content(content_hash)) {
        const RunDocument& document = m_run.at(number);
        Version version{schema::id_term(document.id), document.record_hash, number};
        if (!retired(document.record_hash) && usable(version)) return version;
    }
    return std::nullopt;
}

bool Judge::copy_is_recorded(const Version& kept, const std::string& copy_id) const {
    if (kept.id_term == schema::id_term(copy_id)) return true;
    if (auto it = m_recorded.find(kept.record_hash); it != m_recorded.end()) {
        if (std::any_of(it->second.begin(), it->second.end(),
                        [&](const schema::SeenAs& seen) { return seen.id == copy_id; })) {
            return true;
        }
    }
    // A document of an unlisted segment shows no copies yet: the pending ones are all above.
    if (kept.run_number && *kept.run_number >= m_run.first()) return false;
    if (auto docid = find_document(m_index, kept)) {
        const schema::StoredArticle stored = schema::decode(m_index.get_document(*docid).get_data());
        return std::any_of(stored.also_seen.begin(), stored.also_seen.end(),
                           [&](const schema::SeenAs& seen) { return seen.id == copy_id; });
    }
    return false;
}

std::optional<NearCopy> Judge::near_copy_in_run(const ProcessedArticle& processed,
                                                const std::optional<MinHashSignature>& signature,
                                                const std::vector<std::uint64_t>& bands) const {
    if (!signature || bands.empty()) return std::nullopt;
    std::optional<NearCopy> best;
    for (std::uint64_t band : bands) {
        auto [first, last] = m_run.with_band(band);
        for (auto it = first; it != last; ++it) {
            const RunDocument& candidate = m_run.at(it->second);
            if (retired(candidate.record_hash) || candidate.id == processed.article.id || !candidate.signature) continue;
            if (!m_hasher.is_near_copy(*signature, *candidate.signature)) continue;
            const double similarity = estimated_jaccard(*signature, *candidate.signature);
            if (!best || similarity > best->similarity) best = NearCopy{candidate.cluster, similarity};
        }
    }
    return best;
}

// The first copy recorded on an indexed `version` that has no document of its own by now: one
// the input does not hold, or holds only further on (it will be decided then). It takes the
// document over when the version is retired, so that its id never vanishes with it. When absent
// articles are removed there is none: a copy the input does not hold goes too, and one it holds
// is decided on its own (the version it copied is replaced, so it is nobody's original).
std::optional<schema::SeenAs> Judge::heir(const Version& version, const Origin& now) const {
    if (m_absent == AbsentArticles::removed) return std::nullopt;
    if (version.run_number) return std::nullopt;  // its copies were all decided in this run
    auto docid = find_document(m_index, version);
    if (!docid) return std::nullopt;
    for (auto& copy : schema::decode(m_index.get_document(*docid).get_data()).also_seen) {
        const std::string copy_term = schema::id_term(copy.id);
        if (!m_input || !m_input->has(copy_term) || m_input->comes_after(copy_term, now)) return copy;
    }
    return std::nullopt;
}

// The copies recorded on `version` (whose stored data is `stored`), with those this run recorded
// and the index does not show yet.
std::vector<schema::SeenAs> Judge::copies_of(const Version& version, const schema::StoredArticle& stored) const {
    std::vector<schema::SeenAs> copies = stored.also_seen;
    if (auto it = m_recorded.find(version.record_hash); it != m_recorded.end()) {
        for (const auto& copy : it->second) {
            const bool shown = std::any_of(copies.begin(), copies.end(),
                                           [&](const schema::SeenAs& seen) { return seen.id == copy.id; });
            if (!shown) copies.push_back(copy);
        }
    }
    return copies;
}

// True when the input holds `copy` and it has no document of its own: it is still a copy.
bool Judge::still_a_copy(const schema::SeenAs& copy) const {
    const std::string copy_term = schema::id_term(copy.id);
    return m_input && m_input->has(copy_term) && !current_version(copy.id, copy_term);
}

// Hands the retired `version` over to `copy`; returns the version the document becomes.
Version Judge::hand_over(const Version& version, const schema::SeenAs& copy, Verdict& verdict) {
    const std::string successor = stable_hash_hex128(version.record_hash + '\x1f' + copy.id);
    const std::string copy_term = schema::id_term(copy.id);
    verdict.amendments.push_back({Amendment::Kind::hand_over, version, copy, successor});
    m_retired[version.record_hash] = Version{copy_term, successor, std::nullopt};
    m_successors[copy_term] = successor;
    return Version{copy_term, successor, std::nullopt};
}

void Judge::retire(const Version& version, const Origin& now, Verdict& verdict) {
    verdict.replaces = true;
    if (auto copy = heir(version, now)) {
        hand_over(version, *copy, verdict);
        return;
    }
    verdict.amendments.push_back({Amendment::Kind::retire, version, {}, {}});
    m_retired[version.record_hash] = std::nullopt;
}

// The indexed `version`, whose id the input does not hold, is removed: handed over to the first
// copy that is still one, which keeps the copies the input holds and forgets the others (so that
// an id with a document of its own is recorded nowhere else), or retired.
void Judge::remove_absent_article(const Version& version, const schema::StoredArticle& stored, Verdict& verdict) {
    const std::vector<schema::SeenAs> copies = copies_of(version, stored);
    auto heir = std::find_if(copies.begin(), copies.end(), [&](const schema::SeenAs& copy) { return still_a_copy(copy); });
    if (heir == copies.end()) {
        verdict.amendments.push_back({Amendment::Kind::retire, version, {}, {}});
        m_retired[version.record_hash] = std::nullopt;
        return;
    }
    const Version successor = hand_over(version, *heir, verdict);
    for (const auto& copy : copies) {
        if (copy.id == heir->id || still_a_copy(copy)) continue;
        schema::SeenAs gone;
        gone.id = copy.id;
        verdict.amendments.push_back({Amendment::Kind::forget_copy, successor, gone, {}});
    }
}

Verdict Judge::remove_absent() {
    Verdict verdict;
    if (m_absent != AbsentArticles::removed) return verdict;
    // Documents under an id the input lacks (the run's own documents all have theirs).
    const std::string ids(schema::id_prefix);
    for (auto term = m_index.allterms_begin(ids); term != m_index.allterms_end(ids); ++term) {
        const std::string id_term = *term;
        if (m_input->has(id_term)) continue;
        for (auto it = m_index.postlist_begin(id_term); it != m_index.postlist_end(id_term); ++it) {
            const Xapian::Document document = m_index.get_document(*it);
            Version version{id_term, document.get_value(schema::slot_record_hash), std::nullopt};
            if (retired(version.record_hash)) continue;
            remove_absent_article(version, schema::decode(document.get_data()), verdict);
        }
    }
    // Copies the input lacks, recorded on documents that stay.
    const std::string aliases(schema::alias_id_prefix);
    std::unordered_set<Xapian::docid> seen;
    for (auto term = m_index.allterms_begin(aliases); term != m_index.allterms_end(aliases); ++term) {
        for (auto it = m_index.postlist_begin(*term); it != m_index.postlist_end(*term); ++it) {
            if (!seen.insert(*it).second) continue;
            const std::string id_term = id_term_of(m_index, *it);
            if (!m_input->has(id_term)) continue;  // removed above
            const Xapian::Document document = m_index.get_document(*it);
            Version version{id_term, document.get_value(schema::slot_record_hash), std::nullopt};
            if (retired(version.record_hash)) continue;
            for (const auto& copy : schema::decode(document.get_data()).also_seen) {
                if (m_input->has(schema::id_term(copy.id))) continue;
                schema::SeenAs gone;
                gone.id = copy.id;
                verdict.amendments.push_back({Amendment::Kind::forget_copy, version, gone, {}});
            }
        }
    }
    return verdict;
}

// An id recorded as a copy on another document that now gets a document of its own is no
// longer that document's copy: the record goes, once the new document is listed.
void Judge::forget_as_copy(const std::string& id, Verdict& verdict) {
    const std::string alias = schema::alias_id_term(id);
    if (!m_terms.may_contain(alias)) return;
    for (auto it = m_index.postlist_begin(alias); it != m_index.postlist_end(alias); ++it) {
        std::string record_hash = m_index.get_document(*it).get_value(schema::slot_record_hash);
        if (retired(record_hash)) continue;
        schema::SeenAs copy;
        copy.id = id;
        verdict.amendments.push_back(
            {Amendment::Kind::forget_copy, {id_term_of(m_index, *it), std::move(record_hash), std::nullopt}, copy, {}});
    }
}

void Judge::remember_terms(const ProcessedArticle& processed) {
    m_terms.add(schema::id_term(processed.article.id));
    if (!processed.content_hash.empty()) m_terms.add(hash_term(processed.content_hash));
    for (const auto& band : processed.band_terms) m_terms.add(band_term(band));
}

Verdict Judge::decide(const ProcessedArticle& processed) {
    const Article& article = processed.article;
    const std::string id_term = schema::id_term(article.id);
    const std::optional<Version> current = current_version(article.id, id_term);
    if (current && current->record_hash == processed.record_hash) return {};

    Verdict verdict;
    // An exact copy of another document's text is recorded on that document, not indexed.
    if (!processed.content_hash.empty()) {
        if (auto kept = kept_copy(processed.content_hash, current)) {
            if (!copy_is_recorded(*kept, article.id)) {
                verdict.amendments.push_back({Amendment::Kind::record_copy, *kept, seen_as(article), {}});
                m_recorded[kept->record_hash].push_back(seen_as(article));
            }
            if (current) retire(*current, article.origin, verdict);  // its text became another's copy
            verdict.kind = verdict.amendments.empty() ? Verdict::Kind::unchanged : Verdict::Kind::copy;
            return verdict;
        }
    }

    if (current) retire(*current, article.origin, verdict);
    verdict.kind = Verdict::Kind::added;
    RunDocument document{article.id, processed.record_hash, article.id, processed.content_hash, {}, std::nullopt};
    for (const auto& band : processed.band_terms) document.bands.push_back(hash64(band));
    document.signature = unserialise_signature(processed.signature);
    auto near_index = m_finder(processed, m_index, &m_terms,
                               [this](const std::string& record_hash) { return retired(record_hash); });
    auto near_run = near_copy_in_run(processed, document.signature, document.bands);
    if (near_index && (!near_run || near_index->similarity >= near_run->similarity)) {
        document.cluster = near_index->cluster;
        verdict.near_copy = true;
    } else if (near_run) {
        document.cluster = near_run->cluster;
        verdict.near_copy = true;
    }
    verdict.cluster = document.cluster;
    forget_as_copy(article.id, verdict);
    verdict.number = m_run.add(std::move(document));
    remember_terms(processed);
    return verdict;
}

void Judge::published(const Publication& publication) {
    m_run.drop_before(publication.listed_end);
    for (const Amendment& amendment : publication.applied) {
        if (amendment.kind != Amendment::Kind::record_copy) {
            m_retired.erase(amendment.target.record_hash);
            if (amendment.kind == Amendment::Kind::hand_over) m_successors.erase(schema::id_term(amendment.copy.id));
            continue;
        }
        auto it = m_recorded.find(amendment.target.record_hash);
        if (it == m_recorded.end()) continue;
        std::erase_if(it->second, [&](const schema::SeenAs& seen) { return seen.id == amendment.copy.id; });
        if (it->second.empty()) m_recorded.erase(it);
    }
}

}  // namespace newsdex
