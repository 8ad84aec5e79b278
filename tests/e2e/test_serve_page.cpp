// Issue 19, news-serve's page in a real browser: headless Chromium types a query, clicks a
// facet value, and the results and the URL follow; a screenshot is kept.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

#include "tests/support/headless_browser.hpp"
#include "tests/support/paths.hpp"
#include "tests/support/serve_process.hpp"
#include "tests/support/shared_indexes.hpp"

using namespace newsdex::test;
using nlohmann::json;

namespace {

// Where the screenshot goes: $NEWSDEX_SCREENSHOT, else beside the built tools.
std::filesystem::path screenshot_path() {
    const char* chosen = std::getenv("NEWSDEX_SCREENSHOT");
    if (chosen && *chosen) return chosen;
    return std::filesystem::path(NEWSDEX_TOOL_DIR).parent_path() / "news-serve-page.png";
}

// The page renders again after each change; wait for the count of renders to pass `after`.
bool rendered_after(HeadlessBrowser& browser, int after) {
    return browser.wait_for("!!document.body && Number(document.body.dataset.ready || 0) > " + std::to_string(after));
}

int renders(HeadlessBrowser& browser) { return browser.evaluate("document.body ? Number(document.body.dataset.ready || 0) : 0").get<int>();
}

}  // namespace

TEST_CASE("news-serve's page searches, filters by a facet value and keeps the state in the URL, in headless Chromium",
          "[e2e][serve][browser]") {
    const std::optional<std::string> chromium = HeadlessBrowser::find();
    if (!chromium) {
        WARN("SKIPPED: no chromium on this machine (scripts/install-deps.sh installs Debian's chromium)");
        return;
    }
    const TempDir& db = seeds_index();
    ServeProcess server(db.path());
    HeadlessBrowser browser(*chromium);
    browser.navigate(server.base_url() + "/");
    REQUIRE(rendered_after(browser, 0));

    // Type a query with the keyboard: "/" focuses the box.
    int before = renders(browser);
    browser.press("/");
    CHECK(browser.evaluate("document.activeElement.id").get<std::string>() == "q");
    browser.type("Myanmar Russia");
    browser.press("Enter");
    REQUIRE(rendered_after(browser, before));
    CHECK(browser.evaluate("location.search").get<std::string>() == "?q=Myanmar+Russia");
    const json api = json::parse(server.get("/api/search", Params{{"q", "Myanmar Russia"}}).body);
    const int shown = browser.evaluate("document.querySelectorAll('#results .hit').length").get<int>();
    CHECK(shown == static_cast<int>(api["results"].size()));
    CHECK(shown > 0);
    CHECK(browser.evaluate("document.querySelector('#results .hit h3').textContent").get<std::string>() ==
          api["results"][0]["title"].get<std::string>());
    CHECK(browser.evaluate("document.querySelectorAll('#results mark').length > 0").get<bool>());
    CHECK(browser.evaluate("/\\([0-9.]+ ms\\)/.test(document.querySelector('#status').textContent)").get<bool>());
    CHECK(browser.evaluate("document.querySelectorAll('#facet-month .bar').length > 1").get<bool>());

    // Click the first person: the URL gains the filter and the results narrow to it.
    const std::string person =
        browser.evaluate("document.querySelector('.facet-value[data-facet=person]').dataset.value").get<std::string>();
    before = renders(browser);
    browser.click(".facet-value[data-facet=person]");
    REQUIRE(rendered_after(browser, before));
    const std::string url = browser.evaluate("location.search").get<std::string>();
    CHECK(url.find("actor=") != std::string::npos);
    CHECK(browser.evaluate("new URLSearchParams(location.search).get('actor')").get<std::string>() == person);
    const json filtered =
        json::parse(server.get("/api/search", Params{{"q", "Myanmar Russia"}, {"actor", person}}).body);
    CHECK(browser.evaluate("document.querySelectorAll('#results .hit').length").get<int>() ==
          static_cast<int>(filtered["results"].size()));
    CHECK(browser.evaluate("document.querySelector('.facet-value[aria-pressed=true]').dataset.value").get<std::string>() ==
          person);
    CHECK(browser.evaluate("document.querySelectorAll('#filters .chip').length").get<int>() == 1);

    // Save the page as it stands (results, facets, the timeline, one filter).
    const std::string png = browser.screenshot_png();
    CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    std::ofstream(screenshot_path(), std::ios::binary) << png;
    WARN("screenshot: " << screenshot_path().string());

    // The same URL opened afresh shows the same state: it can be shared.
    browser.navigate(server.base_url() + "/" + url);
    REQUIRE(rendered_after(browser, 0));
    CHECK(browser.evaluate("document.querySelector('#q').value").get<std::string>() == "Myanmar Russia");
    CHECK(browser.evaluate("document.querySelectorAll('.facet-value[aria-pressed=true]').length").get<int>() == 1);

    // A second click on the same value removes the filter.
    before = renders(browser);
    browser.click(".facet-value[aria-pressed=true]");
    REQUIRE(rendered_after(browser, before));
    CHECK(browser.evaluate("location.search").get<std::string>() == "?q=Myanmar+Russia");

    // The article view: the stored text and its copies, from a result's headline.
    before = renders(browser);
    browser.click("#results .hit h3 a");
    REQUIRE(rendered_after(browser, before));
    CHECK(browser.evaluate("new URLSearchParams(location.search).has('show')").get<bool>());
    CHECK(browser.evaluate("document.querySelector('#article h2').textContent").get<std::string>() ==
          api["results"][0]["title"].get<std::string>());
}
