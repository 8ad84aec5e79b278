#include "corpus/generator/article_generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace newsdex::generator {

namespace {

// ---------------------------------------------------------------------------------------------
// Rates and sizes. Furniture rates are per article; they mirror what the seed articles carry.

struct FurnitureRates {
    double zero_top = 0.02;          // a lone "0" (a comment counter) before the text
    double headline_echo = 0.03;     // the headline again with " — Outlet" appended
    double share_post = 0.06;        // "Share post:"
    double read_more = 0.05;         // "Read more: <teaser>" between paragraphs
    double share_end = 0.06;         // "Share."
    double about_author = 0.05;      // "About Author" (+ a bio line half the time)
    double subscribe = 0.06;         // the outlet's newsletter line
    double comments_closed = 0.05;   // "Comments are closed."
    double comment_form = 0.02;      // "Please enter your comment!" / "Please enter your name here"
    double more_like_this = 0.08;    // "More like this" and 2-4 teaser headlines, always last
    double repeated_paragraph = 0.03;  // one paragraph pasted twice
};
constexpr FurnitureRates k_rates;

constexpr double k_replace_name = 0.8;   // share of proper-name runs replaced by the article's cast
constexpr std::size_t k_people = 4000;
constexpr std::size_t k_organisations = 800;
constexpr std::size_t k_places = 500;
constexpr std::size_t k_ring = 2048;      // recent originals kept for copying
constexpr std::size_t k_reservoir = 512;  // far-back originals kept for copying
constexpr std::size_t k_hot = 64;         // clusters copied recently (bursts of republication)
constexpr double k_pick_hot = 0.35;
constexpr std::size_t k_max_planned_copies = 150;  // further copies due to a story: 0..149, P(k) ~ 1/(k+1)^2
constexpr double k_pick_far = 0.15;
constexpr double k_missing_date = 0.04;
constexpr std::size_t k_sentence_bytes = 130;  // a typical sentence, to size sentence batches
// Near copies are accepted at 0.85 so that they stay above 0.8 with margin; the last fallback
// accepts 0.8 (see make_near).
constexpr std::uint64_t k_near_accept_percent = 85;
constexpr std::uint64_t k_near_floor_percent = 80;

// ---------------------------------------------------------------------------------------------
// Name material for the invented world. Each culture writes names in its own order and has its
// own short form used after the first mention.

enum class NameOrder { given_family, family_given, vietnamese, burmese, mononym_or_given_family };

struct Culture {
    NameOrder order;
    std::vector<std::string> male;
    std::vector<std::string> female;
    std::vector<std::string> family;
    std::string feminine;  // how family names change for women: "a" (Russian), "ska" (Polish)
};

const std::vector<Culture>& cultures()
{
    static const std::vector<Culture> list = {
        {NameOrder::given_family,
         {"James", "Michael", "David", "Thomas", "Daniel", "Robert", "Peter", "Andrew", "Mark", "Simon", "Graham", "Neil"},
         {"Sarah", "Emma", "Olivia", "Charlotte", "Hannah", "Lucy", "Rachel", "Claire", "Helen", "Laura", "Fiona", "Joanna"},
         {"Whitfield", "Harrington", "Ashworth", "Pennington", "Caldwell", "Fairbanks", "Holloway", "Brennan", "Thornton",
          "Marlow", "Kendrick", "Ellison", "Radcliffe", "Sutton", "Gallagher", "Hartley", "Prescott", "Bramwell", "Carrow",
          "Lockwood"},
         ""},
        {NameOrder::given_family,
         {"Alejandro", "Javier", "Mateo", "Diego", "Rafael", "Andrés", "Emilio", "Sergio", "Joaquín", "Tomás"},
         {"Lucía", "Carmen", "Valentina", "Isabel", "Camila", "Gabriela", "Paula", "Ximena", "Renata", "Marisol"},
         {"Castellanos", "Herrera", "Villalobos", "Mendoza", "Iturbide", "Quintero", "Salazar", "Robles", "Echeverría",
          "Fuentes", "Ortega", "Cárdenas", "Montoya", "Arriaga", "Zamora", "Bustamante"},
         ""},
        {NameOrder::given_family,
         {"Dmitry", "Sergei", "Alexei", "Mikhail", "Pavel", "Nikolai", "Andrei", "Yuri", "Viktor", "Oleg"},
         {"Olga", "Natalia", "Irina", "Yelena", "Svetlana", "Tatiana", "Anastasia", "Marina", "Galina", "Vera"},
         {"Volkov", "Sokolov", "Orlov", "Belov", "Kuznetsov", "Morozov", "Lebedev", "Zaitsev", "Karpov", "Gromov",
          "Sorokin", "Polyakov"},
         "a"},
        {NameOrder::given_family,
         {"Khalid", "Omar", "Youssef", "Tariq", "Hassan", "Karim", "Mahmoud", "Faisal", "Nabil", "Sami"},
         {"Fatima", "Layla", "Amira", "Noura", "Samira", "Rania", "Huda", "Yasmin", "Dalia", "Reem"},
         {"Al-Mansouri", "Haddad", "El-Sayed", "Nasser", "Al-Rashid", "Khoury", "Barakat", "Saleh", "Hamdan", "Qasim",
          "Al-Hashimi", "Darwish"},
         ""},
        {NameOrder::family_given,
         {"Wei", "Jianguo", "Haoran", "Zhiqiang", "Jun", "Guoqing", "Hao", "Lei"},
         {"Xiaoling", "Mei", "Yuting", "Lihua", "Yan", "Shuang", "Jing", "Fang"},
         {"Zhang", "Liu", "Chen", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Gao", "Lin"},
         ""},
        {NameOrder::given_family,
         {"Hiroshi", "Takeshi", "Kenji", "Satoshi", "Daisuke", "Kazuo", "Ryo", "Shinji"},
         {"Yuki", "Aiko", "Naomi", "Emiko", "Haruka", "Keiko", "Mariko", "Sachiko"},
         {"Tanaka", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Fujita", "Ishikawa", "Morita", "Hayashi", "Okada"},
         ""},
        {NameOrder::family_given,
         {"Min-jun", "Ji-ho", "Dong-hyun", "Jae-won", "Sung-min", "Tae-yang"},
         {"Seo-yeon", "Hye-jin", "Soo-ah", "Eun-ji", "Ji-woo", "Mi-rae"},
         {"Kim", "Park", "Lee", "Choi", "Jung", "Kang", "Yoon", "Han", "Seo", "Shin"},
         ""},
        {NameOrder::given_family,
         {"Arjun", "Rahul", "Vikram", "Sanjay", "Rohan", "Amit", "Anil", "Suresh", "Karan", "Nikhil"},
         {"Priya", "Ananya", "Kavita", "Meera", "Deepa", "Sunita", "Lakshmi", "Nandini", "Pooja", "Shreya"},
         {"Sharma", "Iyer", "Reddy", "Banerjee", "Patel", "Nair", "Chatterjee", "Kulkarni", "Menon", "Gupta", "Rao",
          "Desai"},
         ""},
        {NameOrder::given_family,
         {"Chinedu", "Oluwaseun", "Emeka", "Babajide", "Ibrahim", "Tunde", "Chukwuma", "Musa", "Segun", "Obinna"},
         {"Ngozi", "Funmilayo", "Adaeze", "Aisha", "Chiamaka", "Halima", "Yetunde", "Amaka", "Zainab", "Folake"},
         {"Okafor", "Adeyemi", "Nwosu", "Balogun", "Eze", "Abubakar", "Okonkwo", "Adebayo", "Ogunleye", "Danjuma",
          "Obi", "Bello"},
         ""},
        {NameOrder::given_family,
         {"Mehmet", "Emre", "Burak", "Kemal", "Murat", "Serkan"},
         {"Ayşe", "Zeynep", "Elif", "Selin", "Derya", "Esra"},
         {"Yılmaz", "Demir", "Aydın", "Öztürk", "Kaya", "Çelik", "Arslan", "Doğan"},
         ""},
        {NameOrder::given_family,
         {"Klaus", "Jürgen", "Matthias", "Stefan", "Wolfgang", "Tobias"},
         {"Anke", "Sabine", "Katrin", "Ulrike", "Birgit", "Annika"},
         {"Hoffmann", "Brandt", "Weber", "Schäfer", "Krüger", "Vogel", "Lindner", "Hartmann", "Becker", "Wolff"},
         ""},
        {NameOrder::given_family,
         {"Jean-Luc", "Pierre", "Olivier", "Étienne", "Thierry", "Mathieu"},
         {"Amélie", "Sophie", "Camille", "Margaux", "Hélène", "Céline"},
         {"Lefèvre", "Moreau", "Girard", "Dubois", "Laurent", "Rousseau", "Fontaine", "Chevalier", "Marchand"},
         ""},
        {NameOrder::given_family,
         {"João", "Thiago", "Rodrigo", "Felipe", "Gustavo", "Marcelo"},
         {"Ana", "Beatriz", "Larissa", "Juliana", "Fernanda", "Patrícia"},
         {"Silva", "Oliveira", "Carvalho", "Pereira", "Almeida", "Barbosa", "Ribeiro", "Nogueira", "Azevedo"},
         ""},
        {NameOrder::mononym_or_given_family,
         {"Joko", "Budi", "Agus", "Bambang", "Hendra", "Rizal"},
         {"Sri", "Dewi", "Siti", "Ratna", "Indah", "Wulan"},
         {"Santoso", "Wijaya", "Hidayat", "Kusuma", "Pratama", "Setiawan", "Nugroho", "Susanto"},
         ""},
        {NameOrder::burmese,
         {"Aung", "Min", "Kyaw", "Thein", "Soe", "Win", "Myint", "Htun", "Zaw", "Naing", "Tun", "Maung", "Than", "Lwin"},
         {"Khin", "Thida", "Nyunt", "Hla", "Su", "Ei", "Nwe", "Mya", "Yin", "Sandar"},
         {"Oo", "Shwe", "Kyi", "Aye", "Htet", "Myat", "Phyo", "Thu"},
         ""},
        {NameOrder::vietnamese,
         {"Hung", "Tuan", "Dung", "Binh", "Quang", "Long"},
         {"Lan", "Mai", "Hoa", "An", "Thu", "Linh"},
         {"Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"},
         ""},
        {NameOrder::given_family,
         {"Otieno", "Kamau", "Mwangi", "Kiprop", "Omondi", "Mutua"},
         {"Wanjiru", "Achieng", "Njeri", "Akinyi", "Chebet", "Wambui"},
         {"Odhiambo", "Kariuki", "Wekesa", "Ndungu", "Kimani", "Onyango", "Rotich"},
         ""},
        {NameOrder::given_family,
         {"Tomasz", "Piotr", "Krzysztof", "Marek", "Paweł"},
         {"Agnieszka", "Magdalena", "Joanna", "Katarzyna", "Ewa"},
         {"Kowalski", "Wiśniewski", "Zieliński", "Nowicki", "Lewandowski", "Dąbrowski"},
         "ska"},
    };
    return list;
}

// Offices, most common first; people without one are referred to by name alone.
const std::vector<std::string>& offices()
{
    static const std::vector<std::string> list = {
        "President", "Prime Minister", "Foreign Minister", "Finance Minister", "Senator", "Defence Minister",
        "Governor", "Chief Executive", "General", "Mayor", "Interior Minister", "Opposition leader", "Dr",
        "Professor", "Ambassador", "Trade Minister", "Health Minister", "Judge", "Senior General",
        "Deputy Prime Minister", "Central bank governor", "Energy Minister", "Chairman", "Commander", "Coach",
        "Spokeswoman", "Spokesman", "Vice President", "Justice Minister", "Secretary-General"};
    return list;
}

// Offices also used with the surname alone ("President Okafor").
bool office_takes_surname(const std::string& office)
{
    return office == "President" || office == "Senator" || office == "Governor" || office == "General" ||
           office == "Mayor" || office == "Dr" || office == "Professor" || office == "Judge" ||
           office == "Senior General" || office == "Prime Minister" || office == "Vice President" ||
           office == "Coach" || office == "Commander";
}

const std::vector<std::string>& countries()
{
    static const std::vector<std::string> list = {
        "United States", "China", "Russia", "India", "Ukraine", "United Kingdom", "Germany", "France", "Japan",
        "Brazil", "Iran", "Turkey", "Israel", "Nigeria", "Myanmar", "Pakistan", "South Korea", "Mexico",
        "Indonesia", "Saudi Arabia", "Egypt", "South Africa", "Italy", "Canada", "Australia", "Syria", "Iraq",
        "Afghanistan", "Spain", "Poland", "Venezuela", "Argentina", "Kenya", "Ethiopia", "Vietnam", "Thailand",
        "Philippines", "Bangladesh", "Colombia", "Malaysia", "Qatar", "United Arab Emirates", "Belarus",
        "Kazakhstan", "Georgia", "Armenia", "Azerbaijan", "Sudan", "Libya", "Morocco", "Algeria", "Ghana",
        "Senegal", "Mali", "Niger", "Cambodia", "Laos", "Nepal", "Sri Lanka", "Jordan", "Lebanon", "Greece",
        "Sweden", "Norway", "Finland", "Netherlands", "Belgium", "Switzerland", "Austria", "Hungary", "Serbia",
        "Romania", "Cuba", "Haiti", "Chile", "Peru", "Singapore", "New Zealand", "Ireland", "Portugal"};
    return list;
}

const std::vector<std::string>& outlet_names()
{
    static const std::vector<std::string> list = {
        "The Daily Meridian", "Harbor Post", "Northern Ledger", "Asia Pacific Wire", "Continental Review",
        "Global Dispatch", "Eastern Herald", "The Morning Courier", "Capital Observer", "Riverside Gazette",
        "Metro Chronicle", "Frontier Times", "World Affairs Today", "The Sentinel Online", "Lakeside Journal",
        "Crossroads News", "The Atlas Report", "Southern Tribune", "Pacific Rim Monitor", "Union Square Journal",
        "The Weekly Compass", "Horizon News Network", "Bay City Examiner", "Highland Press", "Delta Bulletin",
        "The Public Record", "Silk Road Times", "Baltic Observer", "Sahel Daily", "Andes Mail", "Orient Review",
        "The Independent Voice", "Civic Times", "Market Watchtower", "The Policy Wire", "Coastal Star",
        "Gulf Business Daily", "Danube Post", "Mekong Today", "Prairie Telegraph", "Aurora News", "The Lantern",
        "Equator Herald", "Red River Review", "Iron Bridge Gazette", "The Insight Desk", "Signal News",
        "Beacon Daily", "Federal Times Online", "Newsline Asia"};
    return list;
}

const std::vector<std::string>& sections()
{
    static const std::vector<std::string> list = {"politics", "world", "business", "economy", "tech",
                                                  "sport",    "culture", "opinion", "asia",   "europe",
                                                  "africa",   "americas", "news"};
    return list;
}

// ---------------------------------------------------------------------------------------------
// Dates. Civil-date arithmetic by plain loops: the range is a few decades, and loops are easy to
// check.

constexpr std::int64_t k_day = 86400;

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int month_days(int year, int month)
{
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (month == 2 && leap(year)) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

std::int64_t year_start(int year)
{
    std::int64_t days = 0;
    for (int y = 1970; y < year; ++y) {
        days += leap(y) ? 366 : 365;
    }
    return days * k_day;
}

struct Civil {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, weekday = 4;  // 0 = Sunday
};

Civil civil(std::int64_t t)
{
    Civil c;
    std::int64_t days = t / k_day;
    std::int64_t secs = t % k_day;
    c.weekday = static_cast<int>((days + 4) % 7);
    c.hour = static_cast<int>(secs / 3600);
    c.minute = static_cast<int>(secs / 60 % 60);
    c.second = static_cast<int>(secs % 60);
    while (days >= (leap(c.year) ? 366 : 365)) {
        days -= leap(c.year) ? 366 : 365;
        ++c.year;
    }
    while (days >= month_days(c.year, c.month)) {
        days -= month_days(c.year, c.month);
        ++c.month;
    }
    c.day = static_cast<int>(days) + 1;
    return c;
}

const std::array<const char*, 12> k_months = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
const std::array<const char*, 12> k_months_short = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const std::array<const char*, 7> k_weekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::string padded(std::uint64_t value, std::size_t width)
{
    std::string digits = std::to_string(value);
    if (digits.size() < width) {
        digits.insert(0, width - digits.size(), '0');
    }
    return digits;
}

std::string two(int value) { return padded(static_cast<std::uint64_t>(value), 2); }

std::string iso_date(const Civil& c) { return std::to_string(c.year) + "-" + two(c.month) + "-" + two(c.day); }

std::string hms(const Civil& c) { return two(c.hour) + ":" + two(c.minute) + ":" + two(c.second); }

std::string zone(int minutes, bool colon)
{
    const int a = minutes < 0 ? -minutes : minutes;
    return std::string(minutes < 0 ? "-" : "+") + two(a / 60) + (colon ? ":" : "") + two(a % 60);
}

enum class DateForm { iso_date, iso_datetime, rfc2822, long_us, long_uk, month_only, epoch };

// Weights of the forms in the mix (out of 100).
constexpr std::array<std::uint64_t, 7> k_date_form_weights = {30, 22, 15, 13, 7, 6, 7};

DateForm draw_date_form(Rng& rng)
{
    std::uint64_t r = rng.below(100);
    for (std::size_t i = 0; i < k_date_form_weights.size(); ++i) {
        if (r < k_date_form_weights[i]) {
            return static_cast<DateForm>(i);
        }
        r -= k_date_form_weights[i];
    }
    return DateForm::iso_date;
}

// Zone offsets in minutes for dates written with a local time.
constexpr std::array<int, 10> k_zones = {0, 60, 120, -300, -240, 330, 480, 540, 180, 420};

void set_date(GeneratedArticle& article, std::int64_t t, DateForm form, Rng& rng)
{
    const int offset = k_zones[static_cast<std::size_t>(rng.below(k_zones.size()))];
    switch (form) {
    case DateForm::iso_date:
        article.date_text = iso_date(civil(t));
        break;
    case DateForm::iso_datetime: {
        const Civil local = civil(t + offset * 60);
        article.date_text = iso_date(local) + "T" + hms(local) + (offset == 0 ? "Z" : zone(offset, true));
        break;
    }
    case DateForm::rfc2822: {
        const bool gmt = rng.chance(0.7);
        const Civil c = civil(gmt ? t : t + offset * 60);
        article.date_text = std::string(k_weekdays[static_cast<std::size_t>(c.weekday)]) + ", " + two(c.day) + " " +
                            k_months_short[static_cast<std::size_t>(c.month - 1)] + " " + std::to_string(c.year) +
                            " " + hms(c) + " " + (gmt ? "GMT" : zone(offset, false));
        break;
    }
    case DateForm::long_us: {
        const Civil c = civil(t);
        article.date_text = std::string(k_months[static_cast<std::size_t>(c.month - 1)]) + " " +
                            std::to_string(c.day) + ", " + std::to_string(c.year);
        break;
    }
    case DateForm::long_uk: {
        const Civil c = civil(t);
        article.date_text = std::to_string(c.day) + " " + k_months[static_cast<std::size_t>(c.month - 1)] + " " +
                            std::to_string(c.year);
        break;
    }
    case DateForm::month_only: {
        const Civil c = civil(t);
        article.date_text = std::to_string(c.year) + "-" + two(c.month);
        break;
    }
    case DateForm::epoch:
        article.date_epoch = t;
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// Shingles.

bool ascii_punct(char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::uint64_t mix64(std::uint64_t x)
{
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

std::vector<std::uint64_t> word_hashes(std::string_view body)
{
    std::vector<std::uint64_t> hashes;
    std::size_t i = 0;
    while (i < body.size()) {
        while (i < body.size() && space(body[i])) {
            ++i;
        }
        std::size_t begin = i;
        while (i < body.size() && !space(body[i])) {
            ++i;
        }
        std::size_t end = i;
        while (begin < end && ascii_punct(body[begin])) {
            ++begin;
        }
        while (end > begin && ascii_punct(body[end - 1])) {
            --end;
        }
        if (begin == end) {
            continue;
        }
        std::uint64_t h = 0xCBF29CE484222325ULL;  // FNV-1a over the lower-cased bytes
        for (std::size_t k = begin; k < end; ++k) {
            char c = body[k];
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
            h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL;
        }
        hashes.push_back(h);
    }
    return hashes;
}

// ---------------------------------------------------------------------------------------------
// The invented world.

struct Person {
    std::string full;       // as first written: "Min Aung Hlaing", "Zhang Wei"
    std::string short_name; // after the first mention: "Min Aung", "Zhang"
    std::string office;     // may be empty
    std::string honorific;  // "U", "Daw" or empty
};

struct Organisation {
    std::string full;
    std::string acronym;  // may be empty
};

struct Outlet {
    std::string name;
    std::string domain;
    std::string footer;
    std::string subscribe;
    double footer_rate = 0.5;
    DateForm date_form = DateForm::iso_date;
    int url_style = 0;
    std::vector<std::string> authors;
};

std::string acronym_of(const std::string& name)
{
    std::string acronym;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && name[i] == ' ') {
            ++i;
        }
        const std::size_t start = i;
        while (i < name.size() && name[i] != ' ') {
            ++i;
        }
        const std::string word = name.substr(start, i - start);
        if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') {
            acronym += word[0];
        }
    }
    return (acronym.size() >= 3 && acronym.size() <= 5) ? acronym : std::string();
}

// Real news keeps meeting words it has never seen (names, places, technical and rare words): its
// vocabulary grows without bound, about as a power of its size (Heaps' law: V = 17 n^0.55 on the
// BBC corpus, n words), while a chain learnt from one corpus never leaves that corpus's words: it
// flattened out at 34,000 distinct words, a third of what real text has at 20,000 articles and
// under a twentieth at a million. So a share of the ordinary words is replaced by words of an open
// lexicon whose ranks follow a Zipf law of exponent 1.5: rank floor(k_fresh_scale / u²) for u
// uniform in (0, 1] — IEEE multiplications and a division, the same on every platform. Rare ranks
// are mostly new words, so the vocabulary keeps growing as n^0.67 at first and as real text's does
// overall. Calibrated against the BBC corpus with newsdex-vocabulary (benchmarks/RESULTS.md).
constexpr double k_fresh_rate = 0.04;      // share of ordinary words (4+ letters) replaced
constexpr double k_fresh_scale = 10000.0;   // the lexicon's ranks start here: fresh words are rare words
constexpr std::uint64_t k_fresh_ranks = std::uint64_t{1} << 24;
// Real articles come back to their own words (a story about tariffs says "tariffs" again), which a
// chain with back-off does not: it gave 17% more distinct words per article than the BBC's. So a
// share of the ordinary words repeats one the article has already used.
constexpr double k_repeat_rate = 0.25;
constexpr std::size_t k_max_remembered = 400;

// The word of lexicon rank `rank`: four syllables of a 24-bit scramble of the rank (a bijection,
// so ranks never share a word), spread over the alphabet as real rare words are; ranks past 2^24
// get a fifth syllable.
std::string fresh_word(std::uint64_t rank)
{
    static constexpr std::array<std::string_view, 64> syllables = {
        "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va",
        "we", "xi", "yo", "zu", "bra", "cle", "dri", "flo", "gru", "pla", "tre", "sti", "qua", "sho", "cha", "thi",
        "an", "el", "in", "or", "us", "ar", "en", "is", "on", "um", "al", "er", "it", "os", "ut", "ax",
        "bel", "cor", "dan", "fer", "gal", "hin", "lem", "mar", "nor", "pel", "ros", "sen", "tal", "ver", "wen", "zor"};
    const std::uint64_t code = ((rank % k_fresh_ranks) * 0x9E3779B1ULL + 0x5BD1E995ULL) % k_fresh_ranks;
    std::string word;
    for (int digit = 3; digit >= 0; --digit) {
        word += syllables[static_cast<std::size_t>((code >> (6 * digit)) & 63)];
    }
    if (rank >= k_fresh_ranks) {
        word += syllables[static_cast<std::size_t>((rank / k_fresh_ranks) % 64)];
    }
    return word;
}

// A fresh word for one occurrence (see k_fresh_rate).
std::string draw_fresh_word(Rng& rng)
{
    const double u = 1.0 - rng.unit();  // (0, 1]
    const double rank = k_fresh_scale / (u * u);
    return fresh_word(rank < 1e18 ? static_cast<std::uint64_t>(rank) : std::uint64_t{1} << 60);
}

// True for a token whose bare word is ordinary enough to stand for a fresh one: four or more
// lower-case ASCII letters (so stopwords, numbers and names stay).
bool replaceable(std::string_view bare)
{
    return bare.size() >= 4 &&
           std::all_of(bare.begin(), bare.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string invented_word(Rng& rng, bool place)
{
    static const std::vector<std::string> starts = {"Kar", "Vel", "Mor", "Tal", "Bren", "Os", "Zan", "Quil", "Dor",
                                                    "Ash", "Nir", "Lun", "Sev", "Pra", "Ulm", "Ked", "Yar", "Bel",
                                                    "Cas", "Tor", "Mar", "Hal", "Vor", "Ser", "Lor", "Fen"};
    static const std::vector<std::string> middles = {"a", "e", "i", "o", "an", "en", "or", "il", "ar", "", "u", "av"};
    static const std::vector<std::string> place_ends = {"grad", "ville", "ton", "burg", "abad", "pur", "haven",
                                                        "field", "port", "dale", "ona", "ara", "ek", "ovo",
                                                        "wick", "minster", "ra", "esh", "any", "is"};
    static const std::vector<std::string> brand_ends = {"ix", "ex", "ora", "eon", "ant", "ia", "us", "o", "ity", "ara"};
    return rng.pick(starts) + rng.pick(middles) + (place ? rng.pick(place_ends) : rng.pick(brand_ends));
}

Person invent_person(Rng& rng)
{
    const auto& all = cultures();
    const Culture& culture = all[static_cast<std::size_t>(rng.below(all.size()))];
    const bool female = rng.chance(0.45);
    const auto& given = female ? culture.female : culture.male;
    Person person;
    std::string family = rng.pick(culture.family);
    if (female && !culture.feminine.empty()) {
        if (culture.feminine == "ska" && family.size() > 3 && family.substr(family.size() - 3) == "ski") {
            family = family.substr(0, family.size() - 3) + "ska";
        } else if (culture.feminine == "a" && !family.empty() && family.back() != 'a') {
            family += "a";
        }
    }
    switch (culture.order) {
    case NameOrder::given_family: {
        const std::string first = rng.pick(given);
        person.full = first + " " + family;
        person.short_name = family;
        break;
    }
    case NameOrder::family_given:
        person.full = family + " " + rng.pick(given);
        person.short_name = family;
        break;
    case NameOrder::vietnamese: {
        static const std::vector<std::string> middle_male = {"Van", "Minh", "Duc", "Quoc"};
        static const std::vector<std::string> middle_female = {"Thi", "Ngoc", "Thanh", "Kim"};
        const std::string first = rng.pick(given);
        person.full = family + " " + rng.pick(female ? middle_female : middle_male) + " " + first;
        person.short_name = first;
        break;
    }
    case NameOrder::burmese: {
        // No family names: two or three names; the first two serve as the short form.
        const std::string a = rng.pick(given);
        const std::string b = rng.pick(culture.male);
        const std::string c = rng.pick(culture.family);
        if (rng.chance(0.6)) {
            person.full = a + " " + b + " " + c;
            person.short_name = a + " " + b;
        } else {
            person.full = a + " " + c;
            person.short_name = person.full;
        }
        if (rng.chance(0.4)) {
            person.honorific = female ? "Daw" : "U";
        }
        break;
    }
    case NameOrder::mononym_or_given_family:
        if (rng.chance(0.35)) {
            person.full = rng.pick(given);
            person.short_name = person.full;
        } else {
            person.full = rng.pick(given) + " " + family;
            person.short_name = family;
        }
        break;
    }
    if (rng.chance(0.7)) {
        // Offices follow a Zipf-like popularity too: many ministers, few judges.
        static const ZipfTable office_rank(offices().size(), 2);
        person.office = offices()[office_rank.sample(rng)];
    }
    return person;
}

Organisation invent_organisation(Rng& rng, const std::vector<Person>& people,
                                 const std::vector<std::string>& places)
{
    static const std::vector<std::string> adjectives = {
        "National", "Federal", "Central", "United", "Eastern", "Northern", "Southern", "Western", "Global",
        "Royal", "Independent", "Democratic", "People's", "Pacific", "Atlantic", "Continental", "Metropolitan"};
    static const std::vector<std::string> fields = {
        "Energy", "Trade", "Health", "Security", "Mining", "Shipping", "Telecom", "Agriculture", "Water",
        "Aviation", "Development", "Labour", "Maritime", "Rail", "Investment", "Broadcasting", "Fisheries"};
    static const std::vector<std::string> bodies = {"Council", "Commission", "Authority", "Agency", "Board",
                                                    "Union", "Federation", "Institute", "Corporation", "Bureau"};
    static const std::vector<std::string> firms = {"Holdings", "Group", "Capital", "Industries", "Motors",
                                                   "Logistics", "Pharmaceuticals", "Media", "Energy", "Partners",
                                                   "Systems", "Airways", "Bank", "Telecom", "Resources"};
    static const std::vector<std::string> values = {"Democracy", "Justice", "Progress", "Renewal", "Unity",
                                                    "Reform", "Liberty", "Solidarity", "Prosperity", "Peace"};
    Organisation org;
    switch (rng.below(6)) {
    case 0:
        org.full = rng.pick(adjectives) + " " + rng.pick(fields) + " " + rng.pick(bodies);
        break;
    case 1: {
        const std::string& surname = rng.pick(people).short_name;
        org.full = surname.substr(0, surname.find(' ')) + " " + rng.pick(firms);
        break;
    }
    case 2: {
        std::string brand = invented_word(rng, false);
        org.full = brand + (rng.chance(0.5) ? " " + rng.pick(firms) : std::string());
        break;
    }
    case 3: {
        static const std::vector<std::string> forms = {"Front for", "Alliance for", "Movement for", "Party of",
                                                       "League for"};
        org.full = (rng.chance(0.5) ? rng.pick(adjectives) + " " + rng.pick(values) + " Party"
                                    : rng.pick(forms) + " " + rng.pick(values));
        if (org.full.find("for") != std::string::npos || org.full.find("of") != std::string::npos) {
            org.full = rng.pick(adjectives) + " " + org.full;
        }
        break;
    }
    case 4:
        org.full = "Ministry of " + rng.pick(fields);
        break;
    default: {
        static const std::vector<std::string> forms = {"University of ", "Bank of ", "Port Authority of ",
                                                       "Chamber of Commerce of "};
        org.full = rng.pick(forms) + rng.pick(places);
        break;
    }
    }
    org.acronym = acronym_of(org.full);
    return org;
}

std::string slug(std::string_view text, std::size_t max_words)
{
    std::string out;
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (alnum) {
            if (!in_word) {
                if (words == max_words) {
                    break;
                }
                if (!out.empty()) {
                    out += '-';
                }
                ++words;
                in_word = true;
            }
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (c == '\'' || static_cast<unsigned char>(c) >= 0x80) {
            // Apostrophes and accented letters vanish inside the word ("o'neill" -> "oneill").
        } else {
            in_word = false;
        }
    }
    return out.empty() ? std::string("story") : out;
}

Outlet invent_outlet(Rng& rng, const std::string& name, const std::vector<Person>& writers)
{
    static const std::vector<std::string> tlds = {".com", ".com", ".com", ".net", ".org", ".co.uk", ".news", ".info"};
    Outlet outlet;
    outlet.name = name;
    std::string bare = name.rfind("The ", 0) == 0 ? name.substr(4) : name;
    std::string domain;
    for (char c : bare) {
        if (c >= 'A' && c <= 'Z') {
            domain += static_cast<char>(c - 'A' + 'a');
        } else if (c >= 'a' && c <= 'z') {
            domain += c;
        }
    }
    outlet.domain = domain + rng.pick(tlds);
    const int year = 2024;
    switch (rng.below(7)) {
    case 0:
        outlet.footer = "© " + std::to_string(year) + " " + name + ". All rights reserved.";
        break;
    case 1:
        outlet.footer = "This story was first published by " + name + ".";
        break;
    case 2:
        outlet.footer = "Follow " + name + " on Twitter, Facebook and Telegram for the latest news.";
        break;
    case 3:
        outlet.footer = name + " is an independent newsroom. Support our journalism at " + outlet.domain + "/donate.";
        break;
    case 4:
        outlet.footer = "Copyright " + name + ". Reproduction in whole or in part without permission is prohibited.";
        break;
    case 5:
        outlet.footer = "Got a story? Contact the " + name + " newsroom at tips@" + outlet.domain + ".";
        break;
    default:
        outlet.footer = "Source: " + name;
        break;
    }
    static const std::vector<std::string> subscribe = {
        "Subscribe to our newsletter", "Subscribe to our newsletter for the latest updates.",
        "Sign up for our daily newsletter.", "Subscribe to our newsletter and never miss a story."};
    outlet.subscribe = rng.pick(subscribe);
    outlet.footer_rate = static_cast<double>(300 + rng.below(601)) / 1000.0;  // 0.3-0.9
    outlet.date_form = draw_date_form(rng);
    outlet.url_style = static_cast<int>(rng.below(4));
    const std::size_t staff = 6 + static_cast<std::size_t>(rng.below(19));
    for (std::size_t i = 0; i < staff; ++i) {
        outlet.authors.push_back(rng.pick(writers).full);
    }
    return outlet;
}

// ---------------------------------------------------------------------------------------------
// Article parts.

// The actors an article is about: indices into the world's tables, lead first.
struct Cast {
    std::array<std::uint32_t, 3> people{};
    std::array<std::uint32_t, 2> organisations{};
    std::array<std::uint32_t, 2> places{};
    std::array<std::uint32_t, 2> countries{};
    std::array<bool, 3> introduced{};
    std::array<bool, 2> organisation_introduced{};
    std::vector<std::string> ordinary_words;  // the article's ordinary words so far (see k_repeat_rate)
};

// Web furniture around the text. Rendering takes the outlet, so a copy on another outlet gets that
// outlet's footer.
struct Furniture {
    bool zero_top = false;
    bool headline_echo = false;
    bool share_post = false;
    bool share_end = false;
    bool about_author = false;
    bool author_bio = false;
    bool footer = false;
    bool subscribe = false;
    bool comments_closed = false;
    bool comment_form = false;
    std::size_t read_more_at = 0;  // 0 = none; else inserted before content paragraph read_more_at
    std::string read_more;
    std::vector<std::string> teasers;  // non-empty = "More like this" tail
};

// An article kept so that later ones can copy it.
struct Stored {
    std::uint64_t number = 0;
    std::string id;
    std::string cluster;
    std::string title;
    std::vector<std::string> content;
    Furniture furniture;
    std::string body;
    std::int64_t epoch = 0;
    std::size_t outlet = 0;
    std::string author;
    Cast cast;
    std::vector<std::uint64_t> shingles;  // filled on first use
    std::uint64_t members = 1;
    std::uint64_t planned = 0;  // further copies this story is still due to attract while hot
};

struct Overlap {
    std::uint64_t common = 0;
    std::uint64_t all = 0;  // size of the union

    double jaccard() const { return all == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(all); }
    // Compared in integers, so acceptance does not hang on rounding.
    bool at_least_percent(std::uint64_t percent) const { return common * 100 >= all * percent; }
};

Overlap overlap(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    Overlap result;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            ++result.common;
            ++i;
            ++j;
        }
    }
    result.all = a.size() + b.size() - result.common;
    return result;
}

double round4(double value) { return std::round(value * 10000.0) / 10000.0; }

}  // namespace

// ---------------------------------------------------------------------------------------------

std::vector<std::uint64_t> body_shingles(std::string_view body)
{
    const std::vector<std::uint64_t> words = word_hashes(body);
    std::vector<std::uint64_t> shingles;
    if (words.empty()) {
        return shingles;
    }
    const std::size_t width = std::min<std::size_t>(5, words.size());
    shingles.reserve(words.size() - width + 1);
    for (std::size_t i = 0; i + width <= words.size(); ++i) {
        std::uint64_t h = 0x9E3779B97F4A7C15ULL * width;
        for (std::size_t k = 0; k < width; ++k) {
            h = mix64(h ^ words[i + k]);
        }
        shingles.push_back(h);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    return shingles;
}

double shingle_jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b)
{
    return overlap(a, b).jaccard();
}

double body_jaccard(std::string_view a, std::string_view b)
{
    return shingle_jaccard(body_shingles(a), body_shingles(b));
}

void validate(const GeneratorOptions& options)
{
    auto rate = [](double value, const char* name) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw std::invalid_argument(std::string(name) + " must be between 0 and 1");
        }
    };
    rate(options.exact_rate, "--exact-rate");
    rate(options.near_rate, "--near-rate");
    rate(options.related_rate, "--related-rate");
    if (options.exact_rate + options.near_rate + options.related_rate > 0.9) {
        throw std::invalid_argument("--exact-rate + --near-rate + --related-rate must not exceed 0.9");
    }
    if (options.mean_bytes < 200 || options.mean_bytes > 1000000) {
        throw std::invalid_argument("--mean-bytes must be between 200 and 1000000");
    }
    if (options.from_year < 1970 || options.to_year > 2099 || options.from_year > options.to_year) {
        throw std::invalid_argument("--from-year and --to-year must satisfy 1970 <= from <= to <= 2099");
    }
}

std::string_view kind_name(CopyKind kind)
{
    switch (kind) {
    case CopyKind::original:
        return "original";
    case CopyKind::exact:
        return "exact";
    case CopyKind::near:
        return "near";
    case CopyKind::related:
        return "related";
    }
    return "original";
}

// ---------------------------------------------------------------------------------------------

struct ArticleGenerator::State {
    State(const TextModel& text_model, const GeneratorOptions& generator_options)
        : model(text_model), options(generator_options), driver(mix_seed(generator_options.seed, 0xD1CE))
    {
        validate(options);
        summary.seed = options.seed;
        period_start = year_start(options.from_year);
        period_end = year_start(options.to_year + 1) - 1;

        Rng world(mix_seed(options.seed, 0x3011D));
        people.reserve(k_people);
        for (std::size_t i = 0; i < k_people; ++i) {
            people.push_back(invent_person(world));
        }
        for (std::size_t i = 0; i < k_places; ++i) {
            places.push_back(world.chance(0.1) ? "Port " + invented_word(world, false) : invented_word(world, true));
        }
        for (std::size_t i = 0; i < k_organisations; ++i) {
            organisations.push_back(invent_organisation(world, people, places));
        }
        std::vector<Person> writers;
        for (std::size_t i = 0; i < 600; ++i) {
            writers.push_back(invent_person(world));
        }
        for (const auto& name : outlet_names()) {
            outlets.push_back(invent_outlet(world, name, writers));
        }
        person_rank = ZipfTable(people.size(), 3);
        organisation_rank = ZipfTable(organisations.size(), 3);
        place_rank = ZipfTable(places.size(), 3);
        country_rank = ZipfTable(countries().size(), 2);
        outlet_rank = ZipfTable(outlets.size(), 3);
        ring.resize(k_ring);
    }

    // ---- text ----

    Cast draw_cast(Rng& rng) const
    {
        Cast cast;
        for (auto& p : cast.people) {
            p = static_cast<std::uint32_t>(person_rank.sample(rng));
        }
        for (auto& o : cast.organisations) {
            o = static_cast<std::uint32_t>(organisation_rank.sample(rng));
        }
        for (auto& p : cast.places) {
            p = static_cast<std::uint32_t>(place_rank.sample(rng));
        }
        for (auto& c : cast.countries) {
            c = static_cast<std::uint32_t>(country_rank.sample(rng));
        }
        return cast;
    }

    // The lead is named most, then the others.
    static std::size_t draw_role(Rng& rng)
    {
        const std::uint64_t r = rng.below(10);
        return r < 5 ? 0 : (r < 8 ? 1 : 2);
    }

    void mention_person(Cast& cast, Rng& rng, bool after_honorific, bool after_office, bool headline,
                        std::string& out) const
    {
        std::size_t role = draw_role(rng);
        const bool any = cast.introduced[0] || cast.introduced[1] || cast.introduced[2];
        if (any && rng.chance(0.7)) {
            while (!cast.introduced[role]) {
                role = (role + 1) % cast.introduced.size();
            }
        }
        const Person& person = people[cast.people[role]];
        const bool first = !cast.introduced[role];
        cast.introduced[role] = true;
        if (headline || after_honorific) {
            out += person.short_name;
            return;
        }
        if (after_office) {
            out += first ? person.full : person.short_name;
            return;
        }
        if (first) {
            if (!person.office.empty() && rng.chance(0.55)) {
                out += person.office;
                out += ' ';
            } else if (!person.honorific.empty()) {
                out += person.honorific;
                out += ' ';
            }
            out += person.full;
            return;
        }
        const std::uint64_t r = rng.below(20);
        if (r < 13) {
            out += person.short_name;
        } else if (r < 16 || person.office.empty() || !office_takes_surname(person.office)) {
            out += person.full;
        } else {
            out += person.office;
            out += ' ';
            out += person.short_name;
        }
    }

    void mention_organisation(Cast& cast, Rng& rng, bool headline, std::string& out) const
    {
        const std::size_t role = static_cast<std::size_t>(rng.below(cast.organisations.size()));
        const Organisation& org = organisations[cast.organisations[role]];
        const bool use_acronym =
            !org.acronym.empty() && (headline || (cast.organisation_introduced[role] && rng.chance(0.6)));
        cast.organisation_introduced[role] = true;
        out += use_acronym ? org.acronym : org.full;
    }

    // Renders word ids, replacing most runs of proper names by the article's cast.
    void render_words(const std::vector<std::uint32_t>& ids, Cast& cast, Rng& rng, bool headline,
                      std::string& out) const
    {
        for (std::size_t i = 0; i < ids.size();) {
            const std::uint8_t flags = model.flags(ids[i]);
            if ((flags & word_flag::name) == 0) {
                if (i > 0) {
                    out += ' ';
                }
                const std::string_view token = model.word(ids[i]);
                const WordParts parts = split_word(token);
                if (replaceable(parts.bare)) {
                    std::string word;
                    if (!cast.ordinary_words.empty() && rng.chance(k_repeat_rate)) {
                        word = rng.pick(cast.ordinary_words);
                    } else if (rng.chance(k_fresh_rate)) {
                        word = draw_fresh_word(rng);
                    } else {
                        word = parts.bare;
                    }
                    if (cast.ordinary_words.size() < k_max_remembered) {
                        cast.ordinary_words.push_back(word);
                    }
                    out += parts.prefix;
                    out += word;
                    out += parts.possessive;
                    out += parts.suffix;
                } else {
                    out += token;
                }
                ++i;
                continue;
            }
            // A run of name words ends at punctuation or a possessive.
            std::size_t j = i;
            while (j + 1 < ids.size() && (model.flags(ids[j + 1]) & word_flag::name) != 0) {
                const WordParts parts = split_word(model.word(ids[j]));
                if (!parts.suffix.empty() || !parts.possessive.empty()) {
                    break;
                }
                ++j;
            }
            if (i > 0) {
                out += ' ';
            }
            if (!rng.chance(k_replace_name)) {
                for (std::size_t k = i; k <= j; ++k) {
                    if (k > i) {
                        out += ' ';
                    }
                    out += model.word(ids[k]);
                }
                i = j + 1;
                continue;
            }
            const WordParts first = split_word(model.word(ids[i]));
            const WordParts last = split_word(model.word(ids[j]));
            const std::size_t length = j - i + 1;
            const std::uint8_t before = i > 0 ? model.flags(ids[i - 1]) : 0;
            const std::uint8_t last_flags = model.flags(ids[j]);
            out += first.prefix;
            if ((before & word_flag::honorific) != 0) {
                mention_person(cast, rng, true, false, headline, out);
            } else if ((before & word_flag::title) != 0) {
                mention_person(cast, rng, false, true, headline, out);
            } else if (length == 1 && (last_flags & word_flag::country) != 0) {
                out += countries()[cast.countries[static_cast<std::size_t>(rng.below(2))]];
            } else if (length == 1 && (last_flags & word_flag::surname) != 0) {
                mention_person(cast, rng, false, false, headline, out);
            } else if (length == 1) {
                if (rng.chance(0.5)) {
                    mention_organisation(cast, rng, headline, out);
                } else {
                    out += places[cast.places[static_cast<std::size_t>(rng.below(2))]];
                }
            } else if (length == 2 && ((last_flags & word_flag::surname) != 0 || rng.chance(0.7))) {
                mention_person(cast, rng, false, false, headline, out);
            } else {
                mention_organisation(cast, rng, headline, out);
            }
            out += last.possessive;
            out += last.suffix;
            i = j + 1;
        }
    }

    // Sentences come in batches written together (see TextModel::sentences); `expected` is how
    // many the caller still needs, so that little is written in vain. Leftovers are dropped at the
    // start of each article, which keeps every article a function of its own seed.
    const Sentence& take_sentence(Rng& rng, std::size_t expected)
    {
        if (batch_next >= batch.size()) {
            batch.resize(std::clamp<std::size_t>(expected, 1, 8));
            model.sentences(rng, batch);
            batch_next = 0;
        }
        return batch[batch_next++];
    }

    std::string write_paragraph(Cast& cast, Rng& rng, std::size_t sentences, std::size_t expected_after = 0)
    {
        std::string paragraph;
        for (std::size_t s = 0; s < sentences; ++s) {
            const Sentence& sentence = take_sentence(rng, sentences - s + expected_after);
            if (sentence.words.empty()) {
                continue;
            }
            if (!paragraph.empty()) {
                paragraph += ' ';
            }
            render_words(sentence.words, cast, rng, false, paragraph);
            if (sentence.needs_period) {
                while (!paragraph.empty() && (paragraph.back() == ',' || paragraph.back() == ';' ||
                                              paragraph.back() == ':' || paragraph.back() == '-')) {
                    paragraph.pop_back();
                }
                paragraph += '.';
            }
        }
        return paragraph;
    }

    std::string write_headline(Cast& cast, Rng& rng) const
    {
        std::vector<std::uint32_t> ids;
        model.headline(rng, ids);
        std::string title;
        render_words(ids, cast, rng, true, title);
        while (!title.empty() && (title.back() == ',' || title.back() == ';' || title.back() == ':' ||
                                  title.back() == '-' || title.back() == ' ')) {
            title.pop_back();
        }
        // A quotation cut in half by the chain reads as a typo, not as a headline.
        if (std::count(title.begin(), title.end(), '"') % 2 != 0) {
            title.erase(std::remove(title.begin(), title.end(), '"'), title.end());
        }
        if (!title.empty() && title.back() == '\'' && title.find(" '") == std::string::npos) {
            title.pop_back();
        }
        if (title.empty()) {
            title = "News in brief";
        }
        return title;
    }

    std::vector<std::string> write_content(Cast& cast, Rng& rng)
    {
        const double wanted = static_cast<double>(model.body_bytes(rng)) * static_cast<double>(options.mean_bytes) /
                              model.mean_body_bytes() * size_scale;
        const auto target = static_cast<std::size_t>(std::max(120.0, wanted));
        std::vector<std::string> content;
        std::size_t size = 0;
        while (size < target && content.size() < 400) {
            // Round to the nearest paragraph: stop when the next one would overshoot by more than
            // the shortfall.
            const std::size_t sentences =
                std::min(model.paragraph_sentences(rng), std::max<std::size_t>(1, (target - size) / k_sentence_bytes));
            if (!content.empty() && size + sentences * k_sentence_bytes / 2 >= target) {
                break;
            }
            const std::size_t expected_after = (target - size) / k_sentence_bytes;
            std::string paragraph = write_paragraph(cast, rng, sentences, expected_after);
            if (paragraph.empty()) {
                continue;
            }
            size += paragraph.size() + 2;
            content.push_back(std::move(paragraph));
        }
        requested_content += target;
        produced_content += size;
        if (content.size() >= 3 && rng.chance(k_rates.repeated_paragraph)) {
            // A paragraph pasted twice, as scrapers and careless editing leave it.
            const auto from = static_cast<std::size_t>(rng.below(content.size() - 1));
            const auto to = from + 1 + static_cast<std::size_t>(rng.below(content.size() - from));
            content.insert(content.begin() + static_cast<std::ptrdiff_t>(to), content[from]);
        }
        return content;
    }

    Furniture draw_furniture(const Outlet& outlet, std::size_t paragraphs, Rng& rng) const
    {
        Furniture f;
        f.zero_top = rng.chance(k_rates.zero_top);
        f.headline_echo = rng.chance(k_rates.headline_echo);
        f.share_post = rng.chance(k_rates.share_post);
        f.share_end = rng.chance(k_rates.share_end);
        f.about_author = rng.chance(k_rates.about_author);
        f.author_bio = f.about_author && rng.chance(0.5);
        f.footer = rng.chance(outlet.footer_rate);
        f.subscribe = rng.chance(k_rates.subscribe);
        f.comments_closed = rng.chance(k_rates.comments_closed);
        f.comment_form = rng.chance(k_rates.comment_form);
        if (paragraphs >= 2 && rng.chance(k_rates.read_more)) {
            f.read_more_at = 1 + static_cast<std::size_t>(rng.below(paragraphs - 1));
            Cast other = draw_cast(rng);
            f.read_more = rng.chance(0.5) ? "Read more" : "Read more: " + write_headline(other, rng);
        }
        if (rng.chance(k_rates.more_like_this)) {
            const std::size_t n = 2 + static_cast<std::size_t>(rng.below(3));
            for (std::size_t i = 0; i < n; ++i) {
                Cast other = draw_cast(rng);
                f.teasers.push_back(write_headline(other, rng));
            }
        }
        return f;
    }

    static std::string render_body(const std::string& title, const std::vector<std::string>& content,
                                   const Furniture& f, const Outlet& outlet, const std::string& author)
    {
        std::string body;
        auto add = [&body](std::string_view paragraph) {
            if (!body.empty()) {
                body += "\n\n";
            }
            body += paragraph;
        };
        if (f.zero_top) {
            add("0");
        }
        if (f.headline_echo) {
            add(title + " \xE2\x80\x94 " + outlet.name);
        }
        if (f.share_post) {
            add("Share post:");
        }
        for (std::size_t i = 0; i < content.size(); ++i) {
            if (f.read_more_at != 0 && i == f.read_more_at) {
                add(f.read_more);
            }
            add(content[i]);
        }
        if (f.share_end) {
            add("Share.");
        }
        if (f.about_author) {
            add("About Author");
            if (f.author_bio) {
                add(author + " is a correspondent for " + outlet.name + ".");
            }
        }
        if (f.footer) {
            add(outlet.footer);
        }
        if (f.subscribe) {
            add(outlet.subscribe);
        }
        if (f.comments_closed) {
            add("Comments are closed.");
        }
        if (f.comment_form) {
            add("Please enter your comment!");
            add("Please enter your name here");
        }
        if (!f.teasers.empty()) {
            add("More like this");
            for (const auto& teaser : f.teasers) {
                add(teaser);
            }
        }
        return body;
    }

    // ---- metadata ----

    std::string draw_author(const Outlet& outlet, Rng& rng) const
    {
        if (rng.chance(0.08)) {
            static const std::vector<std::string> desks = {"Staff Reporter", "News Desk", "Web Desk", "Editorial Team"};
            return rng.pick(desks);
        }
        return rng.pick(outlet.authors);
    }

    std::size_t draw_outlet(Rng& rng, std::optional<std::size_t> avoid) const
    {
        for (;;) {
            const std::size_t o = outlet_rank.sample(rng);
            if (!avoid || o != *avoid) {
                return o;
            }
        }
    }

    void fill_metadata(GeneratedArticle& article, std::uint64_t number, std::size_t outlet_index, std::int64_t epoch,
                       Rng& rng) const
    {
        const Outlet& outlet = outlets[outlet_index];
        article.source = outlet.name;
        const bool dated = !rng.chance(k_missing_date);
        if (dated) {
            const DateForm form = rng.chance(0.75) ? outlet.date_form : draw_date_form(rng);
            set_date(article, epoch, form, rng);
        }
        const Civil c = civil(epoch);
        const std::string section = rng.pick(sections());
        const std::string words = slug(article.title, 8);
        const std::string serial = std::to_string(1000000 + number);
        switch (outlet.url_style) {
        case 0:
            article.url = "https://www." + outlet.domain + "/" + section + "/" + std::to_string(c.year) + "/" +
                          two(c.month) + "/" + two(c.day) + "/" + words + "-" + serial + "/";
            break;
        case 1:
            article.url = "https://" + outlet.domain + "/news/" + words + "-" + serial + ".html";
            break;
        case 2:
            article.url = "https://www." + outlet.domain + "/article/" + serial + "/" + words;
            break;
        default:
            article.url = "https://" + outlet.domain + "/" + section + "/" + words + "?id=" + serial;
            break;
        }
    }

    std::int64_t later(std::int64_t epoch, std::int64_t max_days, Rng& rng) const
    {
        return std::min(period_end, epoch + rng.between(0, max_days * k_day));
    }

    // ---- the pool of copyable articles ----

    void remember(std::shared_ptr<Stored> stored)
    {
        std::shared_ptr<Stored>& slot = ring[ring_next];
        if (slot) {
            // Reservoir sampling over everything that leaves the ring keeps a uniform sample of the
            // distant past.
            ++evicted;
            if (far.size() < k_reservoir) {
                far.push_back(std::move(slot));
            } else {
                const std::uint64_t j = driver.below(evicted);
                if (j < k_reservoir) {
                    far[static_cast<std::size_t>(j)] = std::move(slot);
                }
            }
        }
        slot = std::move(stored);
        ring_next = (ring_next + 1) % k_ring;
        ring_size = std::min(ring_size + 1, k_ring);
    }

    std::shared_ptr<Stored> pick_target()
    {
        picked_hot = false;
        if (ring_size == 0) {
            return nullptr;
        }
        if (!hot.empty() && driver.chance(k_pick_hot)) {
            // Stories being republished attract further copies, in proportion to how many more
            // they are due; the dues follow a power law, so a few stories spread widely.
            std::uint64_t total = 0;
            for (const auto& h : hot) {
                total += h->planned;
            }
            std::uint64_t r = driver.below(total);
            for (const auto& h : hot) {
                if (r < h->planned) {
                    picked_hot = true;
                    return h;
                }
                r -= h->planned;
            }
        }
        if (!far.empty() && driver.chance(k_pick_far)) {
            return far[static_cast<std::size_t>(driver.below(far.size()))];
        }
        // Recent articles, biased towards the most recent.
        const double u = driver.unit();
        const auto back = static_cast<std::size_t>(u * u * static_cast<double>(ring_size));
        return ring[(ring_next + k_ring - 1 - back) % k_ring];
    }

    void update_hot(const std::shared_ptr<Stored>& target)
    {
        if (picked_hot) {
            --target->planned;
        } else if (target->members == 2) {
            target->planned = virality.sample(driver);
        }
        const auto it = std::find(hot.begin(), hot.end(), target);
        if (it != hot.end()) {
            hot.erase(it);
        }
        if (target->planned > 0) {
            hot.push_back(target);
            if (hot.size() > k_hot) {
                hot.erase(hot.begin());
            }
        }
    }

    const std::vector<std::uint64_t>& shingles_of(Stored& stored)
    {
        if (stored.shingles.empty()) {
            stored.shingles = body_shingles(stored.body);
        }
        return stored.shingles;
    }

    // ---- article kinds ----

    std::string new_id(std::uint64_t number) const { return "gen-" + padded(number, 7); }

    std::string new_cluster()
    {
        ++summary.clusters;
        return "c" + padded(summary.clusters, 7);
    }

    std::shared_ptr<Stored> store(const GeneratedArticle& article, std::uint64_t number, std::vector<std::string> content,
                                  Furniture furniture, std::int64_t epoch, std::size_t outlet, const Cast& cast)
    {
        auto stored = std::make_shared<Stored>();
        stored->number = number;
        stored->id = article.id;
        stored->cluster = article.cluster;
        stored->title = article.title;
        stored->content = std::move(content);
        stored->furniture = std::move(furniture);
        stored->body = article.body;
        stored->epoch = epoch;
        stored->outlet = outlet;
        stored->author = article.author;
        stored->cast = cast;
        return stored;
    }

    GeneratedArticle make_original(std::uint64_t number, Rng& rng)
    {
        GeneratedArticle article;
        article.id = new_id(number);
        article.cluster = new_cluster();
        article.kind = CopyKind::original;
        Cast cast = draw_cast(rng);
        article.title = write_headline(cast, rng);
        std::vector<std::string> content = write_content(cast, rng);
        const std::size_t outlet = draw_outlet(rng, std::nullopt);
        article.author = draw_author(outlets[outlet], rng);
        Furniture furniture = draw_furniture(outlets[outlet], content.size(), rng);
        article.body = render_body(article.title, content, furniture, outlets[outlet], article.author);
        const std::int64_t epoch = rng.between(period_start, period_end);
        fill_metadata(article, number, outlet, epoch, rng);
        remember(store(article, number, std::move(content), std::move(furniture), epoch, outlet, cast));
        return article;
    }

    GeneratedArticle make_exact(std::uint64_t number, Stored& original, Rng& rng)
    {
        GeneratedArticle article;
        article.id = new_id(number);
        article.cluster = original.cluster;
        article.kind = CopyKind::exact;
        article.of = original.id;
        article.jaccard = 1.0;
        article.title = original.title;
        article.body = original.body;
        const std::size_t outlet = draw_outlet(rng, original.outlet);
        article.author = rng.chance(0.5) ? original.author : draw_author(outlets[outlet], rng);
        const std::int64_t epoch = rng.chance(0.5) ? original.epoch : later(original.epoch, 3, rng);
        fill_metadata(article, number, outlet, epoch, rng);
        return article;
    }

    std::string retitle(const std::string& title, Stored& original, const Outlet& outlet, Rng& rng) const
    {
        switch (rng.below(5)) {
        case 0: {
            Cast cast = original.cast;
            return write_headline(cast, rng);
        }
        case 1:
            return title + " | " + outlet.name;
        case 2: {
            static const std::vector<std::string> prefixes = {"UPDATE: ", "Breaking: ", "WATCH: ", "Analysis: "};
            return rng.pick(prefixes) + title;
        }
        case 3:
            return title + " - report";
        default: {
            // Swap one word of the headline for a word of news text.
            std::vector<std::string> words;
            std::size_t start = 0;
            for (std::size_t i = 0; i <= title.size(); ++i) {
                if (i == title.size() || title[i] == ' ') {
                    words.push_back(title.substr(start, i - start));
                    start = i + 1;
                }
            }
            const auto k = words.size() > 1 ? 1 + static_cast<std::size_t>(rng.below(words.size() - 1)) : 0;
            words[k] = std::string(split_word(model.word(model.random_word(rng))).bare);
            if (words[k].empty()) {
                words[k] = "new";
            }
            std::string out;
            for (const auto& w : words) {
                if (!out.empty()) {
                    out += ' ';
                }
                out += w;
            }
            return out;
        }
        }
    }

    void edit_words(std::vector<std::string>& content, std::size_t edits, Rng& rng) const
    {
        for (std::size_t e = 0; e < edits; ++e) {
            auto& paragraph = content[static_cast<std::size_t>(rng.below(content.size()))];
            std::vector<std::string> words;
            std::size_t start = 0;
            for (std::size_t i = 0; i <= paragraph.size(); ++i) {
                if (i == paragraph.size() || paragraph[i] == ' ') {
                    if (i > start) {
                        words.push_back(paragraph.substr(start, i - start));
                    }
                    start = i + 1;
                }
            }
            if (words.size() < 4) {
                continue;
            }
            // Leave the first word alone so the paragraph still starts like a sentence.
            const auto k = 1 + static_cast<std::size_t>(rng.below(words.size() - 1));
            const std::uint64_t op = rng.below(10);
            if (op < 5) {
                words[k] = std::string(model.word(model.random_word(rng)));
            } else if (op < 8) {
                words.erase(words.begin() + static_cast<std::ptrdiff_t>(k));
            } else {
                words.insert(words.begin() + static_cast<std::ptrdiff_t>(k), std::string(model.word(model.random_word(rng))));
            }
            paragraph.clear();
            for (const auto& w : words) {
                if (!paragraph.empty()) {
                    paragraph += ' ';
                }
                paragraph += w;
            }
        }
    }

    GeneratedArticle make_near(std::uint64_t number, Stored& original, Rng& rng)
    {
        GeneratedArticle article;
        article.id = new_id(number);
        article.cluster = original.cluster;
        article.kind = CopyKind::near;
        article.of = original.id;
        const std::size_t outlet_index =
            rng.chance(0.9) ? draw_outlet(rng, original.outlet) : original.outlet;
        const Outlet& outlet = outlets[outlet_index];
        article.author = rng.chance(0.4) ? original.author : draw_author(outlet, rng);
        article.title = rng.chance(0.35) ? retitle(original.title, original, outlet, rng) : original.title;
        const auto& reference = shingles_of(original);

        // Edit, measure, and edit more lightly until the copy is similar enough. Levels: 0 = any
        // mix of edits, 1 = lighter, 2 = one word, 3 = furniture only, 4 = one word, same furniture
        // (the new outlet's footer still differs), 5 = one word inside the original page as scraped
        // (its outlet's footer kept), 6 = the same accepted down to 0.8. After that the body is kept
        // and only the title differs.
        for (int level = 0; level <= 6; ++level) {
            std::vector<std::string> content = original.content;
            Furniture furniture = original.furniture;
            std::size_t word_edits = 0;
            bool reorder = false;
            bool add = false;
            bool cut = false;
            bool refurnish = false;
            switch (level) {
            case 0:
                word_edits = static_cast<std::size_t>(rng.below(5));
                reorder = rng.chance(0.25);
                add = rng.chance(0.2);
                cut = rng.chance(0.2);
                refurnish = rng.chance(0.6);
                if (word_edits == 0 && !reorder && !add && !cut) {
                    word_edits = 1 + static_cast<std::size_t>(rng.below(2));
                }
                break;
            case 1: {
                word_edits = static_cast<std::size_t>(rng.below(3));
                const std::uint64_t op = rng.below(5);
                reorder = op == 0;
                add = op == 1;
                cut = op == 2;
                refurnish = rng.chance(0.5);
                if (word_edits == 0 && op > 2) {
                    word_edits = 1;
                }
                break;
            }
            case 2:
                word_edits = 1;
                refurnish = rng.chance(0.3);
                break;
            case 3:
                refurnish = true;
                break;
            default:
                word_edits = 1;
                break;
            }
            if (reorder && content.size() >= 2) {
                const auto k = static_cast<std::size_t>(rng.below(content.size() - 1));
                std::swap(content[k], content[k + 1]);
            }
            if (cut && content.size() >= 3) {
                // Syndicated copies usually lose the end.
                const std::size_t k = rng.chance(0.6) ? content.size() - 1
                                                      : static_cast<std::size_t>(rng.below(content.size()));
                content.erase(content.begin() + static_cast<std::ptrdiff_t>(k));
            }
            if (add) {
                Cast cast = original.cast;
                std::string paragraph = rng.chance(0.3) ? "Additional reporting by " + draw_author(outlet, rng) + "."
                                                        : write_paragraph(cast, rng, 1 + static_cast<std::size_t>(rng.below(2)));
                const auto k = static_cast<std::size_t>(rng.below(content.size() + 1));
                content.insert(content.begin() + static_cast<std::ptrdiff_t>(k), std::move(paragraph));
            }
            if (word_edits > 0) {
                edit_words(content, word_edits, rng);
            }
            if (refurnish) {
                furniture = draw_furniture(outlet, content.size(), rng);
            }
            if (furniture.read_more_at >= content.size()) {
                furniture.read_more_at = 0;
            }
            std::string body = level < 5 ? render_body(article.title, content, furniture, outlet, article.author)
                                         : render_body(original.title, content, furniture,
                                                       outlets[original.outlet], original.author);
            if (body == original.body) {
                continue;
            }
            const Overlap o = overlap(body_shingles(body), reference);
            if (o.at_least_percent(level < 6 ? k_near_accept_percent : k_near_floor_percent)) {
                article.body = std::move(body);
                article.jaccard = round4(o.jaccard());
                break;
            }
        }
        if (!article.jaccard) {
            article.body = original.body;
            article.jaccard = 1.0;
            if (article.title == original.title) {
                article.title = retitle(original.title, original, outlet, rng);
            }
        }
        fill_metadata(article, number, outlet_index, later(original.epoch, 14, rng), rng);
        return article;
    }

    GeneratedArticle make_related(std::uint64_t number, Stored& original, Rng& rng)
    {
        GeneratedArticle article;
        article.id = new_id(number);
        article.kind = CopyKind::related;
        article.of = original.id;
        Cast cast = original.cast;
        cast.introduced = {};
        cast.organisation_introduced = {};
        article.title = write_headline(cast, rng);
        const std::size_t outlet_index = draw_outlet(rng, original.outlet);
        const Outlet& outlet = outlets[outlet_index];
        article.author = draw_author(outlet, rng);
        const auto& reference = shingles_of(original);
        const double goal = static_cast<double>(350 + rng.below(201)) / 1000.0;  // 0.35-0.55

        // A follow-up story: keep most of the source's paragraphs and write new ones around them
        // until the overlap falls into the band. One-sentence paragraphs keep the steps small.
        std::vector<std::string> content;
        Furniture furniture;
        double jaccard = 0;
        bool found = false;
        for (int attempt = 0; attempt < 4 && !found; ++attempt) {
            content.clear();
            const double keep = attempt == 0 ? 0.75 : 1.0;
            for (const auto& paragraph : original.content) {
                if (rng.chance(keep)) {
                    content.push_back(paragraph);
                }
            }
            if (content.empty()) {
                content.push_back(original.content.front());
            }
            furniture = draw_furniture(outlet, 0, rng);
            for (int step = 0; step < 50; ++step) {
                const std::string body = render_body(article.title, content, furniture, outlet, article.author);
                const Overlap o = overlap(body_shingles(body), reference);
                jaccard = o.jaccard();
                if (jaccard <= goal) {
                    break;
                }
                // New shingles needed to bring common/union down to the goal, written in one go
                // (about 25 per one-sentence paragraph; 30 is assumed so as not to overshoot), then measured again.
                const double needed = static_cast<double>(o.common) / goal - static_cast<double>(o.all);
                const auto paragraphs = std::clamp<std::size_t>(static_cast<std::size_t>(needed / 30.0), 1, 40);
                for (std::size_t p = 0; p < paragraphs; ++p) {
                    const auto k = static_cast<std::size_t>(rng.below(content.size() + 1));
                    content.insert(content.begin() + static_cast<std::ptrdiff_t>(k),
                                   write_paragraph(cast, rng, 1, paragraphs - p - 1));
                }
            }
            found = jaccard >= 0.3 && jaccard <= 0.6;
        }
        if (!found) {
            return make_original(number, rng);
        }
        article.cluster = new_cluster();
        article.body = render_body(article.title, content, furniture, outlet, article.author);
        article.jaccard = round4(jaccard);
        const std::int64_t epoch = later(original.epoch, 60, rng);
        fill_metadata(article, number, outlet_index, epoch, rng);
        remember(store(article, number, std::move(content), std::move(furniture), epoch, outlet_index, cast));
        return article;
    }

    GeneratedArticle next()
    {
        const std::uint64_t number = ++produced;
        batch.clear();
        batch_next = 0;
        Rng rng(mix_seed(options.seed, number));
        const double u = driver.unit();
        GeneratedArticle article;
        std::shared_ptr<Stored> target;
        if (u < options.exact_rate + options.near_rate + options.related_rate) {
            target = pick_target();
        }
        if (!target) {
            article = make_original(number, rng);
        } else if (u < options.exact_rate) {
            article = make_exact(number, *target, rng);
        } else if (u < options.exact_rate + options.near_rate) {
            article = make_near(number, *target, rng);
        } else {
            article = make_related(number, *target, rng);
        }
        count(article, target);
        return article;
    }

    void count(const GeneratedArticle& article, const std::shared_ptr<Stored>& target)
    {
        ++summary.articles;
        summary.body_bytes += article.body.size();
        switch (article.kind) {
        case CopyKind::original:
            ++summary.originals;
            break;
        case CopyKind::related:
            ++summary.related;
            summary.related_jaccard_min = std::min(summary.related_jaccard_min, *article.jaccard);
            summary.related_jaccard_max = std::max(summary.related_jaccard_max, *article.jaccard);
            break;
        case CopyKind::exact:
        case CopyKind::near:
            if (article.kind == CopyKind::exact) {
                ++summary.exact;
            } else {
                ++summary.near;
                summary.near_jaccard_min = std::min(summary.near_jaccard_min, *article.jaccard);
                summary.near_jaccard_sum += *article.jaccard;
            }
            // Every member already in the cluster forms a new true pair with this one.
            summary.true_pairs += target->members;
            if (target->members == 1) {
                ++summary.clusters_with_copies;
            }
            ++target->members;
            summary.largest_cluster = std::max(summary.largest_cluster, target->members);
            update_hot(target);
            break;
        }
        // Keep the mean body size on target: scale the next content by how far the running mean
        // is off, on top of the measured overshoot of paragraph-by-paragraph writing.
        // Integers and single operations only: a fused multiply-add on another machine must not
        // change a single byte.
        const auto wanted = static_cast<std::int64_t>(options.mean_bytes * summary.articles);
        const std::int64_t error_permyriad = (wanted - static_cast<std::int64_t>(summary.body_bytes)) * 10000 / wanted;
        const double overshoot = produced_content > 0 ? static_cast<double>(requested_content) /
                                                            static_cast<double>(produced_content)
                                                      : 1.0;
        const std::int64_t gain = std::clamp<std::int64_t>(10000 + 10 * error_permyriad, 1, 40000);
        size_scale = std::clamp(overshoot * static_cast<double>(gain) / 10000.0, 0.5, 2.0);
    }

    const TextModel& model;
    GeneratorOptions options;
    Rng driver;
    CorpusSummary summary;
    std::int64_t period_start = 0;
    std::int64_t period_end = 0;
    std::uint64_t produced = 0;

    std::vector<Person> people;
    std::vector<Organisation> organisations;
    std::vector<std::string> places;
    std::vector<Outlet> outlets;
    ZipfTable person_rank;
    ZipfTable organisation_rank;
    ZipfTable place_rank;
    ZipfTable country_rank;
    ZipfTable outlet_rank;

    std::vector<std::shared_ptr<Stored>> ring;
    std::size_t ring_next = 0;
    std::size_t ring_size = 0;
    std::vector<std::shared_ptr<Stored>> far;
    std::uint64_t evicted = 0;
    std::vector<std::shared_ptr<Stored>> hot;
    bool picked_hot = false;
    ZipfTable virality{k_max_planned_copies, 0, 2};

    std::vector<Sentence> batch;
    std::size_t batch_next = 0;
    double size_scale = 1.0;
    std::uint64_t requested_content = 0;
    std::uint64_t produced_content = 0;
};

ArticleGenerator::ArticleGenerator(const TextModel& model, const GeneratorOptions& options)
    : m_state(std::make_unique<State>(model, options))
{
}

ArticleGenerator::~ArticleGenerator() = default;

GeneratedArticle ArticleGenerator::next() { return m_state->next(); }

const CorpusSummary& ArticleGenerator::summary() const { return m_state->summary; }

// ---------------------------------------------------------------------------------------------
// Output.

namespace key {
constexpr const char* id = "id";
constexpr const char* title = "title";
constexpr const char* body = "body";
constexpr const char* date = "date";
constexpr const char* source = "source";
constexpr const char* author = "author";
constexpr const char* url = "url";
constexpr const char* cluster = "cluster";
constexpr const char* kind = "kind";
constexpr const char* of = "of";
constexpr const char* jaccard = "jaccard";
}  // namespace key

std::string article_json(const GeneratedArticle& article)
{
    nlohmann::ordered_json j;
    j[key::id] = article.id;
    j[key::title] = article.title;
    j[key::body] = article.body;
    if (article.date_text) {
        j[key::date] = *article.date_text;
    } else if (article.date_epoch) {
        j[key::date] = *article.date_epoch;
    }
    j[key::source] = article.source;
    j[key::author] = article.author;
    j[key::url] = article.url;
    return j.dump();
}

std::string truth_json(const GeneratedArticle& article)
{
    nlohmann::ordered_json j;
    j[key::id] = article.id;
    j[key::cluster] = article.cluster;
    j[key::kind] = std::string(kind_name(article.kind));
    j[key::of] = article.of.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(article.of);
    j[key::jaccard] = article.jaccard ? nlohmann::ordered_json(*article.jaccard) : nlohmann::ordered_json(nullptr);
    return j.dump();
}

nlohmann::ordered_json summary_json(const CorpusSummary& s)
{
    nlohmann::ordered_json j;
    j["seed"] = s.seed;
    j["articles"] = s.articles;
    j["original"] = s.originals;
    j["exact"] = s.exact;
    j["near"] = s.near;
    j["related"] = s.related;
    j["clusters"] = s.clusters;
    j["clusters_with_copies"] = s.clusters_with_copies;
    j["largest_cluster"] = s.largest_cluster;
    j["true_pairs"] = s.true_pairs;
    j["body_bytes"] = s.body_bytes;
    j["mean_body_bytes"] = s.articles ? round4(static_cast<double>(s.body_bytes) / static_cast<double>(s.articles)) : 0.0;
    j["near_jaccard_min"] = s.near ? nlohmann::ordered_json(s.near_jaccard_min) : nlohmann::ordered_json(nullptr);
    j["near_jaccard_mean"] =
        s.near ? nlohmann::ordered_json(round4(s.near_jaccard_sum / static_cast<double>(s.near))) : nlohmann::ordered_json(nullptr);
    j["related_jaccard_min"] = s.related ? nlohmann::ordered_json(s.related_jaccard_min) : nlohmann::ordered_json(nullptr);
    j["related_jaccard_max"] = s.related ? nlohmann::ordered_json(s.related_jaccard_max) : nlohmann::ordered_json(nullptr);
    return j;
}

CorpusSummary write_corpus(const TextModel& model, const GeneratorOptions& options, std::ostream& articles,
                           std::ostream* truth)
{
    ArticleGenerator generator(model, options);
    // Lines are gathered into large blocks: one stream write per megabyte instead of per line.
    constexpr std::size_t block = 1 << 20;
    std::string article_block;
    std::string truth_block;
    auto flush = [&](bool force) {
        if (article_block.size() >= block || force) {
            articles.write(article_block.data(), static_cast<std::streamsize>(article_block.size()));
            article_block.clear();
        }
        if (truth != nullptr && (truth_block.size() >= block || force)) {
            truth->write(truth_block.data(), static_cast<std::streamsize>(truth_block.size()));
            truth_block.clear();
        }
        if (!articles || (truth != nullptr && !*truth)) {
            throw std::runtime_error("write failed");
        }
    };
    for (std::uint64_t i = 0; i < options.count; ++i) {
        const GeneratedArticle article = generator.next();
        article_block += article_json(article);
        article_block += '\n';
        if (truth != nullptr) {
            truth_block += truth_json(article);
            truth_block += '\n';
        }
        flush(false);
    }
    flush(true);
    articles.flush();
    if (truth != nullptr) {
        truth->flush();
    }
    if (!articles || (truth != nullptr && !*truth)) {
        throw std::runtime_error("write failed");
    }
    return generator.summary();
}

CorpusSummary run_corpus_job(const CorpusJob& job, std::ostream& standard_output)
{
    validate(job.options);
    const TextModel model = TextModel::from_directory(job.model_dir);

    auto open = [](const std::string& path, std::ofstream& file) {
        file.open(path, std::ios::binary | std::ios::trunc);
        if (!file) {
            throw std::runtime_error("cannot write " + path);
        }
    };
    std::ofstream out_file;
    std::ofstream truth_file;
    if (job.out != "-") {
        open(job.out, out_file);
    }
    if (!job.truth.empty()) {
        open(job.truth, truth_file);
    }
    std::ostream& out = job.out == "-" ? standard_output : out_file;
    CorpusSummary summary;
    try {
        summary = write_corpus(model, job.options, out, job.truth.empty() ? nullptr : &truth_file);
    } catch (const std::runtime_error&) {
        throw std::runtime_error("cannot write " + (job.out == "-" ? std::string("standard output") : job.out) +
                                 (job.truth.empty() ? "" : " or " + job.truth));
    }
    if (!job.summary.empty()) {
        std::ofstream summary_file;
        open(job.summary, summary_file);
        summary_file << summary_json(summary).dump(2) << '\n';
        if (!summary_file) {
            throw std::runtime_error("cannot write " + job.summary);
        }
    }
    return summary;
}

}  // namespace newsdex::generator
