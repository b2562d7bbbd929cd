"""The site's search in a real browser (Debian's Chromium driven by Playwright) on the real site:
Pagefind's index and UI (seminar_archive.sphinx.sitesearch). The query table of issue 24, each
query with the page it must list first, is the one docs/recherche.md shows; then one result per
item, excerpts from the item's own text, titles as written, filters with their counts, and the
French message when nothing matches."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from browser_support import screenshot, wait_for_search_results
from conftest import DOCS, CliBuild

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# (query, the page it lists first, why): docs/recherche.md shows this table.
QUERIES = [
    ("octobre 2021", "sessions/ia-sante-03.html", "la seule séance d’octobre 2021"),
    ("2021-10", "sessions/ia-sante-03.html", "la même, sa date écrite AAAA-MM"),
    ("2021", "sessions/2021.html", "la page des séances de 2021, puis ces séances"),
    ("mai 2022", "sessions/ia-sante-08.html", "la séance du 3 mai 2022"),
    ("juin 2020", "sessions/ia-sante-01.html", "la séance du 1er juin 2020"),
    ("Séance 3", "sessions/ia-sante-03.html", "son numéro"),
    ("livrable", "sessions/ia-sante-06.html", "un mot de son titre"),
    ("HDH", "organisations/health-data-hub.html", "un sigle"),
    ("Health Data Hub", "organisations/health-data-hub.html", "un nom d’organisation"),
    ("CNRS", "organisations/cnrs.html", "un sigle"),
    ("Sciences Po", "organisations/sciences-po.html", "un nom d’organisation"),
    ("Chaire santé", "organisations/chaire-sante.html", "une sous-entité"),
    ("Académie nationale de médecine", "organisations/academie-nationale-de-medecine.html", "un nom long"),
    ("communiqué", "press/communique-2022-10-21.html", "le type de l’élément"),
    ("symposium", "press/communique-2022-10-21.html", "un mot du titre du communiqué"),
    ("Benamouzig", "people/daniel-benamouzig.html", "un nom de famille"),
    ("Beaupère", "people/sophie-beaupere.html", "un nom accentué"),
    ("Beaupere", "people/sophie-beaupere.html", "le même, sans accent"),
    ("Commaille-Chapus", "people/catherine-commaille-chapus.html", "un nom composé"),
    ("génomique", "themes/genomique.html", "un thème"),
    ("genomique", "themes/genomique.html", "le même, sans accent"),
    ("garantie humaine", "themes/garantie-humaine.html", "un thème, puis la séance 8"),
    ("intelligence artificielle", "series/ia-sante.html", "le titre de la série"),
    ("l'IA", "press/communique-2022-10-21.html", "apostrophe droite"),
    ("l’IA", "press/communique-2022-10-21.html", "apostrophe typographique"),
]
# The theme's chrome, which Sphinx's search cut its excerpts from.
CHROME = ("Paramètres système", "Clair", "Sombre", "Passer au contenu")


@pytest.fixture()
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")
    opened = context.new_page()
    yield opened
    context.close()


def wait_for_results(page: Any) -> str:
    """Pagefind's UI writes its summary once the results are in: return it."""
    return wait_for_search_results(page)


def results(page: Any) -> list[dict[str, str]]:
    # Each result is drawn empty first, then filled when its page's data has loaded.
    page.wait_for_function("[...document.querySelectorAll('.pagefind-ui__result')]"
                           ".every(r => r.querySelector('.pagefind-ui__result-link'))")
    return list(page.eval_on_selector_all(".pagefind-ui__result", """items => items.map(item => ({
        href: item.querySelector('.pagefind-ui__result-link').getAttribute('href'),
        title: item.querySelector('.pagefind-ui__result-link').textContent,
        excerpt: item.querySelector('.pagefind-ui__result-excerpt').textContent }))"""))


def search(page: Any, site_url: str, words: str) -> list[dict[str, str]]:
    page.goto(f"{site_url}search.html?q={words}")
    wait_for_results(page)
    return results(page)


def path_of(href: str) -> str:
    return href.lstrip("/").split("?")[0]


@pytest.mark.parametrize(("words", "first", "why"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_the_right_item_comes_first(page: Any, site_url: str, words: str, first: str, why: str) -> None:
    found = search(page, site_url, words)
    assert found and path_of(found[0]["href"]) == first, [path_of(r["href"]) for r in found]
    # One result per page, each an address that exists (no anchor of its own).
    hrefs = [r["href"] for r in found]
    assert len(hrefs) == len(set(hrefs)) and not [h for h in hrefs if "#" in h]
    for result in found:
        assert "&#" not in result["title"] and "&amp;" not in result["title"], result
        assert not [c for c in CHROME if result["excerpt"].startswith(c)], result
        assert "⁂" not in result["excerpt"], result


def test_a_year_finds_its_sessions(page: Any, site_url: str) -> None:
    found = [path_of(r["href"]) for r in search(page, site_url, "2021")]
    assert set(found[1:5]) == {f"sessions/ia-sante-0{n}.html" for n in (2, 3, 4, 5)}, found


def test_both_apostrophes_give_the_same_results(page: Any, site_url: str) -> None:
    assert search(page, site_url, "l'IA") == search(page, site_url, "l’IA")


def test_an_excerpt_comes_from_the_items_own_text(page: Any, site_url: str) -> None:
    [session] = [r for r in search(page, site_url, "octobre 2021") if r["href"].endswith("ia-sante-03.html")]
    assert "5 octobre 2021" in session["excerpt"]
    person = search(page, site_url, "Benamouzig")[0]
    # The person page's own words, not the hidden line of names ("personne · Daniel Benamouzig").
    assert "personne ·" not in person["excerpt"] and "Benamouzig" in person["excerpt"]


def filter_counts(page: Any, name: str) -> dict[str, int]:
    # Pagefind draws the filters after the results, once its filter index has loaded.
    boxes = f"input.pagefind-ui__filter-checkbox[name='{name}']"
    page.wait_for_function(f"document.querySelectorAll(\"{boxes}\").length > 0", timeout=20000)
    labels = page.eval_on_selector_all(f"input.pagefind-ui__filter-checkbox[name='{name}'] + label",
                                       "labels => labels.map(l => l.textContent)")
    counts = {}
    for label in labels:
        match = re.fullmatch(r"(.+) \((\d+)\)", label.strip())
        assert match, label
        counts[match[1]] = int(match[2])
    return counts


def choose(page: Any, name: str, value: str) -> None:
    """Tick one value of a filter, as a reader does, and wait for the results it leaves."""
    before = page.locator(".pagefind-ui__message").inner_text()
    page.evaluate("document.querySelectorAll('details.pagefind-ui__filter-block').forEach(d => d.open = true)")
    page.locator(f"input.pagefind-ui__filter-checkbox[name='{name}'][value='{value}']").check()
    page.wait_for_function("before => document.querySelector('.pagefind-ui__message').textContent !== before",
                           arg=before, timeout=20000)
    wait_for_results(page)


def test_filters_by_type_and_year_with_counts(page: Any, site_url: str) -> None:
    search(page, site_url, "2021")
    types = filter_counts(page, "type")
    assert {"séance", "communiqué", "personne", "organisation", "thème"} <= set(types), types
    assert types["séance"] == 4  # the sessions of 2021 (2 to 5)
    years = filter_counts(page, "année")
    assert years["2021"] == 4, years
    choose(page, "type", "séance")
    found = [path_of(r["href"]) for r in results(page)]
    assert sorted(found) == [f"sessions/ia-sante-0{n}.html" for n in (2, 3, 4, 5)], found
    screenshot(page, "recherche-2021-seances")


def test_the_counts_are_the_searchs_when_the_filter_index_comes_late(browser: Any, site_url: str) -> None:
    """Pagefind counts a search's filters from the filter index it has already loaded, and its UI
    then shows the whole archive's counts (8 sessions for « 2021 ») beside the search's results.
    A slow network is enough: the filter files are held back here, as CI's busy machine once did."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="fr-FR")

    def slowly(route: Any) -> None:
        time.sleep(1.5)
        route.continue_()

    context.route(re.compile(r".*/pagefind/filter/.*"), slowly)
    page = context.new_page()
    try:
        search(page, site_url, "2021")
        assert filter_counts(page, "type")["séance"] == 4
        assert filter_counts(page, "année")["2021"] == 4
    finally:
        context.close()


def test_filters_by_theme_and_person(page: Any, site_url: str) -> None:
    search(page, site_url, "IA")
    people = filter_counts(page, "personne")
    assert people["Daniel Benamouzig"] >= 4, people
    choose(page, "personne", "Daniel Benamouzig")
    found = {path_of(r["href"]) for r in results(page)}
    assert {"sessions/ia-sante-02.html", "sessions/ia-sante-03.html", "people/daniel-benamouzig.html"} <= found
    assert not [p for p in found if p.startswith("organisations/")], found
    page.goto(f"{site_url}search.html?q=santé")
    wait_for_results(page)
    choose(page, "thème", "génomique")
    found = {path_of(r["href"]) for r in results(page)}
    assert found == {"sessions/ia-sante-02.html"}, found  # the one session of that theme


def test_octobre_2021_with_its_filters(browser: Any, site_url: str) -> None:
    for width in (390, 1366):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="fr-FR")
        page = context.new_page()
        page.goto(f"{site_url}search.html?q=octobre 2021")
        assert wait_for_results(page).endswith("résultats pour « octobre 2021 »")
        assert page.locator(".pagefind-ui__filter-panel").count() == 1
        screenshot(page, f"recherche-octobre-2021-{width}")
        context.close()


def test_no_result_says_so_in_french(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}search.html?q=qqqq")
    message = wait_for_results(page)
    assert message.startswith("Aucun résultat pour « qqqq »"), message
    assert "catégorie" not in message


def test_the_search_box_of_every_page_opens_the_search_page(page: Any, site_url: str) -> None:
    page.goto(site_url + "sessions/ia-sante-02.html")
    page.locator(".bd-sidebar-primary .search-button-field").first.click()
    field = page.locator("#pst-search-dialog input[name='q']")
    field.fill("HDH")
    with page.expect_navigation():
        field.press("Enter")
    assert "search.html?q=HDH" in page.url
    wait_for_results(page)
    assert path_of(results(page)[0]["href"]) == "organisations/health-data-hub.html"


def test_the_docs_show_this_query_table() -> None:
    text = (DOCS / "recherche.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| « (.+?) » \| `(.+?)` \| (.+?) \|$", text, flags=re.MULTILINE)
    assert rows == [(q, first, why) for q, first, why in QUERIES]


def test_the_search_page_weighs_little(readers_site: CliBuild) -> None:
    """What the search page adds is Pagefind's UI (one script, one stylesheet); its index is in
    pieces fetched as a query needs them."""
    folder = Path(readers_site.outdir) / "pagefind"
    assert (folder / "pagefind-ui.js").stat().st_size < 150_000
    assert len(list((folder / "fragment").glob("*.pf_fragment"))) > 100


def test_markup_quoted_in_a_page_stays_text_in_its_excerpt(page: Any, site_url: str) -> None:
    """The excerpt is cut from Pagefind's words, which it escapes: a page that quotes HTML shows it."""
    found = search(page, site_url, "onerror")
    [security] = [r for r in found if path_of(r["href"]) == "securite.html"]
    assert "<script>" in security["excerpt"] or "onerror=" in security["excerpt"], security
    assert page.locator(".pagefind-ui__result-excerpt script, .pagefind-ui__result-excerpt img").count() == 0
