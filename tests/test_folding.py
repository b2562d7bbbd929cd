"""folding.py, textfr.date_fr and messages.did_you_mean: each written once, and every caller
folds, dates and hints alike."""

from __future__ import annotations

import datetime as dt

import pytest

from seminar_archive.checks import closest
from seminar_archive.collation import base_letters
from seminar_archive.duplicates import fold as duplicate_fold
from seminar_archive.folding import strip_accents
from seminar_archive.messages import did_you_mean, render_message
from seminar_archive.model import theme_key
from seminar_archive.sphinx.searchfr import fold as search_fold
from seminar_archive.textfr import date_fr

WORDS = ["Élodie", "Œuvray", "cœur", "Sécurité", "Lætitia", "Noël", "ÇA", "naïve", "Ångström"]


@pytest.mark.parametrize(("text", "folded"), [("Élodie Œuvray", "Elodie OEuvray"), ("cœur", "coeur"),
                                              ("Lætitia", "Laetitia"), ("Straße", "Straße"), ("ﬁn", "fin")])
def test_strip_accents(text: str, folded: str) -> None:
    assert strip_accents(text) == folded


@pytest.mark.parametrize("word", WORDS)
def test_every_caller_folds_accents_alike(word: str) -> None:
    expected = strip_accents(word).casefold()
    assert base_letters(word) == expected
    assert duplicate_fold(word) == expected
    assert theme_key(word) == expected
    assert search_fold(word) == strip_accents(word).lower()


def test_the_search_fold_keeps_eszett_as_the_browser_does() -> None:
    assert search_fold("Straße") == "straße" and base_letters("Straße") == "strasse"


def test_french_dates_are_written_once() -> None:
    assert date_fr(dt.date(2020, 6, 1)) == "1er juin 2020"
    assert date_fr(dt.date(2021, 10, 14)) == "14 octobre 2021"


def test_one_did_you_mean_for_build_and_command() -> None:
    assert did_you_mean("ser-01", "fr") == " ; vouliez-vous dire « ser-01 » ?"
    assert did_you_mean("ser-01", "en") == "; did you mean 'ser-01'?"
    assert did_you_mean("", "fr") == ""
    assert closest("ser-1", ["ser-01", "zzz"]) == "ser-01" and closest("qqq", ["ser-01"]) == ""
    rendered = render_message("unknown-field", {"name": "titel", "suggestion": "title"}, "fr")
    assert rendered.endswith(did_you_mean("title", "fr")), rendered
