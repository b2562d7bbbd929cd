"""Pages readers browse by, in the built site: a page per theme (the old anchors of the themes
index kept, each leading to its page), an organisation's page with the people of its entities,
and a press release's page that says whom it quotes, as its source document does."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from conftest import DOCS, CliBuild


def soup(site: CliBuild, name: str) -> BeautifulSoup:
    return BeautifulSoup((site.outdir / name).read_text(encoding="utf-8"), "html.parser")


def names(block: Tag | None) -> set[str]:
    assert block is not None
    return {a.get_text().strip() for a in block.select("a[href^='../people/']")}


def test_each_theme_has_its_page_and_its_old_anchor(readers_site: CliBuild) -> None:
    index = soup(readers_site, "themes/index.html")
    sections = index.select("article section section[id]")
    assert len(sections) >= 10
    for anchor in sections:
        slug = anchor["id"]
        link = anchor.select_one(".archive-theme-link a")
        assert link is not None and link["href"] == f"{slug}.html", slug
        page = soup(readers_site, f"themes/{slug}.html")
        title = page.select_one("article h1")
        assert title is not None
        assert title.get_text().strip("#¶ ") == anchor.select_one("h2").get_text().strip("#¶ ")
        # The page lists what the index lists under its anchor.
        listed_here = {a["href"] for a in page.select("article li a[href^='../']")
                       if not a["href"].startswith("../people/")}
        listed_there = {a["href"] for a in anchor.select("li a[href^='../']")}
        assert listed_there and listed_there <= listed_here, slug
    # A session's themes lead to their pages, which lead back to it.
    session = soup(readers_site, "sessions/ia-sante-02.html")
    themes = [a["href"] for a in session.select("dl.archive-meta a[href^='../themes/']")]
    assert "../themes/donnees-de-sante.html" in themes
    for href in themes:
        page = soup(readers_site, href.removeprefix("../"))
        assert page.select_one("article a[href='../sessions/ia-sante-02.html']") is not None, href
    # Theme pages are in the navigation, under the themes.
    nav = soup(readers_site, "themes/genomique.html").select_one("nav.bd-docs-nav")
    assert nav is not None and nav.select_one("a[href='donnees-de-sante.html']") is not None


def test_an_organisation_lists_the_people_of_its_entities(readers_site: CliBuild) -> None:
    page = soup(readers_site, "organisations/sciences-po.html")
    own = names(page.select_one("#personnes-sciences-po"))
    entities = page.select_one("#personnes-entites-sciences-po")
    assert "Dominique Cardon" in own
    assert {"Daniel Benamouzig", "Catherine Commaille-Chapus"} <= names(entities)
    assert entities is not None
    # Each row names its entity; the note says these are the entities' people.
    rows = entities.select("tbody tr")
    benamouzig = [r for r in rows if "Daniel Benamouzig" in r.get_text()]
    assert benamouzig and all(r.select_one("a[href='chaire-sante.html']") for r in benamouzig)
    assert "entité de Sciences Po" in entities.select_one(".archive-supplied-note").get_text()
    # Nobody twice for one document: a row of the organisation's own list is not repeated.
    own_rows = {(r.select("td")[1].get_text(), r.select("td")[2].get_text())
                for r in page.select("#personnes-sciences-po tbody tr")}
    entity_rows = {(r.select("td")[1].get_text(), r.select("td")[3].get_text()) for r in rows}
    assert not own_rows & entity_rows
    # An organisation without entities has no such section.
    assert soup(readers_site, "organisations/chaire-sante.html").select_one("[id^='personnes-entites']") is None


def test_the_press_release_says_whom_it_quotes(readers_site: CliBuild) -> None:
    page = soup(readers_site, "press/communique-2022-10-21.html")
    section = page.select_one("#personnes-nommees")  # the section's address is kept
    assert section is not None
    quoted = names(page.select_one("#personnes-citees"))
    named = names(page.select_one("#personnes-mentionnees"))
    assert quoted == {"Emmanuel Bacry", "Bernard Nordlinger", "Daniela Rus", "Farhad Rikhtegar Nezami"}
    assert named == {"Leo Anthony Celi", "Elazer R. Edelman"}
    # As the source document has it: the quoted are named in a paragraph that quotes (“…”),
    # the others are not.
    source = (DOCS / "sources" / "003_0be8fc24b0174986.txt").read_text(encoding="utf-8")
    paragraphs = re.split(r"\n\s*\n", source)
    for person in quoted | named:
        family = person.split()[-1]
        quoting = [("“" in p) for p in paragraphs if family in p]
        assert quoting, person
        assert any(quoting) == (person in quoted), person
