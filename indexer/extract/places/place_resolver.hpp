#pragma once
/// Stage "extract facets", after actor extraction: places become geography. Each place actor is
/// matched to a geography entry (deciding between namesakes by the article's own evidence), the
/// dateline's place and the countries named inside organisation names become places too, and
/// every place gains its region and country, as they were on the article's date.

#include <optional>
#include <vector>

#include "common/actor.hpp"
#include "common/article.hpp"
#include "common/date_parser.hpp"
#include "common/gazetteer.hpp"
#include "common/geography.hpp"

namespace newsdex {

/// Resolves the places of one article. `actors` are what extract_actors() returned for it; the
/// result holds the same people and organisations (an organisation whose name is a country,
/// such as "Soviet Union", becomes a place) and the places, each once, with `region`, `country`
/// and `rollup` filled:
/// - a place is looked up by its name, its gazetteer name and its mentions; a user gazetteer
///   entry with "country"/"region" fields decides by itself;
/// - between namesakes, in order: a region or country written beside it ("Portland, Ore.",
///   "Paris, Texas", the dateline's); strong evidence from the article's other places (it names
///   the town's region, or a place inside the candidate region or country); then priors: a city
///   that stands alone in datelines, a town over its same-named region, a country over a region
///   or town of its name, a population at least three times the next; then weak evidence (the
///   article names the candidate's country or another place in its region); then the place the
///   built-in gazetteer means by the name. The gazetteer's ambiguous names ("Georgia") get
///   neither the country nor the gazetteer prior. When nothing decides, the place keeps its
///   country alone if every candidate shares it, else nothing (its name, without region or
///   country);
/// - the dateline's place is a place of the article;
/// - a country named or called by its adjective inside an organisation's name ("U.S.
///   Agriculture Department", "Japanese Finance Ministry") is a place of the article;
/// - with `date`, a place in a member of a former state during its membership rolls up to the
///   former state (Moscow in 1987 is in the Soviet Union).
/// Pure and thread-safe; the geography and gazetteer must outlive the call.
[[nodiscard]] std::vector<Actor> resolve_places(const Article& article, std::vector<Actor> actors,
                                                const std::optional<ParsedDate>& date, const Geography& geography,
                                                const Gazetteer& gazetteer);

}  // namespace newsdex
