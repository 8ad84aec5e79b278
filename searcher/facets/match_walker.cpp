#include "searcher/facets/match_walker.hpp"

#include <algorithm>
#include <vector>

namespace newsdex {
namespace {

using Walkers = std::vector<std::unique_ptr<MatchWalker>>;

class TermWalker : public MatchWalker {
public:
    TermWalker(const Xapian::Database& db, const std::string& term)
        : m_it(db.postlist_begin(term)), m_end(db.postlist_end(term)), m_everything(term.empty()) {
        const Xapian::doccount documents = db.get_doccount();
        const Xapian::doccount matches = term.empty() ? documents : db.get_termfreq(term);
        m_fraction = documents == 0 ? 0.0 : static_cast<double>(matches) / documents;
    }

    [[nodiscard]] double fraction() const override { return m_fraction; }
    [[nodiscard]] bool matches_everything() const override { return m_everything; }

    Xapian::docid at_least(Xapian::docid docid) override {
        if (m_it == m_end) return end;
        if (*m_it < docid) {
            ++m_it;  // most often the next posting is the one asked for: cheaper than skip_to
            if (m_it != m_end && *m_it < docid) m_it.skip_to(docid);
        }
        return m_it == m_end ? end : *m_it;
    }

protected:
    std::optional<Postings> single_posting_list() override { return Postings{m_it, m_end}; }

private:
    Xapian::PostingIterator m_it;
    Xapian::PostingIterator m_end;
    bool m_everything;
    double m_fraction = 0;
};

class NothingWalker : public MatchWalker {
public:
    Xapian::docid at_least(Xapian::docid) override { return end; }
    [[nodiscard]] double fraction() const override { return 0; }
};

class AndWalker : public MatchWalker {
public:
    explicit AndWalker(Walkers parts) : m_parts(std::move(parts)) {}

    // Leapfrog: each part in turn goes to the first match at or after the others'; done when
    // every part stands on the same document.
    Xapian::docid at_least(Xapian::docid docid) override {
        std::size_t agreed = 0;
        for (std::size_t i = 0; agreed < m_parts.size(); i = (i + 1) % m_parts.size()) {
            const Xapian::docid next = m_parts[i]->at_least(docid);
            if (next == end) return end;
            if (next == docid) {
                ++agreed;
            } else {
                docid = next;
                agreed = 1;
            }
        }
        return docid;
    }

    [[nodiscard]] double fraction() const override {
        double all = 1;
        for (const auto& part : m_parts) all *= part->fraction();
        return all;
    }

private:
    Walkers m_parts;
};

class OrWalker : public MatchWalker {
public:
    explicit OrWalker(Walkers parts) : m_parts(std::move(parts)) {}

    Xapian::docid at_least(Xapian::docid docid) override {
        Xapian::docid first = end;
        for (auto& part : m_parts) first = std::min(first, part->at_least(docid));
        return first;
    }

    [[nodiscard]] double fraction() const override {
        double none = 1;
        for (const auto& part : m_parts) none *= 1 - part->fraction();
        return 1 - none;
    }

private:
    Walkers m_parts;
};

class AndNotWalker : public MatchWalker {
public:
    AndNotWalker(std::unique_ptr<MatchWalker> wanted, std::unique_ptr<MatchWalker> unwanted)
        : m_wanted(std::move(wanted)), m_unwanted(std::move(unwanted)) {}

    Xapian::docid at_least(Xapian::docid docid) override {
        for (Xapian::docid next = m_wanted->at_least(docid); next != end; next = m_wanted->at_least(next + 1)) {
            if (m_unwanted->at_least(next) != next) return next;
        }
        return end;
    }

    [[nodiscard]] double fraction() const override { return m_wanted->fraction() * (1 - m_unwanted->fraction()); }

private:
    std::unique_ptr<MatchWalker> m_wanted;
    std::unique_ptr<MatchWalker> m_unwanted;
};

std::unique_ptr<MatchWalker> walker_of(const Xapian::Database& db, const Xapian::Query& query);

// Walkers of the subqueries `first` to the last; empty when one has none.
Walkers parts_of(const Xapian::Database& db, const Xapian::Query& query, std::size_t first = 0) {
    Walkers parts;
    for (std::size_t i = first; i < query.get_num_subqueries(); ++i) {
        auto part = walker_of(db, query.get_subquery(i));
        if (!part) return {};
        parts.push_back(std::move(part));
    }
    return parts;
}

// The walker of all `parts` (AndWalker) or any (OrWalker); nullptr when there are none.
template <class Combined>
std::unique_ptr<MatchWalker> combined(Walkers parts) {
    if (parts.empty()) return nullptr;
    if (parts.size() == 1) return std::move(parts.front());
    return std::make_unique<Combined>(std::move(parts));
}

std::unique_ptr<MatchWalker> walker_of(const Xapian::Database& db, const Xapian::Query& query) {
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM:
            return std::make_unique<TermWalker>(db, *query.get_terms_begin());
        case Xapian::Query::LEAF_MATCH_ALL:
            return std::make_unique<TermWalker>(db, std::string());
        case Xapian::Query::LEAF_MATCH_NOTHING:
            return std::make_unique<NothingWalker>();
        case Xapian::Query::OP_SCALE_WEIGHT:
        case Xapian::Query::OP_AND_MAYBE:  // the optional side adds weight, not matches
            return query.get_num_subqueries() == 0 ? nullptr : walker_of(db, query.get_subquery(0));
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_FILTER:
            return combined<AndWalker>(parts_of(db, query));
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX:
            return combined<OrWalker>(parts_of(db, query));
        case Xapian::Query::OP_AND_NOT: {
            if (query.get_num_subqueries() < 2) return nullptr;
            auto wanted = walker_of(db, query.get_subquery(0));
            Walkers unwanted = parts_of(db, query, 1);
            if (!wanted || unwanted.empty()) return nullptr;
            return std::make_unique<AndNotWalker>(std::move(wanted), combined<OrWalker>(std::move(unwanted)));
        }
        default:
            return nullptr;
    }
}

}  // namespace

std::unique_ptr<MatchWalker> MatchWalker::make(const Xapian::Database& db, const Xapian::Query& query) {
    if (query.empty()) return std::make_unique<NothingWalker>();
    return walker_of(db, query);
}

}  // namespace newsdex
