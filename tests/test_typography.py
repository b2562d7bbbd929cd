"""French typography in what the archive writes (issue 24): labels, fixed words and the
formatted reference's punctuation, checked on every page of the real site; the sources' own
words are left as written (tests/typography_scan.py says how that is proved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DOCS, CliBuild
from seminar_archive.textfr import NBSP, NNBSP, typo_fr
from typography_scan import RULES, page_problems, site_problems, source_corpus


def corpus() -> str:
    # The sources' own words, as the archive holds them (docs/sources and the pages).
    return source_corpus([DOCS])


@pytest.mark.parametrize(("text", "expected"), [
    ("Séance: 3", f"Séance{NBSP}: 3"),
    ("Organisations : A", f"Organisations{NBSP}: A"),
    ("un ; deux", f"un{NNBSP}; deux"),
    ("Quoi? Oui !", f"Quoi{NNBSP}? Oui{NNBSP}!"),
    ("page « Limites »", f"page «{NBSP}Limites{NBSP}»"),
    ("«Limites»", f"«{NBSP}Limites{NBSP}»"),
    ("l'archive d'un", "l’archive d’un"),
    ("« … experts internationaux. ».", f"«{NBSP}… experts internationaux.{NBSP}»"),
    (" : dites-nous", f"{NBSP}: dites-nous"),
    ("à 10:30, voir https://exemple.org/a?b=c : fin", f"à 10:30, voir https://exemple.org/a?b=c{NBSP}: fin"),
    ("une adresse http:, https:, mailto: ou relative", "une adresse http:, https:, mailto: ou relative"),
])
def test_typo_fr(text: str, expected: str) -> None:
    assert typo_fr(text) == expected
    assert typo_fr(expected) == expected  # idempotent


def _page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(f'<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body>{body}</body></html>',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "rule"), [
    # What main wrote before issue 24: docutils' field label, and the doubled full stop.
    ('<dl><dt>Séance<span class="colon">:</span></dt>\n<dd>3</dd></dl>', "colon without space"),
    ("<p>« … avec des experts internationaux. ». Communiqué de presse</p>", "doubled punctuation"),
    ("<p>Organisations : A</p>", "plain space before : ; ! ?"),
    ("<p>Page du thème « consentement »</p>", "plain space inside « »"),
    ("<p>la page d'accueil</p>", "straight apostrophe"),
])
def test_the_scan_finds_what_main_wrote(tmp_path: Path, body: str, rule: str) -> None:
    assert rule in RULES
    assert rule in {p.rule for p in page_problems(_page(tmp_path, body), "page.html", "")}


def test_the_scan_leaves_code_english_and_the_sources(tmp_path: Path) -> None:
    body = ('<p><code>Séance: 3</code></p><p lang="en">Date: today</p><pre>a ; b</pre>'
            f'<p>Séance{NBSP}: 3 à 10:30</p><p>Comité national pilote d\'éthique du numérique</p>')
    assert [p.rule for p in page_problems(_page(tmp_path, body), "page.html", "")] == ["straight apostrophe"]
    # The straight apostrophe is the source's own (the registry writes it so): not a problem.
    assert page_problems(_page(tmp_path, body), "page.html", "Comité national pilote d'éthique du numérique") == []


def test_every_page_of_the_site_follows_french_typography(readers_site: CliBuild) -> None:
    pages = sorted(readers_site.outdir.rglob("*.html"))
    assert len(pages) > 150
    problems = site_problems(readers_site.outdir, corpus())
    assert problems == [], "\n".join(f"{p.page}: {p.rule}: {p.text!r}" for p in problems[:40])


def test_the_field_labels_have_their_no_break_space(readers_site: CliBuild) -> None:
    page = (readers_site.outdir / "press" / "communique-2022-10-21.html").read_text(encoding="utf-8")
    assert f'<span class="colon">{NBSP}:</span>' in page  # a character, not an entity: pages stay light
