#include "indexer/extract/actor_extractor.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

namespace newsdex {
namespace {

// ---------------------------------------------------------------------------------------------
// Word tables. Every entry is folded (lower case, no accents, no periods), as Token::folded is.
// ---------------------------------------------------------------------------------------------

using WordSet = std::unordered_set<std::string_view>;

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using OwnedWordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// Titles and honorifics that, written before a name, make it a person's name.
const WordSet title_heads_strong{
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "baron", "baroness",
    "prof", "professor", "rev", "reverend", "pope", "king", "queen", "prince", "princess", "duke",
    "duchess", "earl", "emperor", "empress", "sultan", "emir", "sheikh", "shaikh", "ayatollah",
    "imam", "rabbi", "cardinal", "archbishop", "bishop", "president", "premier", "minister",
    "secretary", "chancellor", "ambassador", "envoy", "senator", "sen", "rep", "congressman",
    "congresswoman", "governor", "gov", "mayor", "commissioner", "chairman", "chairwoman",
    "chairperson", "lt", "lieutenant", "col", "colonel", "capt", "sgt", "sergeant", "gen", "adm",
    "admiral", "brig", "brigadier", "cpl", "corporal", "det", "insp", "supt", "superintendent",
    "inspector", "detective", "constable", "daw", "u", "sayadaw", "coach", "manager", "striker",
    "midfielder", "defender", "goalkeeper", "winger", "spokesman", "spokeswoman", "spokesperson",
    "director", "commander", "ceo", "cfo", "coo", "counsellor", "councillor", "judge", "dj",
    "mp", "mep", "msp", "am", "md"};

// Words that are titles before a name but also ordinary words in names ("General Motors",
// "Chief Executive"): a single word after them is only a weak cue.
const WordSet title_heads_weak{"general", "chief", "head", "leader", "executive", "major",
                               "captain", "marshal", "justice", "speaker", "chair", "deputy",
                               "officer", "father", "sister", "brother", "boss", "skipper"};

// Words that qualify a title ("Foreign Minister", "Senior General", "Secretary of State").
const WordSet title_modifiers{
    "prime", "foreign", "defence", "defense", "home", "deputy", "vice", "senior", "junior",
    "finance", "interior", "trade", "industry", "health", "education", "culture", "sport",
    "sports", "shadow", "energy", "transport", "environment", "agriculture", "economy",
    "economic", "information", "communications", "media", "first", "acting", "interim", "grand",
    "supreme", "field", "lance", "rear", "attorney", "solicitor", "opposition", "state",
    "exchequer", "staff", "general", "assistant", "managing", "chief", "executive", "associate",
    "special", "high", "permanent", "principal", "honorary", "former", "ex", "security",
    "development", "employment", "immigration", "international", "national", "northern",
    "welsh", "scottish", "treasury", "work", "pensions", "cabinet", "affairs", "european",
    "arts", "science", "technology", "housing", "local", "regional", "rural", "social",
    "welfare", "public", "works", "homeland", "legal", "constitutional", "parliamentary",
    "party", "elect", "designate", "commerce", "tourism", "labor", "oil", "petroleum", "mines",
    "water", "power", "food", "fisheries", "women", "youth", "religious", "veterans", "heritage",
    "planning", "budget", "police", "army", "navy", "air", "armed", "forces", "joint", "staff",
    "crown", "district", "county", "city", "town", "team", "club", "head", "lord", "chair",
    "executive", "managing", "non", "assistant", "undersecretary", "under"};

// The last word of a multi-word name that makes it an organisation.
const WordSet org_suffixes{
    "council", "ministry", "group", "company", "companies", "committee", "agency", "bank",
    "party", "corporation", "corp", "inc", "ltd", "plc", "llc", "llp", "co", "association",
    "union", "federation", "organisation", "organization", "university", "institute",
    "commission", "office", "department", "forum", "army", "navy", "force", "forces", "police",
    "court", "parliament", "assembly", "senate", "congress", "news", "times", "post", "airways",
    "airlines", "airline", "motors", "club", "fc", "afc", "united", "rovers", "wanderers",
    "athletic", "albion", "hotspur", "rangers", "board", "authority", "foundation", "fund",
    "trust", "society", "league", "academy", "college", "school", "hospital", "church",
    "museum", "gallery", "theatre", "theater", "orchestra", "records", "studios", "pictures",
    "films", "entertainment", "network", "channel", "broadcasting", "tv", "television", "radio",
    "press", "herald", "tribune", "telegraph", "gazette", "journal", "mirror", "express",
    "observer", "chronicle", "standard", "magazine", "systems", "technologies", "software",
    "electronics", "communications", "telecom", "telecoms", "industries", "holdings", "partners",
    "securities", "investments", "insurance", "assurance", "financial", "services", "bureau",
    "service", "secretariat", "tribunal", "coalition", "alliance", "front", "movement",
    "brigade", "brigades", "regiment", "battalion", "division", "command", "corps", "guard",
    "guards", "embassy", "consulate", "chamber", "chambers", "confederation", "institution",
    "laboratory", "laboratories", "labs", "centre", "center", "partnership", "exchange",
    "electric", "pharmaceuticals", "foods", "stores", "supermarkets", "brewery", "hotel",
    "hotels", "house", "democrats", "republicans", "conservatives", "liberals", "socialists",
    "nationalists", "unionists", "greens", "communists", "tories", "labour", "international",
    "mail", "daily", "weekly", "cabinet", "secretariat", "intelligence", "monitor", "aviation",
    "aeronautics", "aerospace", "tobacco", "pharma", "motor", "steel", "mining", "resources",
    "petroleum", "oil", "media", "registry", "consortium", "harriers", "reporter", "underground",
    "instruments", "railways", "railway", "rail", "trains", "buses", "shipping", "logistics", "brewing",
    "breweries", "cosmetics", "retail", "bancorp", "bankers", "builders", "construction",
    "chemicals", "healthcare", "pharmaceutical", "labs", "ventures",
    "telecommunications", "wireless", "mobile", "networks",
    "interactive", "publishing", "publishers", "books", "productions",
    "marines", "guardsmen", "commandos", "militia", "rebels", "taliban", "jihad", "hamas"};

// The first word of an organisation name that continues with "of", "for" or "on"
// ("Bank of England", "Ministry of Defence", "Committee on Economic Cooperation").
const WordSet org_heads{
    "ministry", "department", "office", "bank", "university", "council", "committee",
    "commission", "institute", "association", "federation", "union", "league", "organisation",
    "organization", "board", "agency", "authority", "court", "academy", "college", "school",
    "society", "church", "party", "foundation", "fund", "centre", "center", "chamber",
    "chambers", "confederation", "house", "museum", "campaign", "coalition", "alliance",
    "forum", "corporation", "company", "companies", "group", "army", "front", "movement",
    "embassy", "bureau", "service", "trust", "secretariat", "tribunal", "parliament",
    "assembly", "senate", "congress", "cabinet", "division", "network", "order", "club",
    "institution", "friends", "daughters", "sons", "brotherhood", "people's", "republic"};

// The last word of a multi-word name that makes it a place.
const WordSet place_suffixes{
    "river", "island", "islands", "isles", "street", "road", "avenue", "square", "lane",
    "bridge", "airport", "station", "stadium", "park", "mountains", "mountain", "hills",
    "valley", "lake", "sea", "ocean", "gulf", "bay", "strait", "straits", "peninsula", "desert",
    "coast", "province", "region", "district", "territory", "territories", "prefecture",
    "canton", "oblast", "governorate", "municipality", "borough", "port", "harbour", "harbor",
    "canal", "falls", "beach", "forest", "palace", "castle", "cathedral", "abbey", "tower", "wharf",
    "quay", "docks", "marina",
    "plaza", "hall", "camp", "base", "prison", "jail", "circuit", "arena", "county", "city",
    "town", "village", "heights", "delta", "basin", "plain", "plateau", "highlands"};

// Suffixes that make a club of a place name ("Manchester City", "Derby County").
const WordSet club_after_place{"city", "county", "town"};

// The first word of a place name ("Mount Everest", "Lake Victoria", "Gulf of Mexico").
const WordSet place_prefixes{"mount", "mt", "lake", "cape", "fort", "isle", "gulf", "bay",
                             "sea", "strait", "straits", "port", "glen", "loch"};

// Broadcast media: an organisation suffix except after a place ("US TV").
const WordSet media_words{"tv", "television", "radio"};

// Newspapers named by one word after "The": "The Times", "The Guardian".
const WordSet publication_words{"times", "post", "telegraph", "mirror", "express", "observer",
                                "herald", "tribune", "guardian", "independent", "economist",
                                "sun", "star", "mail", "scotsman", "spectator", "standard"};

// Currency words: "US dollar", "Swiss franc" name a currency, not the country.
const WordSet currency_words{"dollar", "dollars", "franc", "francs", "pound", "pounds", "euro",
                             "euros", "yen", "yuan", "renminbi", "rupee", "rupees", "peso",
                             "pesos", "rouble", "roubles", "ruble", "rubles", "lira", "krona",
                             "kronor", "krone", "kroner", "shekel", "shekels", "rand", "real",
                             "reais", "won", "dinar", "dinars", "riyal", "riyals", "ringgit",
                             "baht", "dong", "kyat", "kyats", "hryvnia", "zloty", "forint"};

// The first word of an organisation name: "Air India", "Air Deccan".
const WordSet org_prefixes{"air"};

// The last word of names of events, laws, documents and periods: not actors.
const WordSet event_suffixes{
    "cup", "prix", "open", "championship", "championships", "olympics", "olympiad",
    "awards", "award", "prize", "festival", "trophy", "series", "final", "finals", "day",
    "week", "year", "show", "war", "revolution", "act", "bill", "treaty", "agreement",
    "accord", "convention", "plan", "budget", "report", "review", "index", "summit",
    "election", "elections", "referendum", "crisis", "scandal", "affair", "inquiry",
    "marathon", "rally", "tour", "slam", "nations", "conference", "consensus", "jubilee",
    "pact", "doctrine", "strategy", "declaration", "charter", "protocol", "resolution",
    "exhibition", "expo", "fair", "season", "era", "age", "eve", "speech", "address", "memorial",
    "handbook", "programme", "program", "project", "initiative", "scheme", "policy", "code",
    "law", "rules", "guidelines", "proposal", "deal", "talks", "process", "operation", "mission",
    "campaign", "fund", "package", "framework", "roadmap", "communique", "statement", "motion",
    "amendment", "directive", "standard", "test", "trial", "trials", "tournament", "league",
    "derby", "classic", "grand", "bowl", "masters", "invitational", "international",
    "chair", "lecture", "medal", "album", "single", "film", "movie", "novel", "book", "song",
    "awards", "oscars", "baftas", "grammys", "brits"};

// Lower-case words that, just before a name, make it a person ("coach Andy Robinson").
const WordSet role_nouns{
    "leader", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "executive",
    "boss", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "keeper",
    "winger", "forward", "captain", "skipper", "player", "champion", "star", "singer", "actor",
    "actress", "director", "producer", "presenter", "host", "writer", "author", "novelist",
    "analyst", "economist", "professor", "lecturer", "researcher", "scientist", "minister",
    "secretary", "president", "premier", "chancellor", "envoy", "ambassador", "senator",
    "governor", "mayor", "judge", "lawyer", "prosecutor", "mp", "mep", "msp", "founder", "owner",
    "rapper", "guitarist", "drummer", "bassist", "vocalist", "frontman", "comedian",
    "filmmaker", "designer", "composer", "pianist", "violinist", "boxer", "sprinter",
    "runner", "athlete", "batsman", "bowler", "jockey", "trainer", "rider", "driver", "golfer",
    "referee", "umpire", "candidate", "deputy", "adviser", "advisor", "aide", "official",
    "commissioner", "general", "colonel", "commander", "photographer", "journalist", "editor",
    "correspondent", "reporter", "columnist", "critic", "model", "dancer", "musician", "artist",
    "chef", "strategist", "activist", "campaigner", "rival", "opponent", "wife", "husband",
    "son", "daughter", "brother", "sister", "father", "mother", "widow", "widower", "teammate",
    "mate", "counterpart", "predecessor", "successor", "assistant", "agent", "investor",
    "tycoon", "billionaire", "businessman", "businesswoman", "entrepreneur", "banker",
    "diplomat", "negotiator", "dictator", "lieutenant", "officer", "soldier", "priest",
    "cleric", "bishop", "pastor", "monk", "detective", "inspector", "constable", "colleague",
    "girlfriend", "boyfriend", "fiancee", "fiance", "heir", "heiress", "veteran", "legend",
    "pundit", "commentator", "half", "hooker", "prop", "flanker", "lock", "fullback", "seed",
    "holder", "medallist", "medalist", "winner", "finalist", "newcomer", "debutant", "student",
    "teacher", "doctor", "surgeon", "suspect", "defendant", "playwright", "poet", "historian",
    "philosopher", "architect", "engineer", "inventor", "programmer", "blogger", "chief",
    "ceo", "chair", "head", "premier", "king", "queen", "prince", "princess", "novelist",
    "spokesperson", "scorer", "international", "counsel", "solicitor", "barrister", "mps",
    "tsar", "czar", "supremo", "guru", "icon", "hopeful", "contender", "challenger"};

// Lower-case words that, just before a name, make it an organisation ("the firm Rosneft").
const WordSet org_nouns{
    "firm", "company", "group", "carrier", "retailer", "giant", "bank", "maker", "makers",
    "manufacturer", "club", "newspaper", "paper", "tabloid", "broadcaster", "channel",
    "network", "airline", "operator", "agency", "label", "studio", "studios", "publisher",
    "chain", "supermarket", "insurer", "lender", "brewer", "conglomerate", "consortium",
    "organisation", "organization", "charity", "union", "watchdog", "regulator", "body",
    "tank", "outfit", "brand", "website", "site", "store", "distributor", "telecom", "telco",
    "utility", "carmaker", "automaker", "bookmaker", "developer", "party", "band", "magazine",
    "daily", "weekly", "service", "exchange", "fund", "investor", "bidder", "subsidiary",
    "unit", "arm", "division", "startup", "start-up", "manufacturers", "giants", "firms"};

// Nouns before "in/at/of/for/with/by X" that make X an organisation ("shares in X", "staff at X",
// "chief executive of X", "spokesman for X", "merger with X", "owned by X").
const WordSet org_context_nouns{
    "shares", "share", "stake", "stakes", "shareholders", "shareholder", "investment", "investors",
    "bid", "takeover", "offer", "acquisition", "merger", "customers", "subscribers", "users",
    "staff", "workers", "employees", "executives", "executive", "bosses", "boss", "analysts",
    "analyst", "economist", "economists", "spokesman", "spokeswoman", "spokesperson", "owners",
    "directors", "director", "chairman", "chairwoman", "founder", "founders", "members",
    "member", "jobs", "deal", "contract", "subsidiary", "division", "unit", "owned", "bought",
    "acquired", "operated", "controlled", "backed", "funded", "sponsored", "run", "head",
    "chief", "partner", "rival", "rivals", "clients", "client", "engineers", "researchers",
    "scientists", "lawyers", "board", "profits", "profit", "sales", "revenues"};

// The nouns of "shares in X": only these make "in X" an organisation ("investment in China" is a place).
const WordSet shares_nouns{"shares", "share", "stake", "stakes", "shareholders", "shareholder"};

// Lower-case nouns that, next to a name, make it the title of a work ("the film Vera Drake",
// "the Harry Potter books"): not an actor, whatever its shape.
const WordSet work_nouns_before{"film", "movie", "novel", "book", "album", "song", "musical",
                                "sitcom", "drama", "documentary", "opera", "programme", "biopic",
                                "thriller", "comedy", "painting", "poem", "ballet", "soap", "cartoon"};
const WordSet work_nouns_after{"film", "films", "movie", "movies", "book", "books", "novel", "novels",
                               "franchise", "sequel", "sequels", "album", "soundtrack", "trilogy",
                               "musical", "biopic", "saga"};

// Lower-case words that, just before a lone name, suggest a place ("in Mandalay").
const WordSet place_prepositions{"in", "near", "outside", "across", "throughout", "towards",
                                 "toward", "capital", "inside", "northern", "southern",
                                 "eastern", "western", "central", "downtown"};

// Lower-case nouns that, just after a name, suggest a place ("the Shan region").
const WordSet place_nouns_after{"region", "province", "district", "area", "county", "city",
                                "town", "village", "suburb", "state", "valley", "border",
                                "peninsula", "island", "regions", "provinces", "areas"};

// Place nouns before "of X" ("the city of Leeds").
const WordSet place_nouns_before_of{"city", "town", "village", "province", "region", "port",
                                    "island", "state", "capital", "district", "republic",
                                    "kingdom", "county", "suburb", "outskirts", "streets",
                                    "centre", "center", "mayor", "people", "citizens",
                                    "residents", "north", "south", "east", "west"};

// Verbs of speech: "X said", "said X" mark a person.
const WordSet speech_verbs_after{"said", "says", "told", "added", "explained", "insisted",
                                 "admitted", "argued", "stressed", "recalled", "wrote",
                                 "believes", "thinks", "claimed", "urged", "warned", "replied"};
const WordSet speech_verbs_before{"said", "says", "added", "asked", "wrote", "insisted",
                                  "explained", "recalled", "warned", "admitted"};

// Possessed nouns that only organisations have ("Microsoft's shares").
const WordSet org_possessions{"shares", "shareholders", "share", "profits", "profit", "sales",
                              "customers", "board", "stores", "shops", "subscribers",
                              "revenues", "revenue", "earnings", "stock", "headquarters",
                              "chief", "chairman", "directors", "members", "membership",
                              "manifesto", "website", "subsidiary", "takeover", "bid"};

// Particles inside personal names ("Osama bin Laden", "Ludwig van Beethoven").
const WordSet name_particles{"bin", "ibn", "bint", "al", "el", "ul", "van", "von", "der",
                             "den", "de", "da", "di", "du", "del", "della", "dos", "das", "do",
                             "ter", "ten", "zu", "la", "le", "y"};

// Words that may open a multi-word name ("New Labour", "West Bromwich Albion") although they
// are not actors alone: stripped only at the start of a sentence.
const WordSet name_openers{"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "new", "old", "great", "greater", "upper",
                           "lower", "little", "international", "national", "global", "world",
                           "federal", "republican", "democratic", "liberal", "conservative",
                           "mid", "mother", "father"};

// Abbreviations that take a period without ending the sentence.
const WordSet title_abbreviations{"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "capt",
                                  "sgt", "prof", "rev", "sen", "rep", "gov", "adm", "brig",
                                  "cpl", "det", "insp", "supt", "mt", "ft", "no", "hon", "maj",
                                  "pres", "vs", "messrs", "fr", "sr", "jr", "rt"};
const WordSet other_abbreviations{"inc", "corp", "ltd", "co", "bros", "jan", "feb", "mar",
                                  "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                                  "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
                                  "fri", "sat", "sun", "approx", "dept", "est", "etc", "eg",
                                  "ie", "al", "op", "vol", "pp", "cf"};

// Words that open sentences; after an abbreviation they show that the sentence ended.
const WordSet sentence_openers{"the", "a", "an", "in", "on", "at", "but", "and", "or", "so",
                               "if", "when", "while", "after", "before", "since", "as",
                               "however", "according", "although", "though", "despite",
                               "during", "for", "from", "this", "that", "these", "those", "it",
                               "he", "she", "they", "we", "i", "you", "his", "her", "their",
                               "our", "my", "its", "there", "here", "what", "which", "who",
                               "meanwhile", "yet", "also", "many", "some", "both", "all", "no",
                               "not", "now", "then", "last", "next", "first", "one", "two",
                               "mr", "mrs", "ms", "dr"};

const WordSet determiners{"the", "a", "an"};

// ---------------------------------------------------------------------------------------------
// Tokens: a small UTF-8 scanner over the NFC text. ICU's word BreakIterator was measured at
// 85 MB/s on the BBC corpus for the boundaries alone (UTF-16 conversion included), about half
// the speed of this scanner, and its words would still need re-splitting for what the rules
// below care about: possessive endings, hyphens, abbreviation periods and dotted acronyms.
// ---------------------------------------------------------------------------------------------

enum class TokenKind : std::uint8_t { word, number, punct };

struct Token {
    std::string_view surface;  // without a possessive ending; abbreviation periods included
    std::string_view folded;   // Gazetteer::fold_key(surface): the surface itself, or a string in the finder's store
    std::uint32_t sentence = 0;
    TokenKind kind = TokenKind::punct;
    char punct = 0;  // for punctuation: an ASCII stand-in ('"' for every quote, '-' for dashes)
    bool space_before = false;
    bool newline_before = false;
    bool capitalised = false;  // first letter upper or title case
    bool all_caps = false;     // has letters, none lower case
    bool has_upper = false;
    bool possessive = false;
    bool abbreviation = false;  // ends with an attached period
    bool sentence_start = false;
    std::uint8_t letters = 0;  // capped at 255
};

struct CodePoint {
    UChar32 value;
    std::size_t next;
};

CodePoint decode(std::string_view text, std::size_t i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) return {byte, i + 1};
    int32_t offset = static_cast<int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), offset, static_cast<int32_t>(text.size()), c);
    if (c < 0) c = 0xFFFD;
    return {c, static_cast<std::size_t>(offset)};
}

bool is_letter(UChar32 c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return u_isalpha(c) != 0;
}
bool is_digit(UChar32 c) { return c < 0x80 ? (c >= '0' && c <= '9') : u_isdigit(c) != 0; }
bool is_mark(UChar32 c) {
    if (c < 0x300) return false;
    auto type = u_charType(c);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}
bool is_upper(UChar32 c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return u_isupper(c) != 0 || u_istitle(c) != 0;
}
bool is_lower(UChar32 c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return u_islower(c) != 0;
}
bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool is_space(UChar32 c) {
    if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    return u_isUWhiteSpace(c) != 0 || c == 0x200B || c == 0xFEFF;
}
char punct_of(UChar32 c) {
    if (c < 0x80) return static_cast<char>(c == '\'' ? '"' : c);
    switch (c) {
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
        case 0x2018: case 0x2039: case 0x203A: case 0x2019: case 0x201A:
            return '"';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
            return '-';
        case 0x2026: return '.';
        default: return '*';
    }
}

bool is_word_char(UChar32 c) { return is_letter(c) || is_digit(c) || is_mark(c); }

class Tokenizer {
public:
    Tokenizer(std::vector<Token>& out, std::deque<std::string>& store) : m_out(out), m_store(store) {}

    // Appends the tokens of one text (the title or a paragraph); the text starts a sentence.
    void run(std::string_view text) {
        const std::size_t first = m_out.size();
        bool space = true;
        bool newline = true;
        std::size_t i = 0;
        while (i < text.size()) {
            CodePoint cp = decode(text, i);
            if (is_space(cp.value)) {
                space = true;
                newline = newline || cp.value == '\n' || cp.value == '\r' || cp.value == 0x2028 ||
                          cp.value == 0x2029;
                i = cp.next;
                continue;
            }
            Token token;
            token.space_before = space;
            token.newline_before = newline;
            space = newline = false;
            if (is_word_char(cp.value)) {
                i = scan_word(text, i, token);
            } else {
                token.kind = TokenKind::punct;
                token.punct = punct_of(cp.value);
                token.surface = text.substr(i, cp.next - i);
                i = cp.next;
            }
            m_out.push_back(std::move(token));
        }
        mark_sentences(first);
    }

private:
    std::size_t scan_word(std::string_view text, std::size_t start, Token& token) {
        std::size_t i = start;
        bool first = true;
        int letters = 0;
        bool any_lower = false;
        while (i < text.size()) {
            CodePoint cp = decode(text, i);
            if (is_word_char(cp.value)) {
                if (is_letter(cp.value)) {
                    ++letters;
                    if (is_upper(cp.value)) token.has_upper = true;
                    else if (is_lower(cp.value)) any_lower = true;
                    if (first) token.capitalised = is_upper(cp.value);
                }
                if (first) token.kind = is_digit(cp.value) ? TokenKind::number : TokenKind::word;
                first = false;
                i = cp.next;
                continue;
            }
            if (is_apostrophe(cp.value) && cp.next < text.size()) {
                CodePoint after = decode(text, cp.next);
                if (is_letter(after.value)) {  // inside a word: O'Neill, Myanmar's, don't
                    i = cp.next;
                    continue;
                }
            }
            break;
        }
        std::size_t end = i;
        // Possessive endings: "Myanmar's", "Myanmar’s", and "Russians’" / "Russians'".
        std::string_view word = text.substr(start, end - start);
        if (word.size() > 2 && (word.back() == 's' || word.back() == 'S')) {
            std::size_t before_s = word.size() - 1;
            if (word[before_s - 1] == '\'') {
                token.possessive = true;
                end = start + before_s - 1;
            } else if (before_s >= 3 && word.substr(before_s - 3, 3) == "\xE2\x80\x99") {
                token.possessive = true;
                end = start + before_s - 3;
            }
        }
        if (!token.possessive && i < text.size() && (word.back() == 's' || word.back() == 'S')) {
            CodePoint cp = decode(text, i);
            if (is_apostrophe(cp.value) && (cp.next >= text.size() || !is_word_char(decode(text, cp.next).value))) {
                token.possessive = true;
                i = cp.next;
            }
        }
        token.surface = text.substr(start, end - start);
        token.letters = static_cast<std::uint8_t>(std::min(letters, 255));
        token.all_caps = letters > 0 && !any_lower;
        // Periods that belong to the word: dotted acronyms ("U.S.", "J.K."), initials ("W."),
        // and known abbreviations ("Gen.", "Mr.", "Corp.").
        if (!token.possessive && i < text.size() && text[i] == '.' && token.kind == TokenKind::word) {
            if (letters == 1 && token.surface.size() == 1 && token.capitalised) {
                // An initial ("W.") or a dotted acronym ("U.S.", "J.K."): j walks the ".X" pairs.
                std::size_t j = i;
                while (j + 2 < text.size() && std::isalpha(static_cast<unsigned char>(text[j + 1])) &&
                       text[j + 2] == '.')
                    j += 2;
                end = j + 1;
                token.surface = text.substr(start, end - start);
                token.abbreviation = true;
                i = end;
            } else {
                std::string lower = Gazetteer::fold_key(token.surface);
                if (title_abbreviations.contains(lower) || other_abbreviations.contains(lower)) {
                    end = i + 1;
                    token.surface = text.substr(start, end - start);
                    token.abbreviation = true;
                    i = end;
                }
            }
        }
        // Most words are already their folded form: lower-case ASCII letters and digits.
        const bool plain = std::all_of(token.surface.begin(), token.surface.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
        });
        if (plain) {
            token.folded = token.surface;
        } else {
            m_store.push_back(Gazetteer::fold_key(token.surface));
            token.folded = m_store.back();
        }
        return i;
    }

    void mark_sentences(std::size_t first) {
        bool next_starts = true;
        for (std::size_t k = first; k < m_out.size(); ++k) {
            Token& t = m_out[k];
            if (t.newline_before) next_starts = true;
            if (t.kind != TokenKind::punct) {
                if (next_starts) {
                    ++m_sentence;
                    t.sentence_start = true;
                    next_starts = false;
                }
                t.sentence = m_sentence;
                if (t.abbreviation) next_starts = abbreviation_ends_sentence(k);
                continue;
            }
            if (next_starts && k + 1 < m_out.size() && !m_out[k + 1].newline_before) {
                // Punctuation opening a sentence ("- On Wed.", "“Deep gratitude") belongs to it.
                ++m_sentence;
                next_starts = false;
                t.sentence = m_sentence;
                // The word after it still starts the sentence.
                if (m_out[k + 1].kind != TokenKind::punct) {
                    m_out[k + 1].sentence_start = true;
                    m_out[k + 1].sentence = m_sentence;
                }
                continue;
            }
            t.sentence = m_sentence;
            switch (t.punct) {
                case '.': case '!': case '?': case ':': case ';':
                    next_starts = true;
                    break;
                case '"':
                    // An opening quote starts a clause whose first word is capitalised as a
                    // sentence start ("he said: “We have …”").
                    if (t.space_before && k + 1 < m_out.size() && !m_out[k + 1].space_before)
                        next_starts = true;
                    break;
                default:
                    break;
            }
        }
    }

    bool abbreviation_ends_sentence(std::size_t k) const {
        const Token& t = m_out[k];
        if (title_abbreviations.contains(t.folded)) return false;
        std::size_t n = k + 1;
        if (n >= m_out.size()) return true;
        const Token& next = m_out[n];
        if (next.newline_before) return true;
        if (next.kind != TokenKind::word) return false;
        return next.capitalised && sentence_openers.contains(next.folded);
    }

    std::vector<Token>& m_out;
    std::deque<std::string>& m_store;  // folded forms that differ from the surface (stable addresses)
    std::uint32_t m_sentence = 0;
};

// ---------------------------------------------------------------------------------------------
// Candidate finding over the token stream of one article.
// ---------------------------------------------------------------------------------------------

enum class SentenceMode : std::uint8_t { normal, title_case, shouting };

enum class UnitKind : std::uint8_t { name, gazetteer, connector };

// A piece of a capitalised run: one name word, a gazetteer name (maybe several words), or a
// connector ("of", "the", "bin", "&", hyphen-linked "in").
struct Unit {
    std::size_t first = 0;
    std::size_t last = 0;
    UnitKind kind = UnitKind::name;
    GazetteerMatch match{};
};

struct Cue {
    std::optional<ActorType> type;
    CueStrength strength = CueStrength::none;
    bool work = false;       // the name is a work's title
    bool single_only = false;  // only good for a one-word name ("in Mandalay", not "in Duane Hopwood")
};

Cue stronger(Cue a, Cue b) {
    Cue out = static_cast<int>(b.strength) > static_cast<int>(a.strength) ? b : a;
    out.work = a.work || b.work;
    return out;
}

class MentionFinder {
public:
    MentionFinder(const Article& article, const Gazetteer& gazetteer, const ActorWordLists& lists)
        : m_gazetteer(gazetteer), m_lists(lists) {
        std::size_t bytes = article.title.size();
        for (const auto& paragraph : article.paragraphs) bytes += paragraph.size();
        m_tokens.reserve(bytes / 4 + 16);
        Tokenizer tokenizer(m_tokens, m_folded_store);
        tokenizer.run(article.title);
        for (const auto& paragraph : article.paragraphs) tokenizer.run(paragraph);
        classify_sentences();
        collect_article_vocabulary();
        match_gazetteer();
    }

    std::vector<ActorMention> find() {
        std::size_t i = 0;
        while (i < m_tokens.size()) {
            const SentenceMode mode = m_modes[m_tokens[i].sentence];
            if (mode != SentenceMode::normal) {
                i = scan_uncertain(i);
                continue;
            }
            if (!can_start_run(i)) {
                ++i;
                continue;
            }
            std::vector<Unit> units = build_run(i);
            const std::size_t next = units.back().last + 1;
            analyse_run(std::move(units));
            i = next;
        }
        std::vector<std::size_t> order(m_mentions.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::stable_sort(order.begin(), order.end(),
                         [this](std::size_t a, std::size_t b) { return m_mentions[a].order < m_mentions[b].order; });
        type_lists(order);
        std::vector<ActorMention> sorted;
        sorted.reserve(order.size());
        for (std::size_t k : order) sorted.push_back(std::move(m_mentions[k]));
        return sorted;
    }

private:
    // --- token predicates ---------------------------------------------------------------------

    const Token& tok(std::size_t i) const { return m_tokens[i]; }
    bool valid(std::size_t i) const { return i < m_tokens.size(); }
    bool is_word(std::size_t i) const { return valid(i) && tok(i).kind == TokenKind::word; }
    bool name_like(std::size_t i) const { return is_word(i) && tok(i).capitalised && tok(i).letters > 0; }
    bool lower_word(std::size_t i) const { return is_word(i) && !tok(i).has_upper; }
    bool same_sentence(std::size_t a, std::size_t b) const {
        return valid(a) && valid(b) && tok(a).sentence == tok(b).sentence;
    }
    bool is_punct(std::size_t i, char c) const {
        return valid(i) && tok(i).kind == TokenKind::punct && tok(i).punct == c;
    }
    // A hyphen with no space either side, between two word tokens: "Russia-Myanmar".
    bool hyphen_join(std::size_t i) const {
        return is_punct(i, '-') && !tok(i).space_before && valid(i + 1) && !tok(i + 1).space_before &&
               i > 0 && tok(i - 1).kind != TokenKind::punct && tok(i + 1).kind != TokenKind::punct &&
               !tok(i - 1).possessive;
    }
    // "al-Qaeda", "el-Sisi": a lower-case particle hyphen-joined to a capitalised word.
    bool particle_start(std::size_t i) const {
        return lower_word(i) && hyphen_join(i + 1) && name_like(i + 2) && name_particles.contains(tok(i).folded);
    }
    bool can_start_run(std::size_t i) const {
        if (!valid(i)) return false;
        if (m_gaz_len[i] > 0) return true;
        return name_like(i) || particle_start(i);
    }
    bool is_given_name(std::size_t i) const {
        return is_word(i) && m_lists.is_given_name(tok(i).folded);
    }
    bool is_stopword(std::size_t i) const {
        return is_word(i) && m_lists.is_not_actor(tok(i).folded);
    }
    bool is_title_word(std::string_view w) const {
        return title_heads_strong.contains(w) || title_heads_weak.contains(w) || title_modifiers.contains(w);
    }
    bool is_title_head(std::string_view w) const {
        return title_heads_strong.contains(w) || title_heads_weak.contains(w);
    }

    // --- article-wide preparation ---------------------------------------------------------------

    void classify_sentences() {
        std::uint32_t count = m_tokens.empty() ? 1 : m_tokens.back().sentence + 1;
        std::vector<std::uint32_t> words(count), lower_long(count), caps(count), not_all_caps(count);
        for (const Token& t : m_tokens) {
            if (t.kind != TokenKind::word || t.letters == 0) continue;
            ++words[t.sentence];
            if (!t.capitalised && t.letters >= 4 && !t.has_upper) ++lower_long[t.sentence];
            if (t.capitalised) ++caps[t.sentence];
            if (t.letters >= 2 && !t.all_caps) ++not_all_caps[t.sentence];
        }
        m_modes.assign(count, SentenceMode::normal);
        for (std::uint32_t s = 0; s < count; ++s) {
            if (words[s] < 3) continue;
            if (not_all_caps[s] == 0) m_modes[s] = SentenceMode::shouting;
            else if (lower_long[s] == 0 && caps[s] >= 3) m_modes[s] = SentenceMode::title_case;
        }
    }

    // Which words that open sentences the article also writes in lower case, or capitalised
    // mid-sentence. Only those words are ever asked about, so only they are collected; a
    // (length, first letter) filter keeps the scan from hashing every word.
    void collect_article_vocabulary() {
        std::unordered_set<std::string_view> openers;
        std::array<std::uint64_t, 32> filter{};
        for (const Token& t : m_tokens) {
            if (t.kind != TokenKind::word || !t.sentence_start || !t.capitalised || t.folded.empty()) continue;
            openers.insert(t.folded);
            filter[t.folded.size() & 31] |= std::uint64_t{1} << (static_cast<unsigned char>(t.folded[0]) & 63);
        }
        for (const Token& t : m_tokens) {
            if (t.kind != TokenKind::word || t.folded.empty()) continue;
            if (!(filter[t.folded.size() & 31] & (std::uint64_t{1} << (static_cast<unsigned char>(t.folded[0]) & 63))))
                continue;
            if (!openers.contains(t.folded)) continue;
            if (!t.has_upper) m_lowercase.insert(t.folded);
            else if (t.capitalised && !t.sentence_start && m_modes[t.sentence] == SentenceMode::normal)
                m_midsentence.insert(t.folded);
        }
    }

    // Longest gazetteer match starting at every token that can start a name.
    void match_gazetteer() {
        m_gaz_len.assign(m_tokens.size(), 0);
        m_gaz_match.assign(m_tokens.size(), GazetteerMatch{});
        std::string key;
        for (std::size_t i = 0; i < m_tokens.size(); ++i) {
            const Token& start = tok(i);
            if (start.kind != TokenKind::word || !(start.has_upper || particle_start(i))) continue;
            const bool shouting = m_modes[start.sentence] == SentenceMode::shouting;
            // Capital-only acronyms ("US", "WHO") go through find(); in an all-capital line they
            // are ordinary words.
            if (Gazetteer::is_capital_acronym(start.surface)) {
                if (!shouting)
                    if (auto match = m_gazetteer.find(start.surface)) {
                        m_gaz_len[i] = 1;
                        m_gaz_match[i] = *match;
                    }
            }
            const std::size_t limit = m_gazetteer.max_words_starting_with(start.folded);
            if (limit == 0) {
                // Plural demonyms: "Russians", "Britons".
                if (start.folded.size() > 3 && start.folded.back() == 's' && m_gaz_len[i] == 0) {
                    std::string_view singular = start.folded.substr(0, start.folded.size() - 1);
                    if (m_gazetteer.max_words_starting_with(singular) > 0)
                        if (auto match = m_gazetteer.find_key(singular); match && match->via_demonym) {
                            m_gaz_len[i] = 1;
                            m_gaz_match[i] = *match;
                        }
                }
                continue;
            }
            if (m_gaz_len[i] == 0)
                if (auto match = m_gazetteer.find_key(start.folded)) {
                    m_gaz_len[i] = 1;
                    m_gaz_match[i] = *match;
                }
            if (start.possessive || limit < 2) continue;
            key.assign(start.folded);
            std::size_t words = 1;
            std::size_t j = i;
            while (words < limit) {
                std::size_t k = j + 1;
                if (!valid(k) || !same_sentence(i, k)) break;
                if (hyphen_join(k)) k += 1;
                else if (is_punct(k, '&')) {
                    key += " &";
                    k += 1;
                } else if (tok(k).kind == TokenKind::punct) break;
                if (!valid(k) || tok(k).kind == TokenKind::punct || !same_sentence(i, k)) break;
                key += ' ';
                key += tok(k).folded;
                ++words;
                j = k;
                if (tok(k).has_upper || tok(k).kind == TokenKind::number) {
                    if (auto match = m_gazetteer.find_key(key)) {
                        m_gaz_len[i] = static_cast<std::uint16_t>(j - i + 1);
                        m_gaz_match[i] = *match;
                    }
                }
                if (tok(k).possessive) break;
            }
        }
    }

    // --- runs -------------------------------------------------------------------------------------

    Unit unit_at(std::size_t i) const {
        if (m_gaz_len[i] > 0) return Unit{i, i + m_gaz_len[i] - 1, UnitKind::gazetteer, m_gaz_match[i]};
        return Unit{i, i, UnitKind::name, {}};
    }

    // The maximal capitalised run starting at token i, as units.
    std::vector<Unit> build_run(std::size_t i) const {
        std::vector<Unit> units;
        if (particle_start(i) && m_gaz_len[i] == 0) {
            units.push_back(Unit{i, i + 1, UnitKind::connector, {}});
            i += 2;
        }
        units.push_back(unit_at(i));
        bool org_of = false;  // the run holds "<org head> of": "and" may continue it
        bool used_and = false;
        while (true) {
            const std::size_t last = units.back().last;
            if (tok(last).possessive) break;
            std::size_t k = last + 1;
            if (!valid(k) || !same_sentence(last, k)) break;
            if (hyphen_join(k)) {
                std::size_t m = k + 1;
                if (can_start_run(m) && tok(m).has_upper) {
                    units.push_back(Unit{k, k, UnitKind::connector, {}});
                    units.push_back(unit_at(m));
                    continue;
                }
                // Lower-case links inside a hyphenated name: General-in-Chief, Stratford-upon-Avon.
                std::size_t p = m;
                while (lower_word(p) && hyphen_join(p + 1)) p += 2;
                if (p != m && name_like(p)) {
                    units.push_back(Unit{k, p - 1, UnitKind::connector, {}});
                    units.push_back(unit_at(p));
                    continue;
                }
                break;
            }
            if (is_punct(k, '&') && name_like(k + 1)) {  // "Marks & Spencer", "AT&T"
                units.push_back(Unit{k, k, UnitKind::connector, {}});
                units.push_back(unit_at(k + 1));
                continue;
            }
            if (lower_word(k)) {
                const std::string_view w = tok(k).folded;
                const Unit& prev = units.back();
                const std::string_view prev_word = tok(prev.last).folded;
                if (name_particles.contains(w) && (name_like(k + 1) || particle_start(k + 1)) &&
                    prev.kind != UnitKind::connector && w != "st") {
                    units.push_back(Unit{k, k, UnitKind::connector, {}});
                    if (particle_start(k + 1)) {
                        units.push_back(Unit{k + 1, k + 2, UnitKind::connector, {}});
                        units.push_back(unit_at(k + 3));
                    } else {
                        units.push_back(unit_at(k + 1));
                    }
                    continue;
                }
                if ((w == "of" || w == "for" || w == "on") && prev.kind != UnitKind::connector &&
                    (org_of || (prev.kind == UnitKind::name &&
                                (org_heads.contains(prev_word) || is_title_head(prev_word) ||
                                 place_prefixes.contains(prev_word) ||
                                 (w == "of" && title_modifiers.contains(prev_word)))))) {
                    std::size_t m = k + 1;
                    if (lower_word(m) && tok(m).folded == "the") ++m;
                    // "… of Defence on Monday": a day or month does not continue a name.
                    if (can_start_run(m) && tok(m).has_upper && same_sentence(k, m) &&
                        (m_gaz_len[m] > 0 || !is_stopword(m) || name_like(m + 1))) {
                        units.push_back(Unit{k, m - 1, UnitKind::connector, {}});
                        units.push_back(unit_at(m));
                        org_of = org_of || org_heads.contains(prev_word);
                        continue;
                    }
                }
                // "Department of Trade and Industry": one "and" inside an "<org head> of" name, not
                // before a known name ("… Islands and Southampton").
                if (w == "and" && org_of && !used_and && name_like(k + 1) && m_gaz_len[k + 1] == 0) {
                    units.push_back(Unit{k, k, UnitKind::connector, {}});
                    units.push_back(unit_at(k + 1));
                    used_and = true;
                    continue;
                }
                break;
            }
            if (can_start_run(k) && tok(k).has_upper && tok(k).kind == TokenKind::word) {
                units.push_back(unit_at(k));
                continue;
            }
            // "BBC Radio 4", "Channel 5": a station number ends the name.
            if (tok(k).kind == TokenKind::number && tok(k).surface.size() <= 2 && units.back().kind == UnitKind::name &&
                (media_words.contains(tok(last).folded) || tok(last).folded == "channel")) {
                units.push_back(Unit{k, k, UnitKind::name, {}});
                break;
            }
            break;
        }
        return units;
    }

    // --- context cues -----------------------------------------------------------------------------

    // What the words just before token `first` say about the name starting there.
    Cue cue_before(std::size_t first) const {
        if (first == 0) return {};
        std::size_t p = first - 1;
        if (!same_sentence(p, first) && !is_punct(p, ',')) return {};
        if (lower_word(p)) {
            const std::string_view w = tok(p).folded;
            if ((w == "at" || w == "of" || w == "for" || w == "with" || w == "by" ||
                 (w == "in" && shares_nouns.contains(tok(p > 0 ? p - 1 : p).folded))) &&
                p > 0 && lower_word(p - 1) && org_context_nouns.contains(tok(p - 1).folded))
                return {ActorType::org, CueStrength::weak};
            if (work_nouns_before.contains(w)) return {std::nullopt, CueStrength::none, true};
            if (role_nouns.contains(w)) return {ActorType::person, CueStrength::strong};
            if (org_nouns.contains(w)) return {ActorType::org, CueStrength::strong};
            if (speech_verbs_before.contains(w)) return {ActorType::person, CueStrength::weak};
            if (place_prepositions.contains(w)) return {ActorType::place, CueStrength::weak, false, true};
            if (w == "of" && p > 0 && lower_word(p - 1) && place_nouns_before_of.contains(tok(p - 1).folded))
                return {ActorType::place, CueStrength::weak};
            return {};
        }
        // "the regime's foreign minister, Wunna Maung Lwin"
        if (is_punct(p, ',') && p > 0 && lower_word(p - 1) && role_nouns.contains(tok(p - 1).folded))
            return {ActorType::person, CueStrength::weak};
        return {};
    }

    // What the words just after token `last` say about the name ending there.
    Cue cue_after(std::size_t last) const {
        std::size_t q = last + 1;
        if (!valid(q)) return {};
        if (tok(last).possessive) {
            if (lower_word(q) && org_possessions.contains(tok(q).folded)) return {ActorType::org, CueStrength::weak};
            return {};
        }
        if (lower_word(q)) {
            const std::string_view w = tok(q).folded;
            if (work_nouns_after.contains(w)) return {std::nullopt, CueStrength::none, true};
            if (speech_verbs_after.contains(w)) {
                if (lower_word(q + 1) && (tok(q + 1).folded == "it" || tok(q + 1).folded == "its"))
                    return {ActorType::org, CueStrength::weak};
                return {ActorType::person, CueStrength::weak};
            }
            if (role_nouns.contains(w) && (name_like(q + 1) || (lower_word(q + 1) && role_nouns.contains(tok(q + 1).folded) && name_like(q + 2))))
                return {ActorType::org, CueStrength::weak};
            if (place_nouns_after.contains(w)) return {ActorType::place, CueStrength::weak};
            return {};
        }
        if (is_punct(q, ',')) {
            std::size_t r = q + 1;
            if (!valid(r)) return {};
            if (lower_word(r) && tok(r).folded == "who") return {ActorType::person, CueStrength::weak};
            if (tok(r).kind == TokenKind::number && (is_punct(r + 1, ',') || is_punct(r + 1, '.'))) {
                int age = std::atoi(std::string(tok(r).surface).c_str());
                if (age > 0 && age < 110 && tok(r).surface.size() <= 3) return {ActorType::person, CueStrength::weak};
            }
            if (m_gaz_len[r] > 0 && m_gaz_match[r].entry->type == ActorType::place && !m_gaz_match[r].via_demonym) {
                std::size_t after = r + m_gaz_len[r];
                if (!valid(after) || is_punct(after, ',') || is_punct(after, '.') || is_punct(after, ')'))
                    return {ActorType::place, CueStrength::weak};
            }
            // Apposition: "Sergei Lavrov, Russia's foreign minister," / "X, the nation's president".
            for (std::size_t k = r, seen = 0; valid(k) && seen < 6 && same_sentence(q, k); ++k, ++seen) {
                const Token& t = tok(k);
                if (t.kind == TokenKind::punct) break;
                if (t.kind == TokenKind::number) break;
                if (lower_word(k) && org_nouns.contains(t.folded)) return {ActorType::org, CueStrength::weak};
                if (lower_word(k) && role_nouns.contains(t.folded)) return {ActorType::person, CueStrength::weak};
                if (t.has_upper && !t.possessive && !(seen > 0 && title_modifiers.contains(t.folded)) &&
                    !(m_gaz_len[k] > 0 && m_gaz_match[k].via_demonym))
                    break;
            }
        }
        return {};
    }

    // --- emitting mentions --------------------------------------------------------------------------

    std::string text_between(std::size_t first, std::size_t last) const {
        // The tokens are views into one article string each; join them through the original
        // spacing, with any run of white space shown as one space.
        std::string out;
        for (std::size_t k = first; k <= last; ++k) {
            if (k > first && tok(k).space_before) out += ' ';
            out += tok(k).surface;
        }
        return out;
    }

    void emit(const std::vector<Unit>& units, std::size_t name_begin, std::size_t name_end,
              std::size_t surface_begin, Cue cue, const GazetteerMatch* match) {
        // Trim connectors at the edges of the name.
        while (name_begin < name_end && units[name_begin].kind == UnitKind::connector) ++name_begin;
        while (name_end > name_begin && units[name_end - 1].kind == UnitKind::connector) --name_end;
        if (name_begin >= name_end) return;
        const std::size_t first = units[name_begin].first;
        const std::size_t last = units[name_end - 1].last;
        ActorMention mention;
        mention.name = text_between(first, last);
        mention.surface = text_between(units[std::min(surface_begin, name_begin)].first, last);
        for (std::size_t k = first; k <= last; ++k)
            if (tok(k).kind != TokenKind::punct && !tok(k).folded.empty()) mention.words.emplace_back(tok(k).folded);
        if (mention.words.empty()) return;
        if (match != nullptr) {
            if (match->entry->type == ActorType::place && lower_word(last + 1) &&
                currency_words.contains(tok(last + 1).folded))
                return;
            mention.entry = match->entry;
            mention.via_demonym = match->via_demonym;
        }
        // "in X" says little about a longer name: titles of works follow "in" too.
        if (cue.single_only && first != last && match == nullptr) cue = {};
        // Persons are never written in capitals: "CBI said" is an organisation.
        if (cue.type == ActorType::person && cue.strength == CueStrength::weak && first == last &&
            tok(first).all_caps && tok(first).letters >= 2 && match == nullptr)
            cue.type = ActorType::org;
        // "the Treasury", "the Diplomat": a capitalised word after a lower-case "the" is a proper
        // name, which supports an ambiguous gazetteer entry that is not a person.
        if (match != nullptr && cue.strength == CueStrength::none && first == last && match->entry->ambiguous &&
            match->entry->type != ActorType::person && !match->via_demonym && first > 0 && lower_word(first - 1) &&
            tok(first - 1).folded == "the")
            cue = {match->entry->type, CueStrength::weak};
        mention.type = cue.type;
        mention.cue = cue.strength;
        mention.names_work = cue.work;
        mention.sentence_initial = tok(first).sentence_start && name_end - name_begin == 1 &&
                                   units[name_begin].first == units[name_begin].last;
        mention.order = first;
        // "International Crisis Group (ICG)": the long form defines the acronym.
        if (is_punct(last + 1, '(') && is_word(last + 2) && is_punct(last + 3, ')') && !tok(last).possessive) {
            const Token& acronym = tok(last + 2);
            if (acronym.all_caps && acronym.letters >= 2 && acronym.letters <= 8 && defines(mention.words, acronym.folded))
                mention.defines_acronym = std::string(acronym.surface);
        }
        m_mentions.push_back(std::move(mention));
        m_last_tokens.push_back(last);
    }

    // Whether the acronym's letters are the initials (in order, allowing skipped small words) of
    // the long form: "International Crisis Group" -> ICG, "Office of State Administration
    // Council" -> SAC.
    static bool defines(const std::vector<std::string>& words, std::string_view acronym) {
        std::string initials;
        for (const auto& w : words)
            for (std::size_t p = 0; p < w.size(); ++p)
                if (p == 0 || w[p - 1] == ' ') initials += w[p];
        if (acronym.empty() || initials.empty()) return false;
        // The last letter must be the last word's initial; the rest a subsequence of the initials.
        if (acronym.back() != initials.back()) return false;
        std::size_t a = 0;
        for (char c : initials)
            if (a < acronym.size() && c == acronym[a]) ++a;
        return a == acronym.size() && initials.size() <= acronym.size() + 3;
    }

    // --- run analysis -----------------------------------------------------------------------------

    bool unit_is(const Unit& u, const WordSet& set) const {
        return u.kind == UnitKind::name && set.contains(tok(u.last).folded);
    }

    std::size_t name_units(const std::vector<Unit>& units, std::size_t b, std::size_t e) const {
        std::size_t n = 0;
        for (std::size_t k = b; k < e; ++k) n += units[k].kind != UnitKind::connector;
        return n;
    }

    // The unit that closes the range, ignoring connectors.
    const Unit* last_name_unit(const std::vector<Unit>& units, std::size_t b, std::size_t e) const {
        for (std::size_t k = e; k > b; --k)
            if (units[k - 1].kind != UnitKind::connector) return &units[k - 1];
        return nullptr;
    }

    // An organisation, place or event name judged by its shape: "Bank of England",
    // "Gulf of Mexico", "Htoo Group of Companies", "Manchester City", "Athens Olympics".
    std::optional<ActorType> suffix_type(const std::vector<Unit>& units, std::size_t b, std::size_t e,
                                         bool* event) const {
        *event = false;
        if (name_units(units, b, e) < 2) return std::nullopt;
        const Unit* last = last_name_unit(units, b, e);
        // "BBC Radio 4": the word before a station number decides.
        if (last != nullptr && tok(last->last).kind == TokenKind::number && last - 1 >= units.data() + b)
            last = last - 1;
        const Unit& first = units[b];
        const bool first_plain = first.kind == UnitKind::name;
        const std::string_view first_word = tok(first.first).folded;
        const bool linked = e - b >= 3 && units[b + 1].kind == UnitKind::connector && lower_word(units[b + 1].first);
        // "University of the Highlands and Islands": the head decides, not the last word.
        if (first_plain && linked && org_heads.contains(first_word)) return ActorType::org;
        if (first_plain && linked && place_prefixes.contains(first_word)) return ActorType::place;
        if (last != nullptr && last->kind == UnitKind::name) {
            const std::string_view w = tok(last->last).folded;
            if (club_after_place.contains(w)) {
                // "Manchester City", "Derby County": a place followed by City/County/Town is a club.
                const Unit& before = *(last - 1);
                if (before.kind == UnitKind::gazetteer && before.match.entry->type == ActorType::place)
                    return ActorType::org;
                return ActorType::place;
            }
            if (event_suffixes.contains(w) && !org_suffixes.contains(w)) {
                *event = true;
                return std::nullopt;
            }
            // "Fox TV" is a broadcaster, "US TV" is a country's television.
            const bool medium_of_place = media_words.contains(w) && last - 1 >= units.data() + b &&
                                         (last - 1)->kind == UnitKind::gazetteer &&
                                         (last - 1)->match.entry->type == ActorType::place;
            if (org_suffixes.contains(w) && !medium_of_place) return ActorType::org;
            if (place_suffixes.contains(w)) return ActorType::place;
            if (event_suffixes.contains(w)) {
                *event = true;
                return std::nullopt;
            }
        }
        // "Intergovernmental Committee on Economic and Trade Cooperation".
        for (std::size_t k = b; k + 1 < e; ++k)
            if (units[k].kind == UnitKind::name && org_heads.contains(tok(units[k].last).folded) &&
                units[k + 1].kind == UnitKind::connector && lower_word(units[k + 1].first) &&
                !name_particles.contains(tok(units[k + 1].first).folded))
                return ActorType::org;
        if (first_plain && place_prefixes.contains(first_word)) return ActorType::place;
        if (first_plain && org_prefixes.contains(first_word)) return ActorType::org;
        return std::nullopt;
    }

    bool has_ampersand(const std::vector<Unit>& units, std::size_t b, std::size_t e) const {
        for (std::size_t k = b; k < e; ++k)
            if (units[k].kind == UnitKind::connector && is_punct(units[k].first, '&')) return true;
        return false;
    }

    // Whether units [b, e) read as a person's name (after a title, or with a given name).
    bool person_tail(const std::vector<Unit>& units, std::size_t b, std::size_t e) const {
        if (b >= e || units[b].kind == UnitKind::connector) return false;
        std::size_t names = 0;
        for (std::size_t k = b; k < e; ++k) {
            const Unit& u = units[k];
            if (u.kind == UnitKind::connector) {
                if (!is_punct(u.first, '-') && !(lower_word(u.first) && name_particles.contains(tok(u.first).folded)))
                    return false;
                continue;
            }
            ++names;
            if (u.kind == UnitKind::gazetteer) {
                if (u.match.entry->type != ActorType::person && !(u.match.entry->ambiguous && u.first == u.last))
                    return false;
                continue;
            }
            const std::string_view w = tok(u.last).folded;
            if (is_title_word(w) && !is_given_name(u.last)) return false;
            if (org_suffixes.contains(w) || place_suffixes.contains(w) || event_suffixes.contains(w)) return false;
            if (k == b && is_stopword(u.last) && !is_given_name(u.last)) return false;
        }
        return names >= 1 && names <= 4;
    }

    // The range of the title phrase ending at unit `head` (heads, modifiers and the "of", "in",
    // "the" links inside titles such as "Secretary of State", "General-in-Chief").
    std::size_t title_start(const std::vector<Unit>& units, std::size_t floor, std::size_t head) const {
        std::size_t s = head;
        while (s > floor) {
            const Unit& prev = units[s - 1];
            if (prev.kind == UnitKind::name && is_title_word(tok(prev.last).folded)) {
                --s;
                continue;
            }
            if (prev.kind == UnitKind::connector && s - 1 > floor && units[s - 2].kind == UnitKind::name &&
                is_title_word(tok(units[s - 2].last).folded)) {
                s -= 2;
                continue;
            }
            break;
        }
        return s;
    }

    void analyse_run(std::vector<Unit> units) {
        const std::size_t run_first = units.front().first;
        strip_leading(units);
        if (units.empty()) return;
        Cue before = cue_before(units.front().first);
        if (units.front().first != run_first) before = {};
        Cue after = cue_after(units.back().last);
        analyse_range(units, 0, units.size(), before, after);
    }

    void strip_leading(std::vector<Unit>& units) const {
        while (!units.empty()) {
            const Unit& u = units.front();
            if (u.kind == UnitKind::connector) {
                units.erase(units.begin());
                continue;
            }
            if (u.kind != UnitKind::name || units.size() == 1) break;
            const std::size_t t = u.first;
            const std::string_view w = tok(t).folded;
            const bool initial = tok(t).sentence_start;
            const Unit& next = units[1];
            const bool next_is_title = next.kind == UnitKind::name && is_title_word(tok(next.first).folded);
            // "Former Boyzone singer", "Shadow Chancellor": a modifier opens a title only when one follows.
            if (is_title_word(w) && (is_title_head(w) || next_is_title)) break;
            if (title_modifiers.contains(w) && !next_is_title && !is_given_name(t)) {
                bool event = false;
                if (!suffix_type(units, 0, units.size(), &event) && !event) {
                    units.erase(units.begin());
                    continue;
                }
                break;
            }
            const bool next_is_name_start = next.kind == UnitKind::name &&
                                            (is_given_name(next.first) || is_title_head(tok(next.first).folded));
            bool strip = false;
            if (determiners.contains(w)) {
                bool event = false;
                std::vector<Unit> rest(units.begin() + 1, units.end());
                // "The Times", "The Guardian": a lone organisation word keeps its article.
                strip = !(rest.size() == 1 && unit_is(rest.front(), publication_words)) ||
                        suffix_type(units, 1, units.size(), &event).has_value();
            } else if (name_openers.contains(w)) {
                // "New Labour" -> Labour at the start of a sentence, but "Liberal Democrat" stays whole.
                bool event = false;
                strip = initial && !suffix_type(units, 0, units.size(), &event) && !event &&
                        (next.kind == UnitKind::gazetteer || next_is_name_start);
            } else if (is_stopword(t)) {
                // "Jan Servaes", "June Sarpong": a given name that is also a month opens a name.
                strip = !(is_given_name(t) && units.size() <= 3 && next.kind == UnitKind::name &&
                          !is_given_name(next.first) && !is_stopword(next.first));
            } else if (initial && !is_given_name(t) && !m_midsentence.contains(w) &&
                       (m_lowercase.contains(w) || next_is_name_start || next.kind == UnitKind::gazetteer)) {
                // "Writes Ahmed Adel", "Asked about…": an ordinary word opening the sentence.
                strip = true;
            } else if (initial && is_given_name(t) && m_lowercase.contains(w) &&
                       (next.kind == UnitKind::gazetteer || next_is_name_start)) {
                strip = true;  // "Will Microsoft …"
            }
            if (!strip) break;
            units.erase(units.begin());
        }
    }

    void analyse_range(const std::vector<Unit>& units, std::size_t b, std::size_t e, Cue before, Cue after) {
        while (b < e && units[b].kind == UnitKind::connector) ++b;
        while (e > b && units[e - 1].kind == UnitKind::connector) --e;
        if (b >= e) return;
        const std::size_t count = name_units(units, b, e);

        // 1. The whole range is one gazetteer name.
        if (count == 1 && units[b].kind == UnitKind::gazetteer && e == b + 1) {
            emit_gazetteer(units, b, stronger(before, after));
            return;
        }
        // A lone word.
        if (count == 1 && e == b + 1) {
            emit_single(units, b, before, after);
            return;
        }

        // 2. A title phrase followed by a person's name: "Senior Gen. Min Aung Hlaing".
        for (std::size_t h = e; h-- > b;) {
            const Unit& u = units[h];
            if (u.kind != UnitKind::name || !is_title_head(tok(u.last).folded)) continue;
            // "U" is a Burmese honorific only as a bare capital before a name.
            if (tok(u.last).folded == "u" && (tok(u.last).abbreviation || h + 1 >= e)) continue;
            std::size_t tail = h + 1;
            if (tail < e && units[tail].kind == UnitKind::connector && lower_word(units[tail].first) &&
                (tok(units[tail].first).folded == "of" || tok(units[tail].first).folded == "for" ||
                 tok(units[tail].first).folded == "on")) {
                // "President of Russia", "Chairman of the State Administrative Council": the
                // title names a role; what follows "of" is an actor of its own.
                const std::size_t s = title_start(units, b, h);
                analyse_modifiers(units, b, s, before);
                analyse_range(units, tail + 1, e, {}, after);
                return;
            }
            if (!person_tail(units, tail, e)) continue;
            const std::size_t s = title_start(units, b, h);
            const std::string_view head = tok(u.last).folded;
            const bool single = name_units(units, tail, e) == 1;
            Cue cue{ActorType::person,
                    (single && !title_heads_strong.contains(head)) ? CueStrength::weak : CueStrength::strong};
            analyse_modifiers(units, b, s, before);
            if (single && units[tail].kind == UnitKind::gazetteer && units[tail].match.entry->type == ActorType::person)
                emit(units, tail, e, s, cue, &units[tail].match);
            else
                emit_name(units, tail, e, s, cue);
            return;
        }
        // A role with no name after it: "Myanmar Foreign Minister", "SAC Vice President".
        if (const Unit* last = last_name_unit(units, b, e);
            last->kind == UnitKind::name && is_title_head(tok(last->last).folded) &&
            !org_suffixes.contains(tok(last->last).folded)) {
            std::size_t h = static_cast<std::size_t>(last - units.data());
            analyse_modifiers(units, b, title_start(units, b, h), before);
            return;
        }

        // 3. Organisations, places and events by their last word; "&" makes a firm.
        bool event = false;
        auto by_suffix = suffix_type(units, b, e, &event);
        if (!by_suffix && !event && has_ampersand(units, b, e)) by_suffix = ActorType::org;
        if (by_suffix) {
            emit_name(units, b, e, b, Cue{by_suffix, CueStrength::strong});
            return;
        }
        if (event) {
            // Known actors inside event names still count ("Athens Olympics", "ASEAN Summit"),
            // but not demonyms ("French Open").
            for (std::size_t k = b; k < e; ++k)
                if (units[k].kind == UnitKind::gazetteer && !units[k].match.via_demonym)
                    emit_gazetteer(units, k, {});
            return;
        }

        // 4. A given name opens a person's name: "Vladimir Putin", "Nancy Pelosi".
        const Unit& first = units[b];
        const bool first_given =
            (first.kind == UnitKind::name && is_given_name(first.last)) ||
            (first.kind == UnitKind::gazetteer && first.first == first.last && first.match.entry->ambiguous &&
             is_given_name(first.first));
        if (first_given && count >= 2 && count <= 4) {
            bool plain = true;
            for (std::size_t k = b + 1; k < e; ++k) {
                const Unit& u = units[k];
                const bool place_surname = count == 2 && k + 1 == e && u.first == u.last &&
                                           u.match.entry != nullptr && u.match.entry->type == ActorType::place &&
                                           !u.match.via_demonym;
                if (u.kind == UnitKind::gazetteer && !(u.match.entry->type == ActorType::person ||
                                                       (u.match.entry->ambiguous && u.first == u.last) ||
                                                       place_surname))
                    plain = false;
                if (u.kind == UnitKind::name && (is_title_word(tok(u.last).folded) || org_suffixes.contains(tok(u.last).folded)))
                    plain = false;
            }
            if (plain) {
                emit_name(units, b, e, b, stronger(Cue{ActorType::person, CueStrength::strong}, {}));
                return;
            }
        }

        // 5. A known organisation's branch named by a place: "BBC Radio Wales", "Sony Europe".
        if (first.kind == UnitKind::gazetteer && first.match.entry->type == ActorType::org && count >= 2) {
            bool has_place = false;
            bool plain = true;
            for (std::size_t k = b + 1; k < e; ++k) {
                const Unit& u = units[k];
                if (u.kind == UnitKind::gazetteer)
                    has_place = has_place || (u.match.entry->type == ActorType::place && !u.match.via_demonym);
                else if (u.kind == UnitKind::name && is_title_word(tok(u.last).folded))
                    plain = false;
            }
            const Unit* last = last_name_unit(units, b, e);
            if (has_place && plain && last->kind == UnitKind::gazetteer) {
                emit_name(units, b, e, b, Cue{ActorType::org, CueStrength::strong});
                return;
            }
        }

        // 6. Split at gazetteer names; analyse what lies between them.
        bool any_gazetteer = false;
        for (std::size_t k = b; k < e; ++k) any_gazetteer = any_gazetteer || units[k].kind == UnitKind::gazetteer;
        if (any_gazetteer) {
            std::size_t piece = b;
            for (std::size_t k = b; k <= e; ++k) {
                if (k < e && units[k].kind != UnitKind::gazetteer) continue;
                if (piece < k) analyse_range(units, piece, k, piece == b ? before : Cue{}, k == e ? after : Cue{});
                if (k < e) emit_gazetteer(units, k, Cue{});
                piece = k + 1;
            }
            return;
        }

        // 7. A name with nothing in its shape: its context decides, or the resolver drops it.
        emit_name(units, b, e, b, stronger(before, after));
    }

    // Units before a title: the gazetteer names there count ("Russian Foreign Minister" ->
    // Russia); an unknown name just before a title is probably its organisation.
    void analyse_modifiers(const std::vector<Unit>& units, std::size_t b, std::size_t e, Cue before) {
        std::size_t piece = b;
        for (std::size_t k = b; k <= e; ++k) {
            const bool boundary = k == e || units[k].kind == UnitKind::gazetteer ||
                                  (units[k].kind == UnitKind::name && is_title_word(tok(units[k].last).folded));
            if (!boundary) continue;
            if (piece < k && k == e) {
                // Only the name right before the title: "Labour Party Chairman", "Microsoft Chief".
                analyse_range(units, piece, k, stronger(Cue{ActorType::org, CueStrength::weak}, piece == b ? before : Cue{}),
                              Cue{});
            }
            if (k < e && units[k].kind == UnitKind::gazetteer) emit_gazetteer(units, k, Cue{});
            piece = k + 1;
        }
    }

    void emit_gazetteer(const std::vector<Unit>& units, std::size_t k, Cue cue) {
        emit(units, k, k + 1, k, cue, &units[k].match);
    }

    void emit_name(const std::vector<Unit>& units, std::size_t b, std::size_t e, std::size_t surface_begin, Cue cue) {
        // A lone gazetteer unit after trimming is still a gazetteer mention.
        if (name_units(units, b, e) == 1) {
            for (std::size_t k = b; k < e; ++k)
                if (units[k].kind == UnitKind::gazetteer) {
                    emit(units, k, k + 1, surface_begin, cue, &units[k].match);
                    return;
                }
        }
        emit(units, b, e, surface_begin, cue, nullptr);
    }

    void emit_single(const std::vector<Unit>& units, std::size_t k, Cue before, Cue after) {
        const Unit& u = units[k];
        const std::size_t t = u.first;
        if (is_stopword(t) || is_title_word(tok(t).folded)) return;
        // A lone capitalised word opening a sentence is only a name if the article also writes
        // it capitalised mid-sentence.
        if (tok(t).sentence_start && !m_midsentence.contains(tok(t).folded)) return;
        // Single organisation or event words ("Council", "Cup") are not names by themselves.
        if (org_suffixes.contains(tok(t).folded) || event_suffixes.contains(tok(t).folded)) return;
        Cue cue = stronger(before, after);
        if (tok(t).possessive && cue.type == ActorType::place) cue = {};
        emit(units, k, k + 1, k, cue, nullptr);
    }

    // --- lists ----------------------------------------------------------------------------------

    // Whether only a list separator lies between two mentions: ",", "and", "or", "&", ", and".
    bool list_gap(std::size_t last, std::size_t next_first) const {
        if (next_first <= last + 1 || next_first > last + 3) return false;
        std::size_t k = last + 1;
        if (is_punct(k, ',')) ++k;
        if (k < next_first && lower_word(k) && (tok(k).folded == "and" || tok(k).folded == "or")) ++k;
        else if (k < next_first && is_punct(k, '&')) ++k;
        return k == next_first && next_first > last + 1 && same_sentence(last, next_first);
    }

    // "Sweden's Saab", "Stalin's Russia": a possessive name that qualifies the name after it.
    bool modifies_next(std::size_t last) const { return tok(last).possessive && name_like(last + 1); }

    static std::optional<ActorType> known_type(const ActorMention& m) {
        if (m.entry != nullptr) return m.via_demonym ? std::nullopt : std::optional<ActorType>(m.entry->type);
        if (m.cue != CueStrength::none) return m.type;
        return std::nullopt;
    }

    // Names listed together are of one kind: "Boeing, Airbus, Lockheed Martin and Snecma". Untyped
    // members of a list whose typed members agree get that type (a weak cue), and ambiguous
    // gazetteer members of that type get support.
    void type_lists(const std::vector<std::size_t>& order) {
        std::size_t start = 0;
        while (start < order.size()) {
            if (modifies_next(m_last_tokens[order[start]])) {
                ++start;
                continue;
            }
            std::size_t end = start + 1;
            while (end < order.size() && !modifies_next(m_last_tokens[order[end]]) &&
                   list_gap(m_last_tokens[order[end - 1]], m_mentions[order[end]].order))
                ++end;
            if (end - start >= 2) {
                std::optional<ActorType> agreed;
                bool conflict = false;
                int typed = 0;
                bool known = false;
                for (std::size_t k = start; k < end; ++k) {
                    const ActorMention& m = m_mentions[order[k]];
                    auto type = known_type(m);
                    if (!type) continue;
                    if (agreed && *agreed != *type) conflict = true;
                    agreed = type;
                    ++typed;
                    known = known || (m.entry != nullptr && !m.entry->ambiguous);
                }
                // One guessed type is not enough to type a list: a gazetteer member or two typed ones.
                if (agreed && !conflict && (known || typed >= 2)) {
                    for (std::size_t k = start; k < end; ++k) {
                        ActorMention& m = m_mentions[order[k]];
                        if (m.uncertain_case || m.via_demonym) continue;
                        if ((m.entry == nullptr && m.cue == CueStrength::none) ||
                            (m.entry != nullptr && m.entry->ambiguous && m.entry->type == *agreed)) {
                            m.type = agreed;
                            m.cue = std::max(m.cue, CueStrength::weak);
                        }
                    }
                }
            }
            start = end;
        }
    }

    // --- title-case and all-capital lines -------------------------------------------------------

    // In a headline written in Title Case or CAPITALS the capitals say nothing: take gazetteer
    // names, and offer each other capitalised word only as a possible reference to a name the
    // article gives in full elsewhere ("Putin" in "Junta Chief Meets Putin In Russia").
    std::size_t scan_uncertain(std::size_t i) {
        const std::uint32_t sentence = tok(i).sentence;
        while (valid(i) && tok(i).sentence == sentence) {
            if (m_gaz_len[i] > 0) {
                // (match_gazetteer never takes capital-only acronyms from an all-capital line.)
                std::vector<Unit> units{unit_at(i)};
                const bool ambiguous = units[0].match.entry->ambiguous;
                const std::size_t before = m_mentions.size();
                emit(units, 0, 1, 0, Cue{}, &units[0].match);
                if (m_mentions.size() > before) m_mentions.back().uncertain_case = ambiguous;
                i = units[0].last + 1;
                continue;
            }
            if (name_like(i) && !is_stopword(i) && !is_title_word(tok(i).folded) && tok(i).letters >= 3) {
                std::vector<Unit> units{unit_at(i)};
                emit(units, 0, 1, 0, Cue{}, nullptr);
                if (!m_mentions.empty()) m_mentions.back().uncertain_case = true;
            }
            ++i;
        }
        return i;
    }

    const Gazetteer& m_gazetteer;
    const ActorWordLists& m_lists;
    std::deque<std::string> m_folded_store;
    std::vector<Token> m_tokens;
    std::vector<SentenceMode> m_modes;
    std::vector<std::uint16_t> m_gaz_len;
    std::vector<GazetteerMatch> m_gaz_match;
    std::unordered_set<std::string_view> m_lowercase;
    std::unordered_set<std::string_view> m_midsentence;
    std::vector<ActorMention> m_mentions;
    std::vector<std::size_t> m_last_tokens;  // the last token of each mention's name
};

}  // namespace

std::vector<ActorMention> find_actor_mentions(const Article& article, const Gazetteer& gazetteer,
                                              const ActorWordLists& word_lists) {
    MentionFinder finder(article, gazetteer, word_lists);
    return finder.find();
}

}  // namespace newsdex
